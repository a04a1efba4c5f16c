import { and, asc, count, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import { isUniqueViolation, type Db } from '../db/index.js';
import type { ShippedRulesetName } from '../lint/index.js';
import { policyEngine } from './policy-engine.js';
import { Conflict, InvalidInput, NotFound, describeActor, newId, type Actor } from '../shared/index.js';
import { idCursor, readPageRequest, toPage } from './page.js';
import type { Page, PageRequest, RegistryDeps } from './registry-types.js';
import { assertSlug } from './slug.js';
import { contracts, rulesetAssignments, rulesets, systems, teams } from './registry.tables.js';

export type AssignmentScope = 'global' | 'domain' | 'team' | 'contract';
/** The lifecycle stages an assignment may be limited to; a retired contract is never linted. */
export type AssignmentStage = 'draft' | 'active' | 'deprecated';

interface RulesetFields {
  name: string;
  description: string;
}

/** Shipped rulesets come from `policies/` and have no version; stored ones are numbered from 1. */
export type RulesetSummary = RulesetFields & ({ shipped: true; version: null; createdAt: null; createdBy: null } | { shipped: false; version: number; createdAt: Date; createdBy: string });
export type Ruleset = RulesetSummary & { text: string };

export interface RulesetInput {
  name: string;
  text: string;
  description?: string;
}

export interface RulesetAssignment {
  id: string;
  scope: AssignmentScope;
  target: string;
  /** Null: the assignment applies at every stage the contract has no stage-specific one for. */
  lifecycle: AssignmentStage | null;
  ruleset: string;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

export interface AssignmentInput {
  scope: AssignmentScope;
  /** The domain, team slug or contract slug; omitted or '' for global. */
  target?: string;
  lifecycle?: AssignmentStage | null;
  ruleset: string;
}

export interface AssignmentFilter extends PageRequest {
  scope?: AssignmentScope;
  target?: string;
  ruleset?: string;
}

/** The ruleset that governs a contract now, and the assignment that chose it (null: the default). */
export interface EffectiveRuleset {
  ruleset: string;
  version: number | null;
  text: string;
  assignment: { scope: AssignmentScope; target: string; lifecycle: AssignmentStage | null } | null;
}

/** What applies where nothing is assigned. */
export const DEFAULT_RULESET: ShippedRulesetName = 'accord-recommended';

const SHIPPED_DESCRIPTIONS: Record<ShippedRulesetName, string> = {
  'accord-recommended': 'The governance every contract registered in Accord should meet; shipped with Accord.',
  'accord-strict': 'accord-recommended plus descriptions everywhere, a semantic version, dated deprecations and valid examples; shipped with Accord.',
};

// Most specific first: the index of a scope is its precedence.
const SCOPE_ORDER: readonly AssignmentScope[] = ['contract', 'team', 'domain', 'global'];
const SAVE_ATTEMPTS = 3;


const summaryColumns = { name: rulesets.name, version: rulesets.version, description: rulesets.description, createdAt: rulesets.createdAt, createdBy: rulesets.createdBy };
type SummaryRow = { name: string; version: number; description: string; createdAt: Date; createdBy: string };
const stored = <R extends SummaryRow>(row: R) => ({ ...row, shipped: false as const });

const toAssignment = ({ lifecycle, ...row }: typeof rulesetAssignments.$inferSelect): RulesetAssignment => ({ ...row, lifecycle: lifecycle === '' ? null : lifecycle });

export function createRulesets({ db, clock, shippedRulesets, access }: RegistryDeps) {
  const shipped = () => shippedRulesets;
  const shippedNames = Object.keys(shippedRulesets) as ShippedRulesetName[];
  const isShipped = (name: string): name is ShippedRulesetName => (shippedNames as string[]).includes(name);

  const shippedRuleset = (name: ShippedRulesetName): Ruleset => {
    const text = shipped()[name];
    if (text === undefined) throw new NotFound(`ruleset "${name}"`);
    return { name, description: SHIPPED_DESCRIPTIONS[name], shipped: true, version: null, createdAt: null, createdBy: null, text };
  };

  async function latest(tx: Db, name: string) {
    const [row] = await tx.select({ ...summaryColumns, text: rulesets.text }).from(rulesets).where(eq(rulesets.name, name)).orderBy(desc(rulesets.version)).limit(1);
    return row;
  }

  /** Refuses an unknown target by the pointer of the field that named it. */
  async function assertTarget(tx: Db, scope: AssignmentScope, target: string): Promise<void> {
    if (scope === 'global') return;
    const query =
      scope === 'domain'
        ? tx.select({ found: sql`1` }).from(systems).where(eq(systems.domain, target))
        : scope === 'team'
          ? tx.select({ found: sql`1` }).from(teams).where(eq(teams.slug, target))
          : tx.select({ found: sql`1` }).from(contracts).where(eq(contracts.slug, target));
    const [found] = await query.limit(1);
    if (!found) throw new InvalidInput(`${scope} "${target}" does not exist`, [{ pointer: '/target', message: `unknown ${scope}` }], 'unknown-reference');
  }

  async function assertRulesetExists(tx: Db, name: string): Promise<void> {
    if (isShipped(name) && shipped()[name] !== undefined) return;
    const [row] = await tx.select({ id: rulesets.id }).from(rulesets).where(eq(rulesets.name, name)).limit(1);
    if (!row) throw new InvalidInput(`ruleset "${name}" does not exist`, [{ pointer: '/ruleset', message: 'unknown ruleset' }], 'unknown-reference');
  }

  return {
    /**
     * Validates the text with the safe loader and stores it as the next version of its name. The
     * same text (and description) as the latest version is not a new version.
     */
    async save(input: RulesetInput, actor: Actor): Promise<{ created: boolean; ruleset: Ruleset }> {
      // Before the ruleset is compiled: refusing a stranger should not cost a compile.
      await access.assert(db, actor, 'admin', null);
      assertSlug(input.name, '/name');
      if (isShipped(input.name)) throw new Conflict('reserved-name', `"${input.name}" is a ruleset shipped with Accord; save yours under another name (it may extend "${input.name}")`, [{ pointer: '/name', message: 'reserved' }]);
      try {
        (await policyEngine()).loadRuleset(input.text, { source: input.name, shipped: shipped() });
      } catch (error) {
        if (!(error instanceof InvalidInput)) throw error;
        // The loader points into the ruleset; the request carries it in `text`.
        throw new InvalidInput(error.message, error.issues.map((issue) => ({ ...issue, pointer: `/text${issue.pointer ?? ''}` })), error.code);
      }
      // A concurrent save may take the version number first; then this one is the next.
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction(async (tx) => {
            const current = await latest(tx, input.name);
            if (current && current.text === input.text && (input.description === undefined || input.description === current.description)) {
              return { created: false, ruleset: stored(current) };
            }
            const now = clock.now();
            const row = { name: input.name, version: (current?.version ?? 0) + 1, text: input.text, description: input.description ?? current?.description ?? '', createdAt: now, createdBy: describeActor(actor) };
            await tx.insert(rulesets).values({ id: newId(now.getTime()), ...row });
            await recordAuditEvent(tx, { actor, action: 'ruleset.saved', targetType: 'ruleset', targetId: input.name, summary: { version: row.version, bytes: Buffer.byteLength(input.text) }, at: now });
            return { created: true, ruleset: stored(row) };
          });
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= SAVE_ATTEMPTS) throw error;
        }
      }
    },

    /** A stored ruleset at `version` (default: its latest), or a shipped one (which has no versions). */
    async get(name: string, version?: number): Promise<Ruleset> {
      if (isShipped(name)) {
        if (version !== undefined) throw new NotFound(`version ${version} of ruleset "${name}" (shipped rulesets have no versions)`);
        return shippedRuleset(name);
      }
      const [row] =
        version === undefined
          ? [await latest(db, name)]
          : await db.select({ ...summaryColumns, text: rulesets.text }).from(rulesets).where(and(eq(rulesets.name, name), eq(rulesets.version, version)));
      if (!row) throw new NotFound(version === undefined ? `ruleset "${name}"` : `version ${version} of ruleset "${name}"`);
      return stored(row);
    },

    /** The shipped rulesets, then the latest version of every stored one by name; without their texts. */
    async list(): Promise<{ items: RulesetSummary[] }> {
      const rows = await db
        .selectDistinctOn([rulesets.name], summaryColumns)
        .from(rulesets)
        .orderBy(asc(rulesets.name), desc(rulesets.version));
      const shippedItems = shippedNames.map((name) => {
        const { text: _text, ...summary } = shippedRuleset(name);
        return summary;
      });
      return { items: [...shippedItems, ...rows.map(stored)] };
    },

    /** Every version of a ruleset, oldest first, without their texts. */
    async versions(name: string): Promise<{ items: RulesetSummary[] }> {
      if (isShipped(name)) {
        const { text: _text, ...summary } = shippedRuleset(name);
        return { items: [summary] };
      }
      const rows = await db.select(summaryColumns).from(rulesets).where(eq(rulesets.name, name)).orderBy(asc(rulesets.version));
      if (rows.length === 0) throw new NotFound(`ruleset "${name}"`);
      return { items: rows.map(stored) };
    },

    /** Sets the ruleset for one scope, target and stage, replacing the one assigned there before. */
    async assign(input: AssignmentInput, actor: Actor): Promise<{ created: boolean; assignment: RulesetAssignment }> {
      const target = input.target ?? '';
      if (input.scope === 'global' && target !== '') throw new InvalidInput(`a global assignment applies everywhere and takes no target; leave out target "${target}"`, [{ pointer: '/target', message: 'omit for global' }]);
      if (input.scope !== 'global' && target === '') throw new InvalidInput(`a ${input.scope} assignment needs a target: the ${input.scope} it applies to`, [{ pointer: '/target', message: 'required' }]);
      const lifecycle = input.lifecycle ?? '';
      return db.transaction(async (tx) => {
        await access.assert(tx, actor, 'admin', null);
        await assertTarget(tx, input.scope, target);
        await assertRulesetExists(tx, input.ruleset);
        const now = clock.now();
        const [before] = await tx
          .select({ ruleset: rulesetAssignments.ruleset })
          .from(rulesetAssignments)
          .where(and(eq(rulesetAssignments.scope, input.scope), eq(rulesetAssignments.target, target), eq(rulesetAssignments.lifecycle, lifecycle)));
        // An upsert, so two instances assigning the same place at once leave one row, not an error.
        const [row] = await tx
          .insert(rulesetAssignments)
          .values({ id: newId(now.getTime()), scope: input.scope, target, lifecycle, ruleset: input.ruleset, createdAt: now, createdBy: describeActor(actor), updatedAt: now })
          .onConflictDoUpdate({ target: [rulesetAssignments.scope, rulesetAssignments.target, rulesetAssignments.lifecycle], set: { ruleset: input.ruleset, updatedAt: now } })
          .returning();
        const assignment = toAssignment(row!);
        await recordAuditEvent(tx, {
          actor,
          action: 'ruleset.assigned',
          targetType: 'ruleset-assignment',
          targetId: assignment.id,
          summary: { scope: input.scope, target, lifecycle: assignment.lifecycle, ruleset: input.ruleset, before: before?.ruleset ?? null },
          at: now,
        });
        return { created: before === undefined, assignment };
      });
    },

    /** Removes an assignment; what it governed falls back to the next less specific one. */
    async unassign(id: string, actor: Actor): Promise<RulesetAssignment> {
      if (!idCursor.safeParse(id).success) throw new NotFound(`ruleset assignment "${id}"`);
      return db.transaction(async (tx) => {
        await access.assert(tx, actor, 'admin', null);
        const [row] = await tx.delete(rulesetAssignments).where(eq(rulesetAssignments.id, id)).returning();
        if (!row) throw new NotFound(`ruleset assignment "${id}"`);
        const assignment = toAssignment(row);
        const now = clock.now();
        await recordAuditEvent(tx, { actor, action: 'ruleset.unassigned', targetType: 'ruleset-assignment', targetId: id, summary: { scope: row.scope, target: row.target, lifecycle: assignment.lifecycle, ruleset: row.ruleset }, at: now });
        return assignment;
      });
    },

    /** Oldest first. */
    async assignments(filter: AssignmentFilter = {}): Promise<Page<RulesetAssignment>> {
      const { limit, after } = readPageRequest(filter, idCursor);
      const where = [after === undefined ? undefined : gt(rulesetAssignments.id, after), ...assignmentsMatching(filter)];
      const rows = await db.select().from(rulesetAssignments).where(and(...where)).orderBy(asc(rulesetAssignments.id)).limit(limit + 1);
      return toPage(rows, limit, (r) => r.id, toAssignment);
    },

    async countAssignments(filter: Omit<AssignmentFilter, keyof PageRequest> = {}): Promise<number> {
      const [row] = await db.select({ n: count() }).from(rulesetAssignments).where(and(...assignmentsMatching(filter)));
      return row!.n;
    },

    /**
     * The ruleset that governs a contract: its most specific assignment (contract, then its team,
     * then its system's domain, then global; within one scope, one for the contract's lifecycle
     * stage before one for every stage), or accord-recommended when none applies. A stored
     * ruleset is used at its latest version.
     */
    async effectiveFor(contractSlug: string): Promise<EffectiveRuleset> {
      const [contract] = await governed(contractSlug);
      if (!contract) throw new NotFound(`contract "${contractSlug}"`);
      return (await resolve([contract])).get(contract.slug)!;
    },

    /** `effectiveFor` of every contract at once, by slug, reading assignments and rulesets once. */
    async effectiveForAll(): Promise<Map<string, EffectiveRuleset>> {
      return resolve(await governed());
    },

    /** `effectiveFor` of the named contracts at once, by slug: a page of results need not read the whole registry. */
    async effectiveForMany(slugs: readonly string[]): Promise<Map<string, EffectiveRuleset>> {
      const rows: Awaited<ReturnType<typeof governed>> = [];
      // One parameter per slug, and PostgreSQL takes at most 65,535 in one statement.
      for (let at = 0; at < slugs.length; at += SLUGS_PER_STATEMENT) rows.push(...(await governed(inArray(contracts.slug, slugs.slice(at, at + SLUGS_PER_STATEMENT)))));
      return resolve(rows);
    },
  };

  /** What decides a contract's ruleset: its slug, stage, team and domain. */
  function governed(which?: string | SQL) {
    return db
      .select({ slug: contracts.slug, lifecycle: contracts.lifecycle, team: teams.slug, domain: systems.domain })
      .from(contracts)
      .innerJoin(systems, eq(systems.id, contracts.systemId))
      .innerJoin(teams, eq(teams.id, systems.teamId))
      .where(typeof which === 'string' ? eq(contracts.slug, which) : which);
  }

  async function resolve(governedContracts: { slug: string; lifecycle: string; team: string; domain: string }[]): Promise<Map<string, EffectiveRuleset>> {
    // Assignments are a handful of administrative rows: reading them all is one cheap query.
    const assignments = governedContracts.length === 0 ? [] : await db.select().from(rulesetAssignments);
    const texts = new Map<string, { version: number | null; text: string }>();
    const effective = new Map<string, EffectiveRuleset>();
    for (const contract of governedContracts) {
      const chosen = chooseAssignment(assignments, contract);
      const name = chosen?.ruleset ?? DEFAULT_RULESET;
      let current = texts.get(name);
      if (!current) {
        if (isShipped(name)) current = { version: null, text: shippedRuleset(name).text };
        else {
          const stored = await latest(db, name);
          // Stored rulesets are never deleted, so an assigned name always has a latest version.
          if (!stored) throw new NotFound(`ruleset "${name}"`);
          current = { version: stored.version, text: stored.text };
        }
        texts.set(name, current);
      }
      const assignment = chosen ? (({ scope, target, lifecycle }) => ({ scope, target, lifecycle }))(toAssignment(chosen)) : null;
      effective.set(contract.slug, { ruleset: name, ...current, assignment });
    }
    return effective;
  }
}

