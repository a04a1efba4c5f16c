import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RulesetAssignment } from '../../registry/index.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { runAccord } from '../__fixtures__/run-accord.js';

let server: TestServer;
let scratch: string;
const accord = (...args: string[]) => runAccord(args, { server: server.url });
const rulesetText = `extends: [[spectral:oas, off]]
rules:
  operation-summary-required:
    description: Every operation has a summary.
    severity: warn
    given: $.paths[*][get,put,post,delete,patch]
    then: { field: summary, function: truthy }
`;

beforeAll(async () => {
  server = await startTestServer();
  await server.json('POST', '/api/v1/teams', { slug: 'store-platform', name: 'Store Platform' });
  scratch = await mkdtemp(join(tmpdir(), 'accord-ruleset-'));
  await writeFile(join(scratch, 'retail.yaml'), rulesetText);
  await writeFile(join(scratch, 'broken.yaml'), 'rules: [this is not a ruleset\n');
});
afterAll(async () => {
  await server?.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('accord ruleset', () => {
  test('saves a ruleset file, shows it, lists it and its versions', async () => {
    const saved = await accord('ruleset', 'save', join(scratch, 'retail.yaml'), '--name', 'retail-rules', '--description', 'Retail house rules');
    expect(saved.stderr).toBe('');
    expect(saved.stdout).toBe('saved ruleset retail-rules version 1\n');
    const shown = await accord('ruleset', 'get', 'retail-rules');
    expect(shown.stdout).toBe(rulesetText);
    const listed = await accord('ruleset', 'ls', '--json');
    expect(JSON.parse(listed.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'retail-rules', version: 1, shipped: false })]));
    const versions = await accord('ruleset', 'versions', 'retail-rules');
    expect(versions.stdout).toMatch(/^NAME\s+VERSION\s+SHIPPED/);
    expect(versions.stdout).toMatch(/^retail-rules\s+1\s/m);
  });

  test('assigns a ruleset to a team, lists the assignment and removes it', async () => {
    const assigned = await accord('ruleset', 'assign', 'retail-rules', '--scope', 'team', '--target', 'store-platform', '--json');
    expect(assigned.code).toBe(0);
    const assignment = JSON.parse(assigned.stdout) as RulesetAssignment;
    expect(assignment).toMatchObject({ ruleset: 'retail-rules', scope: 'team', target: 'store-platform', lifecycle: null });
    const listed = await accord('ruleset', 'assignments', '--scope', 'team');
    expect(listed.stdout).toContain(`${assignment.id}  retail-rules  team`);
    const removed = await accord('ruleset', 'unassign', assignment.id);
    expect(removed.stdout).toBe(`no longer assigned: retail-rules to team store-platform (${assignment.id})\n`);
  });

  test('a ruleset that does not load is refused with the problem, exit 1', async () => {
    const run = await accord('ruleset', 'save', join(scratch, 'broken.yaml'), '--name', 'broken', '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { status: 422 } });
    expect(run.stderr).toMatch(/^error: [a-z-]+: /);
  });
});
