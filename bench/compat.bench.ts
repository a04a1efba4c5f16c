import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBreakingChanges, rules, type Finding, type Level } from '../server/compat/index.js';
import { accordVerdict } from './accord-verdict.js';
import type { BenchmarkReport, Table, TargetResult } from './benchmark-report.js';
import { classifyOpenApiDiffRun, type PeerRun } from './classify-open-api-diff-run.js';
import { ensureBuild } from './ensure-build.js';
import { formatBytes } from './format-bytes.js';
import { formatMs } from './format-ms.js';
import { generateLargeOpenApi } from './generate-large-openapi.js';
import { loadCompatCases, type CompatCase } from './load-compat-cases.js';
import { loadRuleFixtureCases } from './load-rule-fixture-cases.js';
import { locateCorpus } from './locate-corpus.js';
import { measureRuns } from './measure-runs.js';
import { median } from './median.js';
import { mutateOpenApi, type Mutation } from './mutate-openapi.js';
import { openApiDiffVerdict } from './open-api-diff-verdict.js';
import { runProcess } from './run-process.js';
import { scoreVerdicts, type ToolVerdict, type VerdictScore, type WrongVerdict } from './score-verdicts.js';

export interface CompatBenchOptions {
  projectRoot: string;
  /** Runs of `findBreakingChanges` alone, in this process. */
  diffRuns?: number;
  /** Runs of each whole process, `accord diff` and `openapi-diff`. */
  processRuns?: number;
  /** openapi-diff is killed after this long; a run that does not finish is reported, not retried. */
  peerTimeoutMs?: number;
  maxDiffMs?: number;
  maxProcessMs?: number;
  minSpeedup?: number;
  /**
   * The most `accord diff` may take per unit of the floor (a bare node parsing both files). Issue
   * 16 measured oasdiff 1.2.7 at 1/1.85 of Accord's 2.74 s on the Stripe pair, whose floor was 0.40 s:
   * 2.74 / 1.85 / 0.40 ≈ 3.7 floors is "as fast as oasdiff".
   */
  maxFloorRatio?: number;
  /** Where each step's duration goes as it finishes, so a long run shows where it is. */
  progress?: (line: string) => void;
}

interface LargePair {
  name: string;
  base: string;
  head: string;
  /** Whether the whole `accord diff` process carries the ≤ 3 s target. */
  processTarget: boolean;
  mutations?: Mutation[];
}

const TOOLS = ['Accord', 'openapi-diff'] as const;
const LEVELS: Level[] = ['error', 'warn', 'info'];

/**
 * Accord's compatibility engine next to openapi-diff, in the same run: how often each is right on a
 * hand-labelled corpus of small pairs, and how long each takes on large real and generated pairs.
 */
