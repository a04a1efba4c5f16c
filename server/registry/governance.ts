import { and, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { LintRuleset } from '../lint/index.js';
import { policyEngine } from './policy-engine.js';
import { InvalidInput, NotFound } from '../shared/index.js';
import { latestVersionRowOf } from './contracts.js';
import type { RegistryDeps } from './registry-types.js';
import type { Rulesets } from './rulesets.js';
import { contracts, systems, teams, versions, waivers } from './registry.tables.js';

/** How soon an expiry counts as "expiring soon" on a scorecard. */
export const EXPIRING_SOON_DAYS = 14;
const DAY_MS = 86_400_000;

/** Where one contract stands against its policy ruleset, as of its latest version. */
export interface ContractScorecard {
  contract: string;
  team: string;
  domain: string;
  lifecycle: string;
  latestVersion: string | null;
  ruleset: { name: string; version: number | null };
  /** Rules of the ruleset that apply to the contract's kind of document, and how many it fails. */
  rules: { applying: number; passing: number; failing: string[] };
  /** Policy findings of the latest version that no waiver excuses. */
  open: { errors: number; warnings: number };
  waivers: { active: number; expiringSoon: number };
  /** A latest version with no open policy error or warning. */
  clean: boolean;
}

export interface GovernanceSummary {
  contracts: number;
  /** Contracts with at least one published version; only they can be clean. */
  published: number;
  clean: number;
  /** clean ÷ published, 0 when nothing is published. */
  cleanShare: number;
  open: { errors: number; warnings: number };
  waivers: { active: number; expiringSoon: number };
  /** The rules most contracts fail, most first. */
  topFailingRules: { rule: string; contracts: number }[];
}

type StoredFinding = { id: string; level: string; source?: string; waiver?: unknown };

/** The policy findings a version was published with that no waiver excuses: what a scorecard counts as open. */
export const openPolicyFindings = <F extends { source?: string; waiver?: unknown }>(findings: readonly F[]): F[] => findings.filter((f) => f.source === 'policy' && f.waiver === undefined);

/**
 * Governance scorecards, computed on read from what publishes stored: each latest version's policy
 * findings, the contracts' rulesets and their active waivers. The catalog reads them per
 * contract, team and domain.
 */
export function createGovernance({ db, clock, shippedRulesets, rulesets }: RegistryDeps & { rulesets: Rulesets }) {
  // Null: a stored ruleset this Accord's loader no longer accepts; it applies no rule until saved again.
  const loaded = new Map<string, LintRuleset | null>();
  const rulesetOf = async (name: string, text: string) => {
    let ruleset = loaded.get(text);
    if (ruleset === undefined) {
      try {
        ruleset = (await policyEngine()).loadRuleset(text, { source: name, shipped: shippedRulesets });
      } catch (error) {
        if (!(error instanceof InvalidInput)) throw error;
        ruleset = null;
      }
      loaded.set(text, ruleset);
    }
    return ruleset;
  };

  async function scorecards(where?: SQL): Promise<ContractScorecard[]> {
    const rows = await db
      .select({
        id: contracts.id,
        contract: contracts.slug,
        team: teams.slug,
        domain: systems.domain,
        lifecycle: contracts.lifecycle,
        kind: contracts.kind,
        latestVersion: sql<string | null>`latest.version`,
        specVersion: sql<string | null>`latest.spec_version`,
        findings: sql<unknown>`latest.findings`.mapWith(versions.findings),
      })
      .from(contracts)
      .innerJoin(systems, eq(systems.id, contracts.systemId))
      .innerJoin(teams, eq(teams.id, systems.teamId))
      .leftJoin(latestVersionRowOf(contracts.id), sql`true`)
      .where(where)
      .orderBy(contracts.slug);
    const now = clock.now();
    const live = await db
      .select({ contractId: waivers.contractId, expiresAt: waivers.expiresAt })
      .from(waivers)
      .where(and(eq(waivers.status, 'approved'), gt(waivers.expiresAt, now)));
    const liveOf = new Map<string, typeof live>();
    for (const waiver of live) liveOf.set(waiver.contractId, [...(liveOf.get(waiver.contractId) ?? []), waiver]);
    // A page of search results asks for a few scorecards: resolving every contract's ruleset for them cost as much as the whole registry.
    const effectiveOf = where === undefined ? await rulesets.effectiveForAll() : await rulesets.effectiveForMany(rows.map((row) => row.contract));
    const cards: ContractScorecard[] = [];
    const { rulesApplyingTo } = await policyEngine();
    for (const row of rows) {
      const effective = effectiveOf.get(row.contract)!;
      const policy = openPolicyFindings((row.findings ?? []) as StoredFinding[]);
      const failing = [...new Set(policy.filter((f) => f.level !== 'info').map((f) => f.id))].sort();
      const ruleset = await rulesetOf(effective.ruleset, effective.text);
      const applying = ruleset && row.kind && row.specVersion ? rulesApplyingTo(ruleset, row.kind, row.specVersion).length : 0;
      const own = liveOf.get(row.id) ?? [];
      const errors = policy.filter((f) => f.level === 'error').length;
      const warnings = policy.filter((f) => f.level === 'warn').length;
      cards.push({
        contract: row.contract,
        team: row.team,
        domain: row.domain,
        lifecycle: row.lifecycle,
        latestVersion: row.latestVersion,
        ruleset: { name: effective.ruleset, version: effective.version },
        rules: { applying, passing: Math.max(0, applying - failing.length), failing },
        open: { errors, warnings },
        waivers: { active: own.length, expiringSoon: own.filter((w) => w.expiresAt.getTime() - now.getTime() <= EXPIRING_SOON_DAYS * DAY_MS).length },
        clean: row.latestVersion !== null && errors === 0 && warnings === 0,
      });
    }
    return cards;
  }

  return {
    /** Several contracts' scorecards at once, for edges that batch; unknown slugs are left out. */
    async contracts(slugs: readonly string[]): Promise<ContractScorecard[]> {
      return slugs.length === 0 ? [] : scorecards(inArray(contracts.slug, [...slugs]));
    },

    async contract(slug: string): Promise<ContractScorecard> {
      const [card] = await scorecards(eq(contracts.slug, slug));
      if (!card) throw new NotFound(`contract "${slug}"`);
      return card;
    },

    async team(slug: string): Promise<GovernanceSummary & { team: string; scorecards: ContractScorecard[] }> {
      const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.slug, slug));
      if (!team) throw new NotFound(`team "${slug}"`);
      const cards = await scorecards(eq(teams.slug, slug));
      return { team: slug, ...summarize(cards), scorecards: cards };
    },

    async domain(name: string): Promise<GovernanceSummary & { domain: string; scorecards: ContractScorecard[] }> {
      const [known] = await db.select({ id: systems.id }).from(systems).where(eq(systems.domain, name)).limit(1);
      if (!known) throw new NotFound(`domain "${name}"`);
      const cards = await scorecards(eq(systems.domain, name));
      return { domain: name, ...summarize(cards), scorecards: cards };
    },

    /** The whole registry, with one row per team and per domain. */
    async overview({ worst = WORST }: { worst?: number } = {}): Promise<GovernanceSummary & { teams: (GovernanceSummary & { team: string })[]; domains: (GovernanceSummary & { domain: string })[]; worst: ContractScorecard[] }> {
      const cards = await scorecards();
      const by = (key: 'team' | 'domain') => [...new Set(cards.map((c) => c[key]))].sort().map((value) => ({ [key]: value, ...summarize(cards.filter((c) => c[key] === value)) }));
      return { ...summarize(cards), teams: by('team') as (GovernanceSummary & { team: string })[], domains: by('domain') as (GovernanceSummary & { domain: string })[], worst: worstOf(cards, worst) };
    },
  };
}

