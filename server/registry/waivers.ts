import { and, asc, count, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ActiveWaiver } from '../compat/index.js';
import { recordAuditEvent } from '../audit/index.js';
import { isUniqueViolation, type Db } from '../db/index.js';
import { Conflict, InvalidInput, NotFound, describeActor, findingFingerprint, newId, type Actor } from '../shared/index.js';
import { contractIdOf } from './contract-id-of.js';
import { ownerOfContract } from './owner-of.js';
import { idCursor, readPageRequest, toPage } from './page.js';
import type { Page, PageRequest, RegistryDeps } from './registry-types.js';
import { checks, contracts, systems, teams, waivers } from './registry.tables.js';

/** `active`: approved and not expired, so it excuses its finding in every check from now on. */
export type WaiverState = 'requested' | 'active' | 'expired' | 'revoked';

export interface Waiver {
  id: string;
  contract: string;
  rule: string;
  fingerprint: string;
  operations: string[];
  pointer: string | null;
  message: string;
  reason: string;
  state: WaiverState;
  expiresAt: Date;
  requestedBy: string;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A waiver names its finding either as it appeared in a recorded check (`check` + `fingerprint`)
 * or by what it is about (`rule` + `operations` + `pointer`), from which the fingerprint follows.
 */
export type WaiverRequest = { contract: string; reason: string; expiresAt: Date } & (
  | { check: string; fingerprint: string }
  | { rule: string; operations: string[]; pointer?: string }
);

export interface WaiverFilter extends PageRequest {
  state?: WaiverState;
}

const DAY_MS = 86_400_000;

export function createWaivers({ db, clock, access, waiverMaxDays = 90 }: RegistryDeps & { waiverMaxDays?: number }) {
  const columns = {
    id: waivers.id,
    contract: contracts.slug,
    rule: waivers.rule,
    fingerprint: waivers.fingerprint,
    operations: waivers.operations,
    pointer: waivers.pointer,
    message: waivers.message,
    reason: waivers.reason,
    status: waivers.status,
    expiresAt: waivers.expiresAt,
    requestedBy: waivers.requestedBy,
    decidedBy: waivers.decidedBy,
    decidedAt: waivers.decidedAt,
    createdAt: waivers.createdAt,
    updatedAt: waivers.updatedAt,
  };
  const select = (tx: Db = db) => tx.select(columns).from(waivers).innerJoin(contracts, eq(contracts.id, waivers.contractId));
  const toWaiver = ({ status, ...row }: typeof waivers.$inferSelect & { contract: string }): Waiver => ({ ...row, state: stateOf(status, row.expiresAt, clock.now()) });
  const byId = async (tx: Db, id: string) => toWaiver((await select(tx).where(eq(waivers.id, id)))[0] as never);

  async function decide(id: string, decision: 'approve' | 'revoke', actor: Actor): Promise<Waiver> {
    const parsed = idCursor.safeParse(id);
    if (!parsed.success) throw new NotFound(`waiver "${id}"`);
    return db.transaction(async (tx) => {
      const [current] = await tx.select().from(waivers).where(eq(waivers.id, id)).for('update');
      if (!current) throw new NotFound(`waiver "${id}"`);
      await access.assert(tx, actor, 'waiver.decide', (await ownerOfContract(tx, { id: current.contractId })).teamId);
      const now = clock.now();
      const state = stateOf(current.status, current.expiresAt, now);
      const allowed = decision === 'approve' ? state === 'requested' : state === 'requested' || state === 'active';
      if (!allowed) throw new Conflict('invalid-transition', `this waiver is ${state}; it cannot be ${decision === 'approve' ? 'approved' : 'revoked'}`);
      const to = decision === 'approve' ? 'approved' : 'revoked';
      await tx.update(waivers).set({ status: to, decidedBy: describeActor(actor), decidedAt: now, updatedAt: now }).where(eq(waivers.id, id));
      await recordAuditEvent(tx, { actor, action: `waiver.${to}`, targetType: 'waiver', targetId: id, summary: { from: current.status, to, rule: current.rule, fingerprint: current.fingerprint }, at: now });
      return byId(tx, id);
    });
  }

  return {
    async request(input: WaiverRequest, actor: Actor): Promise<Waiver> {
      const now = clock.now();
      try {
        return await db.transaction(async (tx) => {
          const { contractId, teamId } = await ownerOfContract(tx, input.contract);
          const contract = { id: contractId };
          await access.assert(tx, actor, 'waiver.request', teamId);
          if (input.expiresAt.getTime() <= now.getTime()) throw new InvalidInput('a waiver must expire in the future', [{ pointer: '/expiresAt', message: 'in the past' }], 'invalid-expiry');
          if (input.expiresAt.getTime() > now.getTime() + waiverMaxDays * DAY_MS) {
            throw new InvalidInput(`a waiver may last at most ${waiverMaxDays} days; ask again when it expires`, [{ pointer: '/expiresAt', message: `later than ${waiverMaxDays} days from now` }], 'invalid-expiry');
          }
          const finding = 'check' in input ? await findingOfCheck(tx, { contractId: contract.id, slug: input.contract }, input.check, input.fingerprint) : describe(input);
          // An approved waiver past its expiry is no longer live: record that, so the finding can be waived again.
          await tx
            .update(waivers)
            .set({ status: 'expired', updatedAt: now })
            .where(and(eq(waivers.contractId, contract.id), eq(waivers.fingerprint, finding.fingerprint), eq(waivers.status, 'approved'), sql`${waivers.expiresAt} <= ${now}`));
          const id = newId(now.getTime());
          await tx.insert(waivers).values({ id, contractId: contract.id, ...finding, reason: input.reason, status: 'requested', expiresAt: input.expiresAt, requestedBy: describeActor(actor), createdAt: now, updatedAt: now });
          await recordAuditEvent(tx, { actor, action: 'waiver.requested', targetType: 'waiver', targetId: id, summary: { contract: input.contract, rule: finding.rule, fingerprint: finding.fingerprint, expiresAt: input.expiresAt.toISOString() }, at: now });
          return byId(tx, id);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new Conflict('waiver-exists', `this finding of "${input.contract}" already has a requested or active waiver; revoke it first to ask again`);
        throw error;
      }
    },

    approve: (id: string, actor: Actor) => decide(id, 'approve', actor),
    revoke: (id: string, actor: Actor) => decide(id, 'revoke', actor),

    async get(id: string): Promise<Waiver> {
      const parsed = idCursor.safeParse(id);
      const [row] = parsed.success ? await select().where(eq(waivers.id, parsed.data)) : [];
      if (!row) throw new NotFound(`waiver "${id}"`);
      return toWaiver(row as never);
    },

    /** Oldest first. */
    async list(contract: string, filter: WaiverFilter): Promise<Page<Waiver>> {
      const { limit, after } = readPageRequest(filter, idCursor);
      const contractId = await contractIdOf(db, contract);
      const rows = await select()
        .where(and(eq(waivers.contractId, contractId), after === undefined ? undefined : gt(waivers.id, after), filter.state ? stateCondition(filter.state, clock.now()) : undefined))
        .orderBy(asc(waivers.id))
        .limit(limit + 1);
      return toPage(rows, limit, (r) => r.id, (r) => toWaiver(r as never));
    },

    /** Active waivers of the whole registry (or a team's or domain's contracts), the soonest to expire first. */
    async expiring({ limit, team, domain }: { limit: number; team?: string; domain?: string }): Promise<Waiver[]> {
      const now = clock.now();
      const scope = team !== undefined || domain !== undefined ? inArray(waivers.contractId, db.select({ id: contracts.id }).from(contracts).innerJoin(systems, eq(systems.id, contracts.systemId)).innerJoin(teams, eq(teams.id, systems.teamId)).where(team !== undefined ? eq(teams.slug, team) : eq(systems.domain, domain!))) : undefined;
      const rows = await select().where(and(stateCondition('active', now), scope)).orderBy(asc(waivers.expiresAt), asc(waivers.id)).limit(limit);
      return rows.map((r) => toWaiver(r as never));
    },

    async count(contract: string, filter: Omit<WaiverFilter, keyof PageRequest>): Promise<number> {
      const contractId = await contractIdOf(db, contract);
      const [row] = await db.select({ n: count() }).from(waivers).where(and(eq(waivers.contractId, contractId), filter.state ? stateCondition(filter.state, clock.now()) : undefined));
      return row!.n;
    },
  };
}

/** The waivers that excuse findings of a contract at `now`, as a check needs them. */
export async function activeWaivers(db: Db, contractId: string, now: Date): Promise<ActiveWaiver[]> {
  const rows = await db
    .select({ id: waivers.id, fingerprint: waivers.fingerprint, expiresAt: waivers.expiresAt })
    .from(waivers)
    .where(and(eq(waivers.contractId, contractId), stateCondition('active', now)));
  return rows.map((r) => ({ ...r, expiresAt: r.expiresAt.toISOString() }));
}

function stateOf(status: 'requested' | 'approved' | 'expired' | 'revoked', expiresAt: Date, now: Date): WaiverState {
  if (status === 'approved') return expiresAt.getTime() > now.getTime() ? 'active' : 'expired';
  return status;
}

function stateCondition(state: WaiverState, now: Date): SQL {
  switch (state) {
    case 'active':
      return and(eq(waivers.status, 'approved'), gt(waivers.expiresAt, now))!;
    case 'expired':
      return or(eq(waivers.status, 'expired'), and(eq(waivers.status, 'approved'), sql`${waivers.expiresAt} <= ${now}`))!;
    default:
      return eq(waivers.status, state);
  }
}

type WaivedFinding = Pick<typeof waivers.$inferInsert, 'rule' | 'fingerprint' | 'operations' | 'pointer' | 'message'>;

async function findingOfCheck(tx: Db, { contractId, slug }: { contractId: string; slug: string }, check: string, fingerprint: string): Promise<WaivedFinding> {
  const parsed = idCursor.safeParse(check);
  const [row] = parsed.success ? await tx.select({ report: checks.report }).from(checks).where(and(eq(checks.id, parsed.data), eq(checks.contractId, contractId))) : [];
  if (!row) throw new InvalidInput(`check ${check} of contract "${slug}" does not exist; a waiver names a check of the contract it waives`, [{ pointer: '/check', message: 'unknown check' }], 'unknown-reference');
  const findings = (row.report as { findings: { id: string; fingerprint: string; operations: string[]; pointer?: string; message: string }[] }).findings;
  const finding = findings.find((f) => f.fingerprint === fingerprint);
  if (!finding) throw new InvalidInput(`check ${check} has no finding with fingerprint ${fingerprint}; the check's report lists its findings' fingerprints`, [{ pointer: '/fingerprint', message: 'not a finding of that check' }], 'unknown-reference');
  return { rule: finding.id, fingerprint, operations: finding.operations, pointer: finding.pointer ?? null, message: finding.message };
}

function describe(input: { rule: string; operations: string[]; pointer?: string }): WaivedFinding {
  const fingerprint = findingFingerprint({ id: input.rule, operations: input.operations, pointer: input.pointer });
  const operations = [...input.operations].sort();
  return { rule: input.rule, fingerprint, operations, pointer: input.pointer ?? null, message: `${input.rule} on ${operations.join(', ') || input.pointer || 'the contract'}` };
}

export type Waivers = ReturnType<typeof createWaivers>;
