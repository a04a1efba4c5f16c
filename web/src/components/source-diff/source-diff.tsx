/** A row of the side-by-side view: a line on either side, or on one side only. */
type Row = { left?: string; right?: string; leftNo?: number; rightNo?: number; kind: 'same' | 'removed' | 'added' | 'changed' };

// Past this many lines a side the table of common subsequences would cost too much memory in a tab.
const MAX_LINES = 2500;

/** Aligns two texts line by line on their longest common subsequence. */
export function alignLines(before: string, after: string): Row[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length > MAX_LINES || b.length > MAX_LINES) {
    return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => ({ left: a[i], right: b[i], leftNo: i < a.length ? i + 1 : undefined, rightNo: i < b.length ? i + 1 : undefined, kind: a[i] === b[i] ? 'same' : 'changed' }) as Row);
  }
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
  const rows: Row[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) rows.push({ left: a[i], right: b[j], leftNo: ++i, rightNo: ++j, kind: 'same' });
    else if (j < b.length && (i === a.length || table[i * width + j + 1]! >= table[(i + 1) * width + j]!)) rows.push({ right: b[j], rightNo: ++j, kind: 'added' });
    else rows.push({ left: a[i], leftNo: ++i, kind: 'removed' });
  }
  return rows;
}

const CONTEXT = 3;

/** The two documents side by side, unchanged stretches folded to a few lines of context. */
export default function SourceDiff({ before, after, fromLabel, toLabel }: { before: string; after: string; fromLabel: string; toLabel: string }) {
  const rows = alignLines(before, after);
  const near = rows.map((_, i) => rows.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((r) => r.kind !== 'same'));
  const shown: (Row | 'fold')[] = [];
  rows.forEach((row, i) => {
    if (near[i]) shown.push(row);
    else if (shown.at(-1) !== 'fold') shown.push('fold');
  });
  return (
    <div className="source-diff" role="region" aria-label={`Document change from ${fromLabel} to ${toLabel}`} tabIndex={0}>
      <table>
        <thead><tr><th scope="col" colSpan={2}>{fromLabel}</th><th scope="col" colSpan={2}>{toLabel}</th></tr></thead>
        <tbody>
          {shown.map((row, i) =>
            row === 'fold' ? (
              <tr key={i} className="fold"><td colSpan={4}>⋯ unchanged lines</td></tr>
            ) : (
              <tr key={i} className={`diff-${row.kind}`}>
                <td className="line-no">{row.leftNo ?? ''}</td>
                <td className={row.left === undefined ? 'empty' : row.kind === 'removed' || row.kind === 'changed' ? 'removed' : ''}><pre>{row.left ?? ''}</pre></td>
                <td className="line-no">{row.rightNo ?? ''}</td>
                <td className={row.right === undefined ? 'empty' : row.kind === 'added' || row.kind === 'changed' ? 'added' : ''}><pre>{row.right ?? ''}</pre></td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
