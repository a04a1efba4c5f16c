import { parseSpec } from './parse-spec.js';
import type { SpecLimits, SpecResult } from './spec-document.js';

/** Worker-thread entry of the spec loader pool. */
export default function parseInWorker(task: { input: string | Uint8Array; limits: SpecLimits }): Promise<SpecResult> {
  return parseSpec(task.input, task.limits);
}
