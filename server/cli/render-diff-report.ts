import type { Finding, VerdictReport } from '../compat/index.js';

export type DiffFormat = 'text' | 'json' | 'markdown';

const ORDER = { error: 0, warn: 1, info: 2 } as const;

/** Renders findings and their verdict for a terminal, a script, or a pull-request comment. */
export function renderDiffReport(findings: readonly Finding[], report: VerdictReport, format: DiffFormat): string {
  const sorted = [...findings].sort((a, b) => ORDER[a.level] - ORDER[b.level] || a.id.localeCompare(b.id));
  switch (format) {
    case 'json':
      return JSON.stringify({
        verdict: report.verdict,
        findings: sorted.map(({ change: _change, ...f }) => f),
        summary: report.summary,
      });
    case 'markdown':
      return markdown(sorted, report);
    case 'text':
      return text(sorted, report);
  }
}

function headline(report: VerdictReport): string {
  const { error, warn, info } = report.summary;
  return `${report.verdict.toUpperCase()}: ${error} breaking, ${warn} warning(s), ${info} other change(s)`;
}

function text(findings: Finding[], report: VerdictReport): string {
  const lines = findings.map((f) => `${f.level.padEnd(5)} ${f.id}  ${f.message}${f.operations.length > 1 ? `  (${f.operations.length} operations)` : ''}`);
  return [...lines, headline(report)].join('\n');
}

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A one-line verdict, a table of breaking changes with the operations they hit, the rest folded. */
function markdown(findings: Finding[], report: VerdictReport): string {
  const icon = report.verdict === 'fail' ? '❌' : report.verdict === 'warn' ? '⚠️' : '✅';
  const breaking = findings.filter((f) => f.level === 'error');
  const rest = findings.filter((f) => f.level !== 'error');
  const out = [`${icon} **${headline(report)}**`];
  if (breaking.length > 0) {
    out.push('', '| rule | change | operations | why it breaks |', '|---|---|---|---|');
    for (const f of breaking) out.push(`| \`${f.id}\` | ${cell(f.message)} | ${cell(f.operations.join(', '))} | ${cell(f.why)} |`);
  }
  if (rest.length > 0) {
    out.push('', `<details><summary>${rest.length} other change(s)</summary>`, '');
    for (const f of rest) out.push(`- ${f.level} \`${f.id}\`: ${cell(f.message)}`);
    out.push('', '</details>');
  }
  return out.join('\n');
}
