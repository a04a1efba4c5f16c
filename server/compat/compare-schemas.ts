import type { BoundKeyword, ConstraintKeyword, Direction, SchemaChange } from './change.js';
import { compareBounds } from './compare-bounds.js';
import { declaredAt } from './declared-at.js';
import { effectiveSchema, type AllOfMember, type EffectiveSchema, type VariantGroup } from './effective-schema.js';
import { fingerprint } from './fingerprint.js';
import { isMultipleOf } from './is-multiple-of.js';
import { isJsonObject } from './json-object.js';
import { matchVariants } from './match-variants.js';
import { resolveParts } from './resolve-parts.js';
import { childPointer, resolveRef } from './resolve-ref.js';
import { createScope, operationScope, type SchemaComparison, type SchemaScope } from './schema-comparison.js';
import type { SchemaPart } from './schema-part.js';
import { sameTypes } from './type-set.js';

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
  docs: { base: unknown; head: unknown };
}

type Fact = SchemaChange extends infer C ? (C extends SchemaChange ? Omit<C, 'direction' | 'pointer' | 'operations'> : never) : never;
type Emit = (fact: Fact, pointer?: string) => void;

// 3.0 writes the number of an exclusive bound under `minimum`/`maximum`.
const SPELLINGS: Partial<Record<BoundKeyword, string[]>> = { exclusiveMinimum: ['exclusiveMinimum', 'minimum'], exclusiveMaximum: ['exclusiveMaximum', 'maximum'] };

// Documents are trees, but objects built from YAML aliases may nest without end; stop there.
const MAX_INLINE_DEPTH = 256;

/**
 * Compares the schema a client sends (`request`) or reads (`response`) in one operation, adding
 * facts to the comparison. Judging them is left to the rules. Schemas are compared by what they
 * mean (`effectiveSchema`), so regrouping `allOf` members or moving from 3.0 to 3.1 spellings is
 * no change.
 */
export function compareSchemas({ comparison, operation, direction, base, head }: CompareSchemasInput): void {
  const walk = { comparison, direction, scope: operationScope(comparison, operation), depth: 0, docs: { base: base.doc, head: head.doc } };
  comparePair([{ ...base, viaRef: false }], [{ ...head, viaRef: false }], walk, true);
}

