import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import type { SloSettings } from './slo.js';
import { trafficSlos } from './traffic.tables.js';

/** The objective of a contract in an environment: its own, or the installation default. */
export async function sloSettingsOf(db: Db, defaults: SloSettings, contractId: string, environmentId: string): Promise<SloSettings & { configured: typeof trafficSlos.$inferSelect | undefined }> {
  const [row] = await db.select().from(trafficSlos).where(and(eq(trafficSlos.contractId, contractId), eq(trafficSlos.environmentId, environmentId)));
  if (!row) return { ...defaults, configured: undefined };
  return { p95Ms: row.p95Ms, errorRate: row.errorRate, windowSeconds: row.windowSeconds, openAfter: row.openAfter, resolveAfter: row.resolveAfter, configured: row };
}
