import semver from 'semver';
import { changelogSections, findBreakingChanges, reportedFinding, renderChangelog, type ChangelogStep } from '../../compat/index.js';
import type { ChangelogEntry } from '../../registry/index.js';
import { AccordError } from '../../shared/index.js';
import { contentHash } from '../../spec/index.js';
import { UsageError } from '../cli-errors.js';
import { wrongArguments } from '../wrong-arguments.js';
import { loadDocumentRef } from '../load-document-ref.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';

export const changelogHelp = `accord changelog <contract> [--from <version>] [--to <version>] [--format text|markdown|json] [--server URL]
                 <base> <head> [--format text|markdown|json]

What changed in each version of a registered contract, newest first: breaking changes,
deprecations, additions and other changes, as the registry recorded them when each version was
published. --from and --to keep the versions after --from up to and including --to.
With two documents it says what changed from <base> to <head>, offline, with the same engine as
accord diff; each side is a file, <contract>@<version>, <contract>@env:<environment> or
<revision>:<path> (see accord diff --help). A changelog informs: it exits 0 whatever changed.`;

const FORMATS = ['text', 'markdown', 'json'] as const;

export async function changelog(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...clientOptions, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', default: 'text' } });
  if (values.help) return void console.log(changelogHelp), 0;
  const format = (values.json ? 'json' : values.format) as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const [first, second, ...extra] = positionals;
  if (!first || extra.length > 0) throw wrongArguments(changelogHelp, { missing: 'the contract, or two documents', extra });
  if (second !== undefined) {
    if (values.from !== undefined || values.to !== undefined) throw new UsageError('--from and --to select versions of a registered contract; two documents are one step already');
    return offline(first, second, format, values);
  }
  for (const [name, value] of [['--from', values.from], ['--to', values.to]] as const) {
    if (value !== undefined && semver.valid(value) === null) throw new UsageError(`${name} ${value} is not a version like 1.2.0`);
  }
  const { body } = await clientFrom(values).request<{ contract: string; items: ChangelogEntry[] }>('GET', `/contracts/${encodeURIComponent(first)}/changelog`);
  const items = body.items.filter((e) => (values.from === undefined || semver.gt(e.version, values.from)) && (values.to === undefined || semver.lte(e.version, values.to)));
  if (format === 'json') console.log(JSON.stringify({ contract: body.contract, items }));
  else process.stdout.write(renderChangelog(body.contract, items, { format }));
  return 0;
}

/** One step between two documents, judged here by the compatibility engine. */
async function offline(base: string, head: string, format: (typeof FORMATS)[number], values: { server?: string }): Promise<number> {
  const client = () => clientFrom(values);
  const [before, after] = await Promise.all([loadDocumentRef(base, { client }), loadDocumentRef(head, { client })]);
  let findings;
  try {
    findings = findBreakingChanges(before.document, after.document, { now: new Date() }).map(reportedFinding);
  } catch (error) {
    if (error instanceof AccordError) throw new UsageError(`${base} → ${head}: ${error.message}`);
    throw error;
  }
  const step: ChangelogStep = {
    version: infoOf(after.document).version || head,
    previous: infoOf(before.document).version || base,
    ...changelogSections(findings),
    documentationOnly: findings.length === 0 && contentHash(before.document) !== contentHash(after.document),
  };
  if (format === 'json') console.log(JSON.stringify({ base, head, items: [step] }));
  else process.stdout.write(renderChangelog(infoOf(after.document).title || head, [step], { format }));
  return 0;
}

function infoOf(document: Record<string, unknown>): { title: string; version: string } {
  const info = (typeof document.info === 'object' && document.info !== null ? document.info : {}) as { title?: unknown; version?: unknown };
  return { title: typeof info.title === 'string' ? info.title : '', version: info.version === undefined ? '' : String(info.version) };
}
