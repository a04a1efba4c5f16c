import { describe, expect, it } from 'vitest';
import { meanTimeToRecover } from './mean-time-to-recover.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 10, minute));

describe('meanTimeToRecover', () => {
  it('is the mean of the resolved durations, per environment and per consumer → provider edge', () => {
    const mttr = meanTimeToRecover(
      [
        { environment: 'prod', consumers: ['pos'], openedAt: at(0), resolvedAt: at(10) },
        { environment: 'prod', consumers: ['pos', 'erp'], openedAt: at(20), resolvedAt: at(40) },
        { environment: 'dev', consumers: [], openedAt: at(0), resolvedAt: at(3) },
      ],
      'inventory',
    );
    expect(mttr.overall).toEqual({ incidents: 3, mttrMs: (10 + 20 + 3) * 60_000 / 3, totalMs: 33 * 60_000 });
    expect(mttr.environments).toEqual([
      { environment: 'dev', incidents: 1, mttrMs: 3 * 60_000, totalMs: 3 * 60_000 },
      { environment: 'prod', incidents: 2, mttrMs: 15 * 60_000, totalMs: 30 * 60_000 },
    ]);
    expect(mttr.edges).toEqual([
      { environment: 'prod', consumer: 'erp', provider: 'inventory', incidents: 1, mttrMs: 20 * 60_000, totalMs: 20 * 60_000 },
      { environment: 'prod', consumer: 'pos', provider: 'inventory', incidents: 2, mttrMs: 15 * 60_000, totalMs: 30 * 60_000 },
    ]);
  });

  it('has no mean without resolved incidents', () => {
    expect(meanTimeToRecover([], 'inventory')).toEqual({ overall: { incidents: 0, mttrMs: null, totalMs: 0 }, environments: [], edges: [] });
  });
});
