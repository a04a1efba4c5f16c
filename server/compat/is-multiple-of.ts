// Steps such as 0.1 and 0.01 divide only up to floating-point error.
const TOLERANCE = 1e-9;

/** Whether every multiple of `step` is a multiple of `of`: 4 is a multiple of 2, 0.1 of 0.01. */
export function isMultipleOf(step: number, of: number): boolean {
  const ratio = step / of;
  return Math.abs(ratio - Math.round(ratio)) < TOLERANCE * Math.max(1, Math.abs(ratio));
}
