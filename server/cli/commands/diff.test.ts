import { readFile } from 'node:fs/promises';
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
    expect(first).toBe('❌ **FAIL: 1 breaking, 0 warnings, 0 other changes**');
    expect(header).toBe('| rule | change | operations | why it breaks |');
    expect(run.stdout).toContain('`response-property-removed`');
  });

  test('a document with a schema error is compared and the error reported as a warning; under --validity full it is exit 2 with the diagnostic, and so are bad options', async () => {
    const compared = await accord('diff', doc('base'), doc('invalid'), '--format', 'json');
    expect(JSON.parse(compared.stdout).findings).toContainEqual(expect.objectContaining({ id: 'document-schema-error', level: 'warn', pointer: '/info' }));
    const invalid = await accord('diff', doc('base'), doc('invalid'), '--validity', 'full');
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/invalid\.yaml: spec-invalid: .*version/);
    expect((await accord('diff', doc('base'))).code).toBe(2);
    expect((await accord('diff', doc('base'), doc('base'), '--format', 'html')).code).toBe(2);
    expect((await accord('diff', doc('base'), doc('base'), '--fail-on', 'sometimes')).code).toBe(2);
  });

  test('junit marks the finding that fails the gate as a failed test case', async () => {
    const run = await accord('diff', doc('base'), doc('breaking'), '--format', 'junit');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^<\?xml version="1.0"/);
    expect(run.stdout).toMatch(/<testsuites name="accord" tests="1" failures="1">/);
    expect(run.stdout).toMatch(/<testcase classname="accord.response-property-removed" name="[^"]+"><failure type="error"/);
    const lenient = await accord('diff', doc('base'), doc('breaking'), '--format', 'junit', '--fail-on', 'never');
    expect(lenient.stdout).toMatch(/failures="0"/);
  });

  test('sarif names the rule and the line of the head document the finding points at', async () => {
    const run = await accord('diff', doc('base'), doc('breaking'), '--format', 'sarif');
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    const [result] = log.runs[0]!.results;
    expect(result).toMatchObject({ ruleId: 'response-property-removed', level: 'error' });
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(['response-property-removed']);
    const location = result!.locations[0]!.physicalLocation;
    // A removal points into the base document, where the property still is.
    expect(location.artifactLocation.uri).toMatch(/diff\/base\.yaml$/);
    const baseLines = (await readFile(doc('base'), 'utf8')).split('\n');
    expect(baseLines[location.region!.startLine - 1]).toMatch(/^\s+total:/);
  });

  test('--level changes a rule for the run, and refuses rule ids that do not exist', async () => {
    const lowered = await accord('diff', doc('base'), doc('breaking'), '--level', 'response-property-removed=warn', '--json');
    expect(lowered.code).toBe(0);
    expect(JSON.parse(lowered.stdout)).toMatchObject({ verdict: 'warn', summary: { error: 0, warn: 1 } });
    const off = await accord('diff', doc('base'), doc('breaking'), '--level', 'response-property-removed=off', '--json');
    expect(JSON.parse(off.stdout)).toMatchObject({ verdict: 'pass', findings: [] });
    const typo = await accord('diff', doc('base'), doc('breaking'), '--level', 'response-property-gone=off');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/no rule has the id "response-property-gone"/);
  });

  describe('on a Swagger 2.0 pair, findings point into the files as written, not into their 3.x form', () => {
    const swagger = (name: string) => fixture(`swagger/${name}.yaml`);
    const expected = [
      { id: 'request-parameter-became-required', pointer: '/paths/~1members~1{memberId}~1points/post/parameters/1', line: 'name: channel', file: 'head' },
      { id: 'request-type-changed', pointer: '/definitions/Earning/properties/note', line: 'note:', file: 'head' },
      { id: 'response-property-removed', pointer: '/definitions/Balance/properties/tier', line: 'tier:', file: 'base' },
    ];

    test('json and text name /definitions and the 2.0 parameter, messages included', async () => {
      const json = await accord('diff', swagger('base'), swagger('head'), '--format', 'json');
      const report = JSON.parse(json.stdout) as { findings: { id: string; pointer: string; message: string }[] };
      expect(report.findings.map((f) => ({ id: f.id, pointer: f.pointer })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected.map(({ id, pointer }) => ({ id, pointer })));
      expect(json.stdout).not.toContain('/components/');
      expect(report.findings.find((f) => f.id === 'response-property-removed')!.message).toBe('required response property "tier" was removed at /definitions/Balance/properties/tier');
      const text = await accord('diff', swagger('base'), swagger('head'));
      expect(text.stdout).toContain('request type changed from string to integer at /definitions/Earning/properties/note');
      expect(text.stdout).not.toContain('/components/');
    });

    test('markdown and junit quote the 2.0 pointers', async () => {
      const markdown = await accord('diff', swagger('base'), swagger('head'), '--format', 'markdown');
      expect(markdown.stdout).toContain('at /definitions/Balance/properties/tier');
      const junit = await accord('diff', swagger('base'), swagger('head'), '--format', 'junit');
      expect(junit.stdout).toContain('at: /paths/~1members~1{memberId}~1points/post/parameters/1');
      for (const run of [markdown, junit]) expect(run.stdout).not.toContain('/components/');
    });

    test('sarif gives every result a region at the line and column of the key in the user file', async () => {
      const run = await accord('diff', swagger('base'), swagger('head'), '--format', 'sarif');
      const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } } }[] }[] }[] };
      const texts = { base: (await readFile(swagger('base'), 'utf8')).split('\n'), head: (await readFile(swagger('head'), 'utf8')).split('\n') };
      for (const { id, line, file } of expected) {
        const { artifactLocation, region } = log.runs[0]!.results.find((r) => r.ruleId === id)!.locations[0]!.physicalLocation;
        expect(artifactLocation.uri, id).toMatch(new RegExp(`swagger/${file}\\.yaml$`));
        expect(texts[file as 'base' | 'head'][region!.startLine - 1]!.slice(region!.startColumn - 1), id).toMatch(new RegExp(`^${line.replace(/[{}]/g, '\\$&')}`));
      }
    });
  });
});