function comparePair(base: readonly SchemaPart[], head: readonly SchemaPart[], walk: Walk, entry = false): void {
  // A pair that cannot differ yields no fact, wherever it is reached from.
  if (base.length === 1 && head.length === 1 && walk.comparison.alike(base[0]!, head[0]!)) return;
  const b = resolveParts(base);
  const h = resolveParts(head);
  // Entry points and references are where schemas are shared: compare each pair of locations once.
  if (entry || b.some((part) => part.viaRef) || h.some((part) => part.viaRef)) {
    const key = `${walk.direction} ${pointers(b)} ${pointers(h)}`;
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
  const views = walk.comparison.views;
  const [from, to] = [effectiveSchema(views, b), effectiveSchema(views, h)];
  walk = { ...walk, depth: walk.depth + 1 };
  if (!compareLoneUnion(b, h, from, to, walk)) compareViews(from, to, walk);
}

/**
 * A schema that became one alternative of a union (`$ref: Card` → `oneOf: [Card, Cash]`), or a
 * union cut down to one of its alternatives: the schema is compared with the alternative it pairs
 * with, and the others are alternatives added or removed, rather than the whole schema being
 * replaced. Only a union with nothing beside it but its type counts; keywords beside it apply to
 * every alternative, so there the union is a constraint of its own. `base` and `head` are resolved.
 */
function compareLoneUnion(base: readonly SchemaPart[], head: readonly SchemaPart[], b: EffectiveSchema, h: EffectiveSchema, walk: Walk): boolean {
  const [fromUnion, toUnion] = [loneUnion(b), loneUnion(h)];
  if (toUnion && b.variants.length === 0 && base.length === 1 && constrains(base[0]!.node)) {
    const to = unionAlternatives(toUnion);
    compareAlternatives(alternativesOf(base[0]!, toUnion.keyword, to), to, toUnion.keyword, walk);
    return true;
  }
  if (fromUnion && h.variants.length === 0 && head.length === 1 && constrains(head[0]!.node)) {
    const from = unionAlternatives(fromUnion);
    compareAlternatives(from, alternativesOf(head[0]!, fromUnion.keyword, from), fromUnion.keyword, walk);
    return true;
  }
  // A referenced schema that became one alternative of a union written beside other keywords (or
  // the reverse): those keywords hold for every alternative, so the schema is compared with its
  // alternative and them together, and the other alternatives are added or removed. A schema that
  // is not one of the alternatives meets the union as a condition added (see `compareViews`).
  const toBeside = toUnion ? undefined : unionBeside(h);
  if (toBeside && b.variants.length === 0 && base.length === 1 && isAlternative(base[0]!, toBeside.group)) {
    const to = unionAlternatives(toBeside.group);
    compareAlternatives(alternativesOf(base[0]!, toBeside.group.keyword, to), to, toBeside.group.keyword, walk, { to: toBeside.rest });
    return true;
  }
  const fromBeside = fromUnion ? undefined : unionBeside(b);
  if (fromBeside && h.variants.length === 0 && head.length === 1 && isAlternative(head[0]!, fromBeside.group)) {
    const from = unionAlternatives(fromBeside.group);
    compareAlternatives(from, alternativesOf(head[0]!, fromBeside.group.keyword, from), fromBeside.group.keyword, walk, { from: fromBeside.rest });
    return true;
  }
  return false;
}

interface Alternative {
  part: SchemaPart;
  /** Where a referenced alternative resolves to: alternatives pair by it, inline ones by order (as in `matchVariants`). */
  target?: string;
  label?: string;
}

/** `beside`: what a side's union node says besides the union, which holds for each of its alternatives. */
function compareAlternatives(from: readonly Alternative[], to: readonly Alternative[], keyword: 'oneOf' | 'anyOf', walk: Walk, beside: { from?: SchemaPart; to?: SchemaPart } = {}): void {
  const written = (alternatives: readonly Alternative[]) => alternatives.map(({ target }) => (target === undefined ? {} : { $ref: target }));
  const match = matchVariants(written(from), written(to));
  const withBeside = (part: SchemaPart, rest: SchemaPart | undefined) => (rest ? [part, rest] : [part]);
  for (const [x, y] of match.pairs) comparePair(withBeside(from[x.index]!.part, beside.from), withBeside(to[y.index]!.part, beside.to), walk);
  for (const variant of match.removed) record(walk, { kind: 'schema.variant.removed', keyword, variant: from[variant.index]!.label ?? variant.label }, from[variant.index]!.part.pointer);
  for (const variant of match.added) record(walk, { kind: 'schema.variant.added', keyword, variant: to[variant.index]!.label ?? variant.label }, to[variant.index]!.part.pointer);
}

function unionAlternatives(group: VariantGroup): Alternative[] {
  return group.members.map((node, index) => {
    const part = member(group, index);
    const { pointer, viaRef } = resolveRef(part.doc, node, part.pointer);
    return viaRef ? { part, target: pointer, label: pointer.slice(pointer.lastIndexOf('/') + 1) } : { part };
  });
}

/**
 * A plain (resolved) schema as alternatives: itself, paired with the alternative that refers to it
 * or else with the first inline one; or, where it is a union of one schema and null (which reads as
 * that schema, nullable), the members it lists, so that each pairs with its like.
 */
function alternativesOf(part: SchemaPart, keyword: 'oneOf' | 'anyOf', others: readonly Alternative[]): Alternative[] {
  const members = isJsonObject(part.node) ? part.node[keyword] : undefined;
  if (Array.isArray(members)) return unionAlternatives({ keyword, members, owner: part });
  const referred = others.some((other) => other.target === part.pointer);
  const label = part.viaRef ? part.pointer.slice(part.pointer.lastIndexOf('/') + 1) : 'the schema written inline';
  return [{ part, ...(referred && { target: part.pointer }), label }];
}

// Beside a lone union: what describes it, how tools dispatch among its alternatives, and a type
// every alternative is expected to share anyway.
const BESIDE_LONE_UNION = new Set(['type', 'discriminator', 'title', 'description', '$comment', 'example', 'examples', 'deprecated', 'externalDocs', 'xml']);

/** The view's one `oneOf`/`anyOf`, when it is written alone in one node (see `compareLoneUnion`). */
function loneUnion(view: EffectiveSchema): VariantGroup | undefined {
  const [group] = view.variants;
  const [source] = view.sources;
  if (view.variants.length !== 1 || view.sources.length !== 1 || view.allOfMembers.length > 0 || group!.through || !isJsonObject(source!.node)) return undefined;
  const node = source!.node;
  if (Array.isArray(node.type) && node.type.includes('null')) return undefined;
  return Object.keys(node).every((key) => key === group!.keyword || BESIDE_LONE_UNION.has(key) || key.startsWith('x-')) ? group : undefined;
}

/**
 * The view's one `oneOf`/`anyOf` written in one node beside keywords that constrain it: the group,
 * and the rest of that node as a part of its own.
 */
function unionBeside(view: EffectiveSchema): { group: VariantGroup; rest: SchemaPart } | undefined {
  const [group] = view.variants;
  const [source] = view.sources;
  if (view.variants.length !== 1 || view.sources.length !== 1 || view.allOfMembers.length > 0 || group!.through || !isJsonObject(source!.node)) return undefined;
  if (Array.isArray(source!.node.type) && source!.node.type.includes('null')) return undefined;
  const { [group!.keyword]: _union, ...rest } = source!.node;
  return { group: group!, rest: { ...source!, node: rest } };
}

/** Whether a resolved schema is one of the union's referenced alternatives. */
function isAlternative(part: SchemaPart, group: VariantGroup): boolean {
  return part.viaRef && unionAlternatives(group).some((alternative) => alternative.target === part.pointer);
}

// The empty schema admits anything, so a union replacing it narrows: that is a union added.
function constrains(node: unknown): boolean {
  return node === false || (isJsonObject(node) && Object.keys(node).some((key) => !key.startsWith('x-') && (!BESIDE_LONE_UNION.has(key) || key === 'type')));
}

function compareViews(base: EffectiveSchema, head: EffectiveSchema, walk: Walk): void {
  const [b, h] = [nullInTypes(base), nullInTypes(head)];
  const emit: Emit = (fact, pointer = h.pointer) => record(walk, fact, pointer);
  const at = (...keywords: string[]) => declaredAt(h, keywords);
  // Once either side admits nothing, its other keywords say nothing.
  if (b.never || h.never) {
    if (!b.never) emit({ kind: 'schema.false.added' });
    else if (!h.never) emit({ kind: 'schema.false.removed' });
    return;
  }

  // A union that adds null is declared where the `oneOf`/`anyOf` is, not in the member it wraps.
  if (!sameTypes(b.types, h.types)) emit({ kind: 'schema.type.changed', from: b.types, to: h.types }, at('type', 'nullable', 'oneOf', 'anyOf'));
  if (b.format !== h.format) emit({ kind: 'schema.format.changed', ...optional('from', b.format), ...optional('to', h.format) }, at('format'));
  const [fromPattern, toPattern] = [patterns(b), patterns(h)];
  if (fromPattern !== toPattern) emit({ kind: 'schema.pattern.changed', ...optional('from', fromPattern), ...optional('to', toPattern) }, at('pattern'));
  for (const fact of compareBounds(b.bounds, h.bounds)) emit(fact, declaredAt(h, SPELLINGS[fact.keyword] ?? [fact.keyword], fact.to));
  if (b.multipleOf !== h.multipleOf) emit({ kind: 'schema.multiple-of.changed', ...(b.multipleOf !== undefined && { from: b.multipleOf }), ...(h.multipleOf !== undefined && { to: h.multipleOf }), change: stepChange(b.multipleOf, h.multipleOf) }, at('multipleOf'));
  if (b.uniqueItems !== h.uniqueItems) emit({ kind: 'schema.unique-items.changed', from: b.uniqueItems, to: h.uniqueItems }, at('uniqueItems'));
  if (b.default !== h.default && fingerprint(b.default) !== fingerprint(h.default)) emit({ kind: 'schema.default.changed', ...(b.default !== undefined && { from: b.default }), ...(h.default !== undefined && { to: h.default }) }, at('default'));
  compareEnums(b, h, emit, at('enum', 'const', 'x-extensible-enum'));
  if (b.readOnly !== h.readOnly) emit({ kind: 'schema.read-only.changed', from: b.readOnly, to: h.readOnly }, at('readOnly'));
  if (b.writeOnly !== h.writeOnly) emit({ kind: 'schema.write-only.changed', from: b.writeOnly, to: h.writeOnly }, at('writeOnly'));
  if (b.not.join('\n') !== h.not.join('\n')) emit({ kind: 'schema.not.changed' }, at('not'));
  for (const keyword of ['contentMediaType', 'contentEncoding'] as const) {
    if (b[keyword] !== h[keyword]) emit({ kind: 'schema.string-content.changed', keyword, ...optional('from', b[keyword]), ...optional('to', h[keyword]) }, at(keyword));
  }

  compareProperties(b, h, walk, emit);
  compareDependencies(b, h, emit);
  compareExtraProperties(b, h, walk, emit);
  compareItems(b, h, walk);
  compareVariants(b, h, walk, emit);
  compareDiscriminators(b, h, emit);
  compareConstraints(b, h, walk, emit);
}

/**
 * The 2020-12 applicators. Each subschema constrains values the same way round as the schema it
 * sits in (a stricter `contains`, dependent schema or `contentSchema` admits fewer documents), so
 * subschemas both sides have are compared like properties, and one appearing tightens.
 */
function compareConstraints(b: EffectiveSchema, h: EffectiveSchema, walk: Walk, emit: Emit): void {
  const constraint = (keyword: ConstraintKeyword, change: 'tightened' | 'loosened' | 'replaced', pointer: string, detail?: string) =>
    emit({ kind: 'schema.constraint.changed', keyword, change, ...(detail !== undefined && { detail }) }, pointer);
  const appeared = (keyword: ConstraintKeyword, from: readonly SchemaPart[], to: readonly SchemaPart[], detail?: string) => {
    if (from.length > 0 && to.length > 0) comparePair(from, to, walk);
    else if (to.length > 0) constraint(keyword, 'tightened', to[0]!.pointer, detail);
    else if (from.length > 0) constraint(keyword, 'loosened', from[0]!.pointer, detail);
  };

  const [addedConditions, removedConditions] = [h.conditions.filter((c) => !b.conditions.includes(c)), b.conditions.filter((c) => !h.conditions.includes(c))];
  if (addedConditions.length > 0 || removedConditions.length > 0) {
    const change = removedConditions.length === 0 ? 'tightened' : addedConditions.length === 0 ? 'loosened' : 'replaced';
    constraint('if', change, change === 'loosened' ? declaredAt(b, ['if']) : declaredAt(h, ['if']));
  }
  for (const property of new Set([...b.dependentSchemas.keys(), ...h.dependentSchemas.keys()])) {
    appeared('dependentSchemas', b.dependentSchemas.get(property) ?? [], h.dependentSchemas.get(property) ?? [], property);
  }
  appeared('contains', b.contains, h.contains);
  if (b.contains.length > 0 && h.contains.length > 0) {
    // Without `minContains`, one matching item is required.
    const [fromMin, toMin] = [b.containsBounds.minContains ?? 1, h.containsBounds.minContains ?? 1];
    if (fromMin !== toMin) constraint('minContains', toMin > fromMin ? 'tightened' : 'loosened', declaredAt(h, ['minContains']));
    const [fromMax, toMax] = [b.containsBounds.maxContains ?? Infinity, h.containsBounds.maxContains ?? Infinity];
    if (fromMax !== toMax) constraint('maxContains', toMax < fromMax ? 'tightened' : 'loosened', declaredAt(h, ['maxContains']));
  }
  for (const [keyword, from, to, fromSchemas, toSchemas] of [
    ['unevaluatedProperties', b.unevaluatedProperties, h.unevaluatedProperties, b.unevaluatedPropertySchemas, h.unevaluatedPropertySchemas],
    ['unevaluatedItems', b.unevaluatedItems, h.unevaluatedItems, b.unevaluatedItemSchemas, h.unevaluatedItemSchemas],
  ] as const) {
    if (from === 'schema' && to === 'schema') comparePair(fromSchemas, toSchemas, walk);
    else if (OPENNESS[to] !== OPENNESS[from]) constraint(keyword, OPENNESS[to] < OPENNESS[from] ? 'tightened' : 'loosened', OPENNESS[to] < OPENNESS[from] ? declaredAt(h, [keyword]) : declaredAt(b, [keyword]));
  }
  appeared('contentSchema', b.contentSchema, h.contentSchema);
}

/**
 * Null admitted in one place only: where the types are declared, null is a value when both the
 * types and the enum list it (3.1 `type: [x, 'null']` with `null` in the enum, 3.0 `nullable`),
 * so whether null is admitted is read from the types and the enum is compared without it. A
 * schema becoming nullable is then one type change, not also an enum value added.
 */
function nullInTypes(view: EffectiveSchema): EffectiveSchema {
  if (view.types === 'any' || !view.enum) return view;
  const admitsNull = view.types.includes('null') && view.enum.includes(null);
  return { ...view, types: admitsNull ? view.types : view.types.filter((type) => type !== 'null'), enum: view.enum.filter((value) => value !== null) };
}

/**
 * Adds a fact to the comparison, once: a fact that a merged `allOf` base yields in each schema
 * built on it gets one scope, linked from every scope that found it.
 */
function record(walk: Walk, fact: Fact, pointer: string): void {
  const key = `${walk.direction} ${pointer} ${fingerprint(fact)}`;
  const known = walk.comparison.facts.get(key);
  if (known) {
    walk.scope.children.add(known);
    return;
  }
  const scope = createScope();
  walk.comparison.facts.set(key, scope);
  walk.scope.children.add(scope);
  walk.comparison.changes.push({ ...fact, direction: walk.direction, pointer, operations: scope.operations } as SchemaChange);
}

/**
 * A closed `enum` against an `x-extensible-enum`: the extensible one's values are compared whenever
 * the head is extensible (values the base listed, closed or not, that the head no longer knows),
 * and switching between the two is a fact of its own, whose values are those the head lists.
 */
function compareEnums(b: EffectiveSchema, h: EffectiveSchema, emit: Emit, pointer: string): void {
  // Merged members may bring both; the closed enum wins.
  const [fromExtensible, toExtensible] = [b.enum ? undefined : b.extensibleEnum, h.enum ? undefined : h.extensibleEnum];
  if (fromExtensible && h.enum) {
    emit({ kind: 'schema.enum.became-closed', values: [...h.enum] }, pointer);
    return;
  }
  if (toExtensible) {
    const known = b.enum ?? fromExtensible ?? [];
    if (b.enum) emit({ kind: 'schema.enum.became-extensible', values: [...toExtensible] }, pointer);
    const removed = difference(known, toExtensible);
    const added = difference(toExtensible, known);
    if (removed.length > 0) emit({ kind: 'schema.extensible-enum.values-removed', values: removed }, pointer);
    if (added.length > 0) emit({ kind: 'schema.extensible-enum.values-added', values: added }, pointer);
    return;
  }
  if (fromExtensible) {
    emit({ kind: 'schema.extensible-enum.values-removed', values: [...fromExtensible] }, pointer);
    return;
  }
  if (b.enum && h.enum) {
    const removed = difference(b.enum, h.enum);
    const added = difference(h.enum, b.enum);
    if (removed.length > 0) emit({ kind: 'schema.enum.values-removed', values: removed }, pointer);
    if (added.length > 0) emit({ kind: 'schema.enum.values-added', values: added }, pointer);
  } else if (h.enum) emit({ kind: 'schema.enum.added', values: [...h.enum] }, pointer);
  else if (b.enum) emit({ kind: 'schema.enum.removed', values: [...b.enum] }, pointer);
}

// A property points at the member that declares it: removals into the base, the rest into the head.
function compareProperties(b: EffectiveSchema, h: EffectiveSchema, walk: Walk, emit: Emit): void {
  for (const [property, parts] of b.properties) {
    const other = h.properties.get(property);
    if (!other) {
      emit({ kind: 'schema.property.removed', property, required: b.required.has(property), ...flags(walk, parts) }, parts[0]!.pointer);
      continue;
    }
    const headPointer = other[0]!.pointer;
    const [wasRequired, isRequired] = [b.required.has(property), h.required.has(property)];
    if (wasRequired !== isRequired) emit({ kind: isRequired ? 'schema.property.became-required' : 'schema.property.became-optional', property, ...flags(walk, other) }, headPointer);
    comparePair(parts, other, walk);
  }
  for (const [property, parts] of h.properties) {
    if (!b.properties.has(property)) emit({ kind: 'schema.property.added', property, required: h.required.has(property), ...flags(walk, parts) }, parts[0]!.pointer);
  }
}

// Removals point into the base, additions into the head.
function compareDependencies(b: EffectiveSchema, h: EffectiveSchema, emit: Emit): void {
  for (const [property, from] of b.dependentRequired) {
    const removed = [...from.names].filter((name) => !h.dependentRequired.get(property)?.names.has(name));
    if (removed.length > 0) emit({ kind: 'schema.dependent-required.removed', property, requires: removed }, from.pointer);
  }
  for (const [property, to] of h.dependentRequired) {
    const added = [...to.names].filter((name) => !b.dependentRequired.get(property)?.names.has(name));
    if (added.length > 0) emit({ kind: 'schema.dependent-required.added', property, requires: added }, to.pointer);
  }
}

const OPENNESS = { none: 0, schema: 1, any: 2 } as const;

// `patternProperties` are compared like `additionalProperties` for the names they match.
function compareExtraProperties(b: EffectiveSchema, h: EffectiveSchema, walk: Walk, emit: Emit): void {
  const [from, to] = [b.additionalProperties, h.additionalProperties];
  const pointer = declaredAt(h, ['additionalProperties']);
  if (from === 'schema' && to === 'schema') comparePair(b.additionalSchemas, h.additionalSchemas, walk);
  else if (OPENNESS[to] < OPENNESS[from]) emit({ kind: 'schema.additional-properties.narrowed', from, to }, pointer);
  else if (OPENNESS[to] > OPENNESS[from]) emit({ kind: 'schema.additional-properties.widened', from, to }, pointer);

  const removed = [...b.patternProperties.keys()].filter((pattern) => !h.patternProperties.has(pattern));
  const added = [...h.patternProperties.keys()].filter((pattern) => !b.patternProperties.has(pattern));
  if (removed.length > 0 || added.length > 0) emit({ kind: 'schema.pattern-properties.changed', added, removed }, declaredAt(h, ['patternProperties']));
  for (const [pattern, parts] of b.patternProperties) {
    const other = h.patternProperties.get(pattern);
    if (other) comparePair(parts, other, walk);
  }
  if (b.propertyNames.length > 0 || h.propertyNames.length > 0) {
    comparePair(orPlaceholder(b.propertyNames, walk.docs.base, b, 'propertyNames'), orPlaceholder(h.propertyNames, walk.docs.head, h, 'propertyNames'), walk);
  }
}

// Tuple positions pair up by index; a position one side lacks is governed by that side's `items`.
function compareItems(b: EffectiveSchema, h: EffectiveSchema, walk: Walk): void {
  for (let index = 0; index < Math.max(b.prefixItems.length, h.prefixItems.length); index++) {
    const from = b.prefixItems[index] ?? orPlaceholder(b.items, walk.docs.base, b, 'prefixItems', index);
    const to = h.prefixItems[index] ?? orPlaceholder(h.items, walk.docs.head, h, 'prefixItems', index);
    comparePair(from, to, walk);
  }
  if (b.items.length > 0 || h.items.length > 0) comparePair(orPlaceholder(b.items, walk.docs.base, b, 'items'), orPlaceholder(h.items, walk.docs.head, h, 'items'), walk);
}

/**
 * Several members may each bring a `oneOf`; groups written alike pair up wherever they sit (so
 * regrouping `allOf` members is no change), the rest in order. Alternatives that arrive or go with
 * an `allOf` member of their own are not alternatives added or removed: the member adds or drops
 * the condition "one of these", so the member is the fact. Whatever else a member brings is merged
 * and compared keyword by keyword, so it is not reported again as the member.
 */
function compareVariants(b: EffectiveSchema, h: EffectiveSchema, walk: Walk, emit: Emit): void {
  const [fromMembers, toMembers] = [new Set(b.allOfMembers.map((m) => m.key)), new Set(h.allOfMembers.map((m) => m.key))];
  const oneSided = (group: VariantGroup, others: ReadonlySet<string>) => group.through !== undefined && !others.has(group.through.key);
  const [from, to] = [[...b.variants], [...h.variants]];
  const pairs: [VariantGroup | undefined, VariantGroup | undefined][] = [];
  // Only a member on one side can have moved a group; otherwise groups keep their order.
  if (from.some((group) => oneSided(group, toMembers)) || to.some((group) => oneSided(group, fromMembers))) {
    const written = (group: VariantGroup) => `${group.keyword} ${fingerprint(group.members)}`;
    const toWritten = to.map(written);
    for (const group of b.variants) {
      const alike = toWritten.indexOf(written(group));
      if (alike < 0) continue;
      pairs.push([group, to[alike]]);
      to.splice(alike, 1);
      toWritten.splice(alike, 1);
      from.splice(from.indexOf(group), 1);
    }
  }
  for (const member of membersBringingGroups(from.filter((group) => oneSided(group, toMembers)))) emit({ kind: 'schema.all-of.member-removed', member: member.label }, member.pointer);
  for (const member of membersBringingGroups(to.filter((group) => oneSided(group, fromMembers)))) emit({ kind: 'schema.all-of.member-added', member: member.label }, member.pointer);
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const [fromGroups, toGroups] = [from.filter((group) => group.keyword === keyword && !oneSided(group, toMembers)), to.filter((group) => group.keyword === keyword && !oneSided(group, fromMembers))];
    for (let index = 0; index < Math.max(fromGroups.length, toGroups.length); index++) pairs.push([fromGroups[index], toGroups[index]]);
  }
  for (const [fromGroup, toGroup] of pairs) {
    const keyword = (fromGroup ?? toGroup)!.keyword;
    // A union with no counterpart is a condition added or taken away, not alternatives offered or withdrawn.
    if (!fromGroup || !toGroup) {
      const group = (fromGroup ?? toGroup)!;
      const variants = group.members.map((schema, index) => (isJsonObject(schema) && typeof schema.$ref === 'string' ? schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1) : `#${index}`));
      const pointer = childPointer(group.owner.pointer, keyword);
      emit({ kind: fromGroup ? 'schema.union.removed' : 'schema.union.added', keyword, variants }, pointer);
      continue;
    }
    const match = matchVariants(fromGroup.members, toGroup.members);
    for (const [x, y] of match.pairs) comparePair([member(fromGroup, x.index)], [member(toGroup, y.index)], walk);
    for (const variant of match.removed) emit({ kind: 'schema.variant.removed', keyword, variant: variant.label }, member(fromGroup, variant.index).pointer);
    for (const variant of match.added) emit({ kind: 'schema.variant.added', keyword, variant: variant.label }, member(toGroup, variant.index).pointer);
  }
}

