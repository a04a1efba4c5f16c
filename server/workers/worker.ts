import { checkCandidate, type CandidateCheck } from '../compat/index.js';
import { parseSpec, type SpecResult } from '../spec/index.js';
import type { WorkerTask } from './worker-task.js';

/**
 * Worker-thread entry of the pool. Documents cross the thread boundary as text: copying a string
 * is cheap, while structured-cloning a parsed multi-megabyte document would cost the event loop
 * what the worker was meant to save.
 */
export default function runInWorker(task: WorkerTask): Promise<SpecResult> | CandidateCheck {
  switch (task.kind) {
    case 'parse':
      return parseSpec(task.input, task.limits);
    case 'check': {
      const { candidateJson, published, ...rest } = task.input;
      return checkCandidate({ ...rest, candidate: JSON.parse(candidateJson) as object, published: published.map(({ version, json }) => ({ version, document: JSON.parse(json) as object })) });
    }
  }
}
