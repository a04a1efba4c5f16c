import type { PublishResult } from '../../registry/index.js';
import { bundleDocument } from '../bundle-document.js';
import { UsageError } from '../cli-errors.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';

export const publishHelp = `accord publish <file> --contract <slug> [--version x.y.z] [--server URL] [--json]

Publishes a version of a contract. Relative file references ($ref: ./common/x.yaml) under the
document's folder are bundled into one document first. The version defaults to info.version.
Exit codes: 0 published (or already published with identical content), 1 rejected, 2 usage or
unreadable file, 3 server unreachable.`;

export async function publish(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...clientOptions, contract: { type: 'string', short: 'c' }, version: { type: 'string', short: 'v' } });
  if (values.help) return void console.log(publishHelp), 0;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('expected exactly one document file\n\n' + publishHelp);
  if (!values.contract) throw new UsageError('--contract <slug> is required');
  const bundled = await bundleDocument(file);
  const version = values.version ?? bundled.info.version;
  if (!version) throw new UsageError(`${file} has no info.version; pass --version`);
  const client = clientFrom(values);
  const { status, body } = await client.request<PublishResult['version']>('POST', `/contracts/${encodeURIComponent(values.contract)}/versions`, {
    body: { version, document: bundled.text },
  });
  const created = status === 201;
  if (values.json) {
    console.log(JSON.stringify({ created, bundled: bundled.included, version: body }));
  } else {
    const verb = created ? 'published' : 'already published with identical content:';
    console.log(`${values.contract} ${body.version} ${verb} ${body.operationCount} operations, ${body.contentHash.slice(0, 19)}…`);
    if (bundled.included.length > 0) console.log(`bundled ${bundled.included.length} referenced file(s): ${bundled.included.join(', ')}`);
  }
  return 0;
}
