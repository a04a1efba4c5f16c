import { describe, expect, it } from 'vitest';
import type { Problem } from '../http/index.js';
import { describeRefusal } from './describe-refusal.js';

const problem = (detail: string, errors?: Problem['errors'], extra: Record<string, unknown> = {}): Problem => ({ type: 'about:blank', title: 'Unprocessable Content', status: 422, code: 'invalid-input', detail, ...(errors ? { errors } : {}), ...extra });

describe('describeRefusal', () => {
  it('leaves out a lone field whose detail the summary already ends with', () => {
    expect(describeRefusal(problem('the request is invalid: slug is required', [{ pointer: '/slug', detail: 'slug is required' }]))).toBe('error: invalid-input: the request is invalid: slug is required');
  });

  it('names a lone field that says more than the summary, with its pointer', () => {
    expect(describeRefusal(problem('"Stock API" is not a valid slug', [{ pointer: '/slug', detail: 'expected lowercase kebab-case' }]))).toBe('error: invalid-input: "Stock API" is not a valid slug\n  /slug expected lowercase kebab-case');
  });

  it('names every field when there are several, at most ten', () => {
    const errors = Array.from({ length: 12 }, (_, i) => ({ pointer: `/tags/${i}`, detail: 'is required' }));
    const text = describeRefusal(problem('12 fields are invalid: is required', errors));
    expect(text.split('\n')).toHaveLength(11);
    expect(text).toContain('\n  /tags/0 is required');
    expect(text).not.toContain('/tags/10');
  });

  it('lists the findings that blocked a publish, not the waived ones', () => {
    const findings = [
      { id: 'response-property-removed', level: 'error', message: 'quantity was removed', fingerprint: 'a' },
      { id: 'operation-removed', level: 'error', message: 'GET /stock was removed', fingerprint: 'b', waiver: { id: 'w1' } },
    ];
    expect(describeRefusal(problem('publishing 2.0.0 would break 1 consumer', undefined, { code: 'breaking-change', findings }))).toBe('error: breaking-change: publishing 2.0.0 would break 1 consumer\n  response-property-removed  quantity was removed');
  });
});
