import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { closedPortUrl, fixture, runAccord } from '../__fixtures__/run-accord.js';

// Real-world-style documents with one schema error each, and a breaking change beside it. Each
// label names where the schema error is and which rule must still see the break.
const labels = JSON.parse(readFileSync(fixture('schema-errors/labels.json'), 'utf8')) as Record<string, { schemaError: string; breaking: string }>;

let nowhere: string;
beforeAll(async () => {
  nowhere = await closedPortUrl();
});
const accord = (...args: string[]) => runAccord(args, { server: nowhere });
const side = (name: string, which: 'base' | 'head') => fixture(`schema-errors/${name}/${which}.yaml`);

interface Report {
  verdict: string;
  findings: { id: string; level: string; pointer?: string }[];
}

describe('accord diff of documents with schema errors', () => {
  test.each(Object.entries(labels))('%s: compared, the break found, the schema error reported as a warning at its place', async (name, label) => {
    const run = await accord('diff', side(name, 'base'), side(name, 'head'), '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.map((f) => f.id)).toContain(label.breaking);
    expect(report.findings).toContainEqual(expect.objectContaining({ id: 'document-schema-error', level: 'warn', pointer: label.schemaError }));
  });

  test('--validity full refuses the same documents as unreadable input, naming the error and how to accept it', async () => {
    const run = await accord('diff', side('missing-responses', 'base'), side('missing-responses', 'head'), '--validity', 'full');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/spec-invalid: .*"responses" is required.*--validity syntax accepts it/);
  });

  test('--validity none compares without reporting schema errors', async () => {
    const run = await accord('diff', side('key-in-wrong-place', 'base'), side('key-in-wrong-place', 'head'), '--format', 'json', '--validity', 'none');
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.map((f) => f.id)).toEqual(['request-enum-value-removed']);
  });

  test('a schema error alone is a warning: the default gate passes, --fail-on warn does not', async () => {
    const head = side('response-without-description', 'head');
    expect((await accord('diff', head, head)).code).toBe(0);
    const strict = await accord('diff', head, head, '--fail-on', 'warn');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/document-schema-error/);
  });

  test('an unknown validity level is a usage error', async () => {
    const run = await accord('diff', side('missing-responses', 'base'), side('missing-responses', 'head'), '--validity', 'lenient');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--validity must be one of full, syntax, none/);
  });

  test('accord lint --validity syntax lints the document and lists its schema errors with the policy findings', async () => {
    const head = side('missing-responses', 'head');
    expect((await accord('lint', head)).code).toBe(2);
    const run = await accord('lint', head, '--validity', 'syntax', '--format', 'json');
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings).toContainEqual(expect.objectContaining({ id: 'document-schema-error', pointer: '/paths/~1stock/get' }));
  });
});
