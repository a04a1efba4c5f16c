import { checkCandidate, type CandidateCheck } from '../compat/index.js';
import { layOutLandscape, type LandscapeLayout } from '../landscape/index.js';
import { lintDocument, loadRuleset, unusableRuleset, type LintFinding, type LintRuleset } from '../lint/index.js';
import { enableLinearRegExps, InvalidInput } from '../shared/index.js';
import { parseSpec, type SpecResult } from '../spec/index.js';
import type { MessagePort } from 'node:worker_threads';
import type { LintTaskInput, WorkerTask } from './worker-task.js';

// Every regular expression a worker runs, a ruleset's or a document's, falls back to the
// linear-time engine once it backtracks too much (the pool sets it too; a worker does not rely on that).
enableLinearRegExps();

// Loading a ruleset validates it whole; a worker lints with few rulesets, so it keeps them.
const rulesets = new Map<string, LintRuleset>();
const MAX_CACHED_RULESETS = 32;

/**
 * Worker-thread entry of the pool. Documents cross the thread boundary as text: copying a string
 * is cheap, while structured-cloning a parsed multi-megabyte document would cost the event loop
 * what the worker was meant to save.
 */
export default function runInWorker({ task, started }: { task: WorkerTask; started: MessagePort }): Promise<SpecResult> | CandidateCheck | Promise<LintFinding[]> | Promise<LandscapeLayout> {
  // The pool's time budget for this task starts now.
  started.postMessage(null);
  started.close();
  switch (task.kind) {
    case 'parse':
      return parseSpec(task.input, { limits: task.limits, validity: task.validity });
    case 'check': {
      const { candidateJson, published, ...rest } = task.input;
      return checkCandidate({ ...rest, candidate: JSON.parse(candidateJson) as object, published: published.map(({ version, json }) => ({ version, document: JSON.parse(json) as object })) });
    }
    case 'lint': {
      let ruleset: LintRuleset;
      try {
        ruleset = rulesetOf(task.input);
      } catch (error) {
        if (error instanceof InvalidInput) return Promise.resolve([unusableRuleset(task.input.ruleset.name, error)]);
        throw error;
      }
      return lintDocument(task.input.documentJson, ruleset);
    }
    case 'layout':
      return layOutLandscape(task.input);
  }
}

function rulesetOf({ ruleset, shipped }: LintTaskInput): LintRuleset {
  const key = `${ruleset.name}\0${ruleset.text}`;
  let loaded = rulesets.get(key);
  if (!loaded) {
    if (rulesets.size >= MAX_CACHED_RULESETS) rulesets.clear();
    rulesets.set(key, (loaded = loadRuleset(ruleset.text, { source: ruleset.name, shipped })));
  }
  return loaded;
}
