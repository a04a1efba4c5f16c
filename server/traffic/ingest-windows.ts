import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { contracts, environments, systems, versions } from '../registry/index.js';
import { Conflict, InvalidInput, mergeLatencySketches, newId, operationMatchKey, type Actor, type TrafficWindow } from '../shared/index.js';
import type { TrafficDeps } from './traffic-deps.js';
import { trafficCells, trafficPendingHours, trafficWindows } from './traffic.tables.js';

export type WindowStatus = 'accepted' | 'duplicate';

export interface IngestedWindow {
  id: string;
  status: WindowStatus;
  contractId: string;
  environmentId: string;
  startedAt: Date;
  endedAt: Date;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
export const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);

/**
 * Stores windows in one transaction. A window id seen before with the same content is a duplicate
 * and counts nothing; with other content it is a conflict, since two reporters would otherwise be
 * silently merged or dropped. Operations the version does not know are kept as undocumented traffic.
 */
export async function ingestWindows({ db, clock, access, retentionDays }: TrafficDeps, windows: readonly TrafficWindow[], actor: Actor, pointerOf: (index: number) => string): Promise<IngestedWindow[]> {
  const now = clock.now();
  const oldest = now.getTime() - retentionDays * DAY_MS;
  windows.forEach((w, i) => {
    if (Date.parse(w.endedAt) < oldest) throw new InvalidInput(`window ${w.id} ended before the ${retentionDays}-day retention of traffic data`, [{ pointer: `${pointerOf(i)}/endedAt`, message: 'older than the retention' }], 'window-expired');
  });
  return db.transaction(async (tx) => {
    const targets = new Map<string, Target>();
    const results: IngestedWindow[] = [];
    for (const [i, window] of windows.entries()) {
      const key = `${window.contract}\n${window.environment}\n${window.version}`;
      let target = targets.get(key);
      if (!target) {
        target = await targetOf(tx, window, pointerOf(i));
        await access.assert(tx, actor, 'traffic.write', target.teamId);
        targets.set(key, target);
      }
      results.push(await storeWindow(tx, window, target, now, pointerOf(i)));
    }
    return results;
  });
}

interface Target {
  contractId: string;
  environmentId: string;
  teamId: string;
  /** The version's operations by match key, so `get /orders/{orderId}` finds `GET /orders/{id}`. */
  operations: Map<string, string>;
}

async function targetOf(tx: Db, window: TrafficWindow, pointer: string): Promise<Target> {
  const [contract] = await tx.select({ id: contracts.id, teamId: systems.teamId }).from(contracts).innerJoin(systems, eq(systems.id, contracts.systemId)).where(eq(contracts.slug, window.contract));
  if (!contract) throw new InvalidInput(`contract "${window.contract}" does not exist`, [{ pointer: `${pointer}/contract`, message: 'unknown contract' }], 'unknown-reference');
  const [environment] = await tx.select({ id: environments.id }).from(environments).where(eq(environments.slug, window.environment));
  if (!environment) throw new InvalidInput(`environment "${window.environment}" does not exist`, [{ pointer: `${pointer}/environment`, message: 'unknown environment' }], 'unknown-reference');
  const [version] = await tx.select({ operations: versions.operations }).from(versions).where(and(eq(versions.contractId, contract.id), eq(versions.version, window.version)));
  if (!version) throw new InvalidInput(`version ${window.version} of "${window.contract}" is not published`, [{ pointer: `${pointer}/version`, message: 'not published' }], 'unknown-reference');
  const operations = new Map((version.operations as { key: string }[]).map((o) => [operationMatchKey(o.key), o.key]));
  return { contractId: contract.id, environmentId: environment.id, teamId: contract.teamId, operations };
}

async function storeWindow(tx: Db, window: TrafficWindow, target: Target, now: Date, pointer: string): Promise<IngestedWindow> {
  const contentHash = createHash('sha256').update(JSON.stringify(window)).digest('hex');
  const startedAt = new Date(window.startedAt);
  const endedAt = new Date(window.endedAt);
  const base = { contractId: target.contractId, environmentId: target.environmentId, startedAt, endedAt };
  const id = newId(now.getTime());
  const [inserted] = await tx
    .insert(trafficWindows)
    .values({ id, windowId: window.id, contentHash, ...base, version: window.version, source: window.source, reporter: window.reporter, receivedAt: now, violations: window.violations, undocumented: window.undocumented })
    .onConflictDoNothing({ target: trafficWindows.windowId })
    .returning({ id: trafficWindows.id });
  if (!inserted) {
    const [existing] = await tx.select({ contentHash: trafficWindows.contentHash }).from(trafficWindows).where(eq(trafficWindows.windowId, window.id));
    if (existing?.contentHash !== contentHash) {
      throw new Conflict('traffic-window-conflict', `window ${window.id} was received before with other content; a reporter must give each window its own id`, [{ pointer: `${pointer}/id`, message: 'already received with other content' }]);
    }
    return { id: window.id, status: 'duplicate', ...base };
  }
  const cells = cellsOf(window, target);
  if (cells.length > 0) await tx.insert(trafficCells).values(cells.map((c) => ({ ...c, windowId: id, contractId: target.contractId, environmentId: target.environmentId, endedAt })));
  await tx.insert(trafficPendingHours).values({ contractId: target.contractId, environmentId: target.environmentId, hour: hourOf(endedAt) }).onConflictDoNothing();
  return { id: window.id, status: 'accepted', ...base };
}

type Cell = Required<Omit<typeof trafficCells.$inferInsert, 'windowId' | 'contractId' | 'environmentId' | 'endedAt'>>;

/** One cell per operation × consumer; repeats in a window add up, so the primary key holds. */
function cellsOf(window: TrafficWindow, target: Target): Cell[] {
  const cells = new Map<string, Cell>();
  const cell = (operation: string, consumer: string, documented: boolean) => {
    const key = `${documented}\n${operation}\n${consumer}`;
    let found = cells.get(key);
    if (!found) cells.set(key, (found = { operation, consumer, documented, requests: 0, errors: 0, violations: 0, undocumented: 0, messagesSeen: 0, messagesValidated: 0, messagesDropped: 0, latency: [], latencySumMs: 0 }));
    return found;
  };
  for (const o of window.operations) {
    const known = target.operations.get(operationMatchKey(o.operation));
    const c = cell(known ?? o.operation, o.consumer, known !== undefined);
    c.requests += o.requests;
    c.errors += (o.status['5xx'] ?? 0) + o.transportErrors;
    c.violations += o.violations;
    if (known === undefined) c.undocumented += o.requests;
    c.messagesSeen += o.messages?.seen ?? 0;
    c.messagesValidated += o.messages?.validated ?? 0;
    c.messagesDropped += o.messages?.dropped ?? 0;
    c.latency = mergeLatencySketches([c.latency, o.latency]);
    c.latencySumMs += o.latencySumMs;
  }
  for (const u of window.undocumented) cell(u.request, u.consumer, false).undocumented += u.count;
  return [...cells.values()];
}
