import { describe, expect, test } from 'vitest';
import type { ApiKey } from '../../auth/index.js';
import { accordTestRegistry } from '../../test-support/accord-test-registry.js';

const registry = accordTestRegistry({ teams: ['store-platform'] });
const { accord } = registry;

describe('accord key', () => {
  let id: string;

  test('create prints the key alone on stdout, and the key works', async () => {
    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const run = await accord('key', 'create', '--name', 'ci', '--team', 'store-platform', '--scope', 'contracts:read', '--expires', expires);
    expect(run.code, run.stderr).toBe(0);
    const key = run.stdout.trim();
    expect(run.stdout).toBe(`${key}\n`);
    expect(run.stderr).toMatch(new RegExp(`^created API key (\\S+) "ci" for team store-platform with contracts:read, expiring ${expires}; the key is shown this once`));
    id = /^created API key (\S+)/.exec(run.stderr)![1]!;
    const me = await registry.server.json<{ kind: string }>('GET', '/api/v1/me', undefined, { token: key });
    expect(me.status).toBe(200);
  });

  test('ls lists the team’s keys, and revoke revokes one', async () => {
    const listed = await accord('key', 'ls', '--team', 'store-platform');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^ID\s+NAME\s+PREFIX\s+SCOPES/);
    expect(listed.stdout).toContain(id);
    const revoked = await accord('key', 'revoke', id, '--json');
    expect(revoked.code).toBe(0);
    expect((JSON.parse(revoked.stdout) as ApiKey).revokedAt).not.toBeNull();
  });

  test('a scope the server does not know is refused with the problem, exit 1', async () => {
    const run = await accord('key', 'create', '--name', 'ci', '--team', 'store-platform', '--scope', 'everything', '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { status: 422, errors: [expect.objectContaining({ pointer: '/scopes/0' })] } });
    expect(run.stderr).toMatch(/^error: [a-z-]+: /);
  });
});
