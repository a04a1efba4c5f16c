export { createWorkers, type CompatChecker, type Layouter, type Linter, type SpecLoader, type TaskOptions, type Workers, type WorkersOptions } from './create-workers.js';
export type { CheckTaskInput, LintTaskInput } from './worker-task.js';
