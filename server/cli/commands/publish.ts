import { verdictOf, type SemverAdvice, type VerdictReport } from '../../compat/index.js';
import type { Contract, PublishResult } from '../../registry/index.js';
import { parse } from 'yaml';
import type { AccordClient } from '../accord-client.js';
import { bundleDocument } from '../bundle-document.js';
import { RejectedByAccord, UsageError } from '../cli-errors.js';
import { locateFindings } from '../locate-findings.js';
import { mapFindingsToSource } from '../map-findings-to-source.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { plural } from '../../shared/index.js';
import { REPORT_FORMATS, renderReport, type ReportFinding, type ReportFormat } from '../render-report.js';

export const publishHelp = `accord publish <file> --contract <slug> [--version x.y.z] [--system <slug> [--name <name>]]
               [--format text|json|markdown|junit|sarif] [--ref-root DIR] [--server URL] [--json]

Publishes a version of a contract. Relative file references ($ref: ../common/x.yaml) anywhere
under --ref-root (default: the enclosing git work tree, or the current directory) are bundled
into one document first; remote references and files outside it are refused. The version defaults to info.version.
With --system, a contract that does not exist yet is created first for that system (named by
--name, else the document's info.title), and the command says so.
Prints the verdict and the findings the version was published with, like accord check, in the
--format asked for (the summary line then goes to stderr); a blocked publish prints the findings
that blocked it the same way. --json prints what was published, with its findings, as one object.
Exit codes: 0 published (or already published with identical content), 1 rejected, 2 usage or
unreadable file, 3 server unreachable.`;

export async function publish(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...clientOptions,
    contract: { type: 'string', short: 'c' },
    version: { type: 'string', short: 'v' },
    system: { type: 'string' },
    name: { type: 'string' },
    format: { type: 'string', default: 'text' },
    'ref-root': { type: 'string' },
  });
  if (values.help) return void console.log(publishHelp), 0;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('expected exactly one document file\n\n' + publishHelp);
  if (!values.contract) throw new UsageError('--contract <slug> is required');
  const format = values.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  if (values.name !== undefined && values.system === undefined) throw new UsageError('--name names a contract created with --system; give --system too');
  // The server parses the document; this command reads it only for what it must know first.
  const bundled = await bundleDocument(file, { refRoot: values['ref-root'], parsedByCaller: true });
  if (!bundled.isContract) throw new UsageError(`${file} is not an OpenAPI or AsyncAPI document: it has no top-level openapi, swagger or asyncapi field`);
  const version = values.version ?? bundled.info.version;
  if (!version) throw new UsageError(`${file} has no info.version; pass --version`);
  const client = clientFrom(values);
  // Machine-readable reports own stdout; what happened besides goes to stderr.
  const say = (line: string) => (values.json ? undefined : format === 'text' ? console.log(line) : console.error(line));
  const contract = values.contract;
  const located = locateFindings({ file, bundled });
  // Only a Swagger 2.0 document needs its findings pointed back into it; others skip the parse.
  const swagger = /^\s*["']?swagger["']?\s*:/m.test(bundled.text) ? [parse(bundled.text) as object] : [];

  if (values.system !== undefined) {
    const created = await ensureContract(client, { slug: contract, system: values.system, name: values.name ?? bundled.info.title ?? contract });
    if (created) say(`created contract ${contract} for system ${values.system}`);
  }

  let answer: { status: number; body: PublishResult['version'] };
  try {
    answer = await client.request<PublishResult['version']>('POST', `/contracts/${encodeURIComponent(contract)}/versions`, { body: { version, document: bundled.text }, uploading: file });
  } catch (error) {
    if (values.json || !(error instanceof RejectedByAccord) || error.problem.code !== 'publish-blocked') throw error;
    const p = error.problem as RejectedByAccord['problem'] & { findings?: ReportFinding[]; semver?: SemverAdvice; summary?: VerdictReport['summary']; mode?: string; comparedWith?: string[] };
    const findings = mapFindingsToSource(p.findings ?? [], ...swagger);
    const verdict = { ...verdictOf(findings.filter((f) => !excused(f))), ...(p.summary && { summary: p.summary }) };
    console.log(renderReport({ findings, verdict, failOn: 'error', ...(p.semver && { semver: p.semver }), extra: { contract, version, mode: p.mode, comparedWith: p.comparedWith }, locate: located }, format));
    // The findings are printed above; the error line need not list them again.
    throw new RejectedByAccord({ ...p, findings: undefined });
  }
  const { status, body } = answer;
  const created = status === 201;
  const findings = mapFindingsToSource(body.findings as ReportFinding[], ...swagger);
  const verdict = verdictOf(findings.filter((f) => !excused(f)));
  if (values.json) {
    console.log(JSON.stringify({ created, bundled: bundled.included, version: body, verdict: verdict.verdict, summary: verdict.summary }));
    return 0;
  }
  const verb = created ? 'published' : 'already published with identical content:';
  say(`${contract} ${body.version} ${verb} ${plural(body.operationCount, 'operation')}, ${body.contentHash.slice(0, 19)}…`);
  if (bundled.included.length > 0) say(`bundled ${plural(bundled.included.length, 'referenced file')}: ${bundled.included.join(', ')}`);
  console.log(renderReport({ findings, verdict: { ...verdict, failed: false }, failOn: 'error', extra: { contract, version: body.version, created }, locate: located }, format));
  return 0;
}

const excused = (f: ReportFinding) => f.accepted !== undefined || f.waiver !== undefined;

/** Creates the contract unless it exists; refuses one that exists for another system. */
async function ensureContract(client: AccordClient, { slug, system, name }: { slug: string; system: string; name: string }): Promise<boolean> {
  try {
    const { body } = await client.request<Contract>('GET', `/contracts/${encodeURIComponent(slug)}`);
    if (body.system !== system) throw new UsageError(`--system ${system}: contract ${slug} already exists and belongs to system ${body.system}; leave out --system or choose another --contract`);
    return false;
  } catch (error) {
    if (!(error instanceof RejectedByAccord) || error.problem.status !== 404) throw error;
  }
  await client.request<Contract>('POST', '/contracts', { body: { slug, name: name.slice(0, 200), system } });
  return true;
}
