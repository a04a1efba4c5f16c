import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import { contracts, environments } from '../registry/index.js';
import { InvalidInput, nameActor, type Actor, type TrafficWindow } from '../shared/index.js';
import { evaluateSlos } from './evaluate-slos.js';
import { grafanaDashboard } from './grafana-dashboard.js';
import { ingestWindows, type IngestedWindow } from './ingest-windows.js';
import { liveEdges, type LiveEdge } from './live-edges.js';
import { meanTimeToRecover, type MeanTimeToRecover } from './mean-time-to-recover.js';
import { prometheusRules } from './prometheus-rules.js';
import { pruneTraffic } from './prune-traffic.js';
import { queryTraffic, type TrafficReport } from './query-traffic.js';
import { resolveContract, resolveScope, type Scope } from './resolve-scope.js';
import { rollUpTraffic } from './roll-up-traffic.js';
import type { Slo, SloKind, SloSettings } from './slo.js';
import { sloSettingsOf } from './slo-settings-of.js';
import type { TrafficDeps } from './traffic-deps.js';
import { trafficIncidents, trafficSloStates, trafficSlos } from './traffic.tables.js';

export interface Incident {
  id: string;
  contract: string;
  environment: string;
  kind: SloKind;
  openedAt: Date;
  resolvedAt: Date | null;
  durationMs: number | null;
  threshold: number;
  worst: number;
  consumers: string[];
}

export interface IncidentFilter {
  contract?: string;
  environment?: string;
  open?: boolean;
  limit?: number;
}

const DAY_MS = 86_400_000;