/**
 * Adding or dropping a whole discriminator changes how tools dispatch, not which payloads are
 * valid, so only a renamed property and mapping entries count. A value mapped to another schema is
 * judged through the `oneOf` members that hold the schemas.
 */
function compareDiscriminators(b: EffectiveSchema, h: EffectiveSchema, emit: Emit): void {
  const [from, to] = [b.discriminator, h.discriminator];
  if (!from || !to) return;
  if (from.propertyName !== undefined && to.propertyName !== undefined && from.propertyName !== to.propertyName) {
    emit({ kind: 'schema.discriminator.property-changed', from: from.propertyName, to: to.propertyName }, childPointer(to.pointer, 'propertyName'));
  }
  for (const [value, target] of from.mapping) {
    if (!to.mapping.has(value)) emit({ kind: 'schema.discriminator.mapping-removed', value, target }, childPointer(from.pointer, 'mapping', value));
  }
  for (const [value, target] of to.mapping) {
    if (!from.mapping.has(value)) emit({ kind: 'schema.discriminator.mapping-added', value, target }, childPointer(to.pointer, 'mapping', value));
  }
}

function membersBringingGroups(groups: readonly VariantGroup[]): AllOfMember[] {
  const found = new Map<string, AllOfMember>();
  for (const { through } of groups) if (through && !found.has(through.key)) found.set(through.key, through);
  return [...found.values()];
}

