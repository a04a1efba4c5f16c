import { and, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { contracts, environments, systems } from '../registry/index.js';
import { InvalidInput } from '../shared/index.js';
import { edgeHealth, type EdgeHealth } from './edge-health.js';
import { meanTimeToRecover } from './mean-time-to-recover.js';
import { readEnvironmentCells, type EnvironmentCell } from './read-environment-cells.js';
import type { SloSettings } from './slo.js';
import { figuresOf, type TrafficFigures } from './summarize-traffic.js';
import { trafficIncidents, trafficSlos } from './traffic.tables.js';

/** One consumer → provider edge of a contract in one environment, as the traffic saw it. */
export interface LiveEdge extends TrafficFigures {
  contract: string;
  kind: 'openapi' | 'asyncapi' | null;
  provider: string;
  consumer: string;
  environment: string;
  /** Whether the consumer's traffic reached the contract in the period. */
  observed: boolean;
  /** The documented operations the consumer called, busiest first. */
  operations: string[];
  lastSeenAt: Date | null;
  /** Open incidents of the contract in the environment that the consumer's traffic breached, or that named nobody. */
  openIncidents: number;
  /** Mean time to recover of the edge's incidents resolved in the period. */
  mttrMs: number | null;
  slo: Pick<SloSettings, 'p95Ms' | 'errorRate'>;
  health: EdgeHealth;
}

export interface LiveEdgeQuery {
  environment: string;
  from: Date;
  to: Date;
  /** Edges the caller knows of (approved subscriptions) that must be answered even without traffic. */
  declared: readonly { contract: string; consumer: string }[];
}

const keyOf = (contract: string, consumer: string) => `${contract}\n${consumer}`;

/**
 * The edges of one environment: every contract × consumer pair whose consumer is a registered
 * system and whose traffic reached the contract in (from, to], and the declared pairs given, each
 * with its figures, incidents, MTTR and health. A fixed number of reads however large the landscape.
 */
export async function liveEdges(db: Db, defaultSlo: SloSettings, { environment, from, to, declared }: LiveEdgeQuery): Promise<LiveEdge[]> {
  const [env] = await db.select({ id: environments.id }).from(environments).where(eq(environments.slug, environment));
  if (!env) throw new InvalidInput(`environment "${environment}" does not exist`, [{ pointer: '/environment', message: 'unknown environment' }], 'unknown-reference');
  const cells = await readEnvironmentCells(db, { environmentId: env.id, from, to });
  const declaredContracts = [...new Set(declared.map((d) => d.contract))];
  const contractRows = await db
    .select({ id: contracts.id, slug: contracts.slug, kind: contracts.kind, provider: systems.slug })
    .from(contracts)
    .innerJoin(systems, eq(systems.id, contracts.systemId))
    .where(or(inArray(contracts.id, [...new Set(cells.map((c) => c.contractId))]), inArray(contracts.slug, declaredContracts)));
  const contractById = new Map(contractRows.map((c) => [c.id, c]));
  const contractBySlug = new Map(contractRows.map((c) => [c.slug, c]));
  const consumerNames = [...new Set(cells.map((c) => c.consumer))];
  const registered = new Set(consumerNames.length === 0 ? [] : (await db.select({ slug: systems.slug }).from(systems).where(inArray(systems.slug, consumerNames))).map((s) => s.slug));

  const groups = new Map<string, EnvironmentCell[]>();
  for (const cell of cells) {
    const contract = contractById.get(cell.contractId);
    if (!contract || !registered.has(cell.consumer)) continue;
    const key = keyOf(contract.slug, cell.consumer);
    const group = groups.get(key);
    if (group) group.push(cell);
    else groups.set(key, [cell]);
  }
  for (const d of declared) if (contractBySlug.has(d.contract) && !groups.has(keyOf(d.contract, d.consumer))) groups.set(keyOf(d.contract, d.consumer), []);
  if (groups.size === 0) return [];

  const ids = contractRows.map((c) => c.id);
  const slos = new Map((await db.select().from(trafficSlos).where(and(eq(trafficSlos.environmentId, env.id), inArray(trafficSlos.contractId, ids)))).map((s) => [s.contractId, s]));
  const incidents = await db
    .select({ contractId: trafficIncidents.contractId, consumers: trafficIncidents.consumers, openedAt: trafficIncidents.openedAt, resolvedAt: trafficIncidents.resolvedAt })
    .from(trafficIncidents)
    .where(and(eq(trafficIncidents.environmentId, env.id), inArray(trafficIncidents.contractId, ids), or(isNull(trafficIncidents.resolvedAt), gte(trafficIncidents.resolvedAt, from))));

  return [...groups].map(([key, group]) => {
    const [slug, consumer] = key.split('\n') as [string, string];
    const contract = contractBySlug.get(slug)!;
    const figures = figuresOf(group);
    const mine = incidents.filter((i) => i.contractId === contract.id);
    const openIncidents = mine.filter((i) => i.resolvedAt === null && (i.consumers.length === 0 || i.consumers.includes(consumer))).length;
    const resolved = mine.filter((i): i is typeof i & { resolvedAt: Date } => i.resolvedAt !== null && i.resolvedAt.getTime() <= to.getTime() && i.consumers.includes(consumer));
    const mttrMs = meanTimeToRecover(resolved.map((i) => ({ ...i, environment })), contract.provider).overall.mttrMs;
    const configured = slos.get(contract.id);
    const slo = { p95Ms: configured?.p95Ms ?? defaultSlo.p95Ms, errorRate: configured?.errorRate ?? defaultSlo.errorRate };
    const calls = new Map<string, number>();
    for (const c of group) if (c.documented) calls.set(c.operation, (calls.get(c.operation) ?? 0) + c.requests);
    return {
      contract: slug,
      kind: contract.kind,
      provider: contract.provider,
      consumer,
      environment,
      ...figures,
      observed: group.length > 0,
      operations: [...calls].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([operation]) => operation),
      lastSeenAt: group.length === 0 ? null : new Date(Math.max(...group.map((c) => c.at.getTime()))),
      openIncidents,
      mttrMs,
      slo,
      health: edgeHealth({ figures, slo, openIncidents }),
    };
  });
}
