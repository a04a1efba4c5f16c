import { beforeAll, describe, expect, test } from 'vitest';
import { closedPortUrl, fixture, runAccord } from './__fixtures__/run-accord.js';

// No Accord server runs for these: every case must be decided before a request is sent, and one
// sent by mistake would show as exit code 3 instead of 2.
let nowhere: string;
beforeAll(async () => {
  nowhere = await closedPortUrl();
});
const accord = (...args: string[]) => runAccord(args, { server: nowhere });

describe('accord', () => {
  test('--help prints the usage and exits 0', async () => {
    const run = await accord('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: accord <command> [options]');
    // lint reads rulesets stored in the registry too, so it is not an offline command.
    expect(run.stdout).toMatch(/^ {2}lint +.*registry/m);
    expect(run.stdout).not.toMatch(/^ {2}lint +.*offline/m);
  });

  test('help for a command prints that command’s usage', async () => {
    const run = await accord('help', 'publish');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^accord publish <file> --contract <slug>/);
  });

  test.each(['contract', 'subscribe', 'subscriptions', 'deploy', 'key', 'webhook', 'ruleset', 'changelog'])('accord %s is listed and has its own help', async (command) => {
    const usage = await accord('--help');
    expect(usage.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    const run = await accord(command, '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^accord ${command} `));
  });

  test('no command at all is a usage error that prints the usage', async () => {
    const run = await accord();
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Commands:');
  });

  test('an unknown command exits 2 and names it', async () => {
    const run = await accord('pubilsh', 'orders-api.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: unknown command "pubilsh"/);
    expect(run.stderr).toContain('Commands:');
  });

  test('a missing argument is named before the synopsis', async () => {
    const run = await accord('deploy', 'orders-api');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: missing the version\n\naccord deploy <contract> <version>/);
  });

  test('an argument too many is quoted before the synopsis', async () => {
    const run = await accord('deprecate', 'orders-api', '2027-03-31');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: unexpected argument "2027-03-31"\n\naccord deprecate <contract>/);
  });

  test('a server address without its scheme is a usage error showing the address to use, not an unreachable server', async () => {
    const run = await runAccord(['ls'], { server: 'localhost:4000' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('must be an http:// or https:// URL, e.g. http://localhost:4000; got "localhost:4000"');
  });

  test('publish of a YAML file that is no contract says so, not that its version is missing', async () => {
    const run = await accord('publish', fixture('../../../specs/examples/seed.yaml'), '--contract', 'x');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not an OpenAPI or AsyncAPI document: it has no top-level openapi, swagger or asyncapi field');
  });

  test('an unknown option exits 2', async () => {
    const run = await accord('ls', '--colour');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error: Unknown option '--colour'/);
    expect(run.stderr).toMatch(/; --help lists the options$/m);
  });

  test('publish without --contract exits 2', async () => {
    const run = await accord('publish', fixture('publish/orders-api.yaml'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: --contract <slug> is required');
  });

  test('publish of a file that cannot be read exits 2 and names the file', async () => {
    const run = await accord('publish', 'server/cli/__fixtures__/publish/no-such-api.yaml', '--contract', 'orders-api');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: cannot read server/cli/__fixtures__/publish/no-such-api.yaml: ENOENT');
  });

  test('publish of a fragment that is no contract exits 2 and says what it is not', async () => {
    const run = await accord('publish', fixture('refusals/outside.yaml'), '--contract', 'money');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/outside\.yaml is not an OpenAPI or AsyncAPI document/);
  });

  test('with --json a usage error is also printed as JSON on stdout', async () => {
    const run = await accord('publish', fixture('publish/orders-api.yaml'), '--json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ error: { code: 'usage', detail: '--contract <slug> is required' } });
  });

  test('a server that cannot be reached exits 3 and says where it looked', async () => {
    const run = await accord('ls', 'contracts');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`error: cannot reach Accord at ${nowhere} (ECONNREFUSED)`);
  });

  test('publish to a server that cannot be reached exits 3, with --json too', async () => {
    const run = await accord('publish', fixture('publish/orders-api.yaml'), '--contract', 'orders-api', '--json');
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'unreachable' } });
  });

  test('--server overrides ACCORD_URL', async () => {
    const run = await runAccord(['ls', '--server', nowhere], { server: 'http://127.0.0.1:9' });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`cannot reach Accord at ${nowhere}`);
  });
});
