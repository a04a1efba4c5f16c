import { isBlocking, isExcused, type FailOn, type FindingConsumer, type ReportedFinding, type SemverAdvice, type VerdictReport } from '../compat/index.js';
import { plural } from '../shared/index.js';

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'junit', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A finding as reports show it; a check adds which versions it was found against and why it is accepted. */
export type ReportFinding = ReportedFinding & { source?: 'compatibility' | 'policy' | 'version'; against?: string[]; accepted?: string; waiver?: { id: string; expiresAt: string }; fingerprint?: string; consumers?: FindingConsumer[]; change?: unknown };

export interface Report {
  findings: readonly ReportFinding[];
  verdict: VerdictReport;
  /** The gate the pipeline set; JUnit marks as failures exactly the findings that trip it. */
  failOn: FailOn;
  /** What the findings are about: changes between versions (the default) or policy rules one document breaks. */
  subject?: 'changes' | 'policy';
  semver?: SemverAdvice;
  /** Facts about the run a JSON reader may want: the mode, the versions compared with, the check id. */
  extra?: Record<string, unknown>;
  /** Under usage-aware gating, why breaking changes pass or whom they fail for. */
  usageExplanation?: string | null;
  /** Where findings point in the user's files: the file, and a line and column for a JSON pointer, when known. */
  locate?: (finding: ReportFinding) => { uri: string; line?: number; column?: number } | undefined;
}

const ORDER = { error: 0, warn: 1, info: 2 } as const;
const SARIF_LEVEL = { error: 'error', warn: 'warning', info: 'note' } as const;

/** Renders findings and their verdict for a terminal, a script, a pull-request comment, a test report or code scanning. */
export function renderReport(report: Report, format: ReportFormat): string {
  const findings = [...report.findings].sort((a, b) => ORDER[a.level] - ORDER[b.level] || a.id.localeCompare(b.id) || a.message.localeCompare(b.message));
  const sorted = { ...report, findings };
  switch (format) {
    case 'json':
      return JSON.stringify({ verdict: report.verdict.verdict, findings: findings.map(({ change: _change, ...finding }) => finding), summary: report.verdict.summary, ...(report.semver && { semver: report.semver }), ...report.extra });
    case 'markdown':
      return markdown(sorted);
    case 'junit':
      return junit(sorted);
    case 'sarif':
      return JSON.stringify(sarif(sorted), null, 2);
    case 'text':
      return text(sorted);
  }
}

// Excused findings (a new major, a mode that gates nothing, a waiver) are still reported, never gating.
// The table of what breaks lists what blocks at the default gate, whatever --fail-on says.
const blocking = (f: ReportFinding) => isBlocking(f);

/**
 * The one-line verdict. A check mixes changes between versions and policy findings about the
 * candidate; each kind of error is counted under its own name, with how many of them do not count.
 */
