import { rules } from './rules/index.js';
import type { Level } from './rule.js';

/** What one version changed, sorted for a human reader: breaking first, then what is going away, new, and the rest. */
export interface ChangelogSections<F> {
  breaking: F[];
  deprecations: F[];
  additions: F[];
  changes: F[];
}

const actionOf = new Map(rules.map((rule) => [rule.id, rule.taxonomy.action]));
const DEPRECATION = /deprecat|sunset/;

/** Sorts the findings of one step between two versions into the sections of a changelog. */
export function changelogSections<F extends { id: string; level: Level }>(findings: readonly F[]): ChangelogSections<F> {
  const sections: ChangelogSections<F> = { breaking: [], deprecations: [], additions: [], changes: [] };
  for (const finding of findings) {
    if (finding.level === 'error') sections.breaking.push(finding);
    else if (actionOf.get(finding.id) === 'added') sections.additions.push(finding);
    // Removing something after its sunset is a removal, not a deprecation.
    else if (DEPRECATION.test(finding.id) && !actionOf.get(finding.id)?.startsWith('removed')) sections.deprecations.push(finding);
    else sections.changes.push(finding);
  }
  return sections;
}
