import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export type MemoryParser = 'parseSpec' | 'JSON.parse' | 'yaml.parse';

export interface PeakMemory {
  /** Peak resident set size of a process that loaded the parsers and parsed the file once. */
  peakRssBytes: number;
  /** How far the peak rose above the RSS just before parsing: the cost of the parse itself. */
  growthBytes: number;
}

const probe = fileURLToPath(new URL('./peak-memory-probe.ts', import.meta.url));

/** Runs one parse in a fresh child process and reads its peak RSS (getrusage), not a sampled guess. */
export async function measurePeakMemory({ parser, file, cwd = process.cwd() }: { parser: MemoryParser; file: string; cwd?: string }): Promise<PeakMemory> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--expose-gc', probe, parser, file], {
    cwd,
    env: { ...process.env, SCARF_ANALYTICS: 'false' },
    maxBuffer: 1024 * 1024,
  });
  const report = JSON.parse(stdout.trim().split('\n').pop()!) as { beforeRssBytes: number; peakRssBytes: number };
  return { peakRssBytes: report.peakRssBytes, growthBytes: report.peakRssBytes - report.beforeRssBytes };
}
