import { isJsonObject } from './json-object.js';

export interface Variant {
  index: number;
  /** `Cat` for `$ref: '#/components/schemas/Cat'`, `#2` for the third inline member. */
  label: string;
  ref?: string;
}

export interface VariantMatch {
  pairs: [Variant, Variant][];
  removed: Variant[];
  added: Variant[];
}

/**
 * Pairs the members of two `oneOf`/`anyOf` lists: referenced members by their target, so
 * reordering is no change; inline members by their order among the inline ones. (`allOf` members
 * are merged, not paired: see `effectiveSchema`.)
 */
export function matchVariants(base: unknown, head: unknown): VariantMatch {
  const b = variants(base);
  const h = variants(head);
  const pairs: [Variant, Variant][] = [];
  const unmatched = new Set(h);
  const removed: Variant[] = [];
  for (const variant of b) {
    const partner = [...unmatched].find((other) => (variant.ref === undefined ? other.ref === undefined : other.ref === variant.ref));
    if (partner) {
      pairs.push([variant, partner]);
      unmatched.delete(partner);
    } else removed.push(variant);
  }
  return { pairs, removed, added: [...unmatched] };
}

function variants(list: unknown): Variant[] {
  if (!Array.isArray(list)) return [];
  return list.map((member, index) => {
    const ref = isJsonObject(member) && typeof member.$ref === 'string' ? member.$ref : undefined;
    return ref === undefined ? { index, label: `#${index}` } : { index, ref, label: ref.slice(ref.lastIndexOf('/') + 1) };
  });
}
