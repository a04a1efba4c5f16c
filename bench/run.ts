// Entry of `npm run bench [-- name...]`: runs every benchmark (or the named ones) one after another,
// prints a table per benchmark and a summary of the targets, and keeps a copy in bench/results/.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditBench } from './audit.bench.js';
import type { BenchmarkReport, Table } from './benchmark-report.js';
import { coldStartBench } from './cold-start.bench.js';
import { compatBench } from './compat.bench.js';
import { graphqlBench } from './graphql.bench.js';
import { hostileBench } from './hostile.bench.js';
import { ingestBench } from './ingest.bench.js';
import { largeDocumentsBench } from './large-documents.bench.js';
import { lintBench } from './lint.bench.js';
import { natsListenerBench } from './nats-listener.bench.js';
import { otlpBench } from './otlp.bench.js';
import { publishBench } from './publish.bench.js';
import { renderTable } from './render-table.js';
import { trafficBench } from './traffic.bench.js';
import { uiBench } from './ui.bench.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

const benchmarks: Record<string, () => Promise<BenchmarkReport>> = {
  ingest: () => ingestBench({ projectRoot }),
  publish: () => publishBench({ projectRoot }),
  'large-documents': () => largeDocumentsBench({ projectRoot }),
  'cold-start': () => coldStartBench({ projectRoot }),
  hostile: () => hostileBench(),
  compat: () => compatBench({ projectRoot }),
  lint: () => lintBench({ projectRoot }),
  audit: () => auditBench(),
  graphql: () => graphqlBench(),
  // A fifth of P6's registry, for a look in a few minutes rather than a full measurement.
  'graphql-quick': () => graphqlBench({ contracts: 2_000 }),
  'traffic-brokers': () => natsListenerBench({ projectRoot }),
  traffic: () => trafficBench({ projectRoot }),
  otlp: () => otlpBench(),
  ui: () => uiBench({ projectRoot }),
};

async function main(names: string[]): Promise<number> {
  const unknown = names.filter((n) => !(n in benchmarks));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.map((n) => `"${n}"`).join(', ')}; choose from: ${Object.keys(benchmarks).join(', ')}`);
    return 2;
  }
  // A quick variant only runs when named: the full run measures the full size.
  const selected = names.length > 0 ? names : Object.keys(benchmarks).filter((n) => !n.endsWith('-quick'));
  const cpu = cpus();
  const output: string[] = [];
  const print = (text: string) => {
    console.log(text + '\n');
    output.push(text);
  };
  // The load average says how much of the machine other work took while these numbers were made.
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  print(`Accord benchmarks — ${new Date().toISOString()} — node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, load average ${load()}`);

  const reports: BenchmarkReport[] = [];
  let failed = false;
  for (const name of selected) {
    console.error(`running ${name}…`);
    const started = performance.now();
    try {
      const report = await benchmarks[name]!();
      reports.push(report);
      for (const table of report.tables) print(renderTable(table));
      console.error(`${name} took ${((performance.now() - started) / 1000).toFixed(0)} s`);
    } catch (error) {
      failed = true;
      print(`### ${name}\n\nfailed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  const summary: Table = {
    title: 'Summary',
    columns: ['target', 'measured', 'verdict'],
    rows: reports.flatMap((r) => r.targets.map((t) => [t.target, t.measured, t.pass === undefined ? 'SKIPPED' : t.pass ? 'PASS' : 'MISS'])),
  };
  summary.notes = [`Load average at the end: ${load()} (1, 5, 15 min) on ${cpu.length} cores.`];
  print(renderTable(summary));

  // bench/results/ is git-ignored: a local record of runs to compare, never part of the repository.
  const resultsDir = join(projectRoot, 'bench', 'results');
  await mkdir(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  await writeFile(join(resultsDir, `${stamp}.md`), output.join('\n\n') + '\n');
  await writeFile(join(resultsDir, `${stamp}.json`), JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: cpu.length, reports }, null, 2) + '\n');
  console.error(`results written to bench/results/${stamp}.md`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