function stepChange(from: number | undefined, to: number | undefined): 'tightened' | 'loosened' | 'replaced' {
  if (to === undefined) return 'loosened';
  if (from === undefined || isMultipleOf(to, from)) return 'tightened';
  return isMultipleOf(from, to) ? 'loosened' : 'replaced';
}

function flags(walk: Walk, parts: readonly SchemaPart[]): { readOnly: boolean; writeOnly: boolean } {
  const { readOnly, writeOnly } = effectiveSchema(walk.comparison.views, resolveParts(parts));
  return { readOnly, writeOnly };
}

function member(group: VariantGroup, index: number): SchemaPart {
  const { doc, pointer, viaRef } = group.owner;
  return { doc, node: group.members[index], pointer: childPointer(pointer, group.keyword, index), viaRef };
}

/** The parts of a subschema, or the empty schema (any value) where the keyword is absent. */
function orPlaceholder(parts: readonly SchemaPart[], doc: unknown, view: EffectiveSchema, ...segments: (string | number)[]): readonly SchemaPart[] {
  return parts.length > 0 ? parts : [{ doc, node: {}, pointer: childPointer(view.pointer, ...segments), viaRef: false }];
}

function pointers(parts: readonly SchemaPart[]): string {
  return parts.map((part) => part.pointer).join('\u0000');
}

function patterns(view: EffectiveSchema): string | undefined {
  return view.patterns.length > 0 ? view.patterns.join(' and ') : undefined;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function difference(from: readonly unknown[], to: readonly unknown[]): unknown[] {
  if (from.length === to.length && from.every((value, index) => value === to[index])) return [];
  const kept = new Set(to.map((value) => fingerprint(value)));
  return from.filter((value) => !kept.has(fingerprint(value)));
}
