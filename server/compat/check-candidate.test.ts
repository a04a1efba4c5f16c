import { describe, expect, it } from 'vitest';
import { checkCandidate, type CompatibilityMode, type PublishedDocument } from './index.js';

type Props = Record<string, object>;

/** A small API: `GET /orders` answering an order with the given properties, plus optional extra paths. */
function api(properties: Props, extraPaths: Record<string, object> = {}, description = 'Orders') {
  return {
    openapi: '3.0.3',
    info: { title: 'Orders', version: '1', description },
    paths: {
      '/orders': {
        get: {
          responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } } },
        },
      },
      ...extraPaths,
    },
    components: { schemas: { Order: { type: 'object', required: Object.keys(properties), properties } } },
  };
}

const v1 = api({ id: { type: 'string' }, code: { type: 'string' } });
const withoutCode = api({ id: { type: 'string' } });
const codeAsInteger = api({ id: { type: 'string' }, code: { type: 'integer' } });
const withStatus = api({ id: { type: 'string' } }, { '/status': { get: { responses: { 200: { description: 'ok' } } } } });

const published = (...docs: [string, object][]): PublishedDocument[] => docs.map(([version, document]) => ({ version, document }));
const check = (mode: CompatibilityMode, candidate: object, version: string | undefined, docs: PublishedDocument[]) => checkCandidate({ candidate, version, mode, published: docs });

