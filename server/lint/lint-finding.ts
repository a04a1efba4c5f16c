import type { ReportedFinding } from '../compat/index.js';

/**
 * A lint finding has the shape of a reported compatibility finding, so the verdict, the reports,
 * the API and storage treat both alike: `id` is the rule's code, `why` its description.
 */
export type LintFinding = ReportedFinding;
