import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { bundleDocument } from './bundle-document.js';
import { UsageError } from './cli-errors.js';
import { refsIn } from './__fixtures__/refs-in.js';
import { fixture } from './__fixtures__/run-accord.js';

describe('bundleDocument', () => {
  test('a document without file references is sent exactly as written', async () => {
    const file = fixture('publish/orders-api.yaml');
    const bundled = await bundleDocument(file);
    expect(bundled.text).toBe(await readFile(file, 'utf8'));
    expect(bundled.included).toEqual([]);
    expect(bundled.info).toEqual({ title: 'Orders API', version: '1.0.0' });
  });

  test('a contract split over nested files becomes one document whose references all point inside it', async () => {
    const bundled = await bundleDocument(fixture('publish/order-events/asyncapi.yaml'));
    expect(bundled.included).toEqual(['common/messages.yaml', 'common/schemas/customer.yaml', 'common/schemas/order.yaml']);
    const doc = parse(bundled.text);
    expect(refsIn(doc).filter((ref) => !ref.startsWith('#'))).toEqual([]);
    expect(doc.channels.orderCancelled.messages.OrderCancelled.payload.properties.reason.enum).toEqual(['customer-request', 'payment-failed', 'out-of-stock']);
  });

  test('a reference cycle across two files becomes a reference inside the document', async () => {
    const doc = parse((await bundleDocument(fixture('publish/order-events/asyncapi.yaml'))).text);
    const order = doc.channels.orderPlaced.messages.OrderPlaced.payload;
    expect(order.properties.customer.properties.previousOrder).toEqual({ $ref: '#/channels/orderPlaced/messages/OrderPlaced/payload' });
  });

  test('a fragment’s references to itself are rewritten to point into the bundled document', async () => {
    const doc = parse((await bundleDocument(fixture('import/customer-api/openapi.yaml'))).text);
    expect(refsIn(doc).every((ref) => ref.startsWith('#/'))).toBe(true);
    const customer = doc.paths['/customers/{customerId}'].get.responses['200'].content['application/json'].schema;
    expect(customer.required).toEqual(['customerId', 'contact']);
  });

  test('a JSON document is bundled into JSON', async () => {
    const bundled = await bundleDocument(fixture('bundle/stock-api.json'));
    const doc = JSON.parse(bundled.text);
    expect(bundled.included).toEqual(['stock-level.json']);
    expect(doc.paths['/stock/{sku}'].get.responses['200'].content['application/json'].schema.required).toEqual(['sku', 'stores']);
  });

  test('a caller that ingests the text itself gets a YAML document with only internal references as written, unparsed', async () => {
    // The caller's own parse refuses what is not YAML; bundling leaves it to that one parse.
    const bundled = await bundleDocument(fixture('bundle/not-yaml.yaml'), { parsedByCaller: true });
    expect(bundled.text).toBe(await readFile(fixture('bundle/not-yaml.yaml'), 'utf8'));
    expect(bundled.included).toEqual([]);
  });

  test('a caller that leaves the parse to others learns a YAML contract is one from its top-level key, and reads info only when asked', async () => {
    // not-yaml.yaml starts with `openapi:` and breaks later: nothing parses it until info is read.
    const broken = await bundleDocument(fixture('bundle/not-yaml.yaml'), { parsedByCaller: true });
    expect(broken.isContract).toBe(true);
    expect(() => broken.info).toThrow(/not-yaml\.yaml is not valid YAML or JSON/);
    const contract = await bundleDocument(fixture('publish/orders-api.yaml'), { parsedByCaller: true });
    expect(contract.isContract).toBe(true);
    expect(contract.info.version).toBe((parse(await readFile(fixture('publish/orders-api.yaml'), 'utf8')) as { info: { version: string } }).info.version);
    const notContract = await bundleDocument(fixture('../../../specs/examples/seed.yaml'), { parsedByCaller: true });
    expect(notContract.isContract).toBe(false);
  });

  test('a caller that ingests the text itself still gets its references to other files bundled', async () => {
    const bundled = await bundleDocument(fixture('publish/order-events/asyncapi.yaml'), { parsedByCaller: true });
    expect(bundled.included).toEqual(['common/messages.yaml', 'common/schemas/customer.yaml', 'common/schemas/order.yaml']);
  });

  test('a contract whose references climb out of its folder to files shared with its siblings is bundled under the git work tree', async () => {
    // The layout of the AsyncAPI specification's own multi-file example: backend/asyncapi.yaml → ../common/….
    const bundled = await bundleDocument(fixture('social-media/backend/asyncapi.yaml'));
    expect(bundled.included).toEqual(['../common/messages.yaml', '../common/parameters.yaml', '../common/schemas.yaml', '../common/servers.yaml']);
    const doc = parse(bundled.text);
    expect(refsIn(doc).every((ref) => ref.startsWith('#/'))).toBe(true);
    expect(doc.channels.commentChanged.messages.commentChanged.payload.properties.likeCount).toEqual({ type: 'integer', minimum: 0 });
    expect(doc.servers.websocket).toEqual({ host: 'ws.example.com', protocol: 'ws' });
  });

  test('--ref-root narrows what may be read: the shared files above it are then refused', async () => {
    const root = fixture('social-media/backend/');
    await expect(bundleDocument(fixture('social-media/backend/asyncapi.yaml'), { refRoot: root })).rejects.toThrow(/the reference to .*common\/servers\.yaml leaves .*backend; only files under it are bundled/);
  });

  test('a --ref-root that does not exist is a usage error', async () => {
    await expect(bundleDocument(fixture('social-media/backend/asyncapi.yaml'), { refRoot: fixture('no-such-folder/') })).rejects.toThrow(/--ref-root .*no-such-folder.* does not exist/);
  });

  test.each([
    ['a reference leaving the reference root', 'refusals/leaves-folder/openapi.yaml', /the reference to .*outside\.yaml leaves .*leaves-folder; only files under it are bundled/],
    ['a remote reference', 'refusals/remote-ref/openapi.yaml', /the reference to https:\/\/example\.com\/schemas\/money\.yaml is remote; .* never fetches URLs/],
    ['a reference to a missing file', 'refusals/missing-file/openapi.yaml', /the referenced file common\/money\.yaml does not exist/],
  ])('%s is refused as unreadable input', async (_case, file, message) => {
    const refusal = bundleDocument(fixture(file), { refRoot: fixture(file.replace(/[^/]+$/, '')) });
    await expect(refusal).rejects.toBeInstanceOf(UsageError);
    await expect(refusal).rejects.toThrow(message);
  });

  test('a file that does not exist is refused as unreadable input', async () => {
    await expect(bundleDocument(fixture('publish/no-such-api.yaml'))).rejects.toThrow(/cannot read .*no-such-api\.yaml: ENOENT/);
  });

  test('a file that is not YAML is refused as unreadable input', async () => {
    await expect(bundleDocument(fixture('bundle/not-yaml.yaml'))).rejects.toThrow(/not-yaml\.yaml is not valid YAML or JSON/);
  });

  describe('with symbolic links', () => {
    const dirs: string[] = [];
    afterAll(async () => {
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    });

    const layout = async () => {
      const root = await mkdtemp(join(tmpdir(), 'accord-bundle-'));
      dirs.push(root);
      await mkdir(join(root, 'api'));
      await writeFile(join(root, 'secret.yaml'), 'type: string\n');
      await writeFile(join(root, 'api', 'money.yaml'), 'type: number\n');
      await writeFile(
        join(root, 'api', 'openapi.yaml'),
        ['openapi: 3.0.3', 'info: { title: Linked, version: 1.0.0 }', 'paths: {}', 'components:', '  schemas:', '    Linked:', '      $ref: ./linked.yaml', ''].join('\n'),
      );
      return root;
    };

    test('a link pointing out of the folder is refused', async () => {
      const root = await layout();
      await symlink(join(root, 'secret.yaml'), join(root, 'api', 'linked.yaml'));
      await expect(bundleDocument(join(root, 'api', 'openapi.yaml'))).rejects.toThrow(/leaves .*api; only files under it are bundled/);
    });

    test('a link out of --ref-root is refused even when its target is inside the git work tree', async () => {
      const root = await layout();
      await symlink(fixture('social-media/common/servers.yaml'), join(root, 'api', 'linked.yaml'));
      await expect(bundleDocument(join(root, 'api', 'openapi.yaml'), { refRoot: root })).rejects.toThrow(/the reference to .*linked\.yaml leaves/);
    });

    test('an absolute path outside the root is refused', async () => {
      const root = await layout();
      await writeFile(join(root, 'api', 'openapi.yaml'), ['openapi: 3.0.3', 'info: { title: Absolute, version: 1.0.0 }', 'paths: {}', 'components:', '  schemas:', '    Secret:', `      $ref: ${fixture('social-media/common/servers.yaml')}`, ''].join('\n'));
      await expect(bundleDocument(join(root, 'api', 'openapi.yaml'), { refRoot: root })).rejects.toThrow(/servers\.yaml leaves/);
    });

    test('without a git work tree or the current directory above it, the document’s folder is the root', async () => {
      const root = await layout();
      await writeFile(join(root, 'api', 'linked.yaml'), '$ref: ../secret.yaml\n');
      await expect(bundleDocument(join(root, 'api', 'openapi.yaml'))).rejects.toThrow(/secret\.yaml leaves .*api; only files under it/);
    });

    test('a link to a file inside the folder is followed', async () => {
      const root = await layout();
      await symlink(join(root, 'api', 'money.yaml'), join(root, 'api', 'linked.yaml'));
      const bundled = await bundleDocument(join(root, 'api', 'openapi.yaml'));
      expect(bundled.included).toEqual(['money.yaml']);
      expect(parse(bundled.text).components.schemas.Linked).toEqual({ type: 'number' });
    });
  });

  describe('files that are not UTF-8 or not YAML are named for what they are', () => {
    let dir: string;
    const write = async (name: string, bytes: Uint8Array | string) => {
      dir ??= await mkdtemp(join(tmpdir(), 'accord-encoding-'));
      await writeFile(join(dir, name), bytes);
      return join(dir, name);
    };
    afterAll(() => dir && rm(dir, { recursive: true, force: true }));

    test('a UTF-16 file with its byte-order mark is called UTF-16, with how to convert it', async () => {
      const file = await write('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('openapi: 3.1.0\n', 'utf16le')]));
      await expect(bundleDocument(file)).rejects.toThrow(/is UTF-16LE \(it starts with a UTF-16 byte-order mark\); Accord reads UTF-8 only: convert it, e.g. iconv -f UTF-16LE -t UTF-8$/);
    });

    test('invalid UTF-8 is refused rather than replaced', async () => {
      const file = await write('latin1.yaml', Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
      await expect(bundleDocument(file)).rejects.toThrow(/latin1.yaml is not valid UTF-8/);
    });

    test('a YAML error ends with its position, not a colon left from the excerpt that followed it', async () => {
      const file = await write('bad.yaml', 'a: b\n  c: d: e\n');
      const error = await bundleDocument(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(/is not valid YAML or JSON: .* at line 1, column 4$/);
    });
  });
});
