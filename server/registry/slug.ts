import { InvalidInput } from '../shared/index.js';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** Slugs are public, stable identifiers used in URLs and CLI arguments: lowercase kebab-case, ≤ 64 chars. */
export function assertSlug(value: string, pointer: string): void {
  if (!SLUG.test(value)) {
    throw new InvalidInput(`"${value}" is not a valid slug: use lowercase letters, digits and hyphens (1–64 characters)`, [
      { pointer, message: 'expected lowercase kebab-case' },
    ]);
  }
}
