import type { Format } from '@stoplight/spectral-core';
import { formatNames } from './format-names.js';
import type { LintRuleset } from './lint-ruleset.js';

/**
 * The enabled rules of a ruleset that apply to documents of one kind and version, e.g. to count
 * the rules a contract passes. Spectral recognises a format from the document's version field,
 * so a stand-in holding only that field tells which formats a real document would have.
 */
export function rulesApplyingTo(ruleset: LintRuleset, kind: 'openapi' | 'asyncapi', specVersion: string): string[] {
  const standIn = kind === 'asyncapi' ? { asyncapi: specVersion } : specVersion.startsWith('2') ? { swagger: specVersion } : { openapi: specVersion };
  const formats = new Set<Format>([...new Set(formatNames.values())].filter((format) => format(standIn, null)));
  return Object.values(ruleset.spectral.rules)
    .filter((rule) => rule.enabled && rule.matchesFormat(formats))
    .map((rule) => rule.name)
    .sort();
}
