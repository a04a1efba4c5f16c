// Child-process entry of `measurePeakMemory`: parses one file once and reports the process's
// peak resident set size. A fresh process per measurement keeps one parser's garbage, caches and
// lazily loaded modules from inflating another's number.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parseSpec } from '../server/spec/index.js';

const [parser, file] = process.argv.slice(2);
if (!file || !['parseSpec', 'JSON.parse', 'yaml.parse'].includes(parser ?? '')) {
  console.error('usage: peak-memory-probe.ts parseSpec|JSON.parse|yaml.parse <file>');
  process.exit(2);
}
const bytes = readFileSync(file);
const collect = (globalThis as { gc?: () => void }).gc;
collect?.();
const before = process.memoryUsage().rss;
let result: unknown;
if (parser === 'parseSpec') {
  result = await parseSpec(bytes);
  if (!(result as { ok: boolean }).ok) throw new Error(`parseSpec refused ${file}: ${(result as { message: string }).message}`);
} else if (parser === 'JSON.parse') {
  result = JSON.parse(bytes.toString('utf8'));
} else {
  result = parseYaml(bytes.toString('utf8'), { maxAliasCount: 100 });
}
// getrusage's ru_maxrss: the high-water mark the OS saw, including moments no sampler would catch.
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
const heapUsedBytes = process.memoryUsage().heapUsed;
process.stdout.write(JSON.stringify({ beforeRssBytes: before, peakRssBytes, heapUsedBytes, kept: result !== undefined }) + '\n');
