import type { Db } from '../db/index.js';
import type { EventSink } from '../registry/index.js';
import type { AccessPolicy, Clock } from '../shared/index.js';
import type { SloSettings } from './slo.js';

export interface TrafficDeps {
  db: Db;
  clock: Clock;
  access: AccessPolicy;
  /** Hears incidents open and resolve, inside the transaction that changes them (the webhook outbox). */
  emit?: EventSink;
  /** The objective of a contract and environment that set none. */
  defaultSlo: SloSettings;
  /** Raw windows are kept this long; hourly rollups stay. */
  retentionDays: number;
}
