export { createWorkers, type CompatChecker, type SpecLoader, type Workers, type WorkersOptions } from './create-workers.js';
export type { CheckTaskInput } from './worker-task.js';
