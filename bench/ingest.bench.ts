import SwaggerParser from '@apidevtools/swagger-parser';
import { validateOpenApiSchema } from '../server/spec/validate-openapi-schema.js';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { contentHash, parseSpec } from '../server/spec/index.js';
import type { BenchmarkReport, Table, TargetResult } from './benchmark-report.js';
import { formatBytes } from './format-bytes.js';
import { formatMs } from './format-ms.js';
import { generateLargeOpenApi } from './generate-large-openapi.js';
import { measurePeakMemory, type MemoryParser, type PeakMemory } from './measure-peak-memory.js';
import { measureRuns } from './measure-runs.js';
import { median } from './median.js';

export interface IngestBenchOptions {
  projectRoot: string;
  runs?: number;
  /** YAML parsing is an order of magnitude slower than JSON; fewer runs keep the bench short. */
  yamlRuns?: number;
  /** JSON.parse takes milliseconds and swings with GC; more runs steady the floor every ratio divides by. */
  floorRuns?: number;
  maxJsonRatio?: number;
  maxLargeDocumentMs?: number;
}

interface Input {
  name: string;
  format: 'json' | 'yaml';
  file: string;
  bytes: Buffer;
  /** The same content as JSON: the JSON.parse floor for a YAML input. */
  jsonTwin?: Buffer;
  /** Only the generated 5 MB document carries the absolute time target. */
  absoluteTarget?: boolean;
}

/**
 * Safe ingest of large documents: `parseSpec` in this thread against the physical floor of the same
 * bytes (JSON.parse, and `yaml`'s own parse for YAML), with peak memory from a child process each.
 */
