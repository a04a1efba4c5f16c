import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../shared/index.js';
import { SHIPPED_RULESETS, type ShippedRulesets } from './lint-ruleset.js';

/**
 * Reads the rulesets Accord ships from `policies/`. It sits beside the lint core but outside its
 * index on purpose: the core takes ruleset texts and stays free of file access, and composition
 * roots (the CLI, the server, a worker's start-up) call this once and hand the texts in.
 */
export function readShippedRulesets(root: string = packageRoot()): ShippedRulesets {
  return Object.fromEntries(SHIPPED_RULESETS.map((name) => [name, readFileSync(join(root, 'policies', `${name}.yaml`), 'utf8')]));
}
