import { findBreakingChanges, verdictOf, type FailOn } from '../../compat/index.js';
import { parseSpec } from '../../spec/index.js';
import { bundleDocument } from '../bundle-document.js';
import { UsageError } from '../cli-errors.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { renderDiffReport, type DiffFormat } from '../render-diff-report.js';

export const diffHelp = `accord diff <base> <head> [--format text|json|markdown] [--fail-on error|warn|never]

Compares two versions of an OpenAPI 3.0/3.1 document offline and reports every change that can
break a client, with the operations it hits. Exit codes: 0 the verdict passes the gate set by
--fail-on (default error), 1 it does not, 2 usage error or an unreadable or invalid document.`;

const FORMATS: DiffFormat[] = ['text', 'json', 'markdown'];
const GATES: FailOn[] = ['error', 'warn', 'never'];

export async function diff(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string', default: 'text' },
    'fail-on': { type: 'string', default: 'error' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return void console.log(diffHelp), 0;
  const format = (values.json ? 'json' : values.format) as DiffFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const failOn = values['fail-on'] as FailOn;
  if (!GATES.includes(failOn)) throw new UsageError(`--fail-on must be one of ${GATES.join(', ')}`);
  const [base, head, ...extra] = positionals;
  if (!base || !head || extra.length > 0) throw new UsageError('expected two documents: <base> <head>\n\n' + diffHelp);
  const [before, after] = await Promise.all([load(base), load(head)]);
  const findings = findBreakingChanges(before, after);
  const report = verdictOf(findings, failOn);
  console.log(renderDiffReport(findings, report, format));
  return report.failed ? 1 : 0;
}

/** Bundles and safely ingests one side; anything wrong with it is the user's input, exit 2. */
async function load(file: string): Promise<object> {
  const bundled = await bundleDocument(file);
  const spec = await parseSpec(bundled.text);
  if (!spec.ok) {
    const where = spec.issues[0]?.pointer ? ` (at ${spec.issues[0].pointer})` : '';
    throw new UsageError(`${file}: ${spec.code}: ${spec.message}${spec.message.includes('(at ') ? '' : where}`);
  }
  if (spec.kind !== 'openapi' || spec.specVersion === '2.0') {
    throw new UsageError(`${file}: accord diff compares OpenAPI 3.0 and 3.1 documents; ${spec.kind} ${spec.specVersion} is not supported yet`);
  }
  return JSON.parse(spec.documentJson) as object;
}
