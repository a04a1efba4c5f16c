/** An incident as MTTR sees it: where it happened, whom it hit, and how long it lasted. */
export interface RecoveredIncident {
  environment: string;
  /** The consumers whose own traffic breached the objective; an incident nobody in particular saw counts for the contract only. */
  consumers: readonly string[];
  openedAt: Date;
  resolvedAt: Date;
}

export interface Recovery {
  incidents: number;
  /** Mean duration from breach to recovery; null without resolved incidents. */
  mttrMs: number | null;
  totalMs: number;
}

export interface MeanTimeToRecover {
  overall: Recovery;
  environments: (Recovery & { environment: string })[];
  /** Per consumer → provider edge in each environment. */
  edges: (Recovery & { environment: string; consumer: string; provider: string })[];
}

/** MTTR is the mean of resolved incidents' durations, over the contract, each environment and each consumer → provider edge. */
export function meanTimeToRecover(incidents: readonly RecoveredIncident[], provider: string): MeanTimeToRecover {
  const recovery = (group: readonly RecoveredIncident[]): Recovery => {
    const totalMs = group.reduce((sum, i) => sum + (i.resolvedAt.getTime() - i.openedAt.getTime()), 0);
    return { incidents: group.length, mttrMs: group.length === 0 ? null : totalMs / group.length, totalMs };
  };
  const environments = [...new Set(incidents.map((i) => i.environment))].sort();
  const edges = environments.flatMap((environment) => {
    const here = incidents.filter((i) => i.environment === environment);
    return [...new Set(here.flatMap((i) => i.consumers))].sort().map((consumer) => ({ environment, consumer, provider, ...recovery(here.filter((i) => i.consumers.includes(consumer))) }));
  });
  return { overall: recovery(incidents), environments: environments.map((environment) => ({ environment, ...recovery(incidents.filter((i) => i.environment === environment)) })), edges };
}
