import { findBreakingChanges, verdictOf } from '../../compat/index.js';
import { AccordError, findingFingerprint } from '../../shared/index.js';
import { UsageError } from '../cli-errors.js';
import { loadDocument } from '../load-document.js';
import { locateFindings } from '../locate-findings.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { renderReport } from '../render-report.js';
import { readLevelOverrides } from '../read-level-overrides.js';
import { readReportOptions, reportOptions } from '../report-options.js';

export const diffHelp = `accord diff <base> <head> [--format text|json|markdown|junit|sarif] [--fail-on error|warn|never]
                  [--level <rule-id>=error|warn|info|off …]

Compares two versions of a contract offline (OpenAPI 3.x, Swagger 2.0 or AsyncAPI 2.x/3.0; a
Swagger 2.0 base may be compared with its OpenAPI 3 successor) and reports every change that can
break a client, with the operations it hits. Exit codes: 0 the verdict passes the gate set by
--fail-on (default error), 1 it does not, 2 usage error or an unreadable or invalid document.
--level changes a rule's level for this run, or switches it off; repeat it for several rules.`;

export async function diff(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...reportOptions, level: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h', default: false } });
  if (values.help) return void console.log(diffHelp), 0;
  const { format, failOn } = readReportOptions(values);
  const levels = readLevelOverrides(values.level);
  const [base, head, ...extra] = positionals;
  if (!base || !head || extra.length > 0) throw new UsageError('expected two documents: <base> <head>\n\n' + diffHelp);
  const [before, after] = await Promise.all([loadDocument(base), loadDocument(head)]);
  let findings;
  try {
    findings = findBreakingChanges(before.document, after.document, { now: new Date(), levels }).map((f) => ({ ...f, fingerprint: findingFingerprint(f) }));
  } catch (error) {
    if (error instanceof AccordError) throw new UsageError(`${base} → ${head}: ${error.message}`);
    throw error;
  }
  const verdict = verdictOf(findings, failOn);
  console.log(renderReport({ findings, verdict, failOn, locate: locateFindings(after, before) }, format));
  return verdict.failed ? 1 : 0;
}
