import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, uniquely named database on the PostgreSQL server behind `adminUrl`, so a benchmark never
 * touches anyone's data and leaves nothing behind: `drop()` forces out lingering connections.
 */
export async function createBenchDatabase({ adminUrl, connectTimeoutMs = 3000 }: { adminUrl: string; connectTimeoutMs?: number }): Promise<BenchDatabase> {
  const name = `accord_bench_${randomBytes(6).toString('hex')}`;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: connectTimeoutMs });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  await admin((c) => c.query(`create database "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = () =>
    admin(async (c) => {
      // pg's Pool.end() resolves before its sockets have closed, and a connection terminated by
      // `with (force)` while closing raises an 'error' no one listens to any more: wait for them first.
      for (let waited = 0; waited < 5000; waited += 50) {
        const { rows } = await c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await c.query(`drop database if exists "${name}" with (force)`);
    });
  return { url: url.toString(), drop };
}
