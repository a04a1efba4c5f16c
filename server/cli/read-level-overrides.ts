import { rules, type LevelOverrides } from '../compat/index.js';
import { UsageError } from './cli-errors.js';

const LEVELS = new Set(['error', 'warn', 'info', 'off']);

/** `--level response-enum-value-added=error --level path-added=off`, checked against the rule registry. */
export function readLevelOverrides(values: readonly string[] = []): LevelOverrides {
  const known = new Set(rules.map((rule) => rule.id));
  const levels: LevelOverrides = {};
  for (const value of values) {
    const [id = '', level = ''] = value.split('=', 2);
    if (!known.has(id)) throw new UsageError(`--level ${value}: no rule has the id "${id}"`);
    if (!LEVELS.has(level)) throw new UsageError(`--level ${value}: the level must be error, warn, info or off`);
    levels[id] = level as LevelOverrides[string];
  }
  return levels;
}
