import { enableLinearRegExps } from './enable-linear-reg-exps.js';

/** Flags V8's linear-time engine runs; `i`, `u`, `v` and `d` make it fall back to backtracking. */
const LINEAR_FLAGS = new Set(['g', 'm', 's', 'y']);

/**
 * Why a regular expression (its source and flags, as `new RegExp` takes them) cannot be used in a
 * ruleset, or undefined when it can: it must be valid, and V8's linear-time engine must be able to
 * run it, so no document can make it backtrack. The engine itself is asked (an expression it cannot
 * run is refused with the `l` flag), so the answer is exact rather than a guess at its limits.
 */
export function linearRegExpProblem(source: string, flags = ''): string | undefined {
  try {
    new RegExp(source, flags);
  } catch (error) {
    return `${show(source, flags)} is not a valid regular expression: ${(error as Error).message}`;
  }
  if (!enableLinearRegExps()) return undefined;
  const unsupported = [...flags].filter((flag) => !LINEAR_FLAGS.has(flag) && flag !== 'l');
  if (unsupported.length > 0) {
    const hint = unsupported.includes('i') ? ' (instead of i, spell both cases out: [Aa], [a-zA-Z])' : '';
    return `${show(source, flags)} cannot run on the linear-time regex engine: the flag ${unsupported.join(', ')} makes it backtrack${hint}; Accord runs rulesets' patterns only where no document can make them backtrack`;
  }
  try {
    new RegExp(source, `${flags.replace('l', '')}l`);
  } catch {
    return `${show(source, flags)} cannot run on the linear-time regex engine, which has no lookahead or lookbehind ((?=, (?!, (?<=, (?<!), no backreferences (\\1, \\k<name>) and only small counted repetitions ({1,1000} nested in a loop is too many); Accord runs rulesets' patterns only where no document can make them backtrack`;
  }
  return undefined;
}

const show = (source: string, flags: string) => `the pattern /${source}/${flags}`;
