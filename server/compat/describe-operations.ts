/** The operation a fact concerns, or for a shared definition the first and how many more; findings list them all. */
export function describeOperations(operations: readonly string[]): string {
  if (operations.length <= 1) return operations[0] ?? 'no operation';
  return `${operations[0]} and ${operations.length - 1} other operation${operations.length === 2 ? '' : 's'}`;
}
