/**
 * The policy engine (Spectral) on the server's own thread, loaded when a ruleset is first saved or
 * scored rather than at start-up: it is the largest module graph the server imports (over a second
 * of a start on a busy machine), and linting itself runs in the worker threads.
 */
export const policyEngine = () => import('../lint/index.js');