export async function compatBench({
  projectRoot,
  diffRuns = 5,
  processRuns = 3,
  peerTimeoutMs = 60_000,
  maxDiffMs = 500,
  maxProcessMs = 3000,
  minSpeedup = 10,
  maxFloorRatio = 3.7,
  progress = (line) => console.error(line),
}: CompatBenchOptions): Promise<BenchmarkReport> {
  const step = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    progress(`  compat: ${what} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  const tables: Table[] = [];
  tables.push(...(await accuracyTables(projectRoot, step)));

  const scratch = await mkdtemp(join(tmpdir(), 'accord-bench-compat-'));
  try {
    const build = await step('checking (and if stale, building) dist/', () => ensureBuild({ projectRoot }));
    const pairs = await step('generating and mutating the large document', () => largePairs(projectRoot, scratch));
    const speed = await speedOf({ projectRoot, pairs, cli: build.cli, diffRuns, processRuns, peerTimeoutMs, step });
    tables.push(...speedTables({ speed, buildNote: build.note, diffRuns, processRuns, peerTimeoutMs, maxDiffMs, maxProcessMs, minSpeedup, maxFloorRatio }));
    return { name: 'compat', tables, targets: speedTargets({ speed, maxDiffMs, maxProcessMs, minSpeedup, maxFloorRatio }) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Accuracy

async function verdictsOf(cases: readonly CompatCase[]): Promise<Record<(typeof TOOLS)[number], ToolVerdict[]>> {
  const accord = cases.map((c) => accordVerdict(c.base, c.head));
  const peer: ToolVerdict[] = [];
  // One at a time: openapi-diff mutates nothing we share, but its parser is not known to be re-entrant.
  for (const c of cases) peer.push(await openApiDiffVerdict(c.base, c.head, { name: c.name }));
  return { Accord: accord, 'openapi-diff': peer };
}

type Step = <T>(what: string, work: () => Promise<T>) => Promise<T>;

async function accuracyTables(projectRoot: string, step: Step): Promise<Table[]> {
  const cases = await loadCompatCases(join(projectRoot, 'bench', 'compat-corpus'));
  const verdicts = await step(`both tools on the ${cases.length} labelled pairs`, () => verdictsOf(cases));
  const groups = [...new Set(cases.map((c) => c.group))];
  const tables: Table[] = [];
  const scores = new Map<string, VerdictScore>();
  for (const tool of TOOLS) {
    const rows = [...groups.map((g) => [g, cases.filter((c) => c.group === g)] as const), ['all', cases] as const].map(([label, subset]) => {
      const score = scoreVerdicts(subset, subset.map((c) => verdicts[tool][cases.indexOf(c)]!));
      if (label === 'all') scores.set(tool, score);
      return scoreRow(label, score);
    });
    tables.push({
      title: `Compatibility accuracy: ${tool} on the labelled corpus (bench/compat-corpus)`,
      columns: SCORE_COLUMNS,
      rows,
      notes: [
        tool === 'Accord'
          ? '"Flagged" = `findBreakingChanges` returned at least one finding at level `error`; a throw counts as refused.'
          : '"Flagged" = `diffSpecs` returned a non-empty `breakingDifferences`; unclassified differences do not count; a throw (OpenAPI 3.1 included) counts as refused.',
      ],
    });
  }

  tables.push({
    title: 'Compatibility accuracy: every case a tool got wrong',
    columns: ['tool', 'case', 'label', 'verdict', 'what the tool said', 'why the label'],
    rows: TOOLS.flatMap((tool) => wrongRows(tool, scores.get(tool)!.wrong)),
    notes: [`Labels come from what a deployed client sees on the wire, not from either tool's rules; each case file states its reason. Corpus: ${cases.filter((c) => c.breaking).length} breaking and ${cases.filter((c) => !c.breaking).length} safe pairs.`],
  });

  tables.push(await ruleFixtureTable(projectRoot, step));
  return tables;
}

const SCORE_COLUMNS = ['corpus', 'cases', 'breaking / safe', 'caught', 'missed', 'false alarms', 'refused', 'recall', 'precision'];

function scoreRow(label: string, s: VerdictScore): string[] {
  const percent = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : 'n/a');
  return [label, String(s.cases), `${s.breaking} / ${s.safe}`, String(s.caught), String(s.missed), String(s.falseAlarms), String(s.refused), percent(s.recall), percent(s.precision)];
}

/** One row per wrong verdict; refusals with the same message fold into one row so 3.1 does not drown the rest. */
function wrongRows(tool: string, wrong: readonly WrongVerdict[]): string[][] {
  const rows = wrong.filter((w) => w.outcome !== 'refused').map((w) => [tool, `${w.group}/${w.name}`, w.expected, w.outcome === 'breaking' ? 'false alarm' : 'missed', clip(w.said, 110), clip(w.reason, 120)]);
  const refusals = new Map<string, WrongVerdict[]>();
  for (const w of wrong.filter((x) => x.outcome === 'refused')) {
    // The peer names the file it refused; without the name, one refusal reads the same for every case.
    const said = w.said.replace(/"[^"]*\/(base|head)\.json"/, '"…"');
    refusals.set(said, [...(refusals.get(said) ?? []), w]);
  }
  for (const [said, list] of refusals) {
    const names = list.length <= 3 ? list.map((w) => `${w.group}/${w.name}`).join(', ') : `${list.length} cases of ${[...new Set(list.map((w) => w.group))].join(', ')}`;
    const labels = [...new Set(list.map((w) => w.expected))];
    rows.push([tool, names, labels.length === 1 ? labels[0]! : `${list.filter((w) => w.expected === 'breaking').length} breaking, ${list.filter((w) => w.expected === 'safe').length} safe`, 'refused', clip(said, 110), '']);
  }
  return rows.length > 0 ? rows : [[tool, 'none', '', '', '', '']];
}

