import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { NotFound } from '../shared/index.js';
import { contracts } from './registry.tables.js';

/** The id of a contract named by its slug, or `NotFound`. */
export async function contractIdOf(db: Db, slug: string): Promise<string> {
  const [row] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug));
  if (!row) throw new NotFound(`contract "${slug}"`);
  return row.id;
}
