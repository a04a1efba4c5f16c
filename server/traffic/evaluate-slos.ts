import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import type { Db } from '../db/index.js';
import { contracts, environments, subscriptions, systems } from '../registry/index.js';
import { newId, type Actor } from '../shared/index.js';
import { readRawCells } from './read-cells.js';
import { SLO_KINDS, type SloKind, type SloSettings } from './slo.js';
import { sloSettingsOf } from './slo-settings-of.js';
import { figuresOf, type TrafficCell, type TrafficFigures } from './summarize-traffic.js';
import type { TrafficDeps } from './traffic-deps.js';
import { trafficIncidents, trafficSloStates } from './traffic.tables.js';

const EVALUATOR: Actor = { kind: 'system', name: 'slo-evaluator' };

export interface Evaluation {
  contractId: string;
  environmentId: string;
  /** The instant evaluated: the objective's window is (at - windowSeconds, at]. */
  at: Date;
  /** Where the traffic evaluated at `at` began; a breach or recovery found now is dated from here (by default, the newest window's end). */
  since?: Date;
}

/** What a breach is for each kind of objective: the value measured and whether it is over the line. */
const MEASURE: Record<SloKind, { value: (f: TrafficFigures) => number | null; threshold: (s: SloSettings) => number }> = {
  latency: { value: (f) => f.p95Ms, threshold: (s) => s.p95Ms },
  errors: { value: (f) => f.errorRate, threshold: (s) => s.errorRate },
};

/**
 * Evaluates a contract's objectives in one environment at one instant and moves their incidents.
 * An incident opens after `openAfter` consecutive breaching evaluations and resolves after
 * `resolveAfter` consecutive healthy ones, each dated from the start of its run, so hysteresis
 * delays the notice, not the recorded times. A window with no traffic is no evidence either way and
 * changes nothing. Each evaluation counts only with traffic newer than the last one counted, so a
 * late window, or a sweep that finds nothing new, never counts the same evidence twice.
 * The state rows are locked for the whole evaluation and the open incident is unique per kind, so
 * instances evaluating the same breach at once open one incident between them.
 */
export async function evaluateSlos(deps: TrafficDeps, { contractId, environmentId, at, since: given }: Evaluation): Promise<void> {
  const { db, clock } = deps;
  await db.transaction(async (tx) => {
    const slo = await sloSettingsOf(tx, deps.defaultSlo, contractId, environmentId);
    await tx
      .insert(trafficSloStates)
      .values(SLO_KINDS.map((kind) => ({ contractId, environmentId, kind })))
      .onConflictDoNothing();
    const states = await tx
      .select()
      .from(trafficSloStates)
      .where(and(eq(trafficSloStates.contractId, contractId), eq(trafficSloStates.environmentId, environmentId)))
      .orderBy(trafficSloStates.kind)
      .for('update');
    const cells = await readRawCells(tx, { contractId, environmentId, from: new Date(at.getTime() - slo.windowSeconds * 1000), to: at });
    const figures = figuresOf(cells);
    if (figures.requests === 0) return;
    const newest = new Date(Math.max(...cells.map((c) => c.at.getTime())));
    const since = given ?? newest;
    for (const state of states) {
      if (state.evaluatedAt && state.evaluatedAt.getTime() >= newest.getTime()) continue;
      const measure = MEASURE[state.kind];
      const value = measure.value(figures)!;
      const threshold = measure.threshold(slo);
      const breached = value > threshold;
      const run = breached ? { breaching: state.breaching + 1, healthy: 0 } : { breaching: 0, healthy: state.healthy + 1 };
      const streakStartedAt = (breached ? state.breaching : state.healthy) === 0 ? since : (state.streakStartedAt ?? since);
      await tx.update(trafficSloStates).set({ ...run, streakStartedAt, evaluatedAt: newest }).where(and(eq(trafficSloStates.contractId, contractId), eq(trafficSloStates.environmentId, environmentId), eq(trafficSloStates.kind, state.kind)));
      const [open] = await tx
        .select()
        .from(trafficIncidents)
        .where(and(eq(trafficIncidents.contractId, contractId), eq(trafficIncidents.environmentId, environmentId), eq(trafficIncidents.kind, state.kind), isNull(trafficIncidents.resolvedAt)));
      if (breached) {
        const consumers = breachingConsumers(cells, state.kind, threshold);
        if (open) {
          await tx
            .update(trafficIncidents)
            .set({ worst: sql`greatest(${trafficIncidents.worst}, ${value})`, consumers: [...new Set([...open.consumers, ...consumers])].sort() })
            .where(eq(trafficIncidents.id, open.id));
        } else if (run.breaching >= slo.openAfter) {
          const id = newId(clock.now().getTime());
          await tx.insert(trafficIncidents).values({ id, contractId, environmentId, kind: state.kind, openedAt: streakStartedAt, threshold, worst: value, consumers });
          await announce(deps, tx, { id, contractId, environmentId, kind: state.kind, openedAt: streakStartedAt, resolvedAt: null, threshold, worst: value, consumers });
        }
      } else if (open && run.healthy >= slo.resolveAfter) {
        // A breach shorter than one evaluation window can look recovered before it began.
        const resolvedAt = new Date(Math.max(streakStartedAt.getTime(), open.openedAt.getTime()));
        await tx.update(trafficIncidents).set({ resolvedAt }).where(eq(trafficIncidents.id, open.id));
        await announce(deps, tx, { ...open, resolvedAt });
      }
    }
  });
}

