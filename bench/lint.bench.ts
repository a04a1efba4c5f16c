import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintDocument, loadRuleset } from '../server/lint/index.js';
import { readShippedRulesets } from '../server/lint/read-shipped-rulesets.js';
import { toJsonPointer } from '../server/shared/index.js';
import type { BenchmarkReport, Table, TargetResult } from './benchmark-report.js';
import { ensureBuild } from './ensure-build.js';
import { formatBytes } from './format-bytes.js';
import { formatMs } from './format-ms.js';
import { generateLargeOpenApi } from './generate-large-openapi.js';
import { locateCorpus } from './locate-corpus.js';
import { measurePublishEventLoop, type PublishEventLoop } from './measure-publish-event-loop.js';
import { measureRuns } from './measure-runs.js';
import { median } from './median.js';
import { runProcessWithPeakMemory, type ProcessRunWithPeakMemory } from './run-process-with-peak-memory.js';

export interface LintBenchOptions {
  projectRoot: string;
  /** Runs of each whole process, Accord's and Spectral's CLI, per document. */
  processRuns?: number;
  /** Runs of `lintDocument` alone in this process, after one warm-up. */
  lintRuns?: number;
  /** Both kinds of runs for the generated 5 MB document, the slowest to lint, so the whole benchmark stays near 3 minutes. */
  largeDocumentRuns?: number;
  processTimeoutMs?: number;
  maxEventLoopDelayMs?: number;
  progress?: (line: string) => void;
}

interface LintInput {
  name: string;
  file: string;
  processRuns: number;
  lintRuns: number;
}

/** One whole process, Accord's or Spectral's: the medians of its runs, or why it could not be measured. */
type ProcessResult =
  | { ok: true; ms: number; peakRssBytes: number | undefined; findings: string[]; loadMs?: number; lintMs?: number }
  | { ok: false; reason: string };

type DocumentResult =
  | { input: LintInput; skipped: string }
  | { input: LintInput; bytes: number; lintMs: number; findings: number; accord: ProcessResult; spectral: ProcessResult };

const RULESET = 'accord-recommended';

/**
 * Linting with Accord's recommended ruleset next to Spectral's own CLI on the same file with the same
 * ruleset file, in the same run: the whole fresh process each (wall time and peak RSS), Accord's
 * `lintDocument` alone in this process, and whether both report the same findings.
 */
