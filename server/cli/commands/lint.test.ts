import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { closedPortUrl, fixture, runAccord } from '../__fixtures__/run-accord.js';

// accord lint works offline: no server runs, and a request sent by mistake would exit 3.
let nowhere: string;
beforeAll(async () => {
  nowhere = await closedPortUrl();
});
const accord = (...args: string[]) => runAccord(args, { server: nowhere });
const file = (name: string) => fixture(`lint/${name}.yaml`);

interface JsonReport {
  verdict: string;
  ruleset: string;
  summary: { error: number; warn: number; info: number };
  findings: { id: string; level: string; operation?: string; operations: string[]; pointer?: string; why: string }[];
}

describe('accord lint', () => {
  test('a contract meeting accord-strict passes it', async () => {
    const run = await accord('lint', file('clean'), '--ruleset', 'accord-strict', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ verdict: 'pass', findings: [], summary: { error: 0, warn: 0, info: 0 }, ruleset: 'accord-strict' });
  });

  test('a plain-HTTP server fails accord-recommended (the default) and says why', async () => {
    const run = await accord('lint', file('insecure'), '--format', 'json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report).toMatchObject({ verdict: 'fail', ruleset: 'accord-recommended', summary: { error: 1, warn: 1 } });
    expect(report.findings.find((f) => f.id === 'servers-https')).toMatchObject({ level: 'error', pointer: '/servers/0/url', operations: [] });
    expect(report.findings.find((f) => f.id === 'response-body-example')).toMatchObject({ level: 'warn', operation: 'GET /orders/{orderId}' });
    expect(report.findings.every((f) => f.why.length > 40)).toBe(true);
  });

  test("a team's ruleset file extending a shipped ruleset re-levels its rules; --fail-on warn still stops", async () => {
    const run = await accord('lint', file('insecure'), '--ruleset', file('team-ruleset'), '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ verdict: 'warn', summary: { error: 0, warn: 2 } });
    expect((await accord('lint', file('insecure'), '--ruleset', file('team-ruleset'), '--fail-on', 'warn')).code).toBe(1);
  });

  test('a ruleset extending a URL is refused, exit 2, naming the line', async () => {
    const run = await accord('lint', file('clean'), '--ruleset', file('remote-ruleset'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ruleset-invalid: .*remote-ruleset\.yaml:3:5: extends "https:\/\/rulesets\.example\.org\/team\.yaml" is remote/);
  });

  test('an invalid document, an unreadable ruleset and bad options are exit 2; a stored ruleset with no server is exit 3', async () => {
    const invalid = await accord('lint', file('invalid'));
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/invalid\.yaml: spec-invalid: .*version/);
    const stored = await accord('lint', file('clean'), '--ruleset', 'no-such-ruleset');
    expect(stored.code).toBe(3);
    expect(stored.stderr).toMatch(/no file no-such-ruleset here, so it was taken for a ruleset stored in the registry, but cannot reach Accord/);
    const notAName = await accord('lint', file('clean'), '--ruleset', 'rules/Missing.yaml');
    expect(notAName.code).toBe(2);
    expect(notAName.stderr).toMatch(/cannot read the ruleset rules\/Missing.yaml: there is no such file, and it is not a ruleset name/);
    expect((await accord('lint')).code).toBe(2);
    expect((await accord('lint', file('clean'), '--format', 'html')).code).toBe(2);
    expect((await accord('lint', file('clean'), '--fail-on', 'sometimes')).code).toBe(2);
  });

  test('sarif points at the line of the finding', async () => {
    const run = await accord('lint', file('insecure'), '--format', 'sarif');
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } } }[] }[] }[] };
    const result = log.runs[0]!.results.find((r) => r.ruleId === 'servers-https')!;
    expect(result.level).toBe('error');
    const location = result.locations[0]!.physicalLocation;
    expect(location.artifactLocation.uri).toMatch(/lint\/insecure\.yaml$/);
    const lines = (await readFile(file('insecure'), 'utf8')).split('\n');
    expect(lines[location.region!.startLine - 1]).toMatch(/url: http:\/\/api\.example\.org/);
    expect(lines[location.region!.startLine - 1]!.slice(location.region!.startColumn! - 1)).toMatch(/^url: /);
  });

  test('junit and markdown render the same findings for CI', async () => {
    const junit = await accord('lint', file('insecure'), '--format', 'junit');
    expect(junit.stdout).toMatch(/<testcase classname="accord.servers-https" name="[^"]+"><failure type="error"/);
    const markdown = await accord('lint', file('insecure'), '--format', 'markdown');
    expect(markdown.stdout.split('\n')[0]).toBe('❌ **FAIL: 1 error, 1 warning, 0 notes**');
    expect(markdown.stdout).toContain('| rule | finding | where | why it matters |');
    expect(markdown.stdout).toMatch(/\| `servers-https` \| .* \| \/servers\/0\/url \|/);
    const text = await accord('lint', file('insecure'));
    expect(text.stdout).toMatch(/^error servers-https {2}.* {2}at \S*lint\/insecure\.yaml:\d+:\d+ \/servers\/0\/url$/m);
    expect(text.stdout).toMatch(/^warn  response-body-example {2}.* {2}\(GET \/orders\/\{orderId\}\) {2}at \S*insecure\.yaml:\d+:\d+ \/paths\//m);
  });
});

describe('accord lint --ruleset with a ruleset stored in the registry', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    const text = stringify({ extends: ['accord-recommended'], rules: { 'servers-https': 'warn', 'audience-named': { description: 'Every contract names its audience.', severity: 'error', given: '$.info', then: { field: 'x-audience', function: 'truthy' } } } });
    expect((await server.json('POST', '/api/v1/rulesets', { name: 'banking-integration', text })).status).toBe(201);
  });
  afterAll(() => server?.close());

  test('reads the stored ruleset from the server and lints the document here', async () => {
    const run = await runAccord(['lint', file('insecure'), '--ruleset', 'banking-integration', '--json'], { server: server.url });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.ruleset).toBe('banking-integration');
    expect(report.findings.find((f) => f.id === 'audience-named')).toMatchObject({ level: 'error', pointer: '/info' });
    expect(report.findings.find((f) => f.id === 'servers-https')).toMatchObject({ level: 'warn' });
    expect(run.code).toBe(1);
  });

  test('a name the registry does not know is a usage error saying where it looked', async () => {
    const run = await runAccord(['lint', file('insecure'), '--ruleset', 'no-such-ruleset'], { server: server.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the registry has no ruleset "no-such-ruleset"');
  });
});
