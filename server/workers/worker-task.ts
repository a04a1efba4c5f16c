import type { CandidateCheckInput } from '../compat/index.js';
import type { SpecLimits } from '../spec/index.js';

/** A compatibility check with every document as JSON text. */
export interface CheckTaskInput extends Omit<CandidateCheckInput, 'candidate' | 'published'> {
  candidateJson: string;
  published: { version: string; json: string }[];
}

export type WorkerTask = { kind: 'parse'; input: string | Uint8Array; limits: SpecLimits } | { kind: 'check'; input: CheckTaskInput };