async function ruleFixtureTable(projectRoot: string, step: Step): Promise<Table> {
  const levels = new Map<string, Level>(rules.map((r) => [r.id, r.level]));
  const { cases, orphans } = await loadRuleFixtureCases({ fixturesDir: join(projectRoot, 'server', 'compat', 'rules', '__fixtures__'), levels });
  const verdicts = await step(`both tools on the ${cases.length} rule fixtures`, () => verdictsOf(cases));
  const families = [...new Set(cases.map((c) => c.group))].sort();
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const tool of TOOLS) {
    const scoreOf = (subset: readonly CompatCase[]) => scoreVerdicts(subset, subset.map((c) => verdicts[tool][cases.indexOf(c)]!));
    for (const family of families) rows.push([tool, ...scoreRow(family, scoreOf(cases.filter((c) => c.group === family)))]);
    const all = scoreOf(cases);
    rows.push([tool, ...scoreRow('all', all)]);
    const names = (outcome: WrongVerdict['outcome']) => all.wrong.filter((w) => w.outcome === outcome).map((w) => w.name);
    const refusedBy = families.map((f) => [f, all.wrong.filter((w) => w.outcome === 'refused' && w.group === f).length] as const).filter(([, n]) => n > 0);
    const parts = [
      names('safe').length > 0 && `missed ${names('safe').join(', ')}`,
      names('breaking').length > 0 && `false alarms on ${names('breaking').join(', ')}`,
      refusedBy.length > 0 && `refused ${refusedBy.map(([f, n]) => `${n} ${f}`).join(', ')} (${[...new Set(all.wrong.filter((w) => w.outcome === 'refused').map((w) => w.said.replace(/"[^"]*\/(base|head)\.json"/, '"…"')))].slice(0, 3).join(' / ')})`,
    ].filter(Boolean);
    notes.push(`${tool} wrong on ${all.wrong.length}: ${parts.join('; ') || 'none'}.`);
  }
  return {
    title: "Compatibility accuracy, secondary: Accord's own rule fixtures (server/compat/rules/__fixtures__/<id>.yaml, base → fires)",
    columns: ['tool', ...SCORE_COLUMNS],
    rows,
    notes: [
      "These are Accord's own fixtures, labelled by the level of the rule each was written for (error = breaking, warn and info = safe): they show that Accord's rules fire and whether openapi-diff sees the same changes, not that Accord's levels are right. The labelled corpus above is the independent measure.",
      ...notes,
      ...(orphans.length > 0 ? [`Skipped rule fixtures whose rule is not in the registry: ${orphans.join(', ')}.`] : []),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Speed

async function largePairs(projectRoot: string, scratch: string): Promise<LargePair[]> {
  const corpus = locateCorpus(projectRoot);
  const base = generateLargeOpenApi({ resources: 180, seed: 1 });
  const { document: head, mutations } = mutateOpenApi(base, { seed: 7 });
  const generated = { base: join(scratch, 'generated-base.json'), head: join(scratch, 'generated-head.json') };
  // Pretty-printed like the corpus documents, so both tools read files of the usual shape.
  await writeFile(generated.base, JSON.stringify(base, null, 2));
  await writeFile(generated.head, JSON.stringify(head, null, 2));
  return [
    { name: 'Stripe spec3 2022-04-01 → 2022-04-12', base: join(corpus, 'stripe', 'spec3-2022-04-01.json'), head: join(corpus, 'stripe', 'spec3-2022-04-12.json'), processTarget: true },
    { name: 'Twilio api_v2010 2026-02-05 → 2026-04-14', base: join(corpus, 'twilio', 'api_v2010-2026-02-05.json'), head: join(corpus, 'twilio', 'api_v2010-2026-04-14.json'), processTarget: false },
    { name: `generated 180 resources → ${mutations.length} mutations`, ...generated, processTarget: true, mutations },
  ];
}

interface PairSpeed {
  pair: LargePair;
  skipped?: string;
  bytes: number;
  findings: Finding[];
  diffMs: number;
  /**
   * Median of the whole `accord diff` process, or why it could not be measured, and the median of
   * the floor measured between its runs: a bare node that reads both files and JSON.parses them.
   */
  process: { ms: number; findings: number; floorMs: number } | { failed: string };
  peer: PeerRun[];
}

async function speedOf({ projectRoot, pairs, cli, diffRuns, processRuns, peerTimeoutMs, step }: { projectRoot: string; pairs: LargePair[]; cli: string | undefined; diffRuns: number; processRuns: number; peerTimeoutMs: number; step: Step }): Promise<PairSpeed[]> {
  const results: PairSpeed[] = [];
  for (const pair of pairs) {
    const missing = [pair.base, pair.head].find((f) => !existsSync(f));
    if (missing) {
      results.push({ pair, skipped: `skipped: ${missing} not found (set ACCORD_CORPUS_DIR to the corpus folder)`, bytes: 0, findings: [], diffMs: Number.NaN, process: { failed: 'skipped' }, peer: [] });
      continue;
    }
    const [baseText, headText] = await Promise.all([readFile(pair.base, 'utf8'), readFile(pair.head, 'utf8')]);
    const base = JSON.parse(baseText) as object;
    const head = JSON.parse(headText) as object;
    let findings: Finding[] = [];
    const diffMs = median(await step(`${pair.name}: diff alone`, () => measureRuns({ runs: diffRuns, warmups: 1, run: () => void (findings = findBreakingChanges(base, head)) })));
    const processResult = await step(`${pair.name}: accord diff processes`, () => accordProcess({ projectRoot, pair, cli, processRuns }));
    const peer = await step(`${pair.name}: openapi-diff processes`, () => peerProcess({ projectRoot, pair, processRuns, peerTimeoutMs }));
    results.push({ pair, bytes: Buffer.byteLength(baseText), findings, diffMs, process: processResult, peer });
  }
  return results;
}

/** The whole `accord diff` process, as a user runs it: median of `processRuns`, or why it failed. */
async function accordProcess({ projectRoot, pair, cli, processRuns }: { projectRoot: string; pair: LargePair; cli: string | undefined; processRuns: number }): Promise<PairSpeed['process']> {
  if (!cli) return { failed: 'no build of the CLI (see the note on dist/)' };
  const durations: number[] = [];
  const floors: number[] = [];
  let findings = 0;
  for (let i = 0; i < processRuns; i++) {
    // Floor and tool alternate, so both meet the same load on a shared machine.
    floors.push((await runProcess({ args: ['-e', FLOOR, pair.base, pair.head], cwd: projectRoot })).ms);
    const run = await runProcess({ args: [join(projectRoot, 'bin', 'accord.js'), 'diff', pair.base, pair.head, '--format', 'json'], cwd: projectRoot, timeoutMs: 120_000 });
    // Exit 1 only means the verdict failed the gate; 2 and anything else is an error.
    if (run.timedOut) return { failed: 'timed out after 120 s' };
    if (run.code !== 0 && run.code !== 1) return { failed: `exit ${run.code ?? run.signal}: ${run.stderr.split('\n')[0]}` };
    findings = (JSON.parse(run.stdout) as { findings: unknown[] }).findings.length;
    durations.push(run.ms);
  }
  return { ms: median(durations), findings, floorMs: median(floors) };
}

// What any tool must do at least: start node, read both files and parse them.
const FLOOR = "const { readFileSync } = require('node:fs'); for (const file of process.argv.slice(1)) JSON.parse(readFileSync(file, 'utf8'));";

/**
 * The whole `openapi-diff` process. A run that does not finish is the result: it would not finish
 * the next time either, and three timeouts would cost three minutes.
 */
async function peerProcess({ projectRoot, pair, processRuns, peerTimeoutMs }: { projectRoot: string; pair: LargePair; processRuns: number; peerTimeoutMs: number }): Promise<PeerRun[]> {
  const peer: PeerRun[] = [];
  for (let i = 0; i < processRuns; i++) {
    const run = classifyOpenApiDiffRun(await runProcess({ args: [join(projectRoot, 'node_modules', 'openapi-diff', 'bin', 'openapi-diff'), pair.base, pair.head], cwd: projectRoot, timeoutMs: peerTimeoutMs }));
    peer.push(run);
    if (!run.finished) break;
  }
  return peer;
}

function peerMedian(peer: readonly PeerRun[]): number | undefined {
  return peer.length > 0 && peer.every((r) => r.finished) ? median(peer.map((r) => r.ms)) : undefined;
}

function peerCell(peer: readonly PeerRun[]): string {
  const failed = peer.find((r) => !r.finished);
  if (failed && !failed.finished) return failed.label;
  return formatMs(peerMedian(peer) ?? Number.NaN);
}

function speedTables({ speed, buildNote, diffRuns, processRuns, peerTimeoutMs, maxDiffMs, maxProcessMs, minSpeedup, maxFloorRatio }: { speed: PairSpeed[]; buildNote: string; diffRuns: number; processRuns: number; peerTimeoutMs: number; maxDiffMs: number; maxProcessMs: number; minSpeedup: number; maxFloorRatio: number }): Table[] {
  const main: Table = {
    title: 'Compatibility speed: Accord vs openapi-diff on large pairs',
    columns: ['pair', 'base size', 'Accord diff alone', 'floor process', 'accord diff process', 'accord ÷ floor', 'openapi-diff process', 'openapi-diff ÷ accord', 'targets'],
    rows: speed.map((s) => {
      if (s.skipped) return [s.pair.name, '—', s.skipped, '', '', '', '', '', ''];
      const accordMs = 'ms' in s.process ? s.process.ms : undefined;
      const peerMs = peerMedian(s.peer);
      const floorMs = 'floorMs' in s.process ? s.process.floorMs : undefined;
      const targets = [`diff ≤ ${formatMs(maxDiffMs)}`, ...(s.pair.processTarget ? [`process ≤ ${formatMs(maxProcessMs)}`] : []), `≤ ${maxFloorRatio} floors`, `≥ ${minSpeedup}× where openapi-diff finishes`];
      return [
        s.pair.name,
        formatBytes(s.bytes),
        formatMs(s.diffMs),
        floorMs !== undefined ? formatMs(floorMs) : '',
        accordMs !== undefined ? formatMs(accordMs) : 'failed' in s.process ? s.process.failed : '',
        accordMs !== undefined && floorMs !== undefined ? `${(accordMs / floorMs).toFixed(2)}` : 'n/a',
        peerCell(s.peer),
        accordMs !== undefined && peerMs !== undefined ? `${(peerMs / accordMs).toFixed(1)}×` : 'n/a',
        targets.join(', '),
      ];
    }),
    notes: [
      `"diff alone": \`findBreakingChanges(base, head)\` on documents parsed with JSON.parse beforehand, in this process, median of ${diffRuns} runs after one warm-up.`,
      `"floor process": spawn → exit of a bare \`node -e\` that reads both files and JSON.parses them, run before each \`accord diff\` so both meet the same load; "accord ÷ floor" is the ratio of the two medians. ≤ ${maxFloorRatio} floors is issue 16's "as fast as oasdiff" (oasdiff 1.2.7 took 1/1.85 of Accord's 2.74 s on the Stripe pair, whose floor was 0.40 s).`,
      `"process": spawn → exit of \`node bin/accord.js diff <base> <head> --format json\` (reading, bundling and safe ingest of both files included) and of \`node node_modules/openapi-diff/bin/openapi-diff <base> <head>\`, median of ${processRuns} each; openapi-diff is killed after ${formatMs(peerTimeoutMs)}, and a run that does not finish is reported once, not repeated.`,
      buildNote,
      ...speed.flatMap((s) => ('findings' in s.process && s.process.findings !== s.findings.length ? [`${s.pair.name}: the CLI reported ${s.process.findings} findings, the in-process diff of the raw JSON ${s.findings.length}.`] : [])),
    ],
  };

  const reported: Table = {
    title: 'Compatibility: what each tool reported on the large pairs',
    columns: ['pair', 'Accord error', 'Accord warn', 'Accord info', 'operations reached by errors', 'openapi-diff'],
    rows: speed
      .filter((s) => !s.skipped)
      .map((s) => {
        const count = (level: Level) => String(s.findings.filter((f) => f.level === level).length);
        const reached = new Set(s.findings.filter((f) => f.level === 'error').flatMap((f) => f.operations)).size;
        const finished = s.peer.find((r) => r.finished);
        const peer = finished?.finished ? `${finished.breaking} breaking, ${finished.nonBreaking} non-breaking, ${finished.unclassified} unclassified` : peerCell(s.peer);
        return [s.pair.name, count('error'), count('warn'), count('info'), String(reached), peer];
      }),
    notes: speed.flatMap((s) =>
      s.pair.mutations
        ? [`${s.pair.name} (bench/mutate-openapi.ts, seed 7): ${s.pair.mutations.map((m) => `${m.kind} (${m.where})${m.breaking ? '' : ' [safe]'}`).join('; ')}.`]
        : [],
    ),
  };

  const sample: Table = {
    title: 'Compatibility: a sample of Accord findings per pair (most severe first, then widest reach)',
    columns: ['pair', 'level', 'id', 'operations', 'message'],
    rows: speed
      .filter((s) => !s.skipped)
      .flatMap((s) =>
        [...s.findings]
          .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || b.operations.length - a.operations.length)
          .slice(0, 8)
          .map((f) => [s.pair.name.split(' ')[0]!, f.level, f.id, String(f.operations.length), clip(f.message, 130)]),
      ),
    notes: ['"operations" counts the operations one finding names: a change to a shared schema is reported once, with every operation it reaches.'],
  };
  return [main, reported, sample];
}

function speedTargets({ speed, maxDiffMs, maxProcessMs, minSpeedup, maxFloorRatio }: { speed: PairSpeed[]; maxDiffMs: number; maxProcessMs: number; minSpeedup: number; maxFloorRatio: number }): TargetResult[] {
  const targets: TargetResult[] = [];
  for (const s of speed) {
    const name = s.pair.name.split(' ')[0]!;
    if (s.skipped) {
      targets.push({ target: `compat ${name}: diff alone ≤ ${formatMs(maxDiffMs)}`, measured: s.skipped, pass: undefined });
      continue;
    }
    targets.push({ target: `compat ${name}: findBreakingChanges alone ≤ ${formatMs(maxDiffMs)}`, measured: formatMs(s.diffMs), pass: s.diffMs <= maxDiffMs });
    const accordMs = 'ms' in s.process ? s.process.ms : undefined;
    if (s.pair.processTarget) {
      targets.push({ target: `compat ${name}: whole \`accord diff\` process ≤ ${formatMs(maxProcessMs)}`, measured: accordMs !== undefined ? formatMs(accordMs) : 'failed' in s.process ? s.process.failed : 'n/a', pass: accordMs === undefined ? undefined : accordMs <= maxProcessMs });
    }
    if ('floorMs' in s.process) {
      const ratio = s.process.ms / s.process.floorMs;
      targets.push({ target: `compat ${name}: whole \`accord diff\` ≤ ${maxFloorRatio}× the floor (node parsing both files)`, measured: `${ratio.toFixed(2)}× (${formatMs(s.process.ms)} vs ${formatMs(s.process.floorMs)})`, pass: ratio <= maxFloorRatio });
    }
    const peerMs = peerMedian(s.peer);
    const target = `compat ${name}: accord diff ≥ ${minSpeedup}× faster than openapi-diff (processes)`;
    if (peerMs === undefined || accordMs === undefined) {
      targets.push({ target, measured: `openapi-diff did not finish: ${peerCell(s.peer)}`, pass: undefined });
    } else {
      const ratio = peerMs / accordMs;
      targets.push({ target, measured: `${ratio.toFixed(1)}× (${formatMs(accordMs)} vs ${formatMs(peerMs)})`, pass: ratio >= minSpeedup });
    }
  }
  return targets;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
