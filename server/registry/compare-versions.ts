import { reportedFinding, verdictOf, type ReportedFinding, type Verdict, type VerdictReport } from '../compat/index.js';
import { InvalidInput } from '../shared/index.js';
import type { ChangelogFinding, Changelog } from './changelog.js';
import type { Contracts } from './contracts.js';
import type { RegistryDeps } from './registry-types.js';
import type { Versions } from './versions.js';

/** What changed between two published versions of one contract, as existing clients of `from` see it. */
export interface Comparison extends VerdictReport {
  contract: string;
  from: string;
  to: string;
  /** `stored`: `to` was published right after `from`, and these are the findings it was published with. */
  source: 'stored' | 'fresh';
  findings: ReportedFinding[];
  verdict: Verdict;
}

// A comparison gates nothing: its verdict judges the change itself, whatever excused it at publish.
const verdictOfChange = (findings: readonly ReportedFinding[]) => verdictOf(findings.map(({ level }) => ({ level })));

/**
 * Compares two published versions. When `to` was checked against `from` on publish, the stored
 * findings answer (they are what the publish was judged by); any other pair is checked afresh,
 * backward, under the contract's rule levels, without waivers: a comparison gates nothing.
 */
export function createComparisons({ checker, contracts, versions, changelog }: Pick<RegistryDeps, 'checker'> & { contracts: Contracts; versions: Versions; changelog: Changelog }) {
  return {
    async compare(contract: string, from: string, to: string): Promise<Comparison> {
      if (from === to) throw new InvalidInput(`from and to are both ${from}; compare two different versions`, [{ pointer: '/to', message: 'same as from' }]);
      const entry = await changelog.entry(contract, to);
      if (entry.previous === from) {
        const findings: ChangelogFinding[] = [...entry.breaking, ...entry.deprecations, ...entry.changes, ...entry.additions];
        return { contract, from, to: entry.version, source: 'stored', findings, ...verdictOfChange(findings) };
      }
      const [{ ruleLevels }, base, head] = await Promise.all([contracts.get(contract), versions.get(contract, from), versions.get(contract, entry.version)]);
      const check = await checker.check({ candidateJson: JSON.stringify(head.document), version: head.version, published: [{ version: base.version, json: JSON.stringify(base.document) }], mode: 'BACKWARD', levels: ruleLevels }, { caller: `compare:${contract}` });
      const findings = check.findings.filter((f) => f.source === 'compatibility').map((f) => reportedFinding(f) as ReportedFinding);
      return { contract, from: base.version, to: head.version, source: 'fresh', findings, ...verdictOfChange(findings) };
    },
  };
}

export type Comparisons = ReturnType<typeof createComparisons>;
