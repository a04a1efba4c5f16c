import semver from 'semver';

/**
 * The one subscription through which a version concerns each consumer. A consumer may hold
 * several (`^1` and `^2` while it migrates), whose ranges never overlap: the one whose range
 * admits the version, or, when none does or no version is named, the one furthest along (the
 * highest lowest admitted version), the one the consumer would move on from. So every consumer is
 * named once, with the operations of the subscription that matters.
 */
export function concernedSubscriptions<S extends { consumerSystemId: string; range: string }>(approved: readonly S[], version: string | undefined): S[] {
  const byConsumer = new Map<string, S[]>();
  for (const subscription of approved) byConsumer.set(subscription.consumerSystemId, [...(byConsumer.get(subscription.consumerSystemId) ?? []), subscription]);
  return [...byConsumer.values()].map((held) => {
    const admitting = version === undefined ? undefined : held.find((s) => semver.satisfies(version, s.range, { includePrerelease: true }));
    return admitting ?? held.reduce((a, b) => (semver.gt(lowest(b.range), lowest(a.range)) ? b : a));
  });
}

const lowest = (range: string) => semver.minVersion(range)?.version ?? '0.0.0';
