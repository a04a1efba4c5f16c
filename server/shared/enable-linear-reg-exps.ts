import { setFlagsFromString } from 'node:v8';

let linear: boolean | undefined;

/**
 * Switches V8 to its linear-time regular-expression engine for any expression that backtracks
 * excessively, and makes the `l` flag (linear only) available to tell which expressions it can
 * run. The flags are process-wide, cover every worker thread created afterwards, and take effect
 * for expressions compiled from then on, whatever thread sets them; calling this again is free.
 * Without the fallback, a ruleset's `^(a+)+$` against a 40-character title holds a worker for the
 * whole time budget. Answers whether the engine is there (a future Node may drop the flags).
 */
export function enableLinearRegExps(): boolean {
  if (linear === undefined) {
    setFlagsFromString('--enable-experimental-regexp-engine');
    setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
    try {
      new RegExp('', 'l');
      linear = true;
    } catch {
      linear = false;
    }
  }
  return linear;
}
