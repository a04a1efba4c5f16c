import type { GraphQLResolveInfo } from 'graphql';

/**
 * Whether the query selects nothing of this field's object but `fields` (and `__typename`), with
 * no fragments: then a parent that already carries those values can answer without a read.
 */
export function asksOnly(info: GraphQLResolveInfo, fields: readonly string[]): boolean {
  return info.fieldNodes.every((node) => node.selectionSet?.selections.every((s) => s.kind === 'Field' && (s.name.value === '__typename' || fields.includes(s.name.value))) ?? false);
}