function headline(report: Report): string {
  const { verdict, findings } = report;
  const { warn, info } = verdict.summary;
  const kindOf = (f: ReportFinding) => (report.subject === 'policy' || f.source === 'policy' ? 'policy' : f.source === 'version' ? 'version' : 'change');
  const errors = (kind: ReturnType<typeof kindOf>) => findings.filter((f) => f.level === 'error' && kindOf(f) === kind);
  const counted = (list: ReportFinding[], name: (count: number) => string) => {
    const accepted = list.filter((f) => f.accepted !== undefined).length;
    const waived = list.filter((f) => f.accepted === undefined && f.waiver !== undefined).length;
    const notes = [accepted > 0 && `${accepted} accepted`, waived > 0 && `${waived} waived`].filter(Boolean);
    return `${name(list.length)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
  };
  const parts =
    report.subject === 'policy'
      ? [counted(errors('policy'), (n) => plural(n, 'error'))]
      : [
          counted(errors('change'), (n) => `${n} breaking`),
          ...(errors('policy').length > 0 ? [counted(errors('policy'), (n) => plural(n, 'policy error'))] : []),
          ...(errors('version').length > 0 ? [counted(errors('version'), (n) => plural(n, 'version error'))] : []),
        ];
  return `${verdict.verdict.toUpperCase()}: ${parts.join(', ')}, ${plural(warn, 'warning')}, ${plural(info, report.subject === 'policy' ? 'note' : 'other change')}`;
}

function semverLine(semver: SemverAdvice | undefined): string[] {
  if (!semver || semver.previous === null) return [];
  const advice = semver.satisfied ? `suggested next version: ${semver.suggested}` : `breaking changes need a new major version: publish ${semver.suggested}`;
  return [`since ${semver.previous}: ${semver.required} changes; ${advice}`];
}

/** The short label of the text format: the level, or why the finding does not count. */
function label(f: ReportFinding): string {
  return f.waiver ? 'waived' : f.accepted ? 'ok' : f.level;
}

function describeLevel(f: ReportFinding): string {
  if (f.waiver) return `${f.level}, waived until ${f.waiver.expiresAt.slice(0, 10)} (${f.waiver.id})`;
  return f.accepted ? `${f.level}, accepted (${f.accepted})` : f.level;
}

/** The operations a finding reaches, or where it points when it reaches none (a shared component, the info block). */
function whereOf(f: ReportFinding): string {
  return f.operations.length > 0 ? f.operations.join(', ') : (f.pointer ?? '');
}

function operationsNote(f: ReportFinding): string {
  return f.operations.length > 1 ? `  (${f.operations.length} operations)` : '';
}

/**
 * Where a policy finding sits, as an editor jumps to it: `file:line:col` and the pointer. A change
 * between versions is about operations, so its line names those instead.
 */
function locationNote(report: Report, f: ReportFinding): string {
  const where = report.locate?.(f);
  const position = where?.line !== undefined ? `${where.uri}:${where.line}:${where.column ?? 1}` : undefined;
  const parts = [position, f.pointer].filter((part) => part !== undefined && part !== '');
  return parts.length > 0 ? `  at ${parts.join(' ')}` : '';
}

function text(report: Report): string {
  const isPolicy = (f: ReportFinding) => report.subject === 'policy' || f.source === 'policy';
  const lines = report.findings.flatMap((f) => [
    `${label(f).padEnd(5)} ${f.id}  ${f.message}${isPolicy(f) ? `${f.operations.length > 0 ? `  (${f.operations.join(', ')})` : ''}${locationNote(report, f)}` : operationsNote(f)}`,
    ...(f.consumers && f.consumers.length > 0 ? [`      affects ${f.consumers.map(describeConsumer).join('; ')}`] : []),
  ]);
  return [...lines, headline(report), ...(report.usageExplanation ? [report.usageExplanation] : []), ...semverLine(report.semver)].join('\n');
}

/** A consumer as a finding reaches it: its team, whether it subscribed, what traffic showed. */
function describeConsumer(c: FindingConsumer): string {
  const how = [c.team && `team ${c.team}`, c.declared && 'subscribed', c.requests !== null && `${c.requests} requests, last ${c.lastSeenAt}`].filter(Boolean);
  return `${c.consumer}${how.length > 0 ? ` (${how.join(', ')})` : ''}`;
}

// Text from the compared documents lands in a pull-request comment: no HTML, no @mentions.
const cell = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('@', '&#64;').replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A one-line verdict, a table of breaking changes with the operations they hit, the rest folded. */
function markdown(report: Report): string {
  const { verdict, findings } = report;
  const icon = verdict.verdict === 'fail' ? '❌' : verdict.verdict === 'warn' ? '⚠️' : '✅';
  const breaking = findings.filter(blocking);
  const rest = findings.filter((f) => !blocking(f));
  const out = [`${icon} **${headline(report)}**`];
  for (const line of semverLine(report.semver)) out.push('', line);
  if (breaking.length > 0) {
    const policy = report.subject === 'policy';
    out.push('', policy ? '| rule | finding | where | why it matters |' : '| rule | change | operations | why it breaks |', '|---|---|---|---|');
    for (const f of breaking) out.push(`| \`${f.id}\` | ${cell(f.message)} | ${cell(whereOf(f))} | ${cell(f.why)} |`);
  }
  if (rest.length > 0) {
    out.push('', `<details><summary>${plural(rest.length, report.subject === 'policy' ? 'other finding' : 'other change')}</summary>`, '');
    for (const f of rest) out.push(`- ${describeLevel(f)} \`${f.id}\`: ${cell(f.message)}`);
    out.push('', '</details>');
  }
  return out.join('\n');
}

// Characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE/U+FFFF) are dropped.
const xml = (s: string) => s.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');

/** One test case per finding, failing where the finding fails the verdict; CI systems show it as a test report. */
function junit(report: Report): string {
  const { findings } = report;
  const cases = findings.map((f) => {
    const name = xml(`${f.id}: ${f.message}`);
    const body = `${f.why}\noperations: ${f.operations.join(', ') || '-'}${f.pointer ? `\nat: ${f.pointer}` : ''}`;
    const failing = isBlocking(f, report.failOn);
    return failing
      ? `    <testcase classname="accord.${xml(f.id)}" name="${name}"><failure type="${f.level}" message="${xml(f.message)}">${xml(body)}</failure></testcase>`
      : `    <testcase classname="accord.${xml(f.id)}" name="${name}"><system-out>${xml(`${describeLevel(f)}: ${body}`)}</system-out></testcase>`;
  });
  if (cases.length === 0) cases.push('    <testcase classname="accord" name="compatibility"/>');
  const failures = cases.filter((c) => c.includes('<failure')).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="accord" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="${xml(headline(report))}" tests="${cases.length}" failures="${failures}" errors="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
  ].join('\n');
}

/** SARIF 2.1.0, the format code-scanning services read: one result per finding, rules described once. */
function sarif(report: Report): object {
  const rules = new Map<string, ReportFinding>();
  for (const f of report.findings) if (!rules.has(f.id)) rules.set(f.id, f);
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'Accord',
            rules: [...rules.values()].map((f) => ({ id: f.id, shortDescription: { text: f.id.replaceAll('-', ' ') }, fullDescription: { text: f.why }, defaultConfiguration: { level: SARIF_LEVEL[f.level] } })),
          },
        },
        results: report.findings.map((f) => {
          const where = report.locate?.(f);
          return {
            ruleId: f.id,
            level: isExcused(f) ? 'note' : SARIF_LEVEL[f.level],
            message: { text: `${f.message}${f.operations.length > 0 ? ` (operations: ${f.operations.join(', ')})` : ''}` },
            ...(where && {
              locations: [
                {
                  physicalLocation: { artifactLocation: { uri: where.uri }, ...(where.line !== undefined && { region: { startLine: where.line, ...(where.column !== undefined && { startColumn: where.column }) } }) },
                  ...(f.operation && { logicalLocations: [{ fullyQualifiedName: f.operation, kind: 'function' }] }),
                },
              ],
            }),
            // Lets code scanning follow one finding from commit to commit.
            ...(f.fingerprint && { partialFingerprints: { 'accord/v1': f.fingerprint } }),
            ...(f.pointer && { properties: { pointer: f.pointer } }),
          };
        }),
      },
    ],
  };
}
