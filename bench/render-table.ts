import type { Table } from './benchmark-report.js';

const NUMERIC = /^[-+~≤≥]?\s?[\d.,]+\s?(ms|s|×|%|\/s|MB|kB|B)?$/;

/**
 * A Markdown table padded to line up in a terminal, so the same text reads well when printed and
 * pastes unchanged into bench/README.md. Numeric cells are right-aligned.
 */
export function renderTable({ title, columns, rows, notes = [] }: Table): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = columns.map((_, i) => rows.length > 0 && rows.every((r) => NUMERIC.test(r[i] ?? '') || ['', '—', 'n/a'].includes(r[i] ?? '')));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [`### ${title}`, '', line(columns), rule, ...rows.map(line), ...(notes.length > 0 ? ['', ...notes.map((n) => `- ${n}`)] : [])].join('\n');
}