export async function lintBench({ projectRoot, processRuns = 3, lintRuns = 3, largeDocumentRuns = 2, processTimeoutMs = 120_000, maxEventLoopDelayMs = 50, progress = (line) => console.error(line) }: LintBenchOptions): Promise<BenchmarkReport> {
  const step = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    progress(`  lint: ${what} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  const rulesetFile = join(projectRoot, 'policies', `${RULESET}.yaml`);
  const scratch = await mkdtemp(join(tmpdir(), 'accord-bench-lint-'));
  try {
    const build = await step('checking (and if stale, building) dist/', () => ensureBuild({ projectRoot }));
    const inputs = await step('generating the large document', () => lintInputs({ projectRoot, scratch, processRuns, lintRuns, largeDocumentRuns }));
    const shipped = readShippedRulesets(projectRoot);
    const ruleset = loadRuleset(await readFile(rulesetFile, 'utf8'), { source: rulesetFile, shipped });
    const spectral = join(projectRoot, 'node_modules', '.bin', 'spectral');
    const spectralVersion = (JSON.parse(await readFile(join(projectRoot, 'node_modules', '@stoplight', 'spectral-cli', 'package.json'), 'utf8')) as { version: string }).version;

    const results: DocumentResult[] = [];
    for (const input of inputs) {
      if (!existsSync(input.file)) {
        results.push({ input, skipped: `skipped: ${input.file} not found (set ACCORD_CORPUS_DIR to the corpus folder)` });
        continue;
      }
      const text = await readFile(input.file, 'utf8');
      let findings = 0;
      const lintMs = median(
        await step(`${input.name}: lintDocument alone`, () => measureRuns({ runs: input.lintRuns, warmups: 1, run: async () => void (findings = (await lintDocument(text, ruleset)).length) })),
      );
      const [accord, peer] = await step(`${input.name}: ${input.processRuns} Accord and ${input.processRuns} Spectral CLI processes`, () =>
        processesOf({
          runs: input.processRuns,
          accord: () => accordProcess({ projectRoot, rulesetFile, file: input.file, timeoutMs: processTimeoutMs, built: build.cli !== undefined }),
          spectral: () => spectralProcess({ projectRoot, spectral, rulesetFile, file: input.file, timeoutMs: processTimeoutMs }),
        }),
      );
      results.push({ input, bytes: Buffer.byteLength(text), lintMs, findings, accord, spectral: peer });
    }
    const stripe = inputs.find((input) => input.name.startsWith('Stripe'))!;
    const eventLoop = existsSync(stripe.file) ? await step('publishing the Stripe document to a server in this process', async () => measurePublishEventLoop(await readFile(stripe.file, 'utf8'))) : undefined;
    return {
      name: 'lint',
      tables: tablesOf({ results, processRuns, lintRuns, largeDocumentRuns, buildNote: build.note, spectralVersion, processTimeoutMs }),
      targets: targetsOf({ results, maxEventLoopDelayMs, eventLoop }),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function lintInputs({ projectRoot, scratch, processRuns, lintRuns, largeDocumentRuns }: { projectRoot: string; scratch: string; processRuns: number; lintRuns: number; largeDocumentRuns: number }): Promise<LintInput[]> {
  const corpus = locateCorpus(projectRoot);
  const generated = join(scratch, 'generated.json');
  // Pretty-printed like the corpus documents, so both tools read a file of the usual shape.
  await writeFile(generated, JSON.stringify(generateLargeOpenApi({ resources: 180, seed: 1 }), null, 2));
  return [
    { name: 'Twilio messaging_v1 2026-04-14', file: join(corpus, 'twilio', 'messaging_v1-2026-04-14.json'), processRuns, lintRuns },
    { name: 'Stripe spec3 2022-04-12', file: join(corpus, 'stripe', 'spec3-2022-04-12.json'), processRuns, lintRuns },
    { name: 'generated 180 resources', file: generated, processRuns: largeDocumentRuns, lintRuns: largeDocumentRuns },
  ];
}

/**
 * Alternates Accord and Spectral run by run, so a burst of load from whatever else shares the
 * machine falls on both rather than on one tool's three runs. A failed run ends that tool's series.
 */
async function processesOf({ runs, accord, spectral }: { runs: number; accord: () => Promise<OneRun>; spectral: () => Promise<OneRun> }): Promise<[ProcessResult, ProcessResult]> {
  const series: [OneRun[], OneRun[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [k, run] of [accord, spectral].entries()) {
      const done = series[k]!;
      if (done.at(-1)?.ok === false) continue;
      done.push(await run());
    }
  }
  return [summarise(series[0]), summarise(series[1])];
}

type OneRun = { ok: true; run: ProcessRunWithPeakMemory; findings: string[]; loadMs?: number; lintMs?: number } | { ok: false; reason: string };

function summarise(runs: OneRun[]): ProcessResult {
  const failed = runs.find((r) => !r.ok);
  if (failed && !failed.ok) return failed;
  const done = runs.filter((r) => r.ok);
  const peaks = done.map((r) => r.run.peakRssBytes).filter((b) => b !== undefined);
  const phase = (key: 'loadMs' | 'lintMs') => (done.every((r) => r[key] !== undefined) ? median(done.map((r) => r[key]!)) : undefined);
  return {
    ok: true,
    ms: median(done.map((r) => r.run.ms)),
    peakRssBytes: peaks.length === done.length ? median(peaks) : undefined,
    findings: done.at(-1)!.findings,
    ...(phase('loadMs') !== undefined && { loadMs: phase('loadMs'), lintMs: phase('lintMs') }),
  };
}

function failure(run: ProcessRunWithPeakMemory, timeoutMs: number): string {
  if (run.timedOut) return `timed out after ${formatMs(timeoutMs)}`;
  return `exit ${run.code ?? run.signal}: ${(run.stderr.trim().split('\n')[0] ?? '').slice(0, 120)}`;
}

/** A fresh `node` on dist/ that loads the ruleset and lints the file once (bench/accord-lint-probe.mjs). */
async function accordProcess({ projectRoot, rulesetFile, file, timeoutMs, built }: { projectRoot: string; rulesetFile: string; file: string; timeoutMs: number; built: boolean }): Promise<OneRun> {
  if (!built) return { ok: false, reason: 'no build in dist/ (see the note on dist/)' };
  const run = await runProcessWithPeakMemory({ args: [join(projectRoot, 'bench', 'accord-lint-probe.mjs'), rulesetFile, file], cwd: projectRoot, timeoutMs });
  if (run.code !== 0) return { ok: false, reason: failure(run, timeoutMs) };
  const report = JSON.parse(run.stdout.trim().split('\n').pop()!) as { keys: string[]; loadMs: number; lintMs: number };
  return { ok: true, run, findings: report.keys, loadMs: report.loadMs, lintMs: report.lintMs };
}

/** Spectral's own CLI, as its users run it, on the same file with the same ruleset file. */
async function spectralProcess({ projectRoot, spectral, rulesetFile, file, timeoutMs }: { projectRoot: string; spectral: string; rulesetFile: string; file: string; timeoutMs: number }): Promise<OneRun> {
  const run = await runProcessWithPeakMemory({ args: [spectral, 'lint', file, '--ruleset', rulesetFile, '--format', 'json', '--quiet'], cwd: projectRoot, timeoutMs });
  // Exit 1 only says some result reached --fail-severity (error by default); 2 and others are failures.
  if (run.code !== 0 && run.code !== 1) return { ok: false, reason: failure(run, timeoutMs) };
  const results = JSON.parse(run.stdout) as { code: string | number; path: (string | number)[] }[];
  return { ok: true, run, findings: results.map((r) => `${r.code} ${r.path.length > 0 ? toJsonPointer(r.path) : ''}`) };
}

/** How two lists of "<rule id> <pointer>" differ, as a multiset; empty when both found the same. */
function differences(accord: readonly string[], spectral: readonly string[]): { onlyAccord: string[]; onlySpectral: string[] } {
  const counts = new Map<string, number>();
  for (const key of accord) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const key of spectral) counts.set(key, (counts.get(key) ?? 0) - 1);
  const repeat = (key: string, n: number) => Array.from({ length: n }, () => key);
  return {
    onlyAccord: [...counts].flatMap(([key, n]) => (n > 0 ? repeat(key, n) : [])),
    onlySpectral: [...counts].flatMap(([key, n]) => (n < 0 ? repeat(key, -n) : [])),
  };
}

function countsById(keys: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const key of keys) {
    const id = key.split(' ')[0]!;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([id, n]) => `${id} ${n.toLocaleString('en-US')}`).join(', ');
}

const msCell = (r: ProcessResult) => (r.ok ? formatMs(r.ms) : r.reason);
const rssCell = (r: ProcessResult) => (r.ok ? formatBytes(r.peakRssBytes ?? Number.NaN) : '—');
const ratioOf = (d: Extract<DocumentResult, { bytes: number }>) => (d.accord.ok && d.spectral.ok ? d.spectral.ms / d.accord.ms : undefined);

function tablesOf({ results, processRuns, lintRuns, largeDocumentRuns, buildNote, spectralVersion, processTimeoutMs }: { results: DocumentResult[]; processRuns: number; lintRuns: number; largeDocumentRuns: number; buildNote: string; spectralVersion: string; processTimeoutMs: number }): Table[] {
  const speed: Table = {
    title: `Lint speed: Accord vs Spectral's CLI ${spectralVersion}, ruleset ${RULESET}`,
    columns: ['document', 'size', 'Accord process', 'of which load + lint', 'Accord peak RSS', 'lintDocument alone', 'Spectral CLI process', 'Spectral peak RSS', 'Spectral ÷ Accord'],
    rows: results.map((d) => {
      if ('skipped' in d) return [d.input.name, '—', d.skipped, '', '', '', '', '', ''];
      const ratio = ratioOf(d);
      const phases = d.accord.ok && d.accord.loadMs !== undefined ? `${formatMs(d.accord.loadMs)} + ${formatMs(d.accord.lintMs ?? Number.NaN)}` : '—';
      return [d.input.name, formatBytes(d.bytes), msCell(d.accord), phases, rssCell(d.accord), formatMs(d.lintMs), msCell(d.spectral), rssCell(d.spectral), ratio !== undefined ? `${ratio.toFixed(2)}×` : 'n/a'];
    }),
    notes: [
      `"Accord process": spawn → exit of \`node bench/accord-lint-probe.mjs policies/${RULESET}.yaml <file>\`, a fresh node on dist/ that loads the ruleset (loadRuleset with the shipped texts) and runs lintDocument once; "of which load + lint" is what that process timed itself after its imports: reading and loading the ruleset, then the one, cold lint; the rest is starting node and importing Accord's and Spectral's modules.`,
      `"Spectral CLI process": spawn → exit of \`node node_modules/.bin/spectral lint <file> --ruleset policies/${RULESET}.yaml --format json --quiet\` (exit 1, results at error level, counts as a finished run).`,
      `Both processes: median of ${processRuns} runs each (${largeDocumentRuns} for the generated document, the slowest, to keep the benchmark near 3 minutes), alternated Accord/Spectral, killed after ${formatMs(processTimeoutMs)}; peak RSS is ru_maxrss of the node process from GNU time (\`/usr/bin/time -f %M\`), median of the same runs.`,
      `"lintDocument alone": in this process on the file's text (JSON.parse included), the ruleset loaded once beforehand, median of ${lintRuns} runs (${largeDocumentRuns} for the generated document) after one warm-up.`,
      buildNote,
    ],
  };
  const found: Table = {
    title: 'Lint: what each tool found',
    columns: ['document', 'Accord findings', 'Spectral results', 'same rule at the same path', 'by rule'],
    rows: results.map((d) => {
      if ('skipped' in d) return [d.input.name, '—', '—', '—', d.skipped];
      if (!d.accord.ok || !d.spectral.ok) return [d.input.name, d.accord.ok ? String(d.accord.findings.length) : '—', d.spectral.ok ? String(d.spectral.findings.length) : '—', 'n/a', ''];
      const { onlyAccord, onlySpectral } = differences(d.accord.findings, d.spectral.findings);
      const same = onlyAccord.length === 0 && onlySpectral.length === 0 ? 'all' : `no: ${onlyAccord.length} only Accord, ${onlySpectral.length} only Spectral`;
      return [d.input.name, d.accord.findings.length.toLocaleString('en-US'), d.spectral.findings.length.toLocaleString('en-US'), same, countsById(d.accord.findings)];
    }),
    notes: [
      `Compared as a multiset of (rule id, JSON pointer of the path) per finding, from the fresh processes; the in-process lintDocument found ${results.map((d) => ('skipped' in d ? 'n/a' : d.findings.toLocaleString('en-US'))).join(', ')} in the same order.`,
      ...results.flatMap((d) => {
        if ('skipped' in d || !d.accord.ok || !d.spectral.ok) return [];
        const { onlyAccord, onlySpectral } = differences(d.accord.findings, d.spectral.findings);
        return [...onlyAccord.slice(0, 3).map((k) => `${d.input.name}: only Accord: ${k}`), ...onlySpectral.slice(0, 3).map((k) => `${d.input.name}: only Spectral: ${k}`)];
      }),
    ],
  };
  return [speed, found];
}

