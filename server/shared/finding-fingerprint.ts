import { createHash } from 'node:crypto';
import { operationMatchKey } from './operation-match-key.js';

/** The parts of a finding, compatibility or lint, that say what it is about. */
export interface FingerprintedFinding {
  id: string;
  operations: readonly string[];
  pointer?: string;
}

// Keywords whose values are arrays, so a number after them is a position; elsewhere a number is a
// name (a status code, a property called "2024") and must stay.
const ARRAYS = new Set(['parameters', 'allOf', 'oneOf', 'anyOf', 'prefixItems', 'items', 'servers', 'security', 'tags', 'enum', 'required', 'messages', 'traits', 'examples']);

/**
 * A finding's identity across versions, for waivers: the rule, the operations it reaches (as
 * operations match: path-parameter names do not count) and where it points, with array positions
 * left out, so adding a parameter before another or an unrelated edit elsewhere in the document
 * does not orphan a waiver, and a waiver asked for by hand matches however its operations are spelled. Messages are left out too: their
 * wording may improve between releases of Accord.
 */
export function findingFingerprint({ id, operations, pointer }: FingerprintedFinding): string {
  const place = (pointer ?? '')
    .split('/')
    .map((segment, i, all) => (/^\d+$/.test(segment) && ARRAYS.has(all[i - 1]!) ? '-' : segment))
    .join('/');
  return createHash('sha256').update(`${id}\n${operations.map(operationMatchKey).sort().join('\n')}\n${place}`).digest('hex').slice(0, 32);
}
