import type { AdditionalProperties, BoundKeyword, TypeSet } from './change.js';
import { fingerprint } from './fingerprint.js';
import { isMultipleOf } from './is-multiple-of.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { resolveParts } from './resolve-parts.js';
import { childPointer } from './resolve-ref.js';
import type { SchemaPart } from './schema-part.js';
import { intersectTypes, typeSet, withNull } from './type-set.js';

/** The members of one `oneOf`/`anyOf`, with the part that lists them. */
export interface VariantGroup {
  keyword: 'oneOf' | 'anyOf';
  members: unknown[];
  owner: SchemaPart;
  /** The schema's own `allOf` member the group came through, when it came through one. */
  through?: AllOfMember;
}

/**
 * A member of the schema's own `allOf`: referenced members are known by their target, inline ones
 * by their order among the inline members, as `oneOf` members are paired (see `matchVariants`).
 */
export interface AllOfMember {
  key: string;
  /** `Auditable` for `$ref: '#/components/schemas/Auditable'`, `#1` for the second member inline. */
  label: string;
  pointer: string;
}

export interface Discriminator {
  propertyName?: string;
  mapping: Map<string, string>;
  pointer: string;
}

/**
 * What a schema means once its `allOf` members, followed through `$ref`s, are merged into one view
 * and 3.0 and 3.1 spellings read alike. Subschemas stay parts, merged in turn when compared.
 */
export interface EffectiveSchema {
  pointer: string;
  /** The nodes merged into the view, the schema's own first: facts point at the one that declares a keyword. */
  sources: readonly SchemaPart[];
  /** A `false` schema: no value is admitted. */
  never: boolean;
  types: TypeSet;
  format?: string;
  patterns: readonly string[];
  /** `const` reads as a one-value enum; the enums of several members intersect. */
  enum?: readonly unknown[];
  /**
   * Zalando's `x-extensible-enum`: the values known today, which clients must expect to grow. It
   * restricts nothing a validator checks; beside an `enum` it is ignored, since the enum closes the set.
   */
  extensibleEnum?: readonly unknown[];
  /** 3.0 `exclusiveMinimum: true` next to `minimum: n` reads as 3.1 `exclusiveMinimum: n`. */
  bounds: Readonly<Partial<Record<BoundKeyword, number>>>;
  multipleOf?: number;
  uniqueItems: boolean;
  default?: unknown;
  readOnly: boolean;
  writeOnly: boolean;
  /** A property declared by several members has one part per declaration. */
  properties: ReadonlyMap<string, readonly SchemaPart[]>;
  required: ReadonlySet<string>;
  additionalProperties: AdditionalProperties;
  additionalSchemas: readonly SchemaPart[];
  patternProperties: ReadonlyMap<string, readonly SchemaPart[]>;
  propertyNames: readonly SchemaPart[];
  dependentRequired: ReadonlyMap<string, Dependency>;
  /** Positional (3.1 `prefixItems`, draft-07 `items` arrays); `items` covers the rest. */
  prefixItems: readonly (readonly SchemaPart[])[];
  items: readonly SchemaPart[];
  variants: readonly VariantGroup[];
  /** The members of the schema's own `allOf`s, not those of its members' (which are merged in). */
  allOfMembers: readonly AllOfMember[];
  discriminator?: Discriminator;
  not: readonly string[];
  contentMediaType?: string;
  contentEncoding?: string;
  /** Fingerprints of each 2020-12 `if`/`then`/`else` triple: a condition is compared as written. */
  conditions: readonly string[];
  dependentSchemas: ReadonlyMap<string, readonly SchemaPart[]>;
  contains: readonly SchemaPart[];
  containsBounds: Readonly<{ minContains?: number; maxContains?: number }>;
  unevaluatedProperties: AdditionalProperties;
  unevaluatedPropertySchemas: readonly SchemaPart[];
  unevaluatedItems: AdditionalProperties;
  unevaluatedItemSchemas: readonly SchemaPart[];
  contentSchema: readonly SchemaPart[];
}

/** When the property is present, the names must be too. */
export interface Dependency {
  names: ReadonlySet<string>;
  pointer: string;
}

/** Merged views per document and per list of part pointers, kept for one diff. */
export type SchemaViews = Map<unknown, Map<string, EffectiveSchema>>;

// Inline `allOf`s built from YAML aliases may nest without end; stop merging there.
const MAX_MERGE_DEPTH = 64;