/** How many of the worst contracts an overview names unless asked for more. */
const WORST = 10;

/** Published contracts that are not clean, most open errors first, then most warnings. */
export function worstOf(cards: readonly ContractScorecard[], limit: number): ContractScorecard[] {
  return cards
    .filter((c) => c.latestVersion !== null && !c.clean)
    .sort((a, b) => b.open.errors - a.open.errors || b.open.warnings - a.open.warnings || a.contract.localeCompare(b.contract))
    .slice(0, limit);
}

function summarize(cards: readonly ContractScorecard[]): GovernanceSummary {
  const published = cards.filter((c) => c.latestVersion !== null);
  const clean = published.filter((c) => c.clean).length;
  const failing = new Map<string, number>();
  for (const card of cards) for (const rule of card.rules.failing) failing.set(rule, (failing.get(rule) ?? 0) + 1);
  return {
    contracts: cards.length,
    published: published.length,
    clean,
    cleanShare: published.length === 0 ? 0 : clean / published.length,
    open: { errors: sum(cards, (c) => c.open.errors), warnings: sum(cards, (c) => c.open.warnings) },
    waivers: { active: sum(cards, (c) => c.waivers.active), expiringSoon: sum(cards, (c) => c.waivers.expiringSoon) },
    topFailingRules: [...failing].map(([rule, count]) => ({ rule, contracts: count })).sort((a, b) => b.contracts - a.contracts || a.rule.localeCompare(b.rule)).slice(0, 10),
  };
}

const sum = (cards: readonly ContractScorecard[], of: (card: ContractScorecard) => number) => cards.reduce((total, card) => total + of(card), 0);

export type Governance = ReturnType<typeof createGovernance>;
