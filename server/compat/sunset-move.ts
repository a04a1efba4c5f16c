/**
 * Which way an `x-sunset` moved between two sides. A sunset appearing sets an end where none was
 * promised, and one disappearing gives more time; unreadable dates are not compared.
 */
export function sunsetMove(from: string | undefined, to: string | undefined): 'earlier' | 'later' | 'set' | undefined {
  if (from === to) return undefined;
  if (from === undefined) return 'set';
  if (to === undefined) return 'later';
  const [fromAt, toAt] = [Date.parse(from), Date.parse(to)];
  if (Number.isNaN(fromAt) || Number.isNaN(toAt) || fromAt === toAt) return undefined;
  return toAt < fromAt ? 'earlier' : 'later';
}
