import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import type { UsageGating } from './registry-types.js';
import { contracts, usageExclusions } from './registry.tables.js';

export interface UsageExclusion {
  consumer: string;
  reason: string;
  createdAt: Date;
  createdBy: string;
}

/** How a contract weighs its consumers' use: the gating mode, the look-back and threshold, who does not count. */
export interface UsageSettings {
  contract: string;
  gating: UsageGating;
  days: number;
  threshold: number;
  exclusions: UsageExclusion[];
}

export async function usageSettingsOf(db: Db, contractId: string): Promise<UsageSettings> {
  const [row] = await db.select({ contract: contracts.slug, gating: contracts.usageGating, days: contracts.usageDays, threshold: contracts.usageThreshold }).from(contracts).where(eq(contracts.id, contractId));
  const exclusions = await db
    .select({ consumer: usageExclusions.consumer, reason: usageExclusions.reason, createdAt: usageExclusions.createdAt, createdBy: usageExclusions.createdBy })
    .from(usageExclusions)
    .where(eq(usageExclusions.contractId, contractId))
    .orderBy(asc(usageExclusions.consumer));
  return { ...row!, exclusions };
}
