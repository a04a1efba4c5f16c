/** A service level objective of one contract in one environment, and how its breaches become incidents. */
export interface SloSettings {
  /** The P95 latency the traffic must stay at or under, in milliseconds. */
  p95Ms: number;
  /** The share of requests (0..1) that may fail: 5xx answers and transport failures. */
  errorRate: number;
  /** How far back each evaluation looks. */
  windowSeconds: number;
  /** Consecutive breaching evaluations before an incident opens, so one slow window does not page anyone. */
  openAfter: number;
  /** Consecutive healthy evaluations before an open incident resolves, so a recovering service does not flap. */
  resolveAfter: number;
}

export interface Slo extends SloSettings {
  contract: string;
  environment: string;
  /** `default`: the contract set none in this environment and the installation's default applies. */
  source: 'default' | 'configured';
  updatedAt: Date | null;
  updatedBy: string | null;
}

export type SloKind = 'latency' | 'errors';
export const SLO_KINDS: readonly SloKind[] = ['latency', 'errors'];