export async function ingestBench({ projectRoot, runs = 5, yamlRuns = 3, floorRuns = 11, maxJsonRatio = 20, maxLargeDocumentMs = 2500 }: IngestBenchOptions): Promise<BenchmarkReport> {
  const scratch = await mkdtemp(join(tmpdir(), 'accord-bench-ingest-'));
  try {
    const inputs = await prepareInputs(projectRoot, scratch);
    // Loads swagger-parser, ajv and the OpenAPI meta-schemas once, outside every timed run.
    await parseSpec(inputs.find((i) => i.name.startsWith('Twilio'))!.bytes);

    const rows: string[][] = [];
    const stageRows: string[][] = [];
    const targets: TargetResult[] = [];
    for (const input of inputs) {
      const timed = input.format === 'yaml' ? yamlRuns : runs;
      let operations = 0;
      const specMs = median(
        await measureRuns({
          runs: timed,
          run: async () => {
            const result = await parseSpec(input.bytes);
            if (!result.ok) throw new Error(`parseSpec refused ${input.name}: ${result.code}: ${result.message}`);
            operations = result.operations.length;
          },
        }),
      );
      const jsonBytes = input.jsonTwin ?? input.bytes;
      const jsonMs = median(await measureRuns({ runs: floorRuns, run: () => JSON.parse(jsonBytes.toString('utf8')) }));
      const yamlMs = input.format === 'yaml' ? median(await measureRuns({ runs: timed, run: () => parseYaml(input.bytes.toString('utf8'), { maxAliasCount: 100 }) })) : Number.NaN;
      const specMemory = await measurePeakMemory({ parser: 'parseSpec', file: input.file, cwd: projectRoot });
      const floorParser: MemoryParser = input.format === 'yaml' ? 'yaml.parse' : 'JSON.parse';
      const floorMemory = await measurePeakMemory({ parser: floorParser, file: input.file, cwd: projectRoot });

      const jsonRatio = specMs / jsonMs;
      rows.push([
        input.name,
        formatBytes(input.bytes.byteLength),
        String(operations),
        formatMs(specMs),
        formatMs(jsonMs) + (input.jsonTwin ? ' ¹' : ''),
        `${jsonRatio.toFixed(1)}×`,
        input.format === 'yaml' ? formatMs(yamlMs) : '—',
        input.format === 'yaml' ? `${(specMs / yamlMs).toFixed(1)}×` : '—',
        memoryCell(specMemory),
        `${memoryCell(floorMemory)} (${floorParser})`,
        input.format === 'json' ? `≤ ${maxJsonRatio}× JSON.parse${input.absoluteTarget ? `, ≤ ${formatMs(maxLargeDocumentMs)}` : ''}` : 'none (informational)',
      ]);
      if (input.format === 'json') {
        targets.push({ target: `ingest ${input.name}: parseSpec ≤ ${maxJsonRatio}× JSON.parse`, measured: `${jsonRatio.toFixed(1)}× (${formatMs(specMs)} vs ${formatMs(jsonMs)})`, pass: jsonRatio <= maxJsonRatio });
        stageRows.push(await stagesOf(input, specMs));
      }
      if (input.absoluteTarget) {
        targets.push({ target: `ingest ${input.name}: parseSpec ≤ ${formatMs(maxLargeDocumentMs)}`, measured: formatMs(specMs), pass: specMs <= maxLargeDocumentMs });
      }
    }

    // The fixed cost per document, whatever its size: it dominates small documents, so it gets a
    // row of its own.
    const empty: Input = { name: 'empty OpenAPI 3.0.3 document (fixed cost)', format: 'json', file: '', bytes: Buffer.from('{"openapi":"3.0.3","info":{"title":"empty","version":"1"},"paths":{}}') };
    const emptyMs = median(await measureRuns({ runs, run: () => parseSpec(empty.bytes) }));
    stageRows.push(await stagesOf(empty, emptyMs));

    const main: Table = {
      title: 'Ingest: parseSpec (in-thread) vs the parse floor',
      columns: ['document', 'bytes', 'ops', 'parseSpec', 'JSON.parse', 'ratio', 'yaml.parse', 'ratio', 'peak RSS parseSpec (Δ)', 'peak RSS floor (Δ)', 'target'],
      rows,
      notes: [
        `Times are medians of ${runs} runs (${yamlRuns} for YAML, ${floorRuns} for JSON.parse), from the bytes (UTF-8 decoding included on both sides).`,
        `Generated documents (bench/generate-large-openapi.ts, seed 1): the JSON one has 180 resources; the YAML one is a smaller variant, 135 resources (${formatBytes(inputs.find((i) => i.jsonTwin)!.jsonTwin!.byteLength)} as JSON), so that its YAML text is ~3 MB.`,
        '¹ For the YAML input, JSON.parse parses the JSON form of the same content (there is no JSON.parse of YAML text); `yaml.parse` of the same text is the peer.',
        'Peak RSS: getrusage maxRSS of a fresh child process (node + tsx + the parsers loaded) that parses the file once; Δ is the rise over its RSS just before parsing.',
      ],
    };
    const stages: Table = {
      title: 'Ingest: where parseSpec time goes (each step timed alone on the same document)',
      columns: ['document', 'parseSpec', 'JSON.parse', 'schema check', 'swagger-parser semantics', 'contentHash', 'JSON.stringify', 'rest'],
      rows: stageRows,
      notes: [
        `Medians of ${Math.min(3, runs)} runs. "schema check" is validateOpenApiSchema (the official schema, compiled once); "swagger-parser semantics" is SwaggerParser.validate with its schema pass off, as server/spec/validate-openapi.ts calls it, on a fresh clone each time (it dereferences in place).`,
        '"rest" = parseSpec − the steps shown: duplicate-key scan, tree inspection (depth, forbidden keys, external refs), operation index. Each step is timed on its own, with its own noise, so "rest" can come out a little negative.',
        'The last row is the per-call floor of an empty document.',
      ],
    };
    return { name: 'ingest', tables: [main, stages], targets };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function prepareInputs(projectRoot: string, scratch: string): Promise<Input[]> {
  // Pretty-printed like the corpus documents; the YAML comes from a re-parse of the JSON so no
  // object is shared and `yaml` writes no anchors.
  const large = Buffer.from(JSON.stringify(generateLargeOpenApi({ resources: 180, seed: 1 }), null, 2));
  const mediumJson = JSON.stringify(generateLargeOpenApi({ resources: 135, seed: 1 }), null, 2);
  const mediumYaml = Buffer.from(stringifyYaml(JSON.parse(mediumJson)));
  const files = { large: join(scratch, 'large.json'), medium: join(scratch, 'medium.yaml') };
  await writeFile(files.large, large);
  await writeFile(files.medium, mediumYaml);
  const corpus = (path: string) => join(projectRoot, '..', 'shared', 'corpus', path);
  const stripe = corpus('stripe/spec3-2022-04-01.json');
  const twilio = corpus('twilio/api_v2010-2026-02-05.json');
  return [
    { name: 'generated (180 resources)', format: 'json', file: files.large, bytes: large, absoluteTarget: true },
    { name: 'generated (135 resources) YAML', format: 'yaml', file: files.medium, bytes: mediumYaml, jsonTwin: Buffer.from(mediumJson) },
    { name: 'Stripe spec3 2022-04-01', format: 'json', file: stripe, bytes: await readFile(stripe) },
    { name: 'Twilio api_v2010 2026-02-05', format: 'json', file: twilio, bytes: await readFile(twilio) },
  ];
}

async function stagesOf(input: Input, specMs: number): Promise<string[]> {
  const runs = 3;
  const tree = JSON.parse(input.bytes.toString('utf8')) as object;
  const parseMs = median(await measureRuns({ runs, run: () => JSON.parse(input.bytes.toString('utf8')) }));
  const family = 'swagger' in tree ? 'swagger-2.0' : String((tree as { openapi?: string }).openapi).startsWith('3.1') ? 'openapi-3.1' : 'openapi-3.0';
  const schemaMs = median(await measureRuns({ runs, run: () => validateOpenApiSchema(tree, family) }));
  const validateMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const clone = structuredClone(tree);
    const started = performance.now();
    await SwaggerParser.validate(clone as never, { resolve: { external: false }, dereference: { circular: 'ignore' }, validate: { schema: false, spec: true } });
    validateMs.push(performance.now() - started);
  }
  const hashMs = median(await measureRuns({ runs, run: () => contentHash(tree) }));
  const stringifyMs = median(await measureRuns({ runs, run: () => JSON.stringify(tree) }));
  const rest = specMs - parseMs - schemaMs - median(validateMs) - hashMs - stringifyMs;
  return [input.name, formatMs(specMs), formatMs(parseMs), formatMs(schemaMs), formatMs(median(validateMs)), formatMs(hashMs), formatMs(stringifyMs), formatMs(rest)];
}

function memoryCell({ peakRssBytes, growthBytes }: PeakMemory): string {
  return `${formatBytes(peakRssBytes)} (+${formatBytes(growthBytes)})`;
}
