import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import type { OperationDeprecation } from './registry-types.js';
import { operationDeprecations } from './registry.tables.js';

/** The operations of a contract deprecated through the registry, by key. */
export function operationDeprecationsOf(db: Db, contractId: string): Promise<OperationDeprecation[]> {
  return db
    .select({ operation: operationDeprecations.operation, sunsetAt: operationDeprecations.sunsetAt, note: operationDeprecations.note, createdAt: operationDeprecations.createdAt, createdBy: operationDeprecations.createdBy })
    .from(operationDeprecations)
    .where(eq(operationDeprecations.contractId, contractId))
    .orderBy(asc(operationDeprecations.operation));
}
