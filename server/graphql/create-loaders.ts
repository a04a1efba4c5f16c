import DataLoader from 'dataloader';
import type { Contract, ContractScorecard, PublishedVersion, Registry, System, Team, Version } from '../registry/index.js';
import type { Incident, Traffic } from '../traffic/index.js';

/** Looks each key up in one batch read; a key the read did not answer resolves to null. */
function keyed<K, V>(load: (keys: readonly K[]) => Promise<V[]>, keyOfValue: (value: V) => string, keyOfKey: (key: K) => string = String): DataLoader<K, V | null, string> {
  return new DataLoader<K, V | null, string>(
    async (keys) => {
      const found = new Map((await load(keys)).map((value) => [keyOfValue(value), value]));
      return keys.map((key) => found.get(keyOfKey(key)) ?? null);
    },
    { cacheKeyFn: keyOfKey },
  );
}

/** Groups one batch read's rows by the key they belong to. */
function grouped<V>(load: (keys: readonly string[]) => Promise<V[]>, keyOfValue: (value: V) => string): DataLoader<string, V[]> {
  return new DataLoader<string, V[]>(async (keys) => {
    const groups = new Map<string, V[]>();
    for (const value of await load(keys)) groups.set(keyOfValue(value), [...(groups.get(keyOfValue(value)) ?? []), value]);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * The batching of one GraphQL request: however many contracts a page shows, their systems, teams,
 * latest versions and consumers are each read once, through registry methods made for it.
 */
export function createLoaders(registry: Registry, traffic: Traffic) {
  const incidents = new Map<string, DataLoader<string, Incident[]>>();
  return {
    /** Incidents of the contracts of a page in one read per distinct filter, at most `limit` each. */
    incidents: (filter: { environment?: string; open?: boolean; limit: number }) => {
      const key = JSON.stringify([filter.environment ?? null, filter.open ?? null, filter.limit]);
      let loader = incidents.get(key);
      if (!loader) incidents.set(key, (loader = grouped<Incident>((slugs) => traffic.incidents.ofContracts(slugs, filter), (i) => i.contract)));
      return loader;
    },
    team: keyed<string, Team>((slugs) => registry.teams.getMany(slugs), (t) => t.slug),
    system: keyed<string, System>((slugs) => registry.systems.getMany(slugs), (s) => s.slug),
    contract: keyed<string, Contract>((slugs) => registry.contracts.getMany(slugs), (c) => c.slug),
    publishedVersion: keyed<{ contract: string; version: string }, PublishedVersion>(
      (wanted) => registry.versions.getPublishedMany(wanted),
      (v) => `${v.contract}@${v.version}`,
      (k) => `${k.contract}@${k.version}`,
    ),
    // Documents may be megabytes each: read one at a time, and only when a query asks for them.
    document: new DataLoader<{ contract: string; version: string }, Version, string>((keys) => Promise.all(keys.map((k) => registry.versions.get(k.contract, k.version))), { batch: false, cacheKeyFn: (k) => `${k.contract}@${k.version}` }),
    approvedConsumers: grouped<{ contract: string; system: System }>((slugs) => registry.systems.approvedConsumersOf(slugs), (c) => c.contract),
    scorecard: keyed<string, ContractScorecard>((slugs) => registry.governance.contracts(slugs), (c) => c.contract),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
