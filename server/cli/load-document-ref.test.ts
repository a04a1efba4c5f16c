import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UsageError } from './cli-errors.js';
import { parseDocumentRef } from './load-document-ref.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'accord-ref-'));
  await writeFile(join(scratch, 'main:openapi.yaml'), 'openapi: 3.1.0\n');
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('parseDocumentRef', () => {
  test('names a version, the latest one, or the one deployed in an environment', async () => {
    expect(await parseDocumentRef('orders-api@1.2.0')).toEqual({ kind: 'registry', contract: 'orders-api', version: '1.2.0' });
    expect(await parseDocumentRef('orders-api@latest')).toEqual({ kind: 'registry', contract: 'orders-api', version: 'latest' });
    expect(await parseDocumentRef('orders-api@env:prod')).toEqual({ kind: 'registry', contract: 'orders-api', environment: 'prod' });
  });

  test('names a file at a git revision, including revisions with @', async () => {
    expect(await parseDocumentRef('main:api/openapi.yaml')).toEqual({ kind: 'git', revision: 'main', path: 'api/openapi.yaml' });
    expect(await parseDocumentRef('main@{yesterday}:openapi.yaml')).toEqual({ kind: 'git', revision: 'main@{yesterday}', path: 'openapi.yaml' });
    expect(await parseDocumentRef('HEAD~1:./openapi.yaml')).toEqual({ kind: 'git', revision: 'HEAD~1', path: './openapi.yaml' });
  });

  test('a local file that exists wins over a git revision of the same spelling', async () => {
    const local = relative(process.cwd(), join(scratch, 'main:openapi.yaml'));
    expect(await parseDocumentRef(local)).toEqual({ kind: 'file', file: local });
    expect(await parseDocumentRef(relative(process.cwd(), join(scratch, 'dev:openapi.yaml')))).toMatchObject({ kind: 'git' });
  });

  test('a revision that starts with a dash is refused, since git would read it as an option', async () => {
    await expect(parseDocumentRef('--output=/tmp/x:openapi.yaml')).rejects.toThrow(UsageError);
    await expect(parseDocumentRef('-p:openapi.yaml')).rejects.toThrow(/a git revision cannot start with "-"/);
  });

  test('anything else is a file, and reading it says what is wrong', async () => {
    expect(await parseDocumentRef('openapi.yaml')).toEqual({ kind: 'file', file: 'openapi.yaml' });
  });
});
