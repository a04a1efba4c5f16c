/** Renders rows as an aligned plain-text table for terminals. */
export function printTable(headers: string[], rows: (string | number | null | undefined)[][], write: (line: string) => void = console.log): void {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  write(line(headers.map((h) => h.toUpperCase())));
  for (const r of cells) write(line(r));
}
