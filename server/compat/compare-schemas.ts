import type { AdditionalProperties, Direction, SchemaChange } from './change.js';
import { compareBounds } from './compare-bounds.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { matchVariants } from './match-variants.js';
import { childPointer, resolveRef } from './resolve-ref.js';
import { createScope, operationScope, type SchemaComparison, type SchemaScope } from './schema-comparison.js';
import { sameTypes, typeSet } from './type-set.js';

/** One side of a schema comparison: the node (maybe a `$ref`), its document and its location. */
export interface SchemaSide {
  doc: unknown;
  node: unknown;
  pointer: string;
}

export interface CompareSchemasInput {
  comparison: SchemaComparison;
  operation: string;
  direction: Direction;
  base: SchemaSide;
  head: SchemaSide;
}

interface Walk {
  comparison: SchemaComparison;
  direction: Direction;
  scope: SchemaScope;
  depth: number;
}

type Fact = SchemaChange extends infer C ? (C extends SchemaChange ? Omit<C, 'direction' | 'pointer' | 'operations'> : never) : never;

// Documents are trees, but objects built from YAML aliases may nest without end; stop there.
const MAX_INLINE_DEPTH = 256;

/**
 * Compares the schema a client sends (`request`) or reads (`response`) in one operation, adding
 * facts to the comparison. Judging them is left to the rules.
 */
export function compareSchemas({ comparison, operation, direction, base, head }: CompareSchemasInput): void {
  comparePair(base, head, { comparison, direction, scope: operationScope(comparison, operation), depth: 0 }, true);
}

function comparePair(base: SchemaSide, head: SchemaSide, walk: Walk, entry = false): void {
  const b = resolveRef(base.doc, base.node, base.pointer);
  const h = resolveRef(head.doc, head.node, head.pointer);
  // Entry points and references are where schemas are shared: compare each pair of locations once.
  if (entry || b.viaRef || h.viaRef) {
    const key = `${walk.direction} ${b.pointer} ${h.pointer}`;
    const known = walk.comparison.scopes.get(key);
    if (known) {
      walk.scope.children.add(known);
      return;
    }
    const scope = createScope();
    walk.comparison.scopes.set(key, scope);
    walk.scope.children.add(scope);
    walk = { ...walk, scope };
  }
  if (walk.depth > MAX_INLINE_DEPTH) return;
  compareKeywords({ doc: base.doc, node: b.node, pointer: b.pointer }, { doc: head.doc, node: h.node, pointer: h.pointer }, { ...walk, depth: walk.depth + 1 });
}

function compareKeywords(base: SchemaSide, head: SchemaSide, walk: Walk): void {
  const b = asSchema(base.node);
  const h = asSchema(head.node);
  const emit = (fact: Fact, pointer = head.pointer) =>
    walk.comparison.changes.push({ ...fact, direction: walk.direction, pointer, operations: walk.scope.operations } as SchemaChange);

  const [fromTypes, toTypes] = [typeSet(b), typeSet(h)];
  if (!sameTypes(fromTypes, toTypes)) emit({ kind: 'schema.type.changed', from: fromTypes, to: toTypes });
  const [fromFormat, toFormat] = [text(b.format), text(h.format)];
  if (fromFormat !== toFormat) emit({ kind: 'schema.format.changed', ...optional('from', fromFormat), ...optional('to', toFormat) });
  const [fromPattern, toPattern] = [text(b.pattern), text(h.pattern)];
  if (fromPattern !== toPattern) emit({ kind: 'schema.pattern.changed', ...optional('from', fromPattern), ...optional('to', toPattern) });
  for (const fact of compareBounds(b, h)) emit(fact);
  if (JSON.stringify(b.default) !== JSON.stringify(h.default)) emit({ kind: 'schema.default.changed', ...(b.default !== undefined && { from: b.default }), ...(h.default !== undefined && { to: h.default }) });
  if (Array.isArray(b.enum) && Array.isArray(h.enum)) {
    const removed = difference(b.enum, h.enum);
    const added = difference(h.enum, b.enum);
    if (removed.length > 0) emit({ kind: 'schema.enum.values-removed', values: removed });
    if (added.length > 0) emit({ kind: 'schema.enum.values-added', values: added });
  } else if (Array.isArray(h.enum)) emit({ kind: 'schema.enum.added', values: h.enum });
  else if (Array.isArray(b.enum)) emit({ kind: 'schema.enum.removed', values: b.enum });
  if ((b.readOnly === true) !== (h.readOnly === true)) emit({ kind: 'schema.read-only.changed', from: b.readOnly === true, to: h.readOnly === true });
  if ((b.writeOnly === true) !== (h.writeOnly === true)) emit({ kind: 'schema.write-only.changed', from: b.writeOnly === true, to: h.writeOnly === true });

  compareProperties(base, head, b, h, walk, emit);

  const [fromExtra, toExtra] = [additional(b.additionalProperties), additional(h.additionalProperties)];
  if (fromExtra === 'schema' && toExtra === 'schema') comparePair(sub(base, b.additionalProperties, 'additionalProperties'), sub(head, h.additionalProperties, 'additionalProperties'), walk);
  else if (OPENNESS[toExtra] < OPENNESS[fromExtra]) emit({ kind: 'schema.additional-properties.narrowed', from: fromExtra, to: toExtra });
  else if (OPENNESS[toExtra] > OPENNESS[fromExtra]) emit({ kind: 'schema.additional-properties.widened', from: fromExtra, to: toExtra });

  if (b.items !== undefined || h.items !== undefined) comparePair(sub(base, b.items ?? {}, 'items'), sub(head, h.items ?? {}, 'items'), walk);

  for (const keyword of ['oneOf', 'anyOf', 'allOf'] as const) {
    const match = matchVariants(b[keyword], h[keyword]);
    for (const [from, to] of match.pairs) comparePair(sub(base, (b[keyword] as unknown[])[from.index], keyword, from.index), sub(head, (h[keyword] as unknown[])[to.index], keyword, to.index), walk);
    // allOf members are parts of one schema, not alternatives; regrouping them is left to a later normaliser.
    if (keyword === 'allOf') continue;
    for (const variant of match.removed) emit({ kind: 'schema.variant.removed', keyword, variant: variant.label }, childPointer(base.pointer, keyword, variant.index));
    for (const variant of match.added) emit({ kind: 'schema.variant.added', keyword, variant: variant.label }, childPointer(head.pointer, keyword, variant.index));
  }
}

