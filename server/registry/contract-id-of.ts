import { eq } from 'drizzle-orm';
import { tables, type Db } from '../db/index.js';
import { NotFound } from '../shared/index.js';

/** The id of a contract named by its slug, or `NotFound`. */
export async function contractIdOf(db: Db, slug: string): Promise<string> {
  const [row] = await db.select({ id: tables.contracts.id }).from(tables.contracts).where(eq(tables.contracts.slug, slug));
  if (!row) throw new NotFound(`contract "${slug}"`);
  return row.id;
}
