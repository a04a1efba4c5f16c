import { readFile, stat } from 'node:fs/promises';
import { schemaErrorFindings, verdictOf } from '../../compat/index.js';
import { lintDocument, loadRuleset, SHIPPED_RULESETS, type LintRuleset, type ShippedRulesets } from '../../lint/index.js';
import { readShippedRulesets } from '../../lint/read-shipped-rulesets.js';
import { AccordError } from '../../shared/index.js';
import type { AccordClient } from '../accord-client.js';
import { RejectedByAccord, ServerUnreachable, UsageError } from '../cli-errors.js';
import { documentOptions, readDocumentOptions } from '../document-options.js';
import { loadDocument } from '../load-document.js';
import { locateFindings } from '../locate-findings.js';
import { clientFrom, parseCommandArgs } from '../parse-command-args.js';
import { renderReport } from '../render-report.js';
import { readReportOptions, reportOptions } from '../report-options.js';

const BUILT_IN = ['spectral:oas', 'spectral:asyncapi'];
const MAX_RULESET_BYTES = 512 * 1024;

export const lintHelp = `accord lint <file> [--ruleset <name[@version]|file>] [--format text|json|markdown|junit|sarif] [--fail-on error|warn|never]
                  [--validity full|syntax|none] [--ref-root DIR] [--server URL]

Checks one contract document (OpenAPI 3.x, Swagger 2.0 or AsyncAPI 2.x/3.0) against a governance
ruleset in Spectral's format. --ruleset names a shipped ruleset (${SHIPPED_RULESETS.join(', ')},
default accord-recommended; also ${BUILT_IN.join(', ')}), a ruleset file, whose extends may name
those, or a ruleset stored in the registry (e.g. banking-integration, or banking-integration@2):
only then is the server asked (--server, ACCORD_URL), and only for the ruleset's text; the
document is linted here. Rulesets may use Spectral's core functions only; nothing else is fetched.
Exit codes: 0 the findings pass the gate set by --fail-on (default error), 1 they do not, 2 usage
error or an unreadable or invalid document or ruleset, 3 the server holding the ruleset is unreachable.
--validity full (the default) refuses a document with a schema error; syntax lints it and adds
each schema error as a document-schema-error warning; none does not look. --ref-root: see accord diff --help.`;

export async function lint(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...reportOptions, ...documentOptions, ruleset: { type: 'string', default: 'accord-recommended' }, server: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } });
  if (values.help) return void console.log(lintHelp), 0;
  const { format, failOn } = readReportOptions(values);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('expected one document: <file>\n\n' + lintHelp);
  const ruleset = await rulesetFrom(values.ruleset, readShippedRulesets(), () => clientFrom(values));
  const document = await loadDocument(file, readDocumentOptions(values, { validity: 'full' }));
  const findings = [...schemaErrorFindings(document.spec.schemaErrors, document.spec), ...(await lintDocument(JSON.stringify(document.document), ruleset))];
  const verdict = verdictOf(findings, failOn);
  console.log(renderReport({ findings, verdict, failOn, subject: 'policy', extra: { ruleset: ruleset.source }, locate: locateFindings(document) }, format));
  return verdict.failed ? 1 : 0;
}

/**
 * A shipped or built-in name goes through the loader as `extends: <name>`; an existing file is
 * read; any other name is a ruleset stored in the registry.
 */
async function rulesetFrom(name: string, shipped: ShippedRulesets, client: () => AccordClient): Promise<LintRuleset> {
  const named = (SHIPPED_RULESETS as readonly string[]).includes(name) || BUILT_IN.includes(name);
  const text = named ? JSON.stringify({ extends: [name] }) : (await isFile(name)) ? await readRulesetFile(name) : await storedRulesetText(name, client);
  try {
    return loadRuleset(text, { source: name, shipped });
  } catch (error) {
    if (!(error instanceof AccordError)) throw error;
    const issues = error.issues.length > 0 ? error.issues.map((issue) => issue.message) : [error.message];
    throw new UsageError(`${error.code}: ${issues.join('\n  ')}`);
  }
}

const STORED_NAME = /^([a-z0-9][a-z0-9-]{0,62})(?:@(\d{1,9}))?$/;

async function storedRulesetText(name: string, client: () => AccordClient): Promise<string> {
  const match = STORED_NAME.exec(name);
  if (!match) throw new UsageError(`cannot read the ruleset ${name}: there is no such file, and it is not a ruleset name (lowercase letters, digits and hyphens, optionally @<version>)`);
  const [, slug, version] = match;
  try {
    const { body } = await client().request<{ text: string }>('GET', `/rulesets/${slug}`, { query: { version } });
    return body.text;
  } catch (error) {
    if (error instanceof ServerUnreachable) throw new ServerUnreachable(`there is no file ${name} here, so it was taken for a ruleset stored in the registry, but ${error.message}`);
    if (error instanceof RejectedByAccord && error.problem.status === 404) throw new UsageError(`no file ${name} here, and the registry has no ruleset "${slug}"${version ? ` at version ${version}` : ''}; GET /api/v1/rulesets lists them`);
    throw error;
  }
}

const isFile = (path: string) => stat(path).then((s) => s.isFile(), () => false);

async function readRulesetFile(file: string): Promise<string> {
  try {
    if ((await stat(file)).size > MAX_RULESET_BYTES) throw new UsageError(`${file} is larger than ${MAX_RULESET_BYTES / 1024} KiB, too large for a ruleset`);
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read the ruleset ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