function compareProperties(base: SchemaSide, head: SchemaSide, b: JsonObject, h: JsonObject, walk: Walk, emit: (fact: Fact, pointer?: string) => void): void {
  const fromProps = isJsonObject(b.properties) ? b.properties : {};
  const toProps = isJsonObject(h.properties) ? h.properties : {};
  const fromRequired = names(b.required);
  const toRequired = names(h.required);
  for (const [property, schema] of Object.entries(fromProps)) {
    const pointer = childPointer(base.pointer, 'properties', property);
    if (!Object.hasOwn(toProps, property)) {
      emit({ kind: 'schema.property.removed', property, required: fromRequired.has(property), ...flags(base.doc, schema) }, pointer);
      continue;
    }
    const headPointer = childPointer(head.pointer, 'properties', property);
    const headFlags = flags(head.doc, toProps[property]);
    if (!fromRequired.has(property) && toRequired.has(property)) emit({ kind: 'schema.property.became-required', property, ...headFlags }, headPointer);
    if (fromRequired.has(property) && !toRequired.has(property)) emit({ kind: 'schema.property.became-optional', property, ...headFlags }, headPointer);
    comparePair({ doc: base.doc, node: schema, pointer }, { doc: head.doc, node: toProps[property], pointer: headPointer }, walk);
  }
  for (const [property, schema] of Object.entries(toProps)) {
    if (Object.hasOwn(fromProps, property)) continue;
    emit({ kind: 'schema.property.added', property, required: toRequired.has(property), ...flags(head.doc, schema) }, childPointer(head.pointer, 'properties', property));
  }
}

const OPENNESS: Record<AdditionalProperties, number> = { none: 0, schema: 1, any: 2 };

function additional(value: unknown): AdditionalProperties {
  if (value === false) return 'none';
  if (value === undefined || value === true || (isJsonObject(value) && Object.keys(value).length === 0)) return 'any';
  return 'schema';
}

function flags(doc: unknown, schema: unknown): { readOnly: boolean; writeOnly: boolean } {
  const node = asSchema(resolveRef(doc, schema, '').node);
  return { readOnly: node.readOnly === true, writeOnly: node.writeOnly === true };
}

function sub(side: SchemaSide, node: unknown, ...segments: (string | number)[]): SchemaSide {
  return { doc: side.doc, node, pointer: childPointer(side.pointer, ...segments) };
}

// 3.1 allows `true`/`false` as schemas; `false` admits nothing, which the keywords cannot express yet.
function asSchema(node: unknown): JsonObject {
  return isJsonObject(node) ? node : {};
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function names(value: unknown): Set<string> {
  return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
}

function difference(from: unknown[], to: unknown[]): unknown[] {
  const kept = new Set(to.map((v) => JSON.stringify(v)));
  return from.filter((v) => !kept.has(JSON.stringify(v)));
}
