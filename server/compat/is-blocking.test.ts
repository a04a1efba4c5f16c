import { describe, expect, it } from 'vitest';
import { addPolicyFindings, checkCandidate, isBlocking, verdictOf, type CheckFinding, type ReportedFinding } from './index.js';

const order = (properties: Record<string, object>) => ({
  openapi: '3.0.3',
  info: { title: 'Orders', version: '1' },
  paths: { '/orders': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: Object.keys(properties), properties } } } } } } } },
});
const v1 = order({ id: { type: 'string' }, code: { type: 'string' }, note: { type: 'string' } });
const withoutCodeAndNote = order({ id: { type: 'string' } });
const waiverFor = (fingerprint: string) => ({ id: 'waiver-1', fingerprint, expiresAt: '2030-01-01T00:00:00.000Z' });

const policyError: ReportedFinding = { id: 'operation-description', level: 'error', message: 'operation has no description', why: 'readers need it', operations: ['GET /orders'], pointer: '/paths/~1orders/get' };

describe('isBlocking', () => {
  it('blocks on errors at the default gate, on warnings too at warn, and never at never', () => {
    expect([isBlocking({ level: 'error' }), isBlocking({ level: 'warn' }), isBlocking({ level: 'info' })]).toEqual([true, false, false]);
    expect([isBlocking({ level: 'error' }, 'warn'), isBlocking({ level: 'warn' }, 'warn'), isBlocking({ level: 'info' }, 'warn')]).toEqual([true, true, false]);
    expect(isBlocking({ level: 'error' }, 'never')).toBe(false);
  });

  it('never blocks on an accepted or a waived finding, at any gate, and reads null as no excuse', () => {
    for (const failOn of ['error', 'warn'] as const) {
      expect(isBlocking({ level: 'error', accepted: 'major-version' }, failOn)).toBe(false);
      expect(isBlocking({ level: 'error', waiver: { id: 'w', expiresAt: '2030-01-01' } }, failOn)).toBe(false);
      expect(isBlocking({ level: 'error', accepted: null, waiver: null }, failOn)).toBe(true);
    }
  });

  it('decides the verdict: excused errors leave it passing while the summary still counts them', () => {
    const report = verdictOf([{ level: 'error', accepted: 'draft' }, { level: 'error', waiver: { id: 'w' } }, { level: 'info' }], 'warn');
    expect(report).toEqual({ verdict: 'pass', failed: false, summary: { error: 2, warn: 0, info: 1 } });
  });
});

describe('the compatibility verdict', () => {
  it('passes a breaking change once every error is waived, and fails while one is not', () => {
    const first = checkCandidate({ candidate: withoutCodeAndNote, version: '1.1.0', mode: 'BACKWARD', published: [{ version: '1.0.0', document: v1 }] });
    const breaking = first.findings.filter((f): f is CheckFinding => f.source === 'compatibility' && f.level === 'error');
    expect(breaking).toHaveLength(2);
    expect(first).toMatchObject({ failed: true, verdict: 'fail' });

    const one = checkCandidate({ candidate: withoutCodeAndNote, version: '1.1.0', mode: 'BACKWARD', published: [{ version: '1.0.0', document: v1 }], waivers: [waiverFor(breaking[0]!.fingerprint)] });
    expect(one).toMatchObject({ failed: true, verdict: 'fail' });

    const both = checkCandidate({ candidate: withoutCodeAndNote, version: '1.1.0', mode: 'BACKWARD', published: [{ version: '1.0.0', document: v1 }], waivers: breaking.map((f) => waiverFor(f.fingerprint)) });
    expect(both).toMatchObject({ failed: false, verdict: 'pass', summary: { error: 2 } });
  });

  it('passes accepted errors: a new major, and a draft contract’s policy errors', () => {
    const major = checkCandidate({ candidate: withoutCodeAndNote, version: '2.0.0', mode: 'BACKWARD', published: [{ version: '1.0.0', document: v1 }] });
    expect(major).toMatchObject({ failed: false, verdict: 'pass', summary: { error: 2 } });

    const draft = addPolicyFindings(major, [policyError], { gates: false });
    expect(draft.findings.find((f) => f.source === 'policy')).toMatchObject({ accepted: 'draft' });
    expect(draft).toMatchObject({ failed: false, verdict: 'pass', summary: { error: 3 } });
    expect(addPolicyFindings(major, [policyError], { gates: true })).toMatchObject({ failed: true, verdict: 'fail' });
  });
});
