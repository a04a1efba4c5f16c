import { describe, expect, it } from 'vitest';
import { concernedSubscriptions } from './concerned-subscriptions.js';

const held = [
  { id: 'pos-1', consumerSystemId: 'pos', range: '^1.0.0' },
  { id: 'pos-2', consumerSystemId: 'pos', range: '^2.0.0' },
  { id: 'web-1', consumerSystemId: 'web', range: '>=1.0.0' },
];
const ids = (version: string | undefined) => concernedSubscriptions(held, version).map((s) => s.id);

describe('concernedSubscriptions', () => {
  it('names each consumer once, through the subscription whose range admits the version', () => {
    expect(ids('1.4.0')).toEqual(['pos-1', 'web-1']);
    expect(ids('2.0.1')).toEqual(['pos-2', 'web-1']);
  });

  it('falls back to the subscription furthest along when none admits the version, or none is named', () => {
    expect(ids('3.0.0')).toEqual(['pos-2', 'web-1']);
    expect(ids(undefined)).toEqual(['pos-2', 'web-1']);
  });
});
