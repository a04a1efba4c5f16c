import { findBreakingChanges, schemaErrorFindings, verdictOf } from '../../compat/index.js';
import { AccordError, findingFingerprint } from '../../shared/index.js';
import { UsageError } from '../cli-errors.js';
import { documentOptions, readDocumentOptions } from '../document-options.js';
import { loadDocumentRef } from '../load-document-ref.js';
import { locateFindings } from '../locate-findings.js';
import { mapFindingsToSource } from '../map-findings-to-source.js';
import { clientFrom, parseCommandArgs } from '../parse-command-args.js';
import { renderReport } from '../render-report.js';
import { readLevelOverrides } from '../read-level-overrides.js';
import { readReportOptions, reportOptions } from '../report-options.js';

export const diffHelp = `accord diff <base> <head> [--format text|json|markdown|junit|sarif] [--fail-on error|warn|never]
                  [--level <rule-id>=error|warn|info|off …] [--validity syntax|full|none] [--ref-root DIR]
                  [--server URL]

Compares two versions of a contract offline (OpenAPI 3.x, Swagger 2.0 or AsyncAPI 2.x/3.0; a
Swagger 2.0 base may be compared with its OpenAPI 3 successor) and reports every change that can
break a client, with the operations it hits. Exit codes: 0 the verdict passes the gate set by
--fail-on (default error), 1 it does not, 2 usage error or an unreadable or invalid document.
--level changes a rule's level for this run, or switches it off; repeat it for several rules.
--validity says how strictly the documents must follow their specification's schema: syntax (the
default) compares any document that parses and can be walked, and reports each schema error of
<head> as a document-schema-error warning; full refuses a document with a schema error (exit 2),
as a registry contract at that level would; none does not look.
Relative $refs are bundled from anywhere under --ref-root (default: the enclosing git work tree,
or the current directory); remote references, and files or symbolic links leading outside it,
are refused.

Each side is a file, or when no such file exists:
  <contract>@<version>, <contract>@latest   a version in the registry (--server or ACCORD_URL)
  <contract>@env:<environment>              the version recorded as deployed there (accord deploy)
  <revision>:<path>                         the file as git has it at a revision (main:api/openapi.yaml,
                                            HEAD~1:./openapi.yaml); its relative $refs are not bundled
A reference the registry refuses exits 1, an unreachable server 3.`;

export async function diff(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...reportOptions, ...documentOptions, level: { type: 'string', multiple: true }, server: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } });
  if (values.help) return void console.log(diffHelp), 0;
  const { format, failOn } = readReportOptions(values);
  const levels = readLevelOverrides(values.level);
  // A CI gate that cannot say anything is worse than one that says "invalid, and also breaking here".
  const { validity, refRoot } = readDocumentOptions(values, { validity: 'syntax' });
  const [base, head, ...extra] = positionals;
  if (!base || !head || extra.length > 0) throw new UsageError('expected two documents: <base> <head>\n\n' + diffHelp);
  // The registry is asked only when a side names it, so a diff of two files stays offline.
  const client = () => clientFrom(values);
  // Only the head's schema errors are reported.
  const [before, after] = await Promise.all([loadDocumentRef(base, { client, validity, refRoot, reportSchemaErrors: false }), loadDocumentRef(head, { client, validity, refRoot })]);
  let findings;
  try {
    const found = findBreakingChanges(before.document, after.document, { now: new Date(), levels }).map((f) => ({ ...f, fingerprint: findingFingerprint(f) }));
    findings = mapFindingsToSource(found, after.document, before.document);
  } catch (error) {
    if (error instanceof AccordError) throw new UsageError(`${base} → ${head}: ${error.message}`);
    throw error;
  }
  findings = [...findings, ...schemaErrorFindings(after.spec.schemaErrors, after.spec).map((f) => ({ ...f, fingerprint: findingFingerprint(f) }))];
  const verdict = verdictOf(findings, failOn);
  console.log(renderReport({ findings, verdict, failOn, locate: locateFindings(after, before) }, format));
  return verdict.failed ? 1 : 0;
}
