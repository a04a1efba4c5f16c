import type { Actor } from '../shared/index.js';
import { composeRunbook, type RunbookDeps } from './compose-runbook.js';
import type { Runbook } from './runbook.js';

/** The runbooks the edges serve: one per contract, one per consumer → contract edge. */
export function createRunbooks(deps: RunbookDeps) {
  return {
    ofContract: (contract: string, actor: Actor): Promise<Runbook> => composeRunbook(deps, { contract }, actor),
    ofEdge: (consumer: string, contract: string, actor: Actor): Promise<Runbook> => composeRunbook(deps, { contract, consumer }, actor),
  };
}

export type Runbooks = ReturnType<typeof createRunbooks>;