type AssignmentRow = typeof rulesetAssignments.$inferSelect;

const SLUGS_PER_STATEMENT = 10_000;

/** The most specific assignment that reaches a contract, a stage-specific one before a stage-less one. */
function chooseAssignment(assignments: readonly AssignmentRow[], contract: { slug: string; lifecycle: string; team: string; domain: string }): AssignmentRow | undefined {
  const stage = contract.lifecycle === 'retired' ? '' : contract.lifecycle;
  const targetOf: Record<AssignmentScope, string> = { global: '', domain: contract.domain, team: contract.team, contract: contract.slug };
  const rank = (a: AssignmentRow) => SCOPE_ORDER.indexOf(a.scope) * 2 + (a.lifecycle === '' ? 1 : 0);
  return assignments
    .filter((a) => a.target === targetOf[a.scope] && (a.lifecycle === '' || a.lifecycle === stage))
    .sort((a, b) => rank(a) - rank(b))[0];
}

export type Rulesets = ReturnType<typeof createRulesets>;

function assignmentsMatching(filter: Omit<AssignmentFilter, keyof PageRequest>): (SQL | undefined)[] {
  return [
    filter.scope ? eq(rulesetAssignments.scope, filter.scope) : undefined,
    filter.target !== undefined ? eq(rulesetAssignments.target, filter.target) : undefined,
    filter.ruleset ? eq(rulesetAssignments.ruleset, filter.ruleset) : undefined,
  ];
}
