export { composeRunbook, type RunbookDeps } from './compose-runbook.js';
export { renderRunbook, humanDuration } from './render-runbook.js';
export type { Runbook, Party, Contact, Dependency, OpenFinding } from './runbook.js';
export { createRunbooks, type Runbooks } from './create-runbooks.js';
