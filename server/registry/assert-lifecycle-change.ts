import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { Conflict, InvalidInput } from '../shared/index.js';
import type { Lifecycle } from './registry-types.js';
import { subscriptions } from './registry.tables.js';

export interface LifecycleChange {
  contract: { id: string; slug: string; lifecycle: Lifecycle; sunsetAt: Date | null };
  to: Lifecycle;
  now: Date;
}

/** Setting `deprecated` directly would skip the sunset and the consumers' notice. */
export function deprecateThroughRegistry(slug: string): InvalidInput {
  return new InvalidInput(`a contract is deprecated with a sunset date: POST /api/v1/contracts/${slug}/deprecate {"sunsetAt": …} (accord deprecate ${slug} --sunset <date>), which also tells its consumers`, [
    { pointer: '/lifecycle', message: 'use POST /api/v1/contracts/{contract}/deprecate to deprecate' },
  ]);
}

/**
 * The lifecycle changes an update may make. A sunset is a promise to consumers, so whatever route a
 * change takes:
 * - `deprecated` is entered only through the deprecate operation, which sets the sunset and notifies;
 * - a contract with an announced sunset leaves `deprecated` only by retiring, and not before the
 *   sunset (moving it later is another deprecation, never an un-deprecation);
 * - without a sunset, a contract is retired directly only while nobody holds an approved
 *   subscription; otherwise it is deprecated first;
 * - `retired` is final.
 * Staying at the same stage is no change and always allowed.
 */
export async function assertLifecycleChange(tx: Db, { contract, to, now }: LifecycleChange): Promise<void> {
  const { slug, lifecycle: from, sunsetAt } = contract;
  if (to === from) return;
  const refuse = (message: string) => new Conflict('invalid-transition', message, [{ pointer: '/lifecycle', message: `cannot move from ${from} to ${to}` }]);
  if (from === 'retired') throw refuse(`contract "${slug}" is retired; a retired contract cannot return to ${to}`);
  if (to === 'deprecated') throw deprecateThroughRegistry(slug);
  const sunset = sunsetAt?.toISOString();
  if (to === 'retired') {
    if (sunsetAt !== null && sunsetAt.getTime() > now.getTime()) {
      throw refuse(`contract "${slug}" was announced to stay until its sunset on ${sunset}; it can be retired from then on`);
    }
    if (sunsetAt === null && (await approvedSubscriptions(tx, contract.id)) > 0) {
      throw refuse(`contract "${slug}" has approved subscriptions; deprecate it with a sunset first (POST /contracts/${slug}/deprecate), and retire it once the sunset has passed`);
    }
    return;
  }
  if (from === 'deprecated' && sunsetAt !== null) {
    throw refuse(`contract "${slug}" is deprecated with a sunset on ${sunset} announced to its consumers; it can only be retired, or deprecated again with a later sunset`);
  }
}

async function approvedSubscriptions(tx: Db, contractId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(subscriptions)
    .where(and(eq(subscriptions.contractId, contractId), eq(subscriptions.status, 'approved')));
  return row?.n ?? 0;
}