/** The consumers whose own traffic in the evaluated window breaches the objective. */
function breachingConsumers(cells: readonly TrafficCell[], kind: SloKind, threshold: number): string[] {
  const byConsumer = new Map<string, TrafficCell[]>();
  for (const c of cells) byConsumer.set(c.consumer, [...(byConsumer.get(c.consumer) ?? []), c]);
  return [...byConsumer]
    .filter(([, own]) => {
      const value = MEASURE[kind].value(figuresOf(own));
      return value !== null && value > threshold;
    })
    .map(([consumer]) => consumer)
    .sort();
}

interface IncidentRow {
  id: string;
  contractId: string;
  environmentId: string;
  kind: SloKind;
  openedAt: Date;
  resolvedAt: Date | null;
  threshold: number;
  worst: number;
  consumers: string[];
}

/** The CloudEvent to the contract's owner and approved consumers, and the audit event, in the incident's transaction. */
async function announce(deps: TrafficDeps, tx: Db, incident: IncidentRow): Promise<void> {
  const [names] = await tx
    .select({ contract: contracts.slug, ownerSystemId: contracts.systemId, environment: environments.slug, provider: systems.slug })
    .from(contracts)
    .innerJoin(systems, eq(systems.id, contracts.systemId))
    .innerJoin(environments, eq(environments.id, incident.environmentId))
    .where(eq(contracts.id, incident.contractId));
  if (!names) return;
  const type = incident.resolvedAt ? 'incident.resolved' : 'incident.opened';
  const facts = {
    incidentId: incident.id,
    environment: names.environment,
    kind: incident.kind,
    openedAt: incident.openedAt.toISOString(),
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
    durationMs: incident.resolvedAt ? incident.resolvedAt.getTime() - incident.openedAt.getTime() : null,
    threshold: incident.threshold,
    worst: incident.worst,
  };
  if (deps.emit) {
    const consumers = await tx
      .selectDistinct({ systemId: subscriptions.consumerSystemId })
      .from(subscriptions)
      .where(and(eq(subscriptions.contractId, incident.contractId), eq(subscriptions.status, 'approved')));
    await deps.emit(tx, { type, contractId: incident.contractId, contract: names.contract, ownerSystemId: names.ownerSystemId, ...facts, consumers: consumers.map((c) => ({ systemId: c.systemId })), affectedConsumers: incident.consumers });
  }
  await recordAuditEvent(tx, { actor: EVALUATOR, action: type, targetType: 'contract', targetId: names.contract, summary: { ...facts, consumers: incident.consumers }, at: deps.clock.now() });
}
