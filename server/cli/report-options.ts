import type { FailOn } from '../compat/index.js';
import { UsageError } from './cli-errors.js';
import { REPORT_FORMATS, type ReportFormat } from './render-report.js';

const GATES: FailOn[] = ['error', 'warn', 'never'];

/** The options every reporting command shares: how to print, and which level fails the pipeline. */
export const reportOptions = {
  format: { type: 'string', default: 'text' },
  'fail-on': { type: 'string', default: 'error' },
  json: { type: 'boolean', default: false },
} as const;

export function readReportOptions(values: { format?: string; 'fail-on'?: string; json?: boolean }): { format: ReportFormat; failOn: FailOn } {
  const format = (values.json ? 'json' : values.format) as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  const failOn = values['fail-on'] as FailOn;
  if (!GATES.includes(failOn)) throw new UsageError(`--fail-on must be one of ${GATES.join(', ')}`);
  return { format, failOn };
}
