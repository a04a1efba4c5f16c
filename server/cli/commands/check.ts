import semver from 'semver';
import { verdictOf } from '../../compat/index.js';
import type { Check } from '../../registry/index.js';
import { UsageError } from '../cli-errors.js';
import { documentOptions, readDocumentOptions } from '../document-options.js';
import { loadDocument } from '../load-document.js';
import { locateFindings } from '../locate-findings.js';
import { mapFindingsToSource } from '../map-findings-to-source.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { renderReport, type ReportFinding } from '../render-report.js';
import { readReportOptions, reportOptions } from '../report-options.js';

export const checkHelp = `accord check <file> --contract <slug> [--version x.y.z] [--format text|json|markdown|junit|sarif]
             [--fail-on error|warn|never] [--validity full|syntax|none] [--ref-root DIR] [--server URL]

Checks a candidate document against the registered versions of a contract under the contract's
compatibility mode, on the server, without publishing it; the check is recorded. With --version
(default: the document's info.version when it is a semantic version) a breaking change passes
when the version is a new major. A version already published with other content, or below the
latest of its major, is reported as a failing finding (version-already-published,
version-behind-latest) with the report still written. The report suggests the next version.
Exit codes: 0 the verdict passes the gate set by --fail-on (default error), 1 it does not or
the server refused the document, 2 usage error or an unreadable or invalid document, 3 server
unreachable. --validity checks the document at that level instead of the contract's (schema
errors under syntax are reported as document-schema-error warnings). --ref-root: see accord diff --help.`;


export async function check(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...clientOptions, ...reportOptions, ...documentOptions, contract: { type: 'string', short: 'c' }, version: { type: 'string', short: 'v' } });
  if (values.help) return void console.log(checkHelp), 0;
  const { format, failOn } = readReportOptions(values);
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) throw new UsageError('expected exactly one document file\n\n' + checkHelp);
  if (!values.contract) throw new UsageError('--contract <slug> is required');
  const { validity, refRoot } = readDocumentOptions(values, { validity: 'syntax' });
  // Without --validity the contract's level decides, on the server; here only what no level accepts is refused.
  const candidate = await loadDocument(file, { validity: values.validity === undefined ? 'none' : validity, refRoot });
  const infoVersion = candidate.bundled.info.version;
  // info.version often holds an API's own label ("v2", "2024-05"); only a strict semver is taken for the check.
  const version = values.version ?? (infoVersion && semver.parse(infoVersion)?.version === infoVersion ? infoVersion : undefined);
  const { body } = await clientFrom(values).request<Check>('POST', `/contracts/${encodeURIComponent(values.contract)}/checks`, { body: { document: candidate.bundled.text, ...(version && { version }), ...(values.validity !== undefined && { validity }) }, uploading: candidate.file });
  const findings: ReportFinding[] = mapFindingsToSource(body.findings, candidate.document);
  const verdict = { ...verdictOf(findings, failOn), summary: body.summary };
  const facts = { check: body.id, contract: body.contract, version: body.version, mode: body.mode, comparedWith: body.comparedWith, usage: body.usage, observedConsumers: body.observedConsumers };
  console.log(renderReport({ findings, verdict, failOn, semver: body.semver, usageExplanation: body.usage?.explanation, extra: facts, locate: locateFindings(candidate) }, format));
  return verdict.failed ? 1 : 0;
}
