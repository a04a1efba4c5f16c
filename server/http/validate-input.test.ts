import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../shared/index.js';
import { auditQuery, contractCreate, environmentCreate, operationDeprecationCreate, rulesetCreate, subscriptionQuery, teamCreate, teamQuery } from './schemas.js';
import { validateInput } from './validate-input.js';

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInput) return { message: error.message, issues: error.issues };
    throw error;
  }
  throw new Error('the input was accepted');
}

describe('a refused request names the field and says what it must be', () => {
  it('a missing field is required', () => {
    expect(refusal(() => validateInput(teamCreate, { name: 'Platform' }))).toEqual({
      message: 'the request body is invalid: slug is required',
      issues: [{ pointer: '/slug', message: 'slug is required' }],
    });
  });

  it('a value of the wrong type says what it should be and what it was', () => {
    expect(refusal(() => validateInput(teamCreate, { slug: 7, name: 'Platform' })).message).toBe('the request body is invalid: slug must be a string, not a number');
    expect(refusal(() => validateInput(environmentCreate, { slug: 'prod', name: 'Prod', rank: 1.5 })).message).toBe('the request body is invalid: rank must be a whole number, not the fraction 1.5');
  });

  it('lengths and bounds are given in characters, items and numbers', () => {
    expect(refusal(() => validateInput(teamCreate, { slug: 'platform', name: ' ' })).message).toBe('the request body is invalid: name must not be empty');
    expect(refusal(() => validateInput(teamCreate, { slug: 'platform', name: 'x'.repeat(201) })).message).toBe('the request body is invalid: name must have at most 200 characters');
    expect(refusal(() => validateInput(environmentCreate, { slug: 'prod', name: 'Prod', rank: 1001 })).message).toBe('the request body is invalid: rank must be at most 1000');
    expect(refusal(() => validateInput(teamQuery, { limit: '0' }, 'query')).message).toBe('the request query is invalid: limit must be at least 1');
  });

  it('a query parameter that is not a number says so without speaking of NaN', () => {
    expect(refusal(() => validateInput(teamQuery, { limit: 'ten' }, 'query')).message).toBe('the request query is invalid: limit must be a number');
  });

  it('a value outside a list of choices lists them', () => {
    expect(refusal(() => validateInput(contractCreate, { slug: 'orders-api', name: 'Orders API', system: 'orders', kind: 'graphql' })).message).toBe(
      'the request body is invalid: kind must be "openapi" or "asyncapi"',
    );
    expect(refusal(() => validateInput(subscriptionQuery, { status: 'pending' }, 'query')).message).toBe(
      'the request query is invalid: status must be one of "requested", "approved", "rejected" or "revoked"',
    );
  });

  it('timestamps and dates are described by example', () => {
    const refused = refusal(() => validateInput(operationDeprecationCreate, { operations: [], sunsetAt: 'next spring' }));
    expect(refused.message).toBe('the request body is invalid: operations must not be empty');
    expect(refused.issues).toContainEqual({ pointer: '/sunsetAt', message: 'sunsetAt must be a timestamp with a time zone such as 2030-01-31T00:00:00Z' });
    expect(refusal(() => validateInput(auditQuery, { from: 'yesterday' }, 'query')).message).toBe(
      'the request query is invalid: from must be a timestamp with a time zone such as 2030-01-31T00:00:00Z or a date such as 2030-01-31',
    );
  });

  it('a nested field is named by its pointer', () => {
    expect(refusal(() => validateInput(operationDeprecationCreate, { operations: [''], sunsetAt: '2030-01-31T00:00:00Z' })).message).toBe(
      'the request body is invalid: /operations/0 must not be empty',
    );
  });

  it('a body that is not an object says what it is', () => {
    expect(refusal(() => validateInput(teamCreate, [1])).message).toBe('the request body must be an object, not an array');
    expect(refusal(() => validateInput(teamCreate, undefined)).message).toBe('the request body is required');
  });

  it("a schema's own message is kept and located by its pointer", () => {
    expect(refusal(() => validateInput(auditQuery, { targetId: 'orders-api' }, 'query')).message).toBe('the request query is invalid: targetId needs targetType, e.g. targetType=contract (at /targetId)');
    expect(refusal(() => validateInput(teamCreate, { slug: 'platform', name: 'Platform', id: 'x' })).issues).toEqual([{ pointer: '/id', message: '"id" is not a field that can be set here' }]);
  });

  it("a schema's own message that says what the value must be gets the field as its subject", () => {
    expect(refusal(() => validateInput(rulesetCreate, { name: 'Bad Name', text: 'rules: {}' })).message).toBe(
      'the request body is invalid: name must be lowercase letters, digits and hyphens, starting and ending with a letter or digit',
    );
    expect(refusal(() => validateInput(auditQuery, { from: '0000-01-01' }, 'query')).message).toBe('the request query is invalid: from must lie between 1970-01-01 and 9999-12-31 (UTC)');
  });
});
