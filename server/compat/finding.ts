import type { Change } from './change.js';
import type { Level } from './rule.js';

/** A rule's verdict on one change. A value: a breaking change is data, never an exception. */
export interface Finding {
  id: string;
  level: Level;
  message: string;
  why: string;
  /** The operation, when the change concerns exactly one. */
  operation?: string;
  /** Every operation the change reaches (a shared schema reaches many). */
  operations: string[];
  pointer?: string;
  change: Change;
}