function targetsOf({ results, maxEventLoopDelayMs, eventLoop }: { results: DocumentResult[]; maxEventLoopDelayMs: number; eventLoop: PublishEventLoop | undefined }): TargetResult[] {
  const targets: TargetResult[] = results.map((d) => {
    const target = `lint ${d.input.name}: Accord process no slower than Spectral's own CLI`;
    if ('skipped' in d) return { target, measured: d.skipped, pass: undefined };
    const ratio = ratioOf(d);
    if (ratio === undefined || !d.accord.ok || !d.spectral.ok) return { target, measured: `Accord: ${msCell(d.accord)}; Spectral: ${msCell(d.spectral)}`, pass: undefined };
    return { target, measured: `${ratio.toFixed(2)}× (${formatMs(d.accord.ms)} vs ${formatMs(d.spectral.ms)})`, pass: ratio >= 1 };
  });
  const target = `lint: p99 event-loop delay of the server while it publishes (parses, checks and lints) the Stripe document ≤ ${maxEventLoopDelayMs} ms`;
  targets.push(
    eventLoop
      ? { target, measured: `p99 ${formatMs(eventLoop.p99Ms)}, max ${formatMs(eventLoop.maxMs)}; publish ${formatMs(eventLoop.publishMs)} answered ${eventLoop.status} with ${eventLoop.policyFindings} policy findings`, pass: eventLoop.p99Ms <= maxEventLoopDelayMs }
      : { target, measured: 'skipped: the Stripe document is not in the corpus', pass: undefined },
  );
  return targets;
}
