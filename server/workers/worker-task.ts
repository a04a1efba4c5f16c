import type { CandidateCheckInput } from '../compat/index.js';
import type { LandscapeGraph } from '../landscape/index.js';
import type { ShippedRulesets } from '../lint/index.js';
import type { SpecLimits, Validity } from '../spec/index.js';

/** A compatibility check with every document as JSON text. */
export interface CheckTaskInput extends Omit<CandidateCheckInput, 'candidate' | 'published'> {
  candidateJson: string;
  published: { version: string; json: string }[];
}

/** A document to lint with a ruleset given by its text, which may extend the shipped rulesets. */
export interface LintTaskInput {
  documentJson: string;
  /** The document's kind and version field, which tell the rules that apply to it, should the lint not finish. */
  kind: 'openapi' | 'asyncapi';
  specVersion: string;
  ruleset: { name: string; text: string };
  shipped: ShippedRulesets;
}

export type WorkerTask = { kind: 'parse'; input: string | Uint8Array; limits: SpecLimits; validity: Validity } | { kind: 'check'; input: CheckTaskInput } | { kind: 'lint'; input: LintTaskInput } | { kind: 'layout'; input: LandscapeGraph };
