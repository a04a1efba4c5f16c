import type { EffectiveSchema } from './effective-schema.js';
import { isJsonObject } from './json-object.js';

/**
 * Where a merged schema says something: the first merged node that declares one of `keywords`
 * (with `value`, when given), or the schema itself when none does.
 */
export function declaredAt(view: EffectiveSchema, keywords: readonly string[], value?: unknown): string {
  if (view.sources.length === 1) return view.pointer;
  for (const { node, pointer } of view.sources) {
    if (isJsonObject(node) && keywords.some((keyword) => keyword in node && (value === undefined || node[keyword] === value))) return pointer;
  }
  return view.pointer;
}