const LOWER: readonly BoundKeyword[] = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const BOUNDS: readonly BoundKeyword[] = [...LOWER, 'maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
const EXCLUSIVE_SPELLINGS = [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const;
const VARIANT_KEYWORDS = ['oneOf', 'anyOf'] as const;
const OPENNESS: Record<AdditionalProperties, number> = { none: 0, schema: 1, any: 2 };

/** The merged view of resolved parts (see `resolveParts`), memoised in `views`. */
export function effectiveSchema(views: SchemaViews, parts: readonly SchemaPart[]): EffectiveSchema {
  return merge(views, parts, new Set(), 0).view ?? emptyView(parts[0] ?? { doc: undefined, node: {}, pointer: '', viaRef: false });
}

interface Merged {
  view?: EffectiveSchema;
  /** False when a cycle of `allOf`s cut the merge short: such a view is not remembered. */
  complete: boolean;
}

function merge(views: SchemaViews, parts: readonly SchemaPart[], merging: Set<string>, depth: number): Merged {
  const [first] = parts;
  if (!first) return { complete: true };
  // Only referenced schemas are reached again (and only they can loop); the rest is built when met.
  const key = parts.some((part) => part.viaRef) ? parts.map((part) => part.pointer).join('\u0000') : undefined;
  let memo: Map<string, EffectiveSchema> | undefined;
  if (key !== undefined) {
    memo = views.get(first.doc);
    if (!memo) views.set(first.doc, (memo = new Map()));
    const known = memo.get(key);
    if (known) return { view: known, complete: true };
    // A member already being merged contributes its keywords there; here it adds nothing new.
    if (merging.has(key)) return { complete: false };
    merging.add(key);
  }
  // Each part with its members in place, as if they were written inline: keywords keep their order.
  const merged = parts.map((part) => mergePart(views, part, merging, depth));
  let view = merged.map((part) => part.view).reduce(conjoin);
  const complete = merged.every((part) => part.complete);
  // `nullable: true` without a `type`, beside an `allOf` or a 3.1 `$ref`, is how 3.0 documents say "this, or null".
  if (parts.some((part) => isJsonObject(part.node) && part.node.nullable === true && part.node.type === undefined)) view = admitNull(view);
  if (memo && key !== undefined) {
    merging.delete(key);
    if (complete) memo.set(key, view);
  }
  return { view, complete };
}

/**
 * One part's own keywords, its `allOf` members' and the one real member of a `oneOf`/`anyOf` that
 * only adds null (see `unionMember`), which reads as that member with null admitted.
 */
function mergePart(views: SchemaViews, part: SchemaPart, merging: Set<string>, depth: number): Required<Merged> {
  let view = ownView(part);
  let complete = true;
  const members: { keyword: string; index: number; member: unknown; nullable: boolean }[] = [];
  if (isJsonObject(part.node)) {
    if (Array.isArray(part.node.allOf)) for (const [index, member] of part.node.allOf.entries()) members.push({ keyword: 'allOf', index, member, nullable: false });
    for (const keyword of VARIANT_KEYWORDS) {
      const union = unionMember(part.node[keyword], part.node.nullable === true);
      if (union) members.push({ keyword, ...union, member: (part.node[keyword] as unknown[])[union.index] });
    }
  }
  const own = allOfMembersOf(part);
  for (const { keyword, index, member, nullable } of members) {
    if (depth >= MAX_MERGE_DEPTH) break;
    const resolved = resolveParts([{ doc: part.doc, node: member, pointer: childPointer(part.pointer, keyword, index), viaRef: false }]);
    const merged = merge(views, resolved, merging, depth + 1);
    complete &&= merged.complete;
    if (!merged.view) continue;
    let memberView = resolved.some((p) => p.viaRef) ? shared(merged.view) : merged.view;
    if (keyword === 'allOf') memberView = cameThrough(memberView, own[index]!);
    view = conjoin(view, nullable ? admitNull(memberView) : memberView);
  }
  return { view: own.length > 0 ? { ...view, allOfMembers: [...own, ...view.allOfMembers] } : view, complete };
}

function allOfMembersOf(part: SchemaPart): AllOfMember[] {
  if (!isJsonObject(part.node) || !Array.isArray(part.node.allOf)) return [];
  let inline = 0;
  return part.node.allOf.map((member, index) => {
    const pointer = childPointer(part.pointer, 'allOf', index);
    const ref = isJsonObject(member) && typeof member.$ref === 'string' ? member.$ref : undefined;
    return ref === undefined ? { key: `inline ${inline++}`, label: `#${index}`, pointer } : { key: `ref ${ref}`, label: ref.slice(ref.lastIndexOf('/') + 1), pointer };
  });
}

/** A member's view as its owner sees it: its groups came through the member, and its own members are merged away. */
function cameThrough(view: EffectiveSchema, member: AllOfMember): EffectiveSchema {
  return { ...view, variants: view.variants.map((group) => ({ ...group, through: member })), allOfMembers: NO_MEMBERS_OF_ALL_OF };
}

/**
 * The one member of a `oneOf`/`anyOf` whose other members admit only null: `oneOf: [{type:
 * 'null'}, X]` means what 3.1's `type: [x, 'null']` and 3.0's `nullable: true` beside `oneOf: [X]`
 * mean, so all of them read as one model and rewriting one as another is no change. A lone member
 * without null stays a union, so that removing members down to one is still reported as such.
 */
function unionMember(members: unknown, nullableBeside: boolean): { index: number; nullable: boolean } | undefined {
  if (!Array.isArray(members) || members.length === 0) return undefined;
  const real = members.flatMap((member, index) => (onlyNull(member) ? [] : [index]));
  if (real.length !== 1 || (members.length === 1 && !nullableBeside)) return undefined;
  return { index: real[0]!, nullable: members.length > 1 };
}

// Keywords that say nothing about which values a schema admits.
const DESCRIPTIVE = new Set(['title', 'description', '$comment', 'examples', 'example', 'deprecated']);

function onlyNull(schema: unknown): boolean {
  if (!isJsonObject(schema) || Object.keys(schema).some((key) => !DESCRIPTIVE.has(key) && !['type', 'enum', 'const'].includes(key) && !key.startsWith('x-'))) return false;
  const type = schema.type;
  const typeIsNull = type === 'null' || (Array.isArray(type) && type.length === 1 && type[0] === 'null');
  const enumIsNull = Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((value) => value === null);
  return (typeIsNull || enumIsNull || schema.const === null) && (type === undefined || typeIsNull) && (schema.enum === undefined || enumIsNull) && (schema.const === undefined || schema.const === null);
}

/**
 * The view with every subschema marked as reached through a `$ref`: properties a referenced `allOf`
 * base brings are shared by every schema built on it, so they are compared once.
 */
function shared(view: EffectiveSchema): EffectiveSchema {
  const mark = (parts: readonly SchemaPart[]) => parts.map((part) => (part.viaRef ? part : { ...part, viaRef: true }));
  const markAll = (map: ReadonlyMap<string, readonly SchemaPart[]>) => new Map([...map].map(([key, parts]) => [key, mark(parts)]));
  return {
    ...view,
    properties: markAll(view.properties),
    additionalSchemas: mark(view.additionalSchemas),
    patternProperties: markAll(view.patternProperties),
    propertyNames: mark(view.propertyNames),
    prefixItems: view.prefixItems.map(mark),
    items: mark(view.items),
    variants: view.variants.map((group) => ({ ...group, owner: { ...group.owner, viaRef: true } })),
    dependentSchemas: markAll(view.dependentSchemas),
    contains: mark(view.contains),
    unevaluatedPropertySchemas: mark(view.unevaluatedPropertySchemas),
    unevaluatedItemSchemas: mark(view.unevaluatedItemSchemas),
    contentSchema: mark(view.contentSchema),
  };
}

// Most schemas use few keywords; their views share these instead of allocating empty collections.
const NO_PARTS: readonly SchemaPart[] = [];
const NO_STRINGS: readonly string[] = [];
const NO_NAMES: ReadonlySet<string> = new Set();
const NO_MAP: ReadonlyMap<string, never> = new Map<string, never>();
const NO_MEMBERS: readonly unknown[] = [];
const NO_TUPLE: readonly (readonly SchemaPart[])[] = [];
const NO_VARIANTS: readonly VariantGroup[] = [];
const NO_MEMBERS_OF_ALL_OF: readonly AllOfMember[] = [];
const NO_BOUNDS: Readonly<Partial<Record<BoundKeyword, number>>> = {};
const NO_CONTAINS_BOUNDS: Readonly<{ minContains?: number; maxContains?: number }> = {};

function emptyView(part: SchemaPart): EffectiveSchema {
  return {
    pointer: part.pointer,
    sources: [part],
    never: false,
    types: 'any',
    patterns: NO_STRINGS,
    bounds: NO_BOUNDS,
    uniqueItems: false,
    readOnly: false,
    writeOnly: false,
    properties: NO_MAP,
    required: NO_NAMES,
    additionalProperties: 'any',
    additionalSchemas: NO_PARTS,
    patternProperties: NO_MAP,
    propertyNames: NO_PARTS,
    dependentRequired: NO_MAP,
    prefixItems: NO_TUPLE,
    items: NO_PARTS,
    variants: NO_VARIANTS,
    allOfMembers: NO_MEMBERS_OF_ALL_OF,
    not: NO_STRINGS,
    conditions: NO_STRINGS,
    dependentSchemas: NO_MAP,
    contains: NO_PARTS,
    containsBounds: NO_CONTAINS_BOUNDS,
    unevaluatedProperties: 'any',
    unevaluatedPropertySchemas: NO_PARTS,
    unevaluatedItems: 'any',
    unevaluatedItemSchemas: NO_PARTS,
    contentSchema: NO_PARTS,
  };
}

/** The keywords of one node, without its `allOf` members. */
function ownView(part: SchemaPart): EffectiveSchema {
  const { node, pointer } = part;
  const view = emptyView(part);
  if (node === false) return { ...view, never: true };
  if (!isJsonObject(node)) return view;

  view.types = typeSet(node);
  view.format = text(node.format);
  if (typeof node.pattern === 'string') view.patterns = [node.pattern];
  const values = node.const !== undefined ? [node.const] : undefined;
  view.enum = Array.isArray(node.enum) ? (values ? intersect(node.enum, values) : node.enum) : values;
  if (Array.isArray(node['x-extensible-enum']) && !view.enum) view.extensibleEnum = node['x-extensible-enum'];
  // 3.0 tools read `nullable: true` with an enum as admitting null even when the enum omits it.
  if (node.nullable === true && view.enum && !view.enum.includes(null)) view.enum = [...view.enum, null];
  view.bounds = bounds(node);
  view.multipleOf = typeof node.multipleOf === 'number' && node.multipleOf > 0 ? node.multipleOf : undefined;
  view.uniqueItems = node.uniqueItems === true;
  view.default = node.default;
  view.readOnly = node.readOnly === true;
  view.writeOnly = node.writeOnly === true;

  if (isJsonObject(node.properties)) view.properties = subschemas(part, node.properties, 'properties');
  if (Array.isArray(node.required)) view.required = new Set(node.required.filter((name): name is string => typeof name === 'string'));
  view.additionalProperties = openness(node.additionalProperties);
  if (view.additionalProperties === 'schema') view.additionalSchemas = [subschema(part, node.additionalProperties, 'additionalProperties')];
  if (isJsonObject(node.patternProperties)) view.patternProperties = subschemas(part, node.patternProperties, 'patternProperties');
  if (node.propertyNames !== undefined) view.propertyNames = [subschema(part, node.propertyNames, 'propertyNames')];
  // draft-07 `dependencies` with a list of names is what 2020-12 calls `dependentRequired`.
  if (node.dependencies !== undefined || node.dependentRequired !== undefined) {
    const found = new Map<string, Dependency>();
    for (const keyword of ['dependencies', 'dependentRequired']) {
      for (const [name, required] of entries(node[keyword])) {
        if (Array.isArray(required)) found.set(name, { names: new Set(required.filter((n): n is string => typeof n === 'string')), pointer: childPointer(pointer, keyword, name) });
      }
    }
    view.dependentRequired = found;
  }

  // draft-07 spells a tuple as an `items` array followed by `additionalItems`.
  if (Array.isArray(node.items)) {
    view.prefixItems = node.items.map((schema, index) => [subschema(part, schema, 'items', index)]);
    if (node.additionalItems !== undefined) view.items = [subschema(part, node.additionalItems, 'additionalItems')];
  } else {
    if (Array.isArray(node.prefixItems)) view.prefixItems = node.prefixItems.map((schema, index) => [subschema(part, schema, 'prefixItems', index)]);
    if (node.items !== undefined) view.items = [subschema(part, node.items, 'items')];
  }

  for (const keyword of VARIANT_KEYWORDS) {
    const members = node[keyword];
    // A union of one schema and null is merged like an `allOf` member instead (see `mergePart`).
    if (Array.isArray(members) && !unionMember(members, node.nullable === true)) view.variants = [...view.variants, { keyword, members, owner: { ...part, viaRef: false } }];
  }
  if (isJsonObject(node.discriminator)) {
    const mapping = new Map(entries(node.discriminator.mapping).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    view.discriminator = { propertyName: text(node.discriminator.propertyName), mapping, pointer: childPointer(pointer, 'discriminator') };
  }
  if (node.not !== undefined) view.not = [fingerprint(node.not)];
  view.contentMediaType = text(node.contentMediaType);
  view.contentEncoding = text(node.contentEncoding);

  if (node.if !== undefined && (node.then !== undefined || node.else !== undefined)) view.conditions = [fingerprint({ if: node.if, then: node.then, else: node.else })];
  if (isJsonObject(node.dependentSchemas)) view.dependentSchemas = subschemas(part, node.dependentSchemas, 'dependentSchemas');
  if (node.contains !== undefined) {
    view.contains = [subschema(part, node.contains, 'contains')];
    const found: { minContains?: number; maxContains?: number } = {};
    if (typeof node.minContains === 'number') found.minContains = node.minContains;
    if (typeof node.maxContains === 'number') found.maxContains = node.maxContains;
    view.containsBounds = found;
  }
  view.unevaluatedProperties = openness(node.unevaluatedProperties);
  if (view.unevaluatedProperties === 'schema') view.unevaluatedPropertySchemas = [subschema(part, node.unevaluatedProperties, 'unevaluatedProperties')];
  view.unevaluatedItems = openness(node.unevaluatedItems);
  if (view.unevaluatedItems === 'schema') view.unevaluatedItemSchemas = [subschema(part, node.unevaluatedItems, 'unevaluatedItems')];
  if (node.contentSchema !== undefined) view.contentSchema = [subschema(part, node.contentSchema, 'contentSchema')];
  return view;
}

/** Both schemas at once, as `allOf` means: every constraint of either holds. */
function conjoin(a: EffectiveSchema, b: EffectiveSchema): EffectiveSchema {
  const bounds = { ...b.bounds, ...a.bounds };
  for (const keyword of BOUNDS) {
    const [mine, theirs] = [a.bounds[keyword], b.bounds[keyword]];
    if (mine !== undefined && theirs !== undefined && (LOWER.includes(keyword) ? theirs > mine : theirs < mine)) bounds[keyword] = theirs;
  }
  return {
    pointer: a.pointer,
    sources: [...a.sources, ...b.sources],
    never: a.never || b.never,
    types: intersectTypes(a.types, b.types),
    format: a.format ?? b.format,
    patterns: [...new Set([...a.patterns, ...b.patterns])].sort(),
    enum: a.enum && b.enum ? intersect(a.enum, b.enum) : (a.enum ?? b.enum),
    extensibleEnum: a.extensibleEnum && b.extensibleEnum ? intersect(a.extensibleEnum, b.extensibleEnum) : (a.extensibleEnum ?? b.extensibleEnum),
    bounds,
    multipleOf: strictestMultiple(a.multipleOf, b.multipleOf),
    uniqueItems: a.uniqueItems || b.uniqueItems,
    default: a.default !== undefined ? a.default : b.default,
    readOnly: a.readOnly || b.readOnly,
    writeOnly: a.writeOnly || b.writeOnly,
    properties: concatenate(a.properties, b.properties),
    required: new Set([...a.required, ...b.required]),
    additionalProperties: OPENNESS[a.additionalProperties] <= OPENNESS[b.additionalProperties] ? a.additionalProperties : b.additionalProperties,
    additionalSchemas: [...a.additionalSchemas, ...b.additionalSchemas],
    patternProperties: concatenate(a.patternProperties, b.patternProperties),
    propertyNames: [...a.propertyNames, ...b.propertyNames],
    dependentRequired: dependencies(a.dependentRequired, b.dependentRequired),
    prefixItems: Array.from({ length: Math.max(a.prefixItems.length, b.prefixItems.length) }, (_, i) => [...(a.prefixItems[i] ?? []), ...(b.prefixItems[i] ?? [])]),
    items: [...a.items, ...b.items],
    variants: [...a.variants, ...b.variants],
    allOfMembers: b.allOfMembers.length === 0 ? a.allOfMembers : [...a.allOfMembers, ...b.allOfMembers],
    discriminator: a.discriminator ?? b.discriminator,
    not: [...new Set([...a.not, ...b.not])].sort(),
    contentMediaType: a.contentMediaType ?? b.contentMediaType,
    contentEncoding: a.contentEncoding ?? b.contentEncoding,
    conditions: [...new Set([...a.conditions, ...b.conditions])].sort(),
    dependentSchemas: concatenate(a.dependentSchemas, b.dependentSchemas),
    contains: [...a.contains, ...b.contains],
    containsBounds: { ...b.containsBounds, ...a.containsBounds },
    unevaluatedProperties: OPENNESS[a.unevaluatedProperties] <= OPENNESS[b.unevaluatedProperties] ? a.unevaluatedProperties : b.unevaluatedProperties,
    unevaluatedPropertySchemas: [...a.unevaluatedPropertySchemas, ...b.unevaluatedPropertySchemas],
    unevaluatedItems: OPENNESS[a.unevaluatedItems] <= OPENNESS[b.unevaluatedItems] ? a.unevaluatedItems : b.unevaluatedItems,
    unevaluatedItemSchemas: [...a.unevaluatedItemSchemas, ...b.unevaluatedItemSchemas],
    contentSchema: [...a.contentSchema, ...b.contentSchema],
  };
}

/** The view with null admitted, by its types and by its enum if it has one. */
function admitNull(view: EffectiveSchema): EffectiveSchema {
  const listsNull = view.enum?.includes(null) ?? true;
  return { ...view, types: withNull(view.types), enum: listsNull ? view.enum : [...view.enum!, null] };
}

function bounds(node: JsonObject): Readonly<Partial<Record<BoundKeyword, number>>> {
  let found: Partial<Record<BoundKeyword, number>> | undefined;
  for (const keyword of BOUNDS) if (typeof node[keyword] === 'number') (found ??= {})[keyword] = node[keyword];
  if (!found) return NO_BOUNDS;
  // 3.0 marks `minimum`/`maximum` exclusive with a boolean; 3.1 moves the number to the keyword.
  for (const [inclusive, exclusive] of EXCLUSIVE_SPELLINGS) {
    if (node[exclusive] !== true || found[inclusive] === undefined) continue;
    found[exclusive] = found[inclusive];
    delete found[inclusive];
  }
  return found;
}

// Admitting multiples of both 2 and 4 is admitting multiples of 4; unrelated steps keep the first.
function strictestMultiple(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return isMultipleOf(b, a) ? b : a;
}

function openness(value: unknown): AdditionalProperties {
  if (value === false) return 'none';
  if (value === undefined || value === true || (isJsonObject(value) && Object.keys(value).length === 0)) return 'any';
  return 'schema';
}

function concatenate(a: ReadonlyMap<string, readonly SchemaPart[]>, b: ReadonlyMap<string, readonly SchemaPart[]>): ReadonlyMap<string, readonly SchemaPart[]> {
  if (b.size === 0) return a;
  const both = new Map(a);
  for (const [name, parts] of b) both.set(name, [...(both.get(name) ?? []), ...parts]);
  return both;
}

function dependencies(a: ReadonlyMap<string, Dependency>, b: ReadonlyMap<string, Dependency>): ReadonlyMap<string, Dependency> {
  if (b.size === 0) return a;
  const both = new Map(a);
  for (const [name, { names, pointer }] of b) {
    const mine = both.get(name);
    both.set(name, mine ? { names: new Set([...mine.names, ...names]), pointer: mine.pointer } : { names, pointer });
  }
  return both;
}

// Subschemas written inside a node are compared in its scope, however the node was reached.
function subschema(part: SchemaPart, node: unknown, ...segments: (string | number)[]): SchemaPart {
  return { doc: part.doc, node, pointer: childPointer(part.pointer, ...segments), viaRef: false };
}

function subschemas(part: SchemaPart, map: JsonObject, keyword: string): Map<string, SchemaPart[]> {
  return new Map(Object.entries(map).map(([name, node]) => [name, [subschema(part, node, keyword, name)]]));
}

function intersect(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const kept = new Set(b.map((value) => fingerprint(value)));
  return a.filter((value) => kept.has(fingerprint(value)));
}

function entries(value: unknown): [string, unknown][] {
  return isJsonObject(value) ? Object.entries(value) : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