describe('checkCandidate', () => {
  it('fails a breaking change published as a minor version and suggests the major', () => {
    const result = check('BACKWARD', withoutCode, '1.1.0', published(['1.0.0', v1]));
    expect(result.verdict).toBe('fail');
    expect(result.failed).toBe(true);
    expect(result.findings.map((f) => f.id)).toContain('response-property-removed');
    expect(result.semver).toEqual({ previous: '1.0.0', required: 'major', claimed: 'minor', suggested: '2.0.0', satisfied: false });
  });

  it('accepts the same change as a new major and still reports it', () => {
    const result = check('BACKWARD', withoutCode, '2.0.0', published(['1.0.0', v1]));
    expect(result.failed).toBe(false);
    expect(result.verdict).toBe('pass');
    expect(result.summary.error).toBeGreaterThan(0);
    expect(result.findings.find((f) => f.id === 'response-property-removed')).toMatchObject({ accepted: 'major-version', against: ['1.0.0'], direction: 'backward' });
    expect(result.semver.satisfied).toBe(true);
  });

  it('suggests a minor for additions, a patch for documentation, and the first version for a new contract', () => {
    expect(check('BACKWARD', withStatus, undefined, published(['1.0.0', withoutCode])).semver).toMatchObject({ required: 'minor', suggested: '1.1.0', claimed: null });
    expect(check('BACKWARD', api({ id: { type: 'string' } }, {}, 'Orders, documented better'), undefined, published(['1.0.0', withoutCode])).semver).toMatchObject({ required: 'patch', suggested: '1.0.1' });
    expect(check('BACKWARD', v1, undefined, [])).toMatchObject({ verdict: 'pass', comparedWith: [], semver: { previous: null, suggested: '1.0.0' } });
  });

  it('compares with the version just before the candidate, not with later ones', () => {
    const result = check('BACKWARD', withStatus, '1.0.1', published(['1.0.0', withoutCode], ['1.1.0', v1]));
    expect(result.comparedWith).toEqual(['1.0.0']);
    expect(result.semver.previous).toBe('1.0.0');
  });

  it('under FORWARD fails what old versions cannot serve to new clients, which BACKWARD allows', () => {
    const docs = published(['1.0.0', withoutCode]);
    expect(check('BACKWARD', withStatus, '1.1.0', docs).failed).toBe(false);
    const forward = check('FORWARD', withStatus, '1.1.0', docs);
    expect(forward.failed).toBe(true);
    expect(forward.findings.find((f) => f.level === 'error')).toMatchObject({ id: 'path-removed', direction: 'forward' });
    expect(check('FULL', withStatus, '1.1.0', docs).failed).toBe(true);
  });

  it('under TRANSITIVE compares with every earlier version of the line, once per finding', () => {
    const docs = published(['1.0.0', v1], ['1.1.0', withoutCode], ['0.9.0', withoutCode]);
    expect(check('BACKWARD', codeAsInteger, '1.2.0', docs).failed).toBe(false);
    const transitive = check('BACKWARD_TRANSITIVE', codeAsInteger, '1.2.0', docs);
    expect(transitive.comparedWith).toEqual(['1.1.0', '1.0.0']);
    expect(transitive.failed).toBe(true);
    expect(transitive.findings.find((f) => f.level === 'error')).toMatchObject({ id: 'response-type-changed', against: ['1.0.0'] });
  });

  it('records but never gates under NONE', () => {
    const result = check('NONE', withoutCode, '1.1.0', published(['1.0.0', v1]));
    expect(result.failed).toBe(false);
    expect(result.findings.find((f) => f.level === 'error')?.accepted).toBe('mode-none');
  });

  it('treats a 0.x minor bump as the breaking one', () => {
    const docs = published(['0.1.0', v1]);
    expect(check('BACKWARD', withoutCode, '0.1.1', docs)).toMatchObject({ failed: true, semver: { suggested: '0.2.0', satisfied: false } });
    expect(check('BACKWARD', withoutCode, '0.2.0', docs)).toMatchObject({ failed: false, semver: { satisfied: true } });
  });

  it('applies per-contract level overrides and switches rules off', () => {
    const docs = published(['1.0.0', v1]);
    const off = checkCandidate({ candidate: withoutCode, version: '1.1.0', mode: 'BACKWARD', published: docs, levels: { 'response-property-removed': 'off' } });
    expect(off.findings.map((f) => f.id)).not.toContain('response-property-removed');
    expect(off.failed).toBe(false);
    const raised = checkCandidate({ candidate: withStatus, version: '1.1.0', mode: 'BACKWARD', published: docs, levels: { 'path-added': 'error' } });
    expect(raised.failed).toBe(true);
  });

  it('without a version succeeds the latest release, not a pre-release of the next major', () => {
    const result = check('BACKWARD', withStatus, undefined, published(['1.0.0', withoutCode], ['2.0.0-rc.1', v1]));
    expect(result.comparedWith).toEqual(['1.0.0']);
    expect(result.semver).toMatchObject({ previous: '1.0.0', suggested: '1.1.0' });
  });

  it('asks for a major when only the forward direction breaks, under FULL', () => {
    const result = check('FULL', withStatus, '1.1.0', published(['1.0.0', withoutCode]));
    expect(result.semver).toMatchObject({ required: 'major', suggested: '2.0.0', satisfied: false });
    expect(check('FULL', withStatus, '2.0.0', published(['1.0.0', withoutCode])).failed).toBe(false);
  });

  it('lets a pre-release break its predecessor and its release break the pre-release', () => {
    const docs = published(['1.5.0', v1], ['2.0.0-rc.1', withoutCode]);
    const release = check('BACKWARD', codeAsInteger, '2.0.0', docs);
    expect(release).toMatchObject({ failed: false, comparedWith: ['2.0.0-rc.1'], semver: { previous: '2.0.0-rc.1', satisfied: true } });
    const beta = check('BACKWARD', withoutCode, '1.6.0-beta.1', published(['1.5.0', v1]));
    expect(beta.failed).toBe(false);
    expect(beta.findings.find((f) => f.level === 'error')).toMatchObject({ accepted: 'prerelease' });
    expect(beta.semver.claimed).toBe('prerelease');
  });

  it('under FORWARD still records the backward step, for the changelog, without gating on it', () => {
    const result = check('FORWARD', withoutCode, '1.1.0', published(['1.0.0', v1]));
    expect(result.failed).toBe(false);
    expect(result.findings.find((f) => f.id === 'response-property-removed')).toMatchObject({ direction: 'backward', accepted: 'mode-direction', level: 'error' });
  });

  it('compares transitively only within the candidate\'s compatible line', () => {
    const docs = published(['1.0.0', v1], ['2.0.0', withoutCode], ['2.1.0', withoutCode]);
    expect(check('BACKWARD_TRANSITIVE', withoutCode, '2.2.0', docs).comparedWith).toEqual(['2.1.0', '2.0.0']);
  });
});
