import { readFile, stat } from 'node:fs/promises';
import { verdictOf } from '../../compat/index.js';
import { lintDocument, loadRuleset, SHIPPED_RULESETS, type LintRuleset, type ShippedRulesets } from '../../lint/index.js';
import { readShippedRulesets } from '../../lint/read-shipped-rulesets.js';
import { AccordError } from '../../shared/index.js';
import { UsageError } from '../cli-errors.js';
import { loadDocument } from '../load-document.js';
import { locateFindings } from '../locate-findings.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { renderReport } from '../render-report.js';
import { readReportOptions, reportOptions } from '../report-options.js';

const BUILT_IN = ['spectral:oas', 'spectral:asyncapi'];
const MAX_RULESET_BYTES = 512 * 1024;

export const lintHelp = `accord lint <file> [--ruleset <name|file>] [--format text|json|markdown|junit|sarif] [--fail-on error|warn|never]

Checks one contract document offline (OpenAPI 3.x, Swagger 2.0 or AsyncAPI 2.x/3.0) against a
governance ruleset in Spectral's format. --ruleset names a shipped ruleset (${SHIPPED_RULESETS.join(', ')},
default accord-recommended; also ${BUILT_IN.join(', ')}) or a ruleset file, whose extends may name
those. Rulesets may use Spectral's core functions only; nothing is fetched. Exit codes: 0 the
findings pass the gate set by --fail-on (default error), 1 they do not, 2 usage error or an
unreadable or invalid document or ruleset.`;

export async function lint(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...reportOptions, ruleset: { type: 'string', default: 'accord-recommended' }, help: { type: 'boolean', short: 'h', default: false } });
  if (values.help) return void console.log(lintHelp), 0;
  const { format, failOn } = readReportOptions(values);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('expected one document: <file>\n\n' + lintHelp);
  const ruleset = await rulesetFrom(values.ruleset, readShippedRulesets());
  const document = await loadDocument(file);
  const findings = await lintDocument(document.spec.documentJson, ruleset);
  const verdict = verdictOf(findings, failOn);
  console.log(renderReport({ findings, verdict, failOn, subject: 'policy', extra: { ruleset: ruleset.source }, locate: locateFindings(document) }, format));
  return verdict.failed ? 1 : 0;
}

/** A shipped or built-in name goes through the loader as `extends: <name>`; anything else is a file. */
async function rulesetFrom(name: string, shipped: ShippedRulesets): Promise<LintRuleset> {
  const named = (SHIPPED_RULESETS as readonly string[]).includes(name) || BUILT_IN.includes(name);
  const text = named ? JSON.stringify({ extends: [name] }) : await readRulesetFile(name);
  try {
    return loadRuleset(text, { source: name, shipped });
  } catch (error) {
    if (!(error instanceof AccordError)) throw error;
    const issues = error.issues.length > 0 ? error.issues.map((issue) => issue.message) : [error.message];
    throw new UsageError(`${error.code}: ${issues.join('\n  ')}`);
  }
}

async function readRulesetFile(file: string): Promise<string> {
  try {
    if ((await stat(file)).size > MAX_RULESET_BYTES) throw new UsageError(`${file} is larger than ${MAX_RULESET_BYTES / 1024} KiB, too large for a ruleset`);
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read the ruleset ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
