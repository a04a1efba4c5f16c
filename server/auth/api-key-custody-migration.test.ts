import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/index.js';
import { packageRoot } from '../shared/index.js';
import { selectApiKeys } from './select-api-keys.js';

const migrations = join(packageRoot(), 'migrations');
const TEAM = '018f0000-0000-7000-8000-000000000001';
const key = (n: number) => `018f0000-0000-7000-8000-00000000010${n}`;

describe('the migration that gives API keys a custodian', () => {
  let client: PGlite;
  let dir: string;
  let db: Db;

  beforeAll(async () => {
    // The database as it was before custody: the migrations up to the one before it.
    dir = await mkdtemp(join(tmpdir(), 'accord-custody-'));
    await cp(migrations, dir, { recursive: true });
    const journalPath = join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const custody = journal.entries.findIndex((e) => e.tag.endsWith('_api_key_custody'));
    await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, custody) }));
    client = new PGlite();
    db = drizzle(client) as unknown as Db;
    await migrate(drizzle(client), { migrationsFolder: dir });

    await db.execute(sql`insert into users (id, name, email, role, created_at, updated_at) values ('maya', 'Maya', 'maya@example.com', 'user', now(), now()), ('lou', 'Lou', 'lou@example.com', 'user', now(), now())`);
    await db.execute(sql`insert into teams (id, slug, name, created_at, updated_at) values (${TEAM}, 'orders', 'Orders', now(), now())`);
    await db.execute(sql`insert into team_memberships (team_id, user_id, role, created_at, created_by) values (${TEAM}, 'maya', 'maintainer', now(), 'system:test'), (${TEAM}, 'lou', 'member', now(), 'system:test')`);
    const insertKey = (n: number, teamId: string | null, createdBy: string) =>
      db.execute(sql`insert into api_keys (id, name, team_id, prefix, hash, scopes, created_by, created_at) values (${key(n)}, ${`key ${n}`}, ${teamId}, 'acc_x', ${`hash-${n}`}, array['contracts:publish'], ${createdBy}, now())`);
    await insertKey(1, TEAM, 'user:maya');
    await insertKey(2, null, 'system:bootstrap');
    await insertKey(3, TEAM, `api-key:${key(1)}`);
    await insertKey(4, TEAM, `api-key:${key(2)}`);
    // Made by someone who has since become a member: the key was already outliving its maker.
    await insertKey(5, TEAM, 'user:lou');

    await migrate(drizzle(client), { migrationsFolder: migrations });
  });
  afterAll(async () => {
    await client?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('makes each existing key the charge of its creator, or of its creating key’s custodian', async () => {
    const rows = await selectApiKeys(db).orderBy(sql`id`);
    expect(rows.map((r) => [r.name, r.custodianId, r.suspension])).toEqual([
      ['key 1', 'maya', null],
      ['key 2', null, null],
      ['key 3', 'maya', null],
      ['key 4', null, null],
      ['key 5', 'lou', 'custodian-not-maintainer'],
    ]);
  });
});
