import { beforeAll, describe, expect, test } from 'vitest';
import { closedPortUrl, fixture, runAccord } from '../__fixtures__/run-accord.js';

// accord diff works offline: no server runs, and a request sent by mistake would exit 3.
let nowhere: string;
beforeAll(async () => {
  nowhere = await closedPortUrl();
});
const accord = (...args: string[]) => runAccord(args, { server: nowhere });
const doc = (name: string) => fixture(`diff/${name}.yaml`);

describe('accord diff', () => {
  test('a removed required response property in a shared schema fails, once, naming both operations', async () => {
    const run = await accord('diff', doc('base'), doc('breaking'), '--format', 'json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { verdict: string; findings: { id: string; level: string; operations: string[]; why: string }[]; summary: { error: number } };
    expect(report.verdict).toBe('fail');
    expect(report.summary.error).toBe(1);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ id: 'response-property-removed', level: 'error' });
    expect(report.findings[0]!.operations.sort()).toEqual(['GET /orders', 'GET /orders/{orderId}']);
    expect(report.findings[0]!.why).toBeTruthy();
  });

  test('--fail-on never reports the failure but lets the pipeline pass', async () => {
    const run = await accord('diff', doc('base'), doc('breaking'), '--fail-on', 'never');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^FAIL: 1 breaking/m);
  });

  test('an added optional property passes and is reported as information', async () => {
    const run = await accord('diff', doc('base'), doc('additive'), '--format', 'json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ verdict: 'pass', summary: { error: 0, info: 1 } });
  });

  test('a document against itself has nothing to report', async () => {
    const run = await accord('diff', doc('base'), doc('base'), '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ verdict: 'pass', findings: [], summary: { error: 0, warn: 0, info: 0 } });
  });

  test('markdown leads with the verdict and tables the breaking changes for a pull request', async () => {
    const run = await accord('diff', doc('base'), doc('breaking'), '--format', 'markdown');
    const [first, , header] = run.stdout.split('\n');
    expect(first).toBe('❌ **FAIL: 1 breaking, 0 warning(s), 0 other change(s)**');
    expect(header).toBe('| rule | change | operations | why it breaks |');
    expect(run.stdout).toContain('`response-property-removed`');
  });

  test('an invalid document is exit 2 with the diagnostic, and so are bad options', async () => {
    const invalid = await accord('diff', doc('base'), doc('invalid'));
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/invalid\.yaml: spec-invalid: .*version/);
    expect((await accord('diff', doc('base'))).code).toBe(2);
    expect((await accord('diff', doc('base'), doc('base'), '--format', 'sarif')).code).toBe(2);
    expect((await accord('diff', doc('base'), doc('base'), '--fail-on', 'sometimes')).code).toBe(2);
  });
});
