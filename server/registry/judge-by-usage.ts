import { verdictOf, type CandidateCheck, type CandidateFinding, type CheckFinding, type FindingConsumer } from '../compat/index.js';
import { operationMatchKey, plural } from '../shared/index.js';
import type { OperationUse } from './consumers-of.js';
import type { UsageSettings } from './usage-settings-of.js';

/** What usage decided about a check: the settings it was judged under, and why it passes or fails. */
export interface UsageVerdict {
  gating: UsageSettings['gating'];
  days: number;
  threshold: number;
  /** Under usage-aware gating, the sentence saying why breaking changes pass or whom they fail for. */
  explanation: string | null;
}

/** A consumer seen calling operations a check's findings reach. */
export interface ObservedConsumer {
  consumer: string;
  team: string | null;
  /** Whether an approved subscription names the operations too. */
  declared: boolean;
  operations: string[];
  requests: number;
  lastSeenAt: string;
}

export interface UsageJudgement {
  usage: UsageVerdict;
  observedConsumers: ObservedConsumer[];
}

// A removal after the sunset keeps the promise to clients only when none of them still calls it.
const SUNSET_REMOVALS = new Set(['operation-removed-after-sunset', 'channel-operation-removed-after-sunset']);

/**
 * Names on every backward compatibility finding the consumers it reaches, declared and observed
 * (at least `threshold` requests). A removal after the sunset that observed traffic still calls
 * becomes an error naming the callers. Under usage-aware gating a breaking change that reaches no
 * consumer is accepted as `unused`; one that names no operation still gates, since nobody can say
 * whom it spares. `uses` lists every observed request (threshold 1): the sunset rule wants zero.
 */
export function judgeByUsage<C extends CandidateCheck>(check: C, uses: readonly OperationUse[], settings: Pick<UsageSettings, 'gating' | 'days' | 'threshold'>): C & UsageJudgement {
  const counted = uses.filter((u) => u.declared || (u.requests ?? 0) >= settings.threshold);
  const reaching = (operations: readonly string[], among: readonly OperationUse[]) => {
    const keys = new Set(operations.map(operationMatchKey));
    return consumersIn(among.filter((u) => keys.has(operationMatchKey(u.operation))));
  };
  const observed = new Map<string, ObservedConsumer>();
  const findings = check.findings.map((finding): CandidateFinding => {
    if (finding.source !== 'compatibility' || finding.direction !== 'backward') return finding;
    let judged: CheckFinding = finding;
    if (SUNSET_REMOVALS.has(finding.id)) {
      const callers = reaching(finding.operations, uses.filter((u) => (u.requests ?? 0) > 0));
      if (callers.length > 0) {
        const named = callers.map((c) => `${c.consumer} (${plural(c.requests ?? 0, 'request')}, last ${c.lastSeenAt})`).join(', ');
        judged = { ...judged, level: 'error', message: `${finding.message}, but observed traffic still calls it in the last ${plural(settings.days, 'day')}: ${named}` };
      }
    }
    const consumers = reaching(finding.operations, counted);
    for (const c of consumers.filter((c) => c.requests !== null)) {
      const known = observed.get(c.consumer);
      observed.set(c.consumer, {
        consumer: c.consumer,
        team: c.team,
        declared: c.declared || (known?.declared ?? false),
        operations: [...new Set([...(known?.operations ?? []), ...c.operations])].sort(),
        requests: Math.max(known?.requests ?? 0, c.requests!),
        lastSeenAt: known && known.lastSeenAt > c.lastSeenAt! ? known.lastSeenAt : c.lastSeenAt!,
      });
    }
    if (consumers.length > 0) judged = { ...judged, consumers };
    const unused = settings.gating === 'usage-aware' && judged.level === 'error' && judged.accepted === undefined && judged.waiver === undefined && judged.operations.length > 0 && consumers.length === 0;
    return unused ? { ...judged, accepted: 'unused' } : judged;
  });
  const usage: UsageVerdict = { gating: settings.gating, days: settings.days, threshold: settings.threshold, explanation: settings.gating === 'usage-aware' ? explain(findings, settings) : null };
  return { ...check, ...verdictOf(findings), findings, usage, observedConsumers: [...observed.values()].sort((a, b) => a.consumer.localeCompare(b.consumer)) };
}

/** One entry per consumer over the uses of the operations a finding reaches. */
function consumersIn(uses: readonly OperationUse[]): FindingConsumer[] {
  const byConsumer = new Map<string, FindingConsumer>();
  for (const u of uses) {
    const known = byConsumer.get(u.consumer) ?? { consumer: u.consumer, team: u.team, declared: false, requests: null, lastSeenAt: null, operations: [] };
    byConsumer.set(u.consumer, {
      ...known,
      declared: known.declared || u.declared,
      requests: u.requests === null ? known.requests : (known.requests ?? 0) + u.requests,
      lastSeenAt: u.lastSeenAt === null || (known.lastSeenAt !== null && known.lastSeenAt > u.lastSeenAt) ? known.lastSeenAt : u.lastSeenAt,
      operations: [...new Set([...known.operations, u.operation])].sort(),
    });
  }
  return [...byConsumer.values()].sort((a, b) => a.consumer.localeCompare(b.consumer));
}

function explain(findings: readonly CandidateFinding[], { days, threshold }: Pick<UsageSettings, 'days' | 'threshold'>): string {
  const compat = findings.filter((f): f is CheckFinding => f.source === 'compatibility' && f.direction === 'backward');
  const unused = compat.filter((f) => f.accepted === 'unused');
  const hitting = compat.filter((f) => f.level === 'error' && f.accepted === undefined && f.waiver === undefined);
  const seen = `${plural(days, 'day')}, at least ${plural(threshold, 'request')}`;
  const parts: string[] = [];
  if (unused.length > 0) parts.push(`${count(unused.length)} no declared or observed consumer uses (${seen}), so ${unused.length === 1 ? 'it does' : 'they do'} not fail the check`);
  if (hitting.length > 0) {
    const named = new Map<string, string>();
    for (const c of hitting.flatMap((f) => f.consumers ?? [])) named.set(c.consumer, `${c.consumer} (team ${c.team ?? 'unknown'}${c.declared ? ', subscribed' : ''}${c.lastSeenAt ? `, last seen ${c.lastSeenAt}` : ''})`);
    parts.push(named.size > 0 ? `${count(hitting.length)} ${hitting.length === 1 ? 'reaches consumers and fails' : 'reach consumers and fail'} the check: ${[...named.values()].join(', ')}` : `${count(hitting.length)} name${hitting.length === 1 ? 's' : ''} no operation, so whom ${hitting.length === 1 ? 'it spares' : 'they spare'} cannot be told and ${hitting.length === 1 ? 'it fails' : 'they fail'} the check`);
  }
  return parts.length === 0 ? `usage-aware gating: no breaking change (${seen})` : `usage-aware gating: ${parts.join('; ')}`;
}

const count = (n: number) => (n === 1 ? '1 breaking change' : `${n} breaking changes`);