/** The traffic services over one database; the edges only ever call these. */
export function createTraffic(deps: TrafficDeps) {
  const { db, clock, access, defaultSlo, retentionDays } = deps;

  const sloOf = async (scope: Scope): Promise<Slo> => {
    const { configured, ...settings } = await sloSettingsOf(db, defaultSlo, scope.contractId, scope.environmentId);
    return { contract: scope.contract, environment: scope.environment, ...settings, source: configured ? 'configured' : 'default', updatedAt: configured?.updatedAt ?? null, updatedBy: configured?.updatedBy ?? null };
  };

  const incidentColumns = {
    id: trafficIncidents.id,
    contract: contracts.slug,
    environment: environments.slug,
    kind: trafficIncidents.kind,
    openedAt: trafficIncidents.openedAt,
    resolvedAt: trafficIncidents.resolvedAt,
    threshold: trafficIncidents.threshold,
    worst: trafficIncidents.worst,
    consumers: trafficIncidents.consumers,
  };
  const selectIncidents = (where: SQL | undefined, limit: number) =>
    db
      .select(incidentColumns)
      .from(trafficIncidents)
      .innerJoin(contracts, eq(contracts.id, trafficIncidents.contractId))
      .innerJoin(environments, eq(environments.id, trafficIncidents.environmentId))
      .where(where)
      .orderBy(desc(trafficIncidents.openedAt))
      .limit(limit)
      .then((rows) => rows.map((r): Incident => ({ ...r, durationMs: r.resolvedAt ? r.resolvedAt.getTime() - r.openedAt.getTime() : null })));

  /** Whether every objective of the window's contract and environment was evaluated at or after `sinceMs`. */
  const evaluatedSince = async (r: IngestedWindow, sinceMs: number): Promise<boolean> => {
    const states = await db
      .select({ evaluatedAt: trafficSloStates.evaluatedAt })
      .from(trafficSloStates)
      .where(and(eq(trafficSloStates.contractId, r.contractId), eq(trafficSloStates.environmentId, r.environmentId)));
    return states.length > 0 && states.every((s) => s.evaluatedAt !== null && s.evaluatedAt.getTime() >= sinceMs);
  };

  return {
    /**
     * Stores reported windows (all or none) and, once they are committed, evaluates the objectives
     * of each contract and environment they brought news of, at the end of its newest new window.
     */
    async ingest(
      windows: readonly TrafficWindow[],
      actor: Actor,
      pointerOf: (index: number) => string = (i) => `/windows/${i}`,
      {
        /**
         * Skip evaluating an objective evaluated less than this long (in traffic time) before the
         * newest window's end. For senders of many small windows (OTLP: one per batch, many a
         * second): each evaluation reads every cell of the objective's window, and hysteresis
         * counts evaluations, so evaluating per batch would cost quadratically and let two batches
         * a millisecond apart open an incident. A skipped window is still read by the next one.
         */
        minEvaluationIntervalMs = 0,
      }: { minEvaluationIntervalMs?: number } = {},
    ): Promise<IngestedWindow[]> {
      const results = await ingestWindows(deps, windows, actor, pointerOf);
      const newest = new Map<string, IngestedWindow>();
      for (const r of results.filter((r) => r.status === 'accepted')) {
        const key = `${r.contractId}/${r.environmentId}`;
        if ((newest.get(key)?.endedAt.getTime() ?? -Infinity) < r.endedAt.getTime()) newest.set(key, r);
      }
      for (const r of newest.values()) {
        if (minEvaluationIntervalMs > 0 && (await evaluatedSince(r, r.endedAt.getTime() - minEvaluationIntervalMs))) continue;
        await evaluateSlos(deps, { contractId: r.contractId, environmentId: r.environmentId, at: r.endedAt, since: r.startedAt });
      }
      return results;
    },

    /** A contract's traffic in one environment over (from, to]: the last hour when not given. */
    async report(contract: string, environment: string, range: { from?: Date | undefined; to?: Date | undefined }): Promise<TrafficReport> {
      const scope = await resolveScope(db, contract, environment);
      const to = range.to ?? clock.now();
      const from = range.from ?? new Date(to.getTime() - 3_600_000);
      if (from.getTime() >= to.getTime()) throw new InvalidInput('from must be before to', [{ pointer: '/from', message: 'not before to' }]);
      return queryTraffic(db, scope, { from, to, retentionDays });
    },

    slos: {
      async get(contract: string, environment: string): Promise<Slo> {
        return sloOf(await resolveScope(db, contract, environment));
      },

      /** Sets a contract's objective in one environment; fields left out keep their current (or default) value. */
      async set(contract: string, environment: string, patch: Partial<SloSettings>, actor: Actor): Promise<Slo> {
        const scope = await resolveScope(db, contract, environment);
        await db.transaction(async (tx) => {
          await access.assert(tx, actor, 'contract.manage', scope.teamId);
          const { configured: _configured, ...current } = await sloSettingsOf(tx, defaultSlo, scope.contractId, scope.environmentId);
          const next = { ...current, ...patch };
          const now = clock.now();
          const row = { ...next, updatedAt: now, updatedBy: nameActor(actor) };
          await tx
            .insert(trafficSlos)
            .values({ contractId: scope.contractId, environmentId: scope.environmentId, ...row })
            .onConflictDoUpdate({ target: [trafficSlos.contractId, trafficSlos.environmentId], set: row });
          // A new objective starts its runs afresh: streaks counted against the old one mean nothing now.
          await tx.update(trafficSloStates).set({ breaching: 0, healthy: 0, streakStartedAt: null }).where(and(eq(trafficSloStates.contractId, scope.contractId), eq(trafficSloStates.environmentId, scope.environmentId)));
          await recordAuditEvent(tx, { actor, action: 'slo.set', targetType: 'contract', targetId: contract, summary: { environment, ...next }, at: now });
        });
        return sloOf(scope);
      },

      async prometheusRules(contract: string, environment: string): Promise<string> {
        return prometheusRules({ contract, environment, slo: await sloOf(await resolveScope(db, contract, environment)) });
      },

      async grafanaDashboard(contract: string, environment: string): Promise<Record<string, unknown>> {
        return grafanaDashboard({ contract, environment, slo: await sloOf(await resolveScope(db, contract, environment)) });
      },
    },

    incidents: {
      /** The newest incidents of several contracts in one read, at most `limit` each: what a page of contracts shows. */
      async ofContracts(slugs: readonly string[], { environment, open, limit = 20 }: Omit<IncidentFilter, 'contract'> = {}): Promise<Incident[]> {
        if (slugs.length === 0) return [];
        const rows = await selectIncidents(
          and(
            inArray(contracts.slug, [...slugs]),
            environment === undefined ? undefined : eq(environments.slug, environment),
            open === undefined ? undefined : open ? isNull(trafficIncidents.resolvedAt) : isNotNull(trafficIncidents.resolvedAt),
          ),
          limit * slugs.length,
        );
        const taken = new Map<string, number>();
        return rows.filter((r) => {
          const n = taken.get(r.contract) ?? 0;
          taken.set(r.contract, n + 1);
          return n < limit;
        });
      },

      async list({ contract, environment, open, limit = 100 }: IncidentFilter = {}): Promise<Incident[]> {
        return selectIncidents(
          and(
            contract === undefined ? undefined : eq(contracts.slug, contract),
            environment === undefined ? undefined : eq(environments.slug, environment),
            open === undefined ? undefined : open ? isNull(trafficIncidents.resolvedAt) : isNotNull(trafficIncidents.resolvedAt),
          ),
          limit,
        );
      },
    },

    /**
     * The consumer → provider edges of one environment over the last `days` (to `to`, now when not
     * given): those the traffic shows and the declared ones asked for, with figures and health.
     */
    async liveEdges({ environment, days = 7, to, declared = [] }: { environment: string; days?: number; to?: Date; declared?: readonly { contract: string; consumer: string }[] }): Promise<LiveEdge[]> {
      const end = to ?? clock.now();
      return liveEdges(db, defaultSlo, { environment, from: new Date(end.getTime() - days * DAY_MS), to: end, declared });
    },

    /** MTTR of the incidents resolved in [from, to] (the last 30 days when not given), optionally in one environment. */
    async meanTimeToRecover(contract: string, { environment, from, to }: { environment?: string | undefined; from?: Date | undefined; to?: Date | undefined }): Promise<MeanTimeToRecover & { contract: string; from: Date; to: Date }> {
      const found = await resolveContract(db, contract);
      const end = to ?? clock.now();
      const start = from ?? new Date(end.getTime() - 30 * DAY_MS);
      const rows = await db
        .select({ environment: environments.slug, consumers: trafficIncidents.consumers, openedAt: trafficIncidents.openedAt, resolvedAt: trafficIncidents.resolvedAt })
        .from(trafficIncidents)
        .innerJoin(environments, eq(environments.id, trafficIncidents.environmentId))
        .where(and(eq(trafficIncidents.contractId, found.contractId), environment === undefined ? undefined : eq(environments.slug, environment), gte(trafficIncidents.resolvedAt, start), lte(trafficIncidents.resolvedAt, end)));
      return { contract, from: start, to: end, ...meanTimeToRecover(rows.map((r) => ({ ...r, resolvedAt: r.resolvedAt! })), found.provider) };
    },

    /**
     * The periodic work: evaluates at `now` every objective with an open incident or a breaching
     * run, which counts only traffic no evaluation has counted yet (a window whose own evaluation
     * failed or lost a race), rolls up ended hours and prunes raw windows past the retention.
     * Safe on several instances at once.
     */
    async sweep({ signal }: { signal?: AbortSignal } = {}): Promise<{ evaluated: number; rolledUp: number; pruned: number }> {
      const now = clock.now();
      const active = await db
        .selectDistinct({ contractId: trafficSloStates.contractId, environmentId: trafficSloStates.environmentId })
        .from(trafficSloStates)
        .where(sql`${trafficSloStates.breaching} > 0 or exists (select 1 from ${trafficIncidents} where ${trafficIncidents.contractId} = ${trafficSloStates.contractId} and ${trafficIncidents.environmentId} = ${trafficSloStates.environmentId} and ${trafficIncidents.resolvedAt} is null)`);
      for (const a of active) {
        if (signal?.aborted) break;
        await evaluateSlos(deps, { ...a, at: now });
      }
      const rolledUp = await rollUpTraffic({ db, clock });
      const pruned = await pruneTraffic({ db, clock, retentionDays, ...(signal && { signal }) });
      return { evaluated: active.length, rolledUp, pruned };
    },
  };
}

export type Traffic = ReturnType<typeof createTraffic>;
