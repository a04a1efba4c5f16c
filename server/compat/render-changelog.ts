import type { ChangelogSections } from './changelog-sections.js';

/** One step of a changelog: a version, the one it was compared with, and what changed between them. */
export interface ChangelogStep extends ChangelogSections<{ message: string; operations: readonly string[] }> {
  version: string;
  previous: string | null;
  /** When the version was published; none for documents compared offline. */
  publishedAt?: Date | string | null;
  /** The document changed but no rule saw a change clients could notice: descriptions, examples, order. */
  documentationOnly: boolean;
}

export type ChangelogFormat = 'markdown' | 'text';

const SECTIONS = [
  ['breaking', 'Breaking changes'],
  ['deprecations', 'Deprecations'],
  ['additions', 'Additions'],
  ['changes', 'Other changes'],
] as const;

/** A changelog for people, Markdown or plain text: one section per version, breaking changes first. */
export function renderChangelog(subject: string, steps: readonly ChangelogStep[], { format = 'markdown' }: { format?: ChangelogFormat } = {}): string {
  const markdown = format === 'markdown';
  const out = [markdown ? `# Changelog of ${subject}` : `Changelog of ${subject}`];
  for (const step of steps) {
    const date = step.publishedAt ? ` (${new Date(step.publishedAt).toISOString().slice(0, 10)})` : '';
    const since = !markdown && step.previous !== null ? `, since ${step.previous}` : '';
    out.push('', `${markdown ? '## ' : ''}${step.version}${date}${since}`);
    if (step.previous === null) {
      out.push(...(markdown ? ['', 'First published version.'] : ['  First published version.']));
      continue;
    }
    for (const [key, title] of SECTIONS) {
      if (step[key].length === 0) continue;
      out.push(...(markdown ? ['', `### ${title}`, ''] : [`  ${title}:`]));
      for (const f of step[key]) {
        const where = f.operations.length === 0 ? '' : f.operations.length <= 3 ? ` (${f.operations.join(', ')})` : ` (${f.operations.length} operations)`;
        out.push(`${markdown ? '' : '    '}- ${f.message}${where}`);
      }
    }
    const note = step.documentationOnly
      ? `Documentation only: nothing a client can notice changed since ${step.previous}.`
      : SECTIONS.every(([key]) => step[key].length === 0)
        ? `Same content as ${step.previous}.`
        : undefined;
    if (note) out.push(...(markdown ? ['', note] : [`  ${note}`]));
  }
  return out.join('\n') + '\n';
}
