import type { BoundKeyword, Direction } from './change.js';
import { defineRule, type Level, type Rule } from './rule.js';

/** Bound families as rule ids spell them, with the keywords each covers. */
const FAMILIES = {
  'max-length': { keywords: ['maxLength'], upper: true },
  'min-length': { keywords: ['minLength'], upper: false },
  max: { keywords: ['maximum', 'exclusiveMaximum'], upper: true },
  min: { keywords: ['minimum', 'exclusiveMinimum'], upper: false },
  'max-items': { keywords: ['maxItems'], upper: true },
  'min-items': { keywords: ['minItems'], upper: false },
  'max-properties': { keywords: ['maxProperties'], upper: true },
  'min-properties': { keywords: ['minProperties'], upper: false },
} satisfies Record<string, { keywords: BoundKeyword[]; upper: boolean }>;

export interface BoundRuleSpec {
  id: string;
  level: Level;
  direction: Direction;
  bound: keyof typeof FAMILIES;
  action: 'increased' | 'decreased';
  why: string;
}

/**
 * The numeric-bound rules differ only in direction, bound and action, so they share one shape.
 * Lowering an upper bound or raising a lower bound tightens; adding a bound where there was none
 * counts as tightening, dropping one as loosening.
 */
export function defineBoundRule({ id, level, direction, bound, action, why }: BoundRuleSpec): Rule<'schema.bound.changed'> {
  const { keywords, upper } = FAMILIES[bound];
  const change = (action === 'decreased') === upper ? 'tightened' : 'loosened';
  return defineRule({
    id,
    level,
    taxonomy: { direction, area: 'schema', kind: bound, action },
    on: 'schema.bound.changed',
    when: (c) => c.direction === direction && c.change === change && (keywords as readonly string[]).includes(c.keyword),
    message: (c) => `${direction} ${c.keyword} ${action} from ${c.from ?? 'none'} to ${c.to ?? 'none'} at ${c.pointer}`,
    why,
  });
}
