import type { ChangelogEntry, ChangelogFinding } from '../registry/index.js';

/** A changelog for people: one section per version, breaking changes first. */
export function renderChangelog(contract: string, entries: readonly ChangelogEntry[]): string {
  const out = [`# Changelog of ${contract}`];
  for (const entry of entries) {
    out.push('', `## ${entry.version} (${entry.publishedAt.toISOString().slice(0, 10)})`);
    if (entry.previous === null) {
      out.push('', 'First published version.');
      continue;
    }
    section(out, 'Breaking changes', entry.breaking);
    section(out, 'Deprecations', entry.deprecations);
    section(out, 'Additions', entry.additions);
    section(out, 'Other changes', entry.changes);
    if (entry.documentationOnly) out.push('', `Documentation only: nothing a client can notice changed since ${entry.previous}.`);
    else if (entry.breaking.length + entry.deprecations.length + entry.additions.length + entry.changes.length === 0) out.push('', `Same content as ${entry.previous}.`);
  }
  return out.join('\n') + '\n';
}

function section(out: string[], title: string, findings: readonly ChangelogFinding[]): void {
  if (findings.length === 0) return;
  out.push('', `### ${title}`, '');
  for (const f of findings) {
    const where = f.operations.length === 0 ? '' : f.operations.length <= 3 ? ` (${f.operations.join(', ')})` : ` (${f.operations.length} operations)`;
    out.push(`- ${f.message}${where}`);
  }
}
