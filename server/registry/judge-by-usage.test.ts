import { describe, expect, it } from 'vitest';
import type { CandidateCheck, CheckFinding } from '../compat/index.js';
import type { OperationUse } from './consumers-of.js';
import { judgeByUsage } from './judge-by-usage.js';

const finding = (id: string, operations: string[], level: CheckFinding['level'] = 'error'): CheckFinding => ({
  id,
  level,
  message: `${id} on ${operations.join(', ') || 'the document'}`,
  why: 'clients break',
  operations,
  change: { kind: 'path.removed', path: '/x' } as unknown as CheckFinding['change'],
  source: 'compatibility',
  direction: 'backward',
  against: ['1.0.0'],
  fingerprint: id,
});
const checkOf = (findings: CheckFinding[]): CandidateCheck => ({
  verdict: 'fail',
  failed: true,
  summary: { error: findings.length, warn: 0, info: 0 },
  mode: 'BACKWARD',
  comparedWith: ['1.0.0'],
  findings,
  semver: { previous: '1.0.0', required: 'major', claimed: 'minor', suggested: '2.0.0', satisfied: false },
});
const declared = (consumer: string, operation: string): OperationUse => ({ consumer, team: 'store-ops', operation, declared: true, requests: null, lastSeenAt: null });
const observed = (consumer: string, operation: string, requests: number): OperationUse => ({ consumer, team: null, operation, declared: false, requests, lastSeenAt: '2026-12-01T10:00:00.000Z' });
const standard = { gating: 'standard' as const, days: 30, threshold: 10 };
const usageAware = { ...standard, gating: 'usage-aware' as const };

describe('judging a check by usage', () => {
  it('names declared and observed consumers on a finding, matching operations whatever their parameter names', () => {
    const judged = judgeByUsage(checkOf([finding('operation-removed', ['GET /stock/{sku}'])]), [declared('pos', 'GET /stock/{id}'), observed('web', 'GET /stock/{sku}', 12)], standard);
    expect(judged.findings[0]).toMatchObject({
      consumers: [
        { consumer: 'pos', team: 'store-ops', declared: true, requests: null, lastSeenAt: null, operations: ['GET /stock/{id}'] },
        { consumer: 'web', team: null, declared: false, requests: 12, lastSeenAt: '2026-12-01T10:00:00.000Z', operations: ['GET /stock/{sku}'] },
      ],
    });
    expect(judged.observedConsumers).toEqual([{ consumer: 'web', team: null, declared: false, operations: ['GET /stock/{sku}'], requests: 12, lastSeenAt: '2026-12-01T10:00:00.000Z' }]);
    expect(judged.verdict).toBe('fail');
    expect(judged.usage.explanation).toBeNull();
  });

  it('under usage-aware gating accepts a breaking change only traffic below the threshold touched', () => {
    const judged = judgeByUsage(checkOf([finding('operation-removed', ['POST /reservations'])]), [observed('web', 'POST /reservations', 9)], usageAware);
    expect(judged.findings[0]).toMatchObject({ accepted: 'unused' });
    expect(judged.findings[0]).not.toHaveProperty('consumers');
    expect(judged.verdict).toBe('pass');
    expect(judged.usage.explanation).toBe('usage-aware gating: 1 breaking change no declared or observed consumer uses (30 days, at least 10 requests), so it does not fail the check');
  });

  it('under usage-aware gating fails a change that names no operation, since whom it spares cannot be told', () => {
    const judged = judgeByUsage(checkOf([finding('security-scheme-removed', [])]), [], usageAware);
    expect(judged.findings[0]!.accepted).toBeUndefined();
    expect(judged.verdict).toBe('fail');
    expect(judged.usage.explanation).toContain('names no operation');
  });

  it('under usage-aware gating fails a change consumers use, naming them with their teams', () => {
    const judged = judgeByUsage(checkOf([finding('operation-removed', ['GET /stock/{sku}']), finding('path-removed', ['GET /stores'])]), [declared('pos', 'GET /stock/{sku}')], usageAware);
    expect(judged.findings.map((f) => f.accepted)).toEqual([undefined, 'unused']);
    expect(judged.verdict).toBe('fail');
    expect(judged.usage.explanation).toContain('1 breaking change reaches consumers and fails the check: pos (team store-ops, subscribed)');
  });

  it('counts a look-back of one day and a threshold of one request in the singular', () => {
    const judged = judgeByUsage(checkOf([finding('operation-removed', ['GET /stores'])]), [], { gating: 'usage-aware', days: 1, threshold: 1 });
    expect(judged.usage.explanation).toBe('usage-aware gating: 1 breaking change no declared or observed consumer uses (1 day, at least 1 request), so it does not fail the check');
  });

  it('makes a removal after the sunset an error while any observed traffic still calls it', () => {
    const removal = finding('operation-removed-after-sunset', ['DELETE /stock/{sku}'], 'info');
    const called = judgeByUsage(checkOf([removal]), [observed('erp', 'DELETE /stock/{sku}', 1)], standard);
    expect(called.findings[0]).toMatchObject({ level: 'error', message: 'operation-removed-after-sunset on DELETE /stock/{sku}, but observed traffic still calls it in the last 30 days: erp (1 request, last 2026-12-01T10:00:00.000Z)' });
    expect(called.verdict).toBe('fail');
    const quiet = judgeByUsage(checkOf([removal]), [], standard);
    expect(quiet.findings[0]).toMatchObject({ level: 'info' });
    expect(quiet.verdict).toBe('pass');
  });
});
