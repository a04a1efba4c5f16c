import { describe, expect, it } from 'vitest';
import { edgeHealth } from './edge-health.js';

const slo = { p95Ms: 200, errorRate: 0.01 };
const within = { requests: 100, p95Ms: 150, errorRate: 0.005 };

describe('edgeHealth', () => {
  it('is healthy when the traffic stays within the objective and no incident is open', () => {
    expect(edgeHealth({ figures: within, slo, openIncidents: 0 })).toBe('healthy');
  });

  it('is breaching when the P95 or the error rate is over the objective', () => {
    expect(edgeHealth({ figures: { ...within, p95Ms: 201 }, slo, openIncidents: 0 })).toBe('breaching');
    expect(edgeHealth({ figures: { ...within, errorRate: 0.02 }, slo, openIncidents: 0 })).toBe('breaching');
  });

  it('is breaching while an incident is open, even when the period as a whole looks fine', () => {
    expect(edgeHealth({ figures: within, slo, openIncidents: 1 })).toBe('breaching');
  });

  it('is unknown without traffic: silence is no evidence either way', () => {
    expect(edgeHealth({ figures: { requests: 0, p95Ms: null, errorRate: null }, slo, openIncidents: 0 })).toBe('unknown');
  });

  it('is healthy exactly at the objective', () => {
    expect(edgeHealth({ figures: { requests: 10, p95Ms: 200, errorRate: 0.01 }, slo, openIncidents: 0 })).toBe('healthy');
  });
});
