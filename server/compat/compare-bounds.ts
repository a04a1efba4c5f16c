import type { BoundKeyword, SchemaChange } from './change.js';

type BoundFact = Omit<Extract<SchemaChange, { kind: 'schema.bound.changed' }>, 'direction' | 'pointer' | 'operations'>;
type Bounds = Partial<Record<BoundKeyword, number>>;

interface Family {
  upper: boolean;
  /** The inclusive keyword first; a family with two keywords is one bound spelled two ways. */
  keywords: readonly BoundKeyword[];
}

const FAMILIES: readonly Family[] = [
  { upper: false, keywords: ['minimum', 'exclusiveMinimum'] },
  { upper: true, keywords: ['maximum', 'exclusiveMaximum'] },
  { upper: false, keywords: ['minLength'] },
  { upper: true, keywords: ['maxLength'] },
  { upper: false, keywords: ['minItems'] },
  { upper: true, keywords: ['maxItems'] },
  { upper: false, keywords: ['minProperties'] },
  { upper: true, keywords: ['maxProperties'] },
];

interface Bound {
  keyword: BoundKeyword;
  value: number;
  exclusive: boolean;
}

/**
 * Numeric bounds that differ, each marked tightened (fewer values admitted) or loosened. `minimum`
 * and `exclusiveMinimum` are one bound, so `exclusiveMinimum: 5` → `minimum: 5` is one loosening.
 */
export function compareBounds(base: Bounds, head: Bounds): BoundFact[] {
  const facts: BoundFact[] = [];
  if (base === head) return facts;
  for (const family of FAMILIES) {
    const [from, to] = [effective(base, family), effective(head, family)];
    if (from?.keyword === to?.keyword && from?.value === to?.value) continue;
    const tightened = to !== undefined && (from === undefined || stricter(to, from, family.upper));
    const keyword = (to ?? from)!.keyword;
    facts.push({ kind: 'schema.bound.changed', keyword, ...(from && { from: from.value }), ...(to && { to: to.value }), change: tightened ? 'tightened' : 'loosened' });
  }
  return facts;
}

// With both spellings present, the stricter one is the bound in force.
function effective(bounds: Bounds, { keywords, upper }: Family): Bound | undefined {
  let found: Bound | undefined;
  for (const [index, keyword] of keywords.entries()) {
    const value = bounds[keyword];
    if (value === undefined) continue;
    const bound = { keyword, value, exclusive: index === 1 };
    if (!found || stricter(bound, found, upper)) found = bound;
  }
  return found;
}

function stricter(a: Bound, b: Bound, upper: boolean): boolean {
  if (a.value === b.value) return a.exclusive && !b.exclusive;
  return upper ? a.value < b.value : a.value > b.value;
}
