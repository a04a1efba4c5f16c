import { Conflict, InvalidInput } from '../shared/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SunsetRequest {
  sunsetAt: Date;
  now: Date;
  /** The sunset announced before, when this deprecates the same thing again. */
  announced?: Date | null;
  /** The shortest notice a first announcement may give, in days. */
  minDays?: number;
  /** What is being deprecated, for messages: `contract "orders-api"`, `GET /orders`. */
  subject: string;
}

/**
 * A sunset must lie ahead; a first one at least `minDays` ahead (ACCORD_MIN_DEPRECATION_DAYS), an
 * announced one may only move later, as the engine's `operation-sunset-brought-forward` asks of
 * documents: consumers planned their migration around the date they were given.
 */
export function assertSunset({ sunsetAt, now, announced = null, minDays = 0, subject }: SunsetRequest): void {
  const at = sunsetAt.toISOString();
  if (sunsetAt.getTime() <= now.getTime()) {
    throw new InvalidInput(`the sunset of ${subject} must be in the future; ${at} is not`, [{ pointer: '/sunsetAt', message: 'must be in the future' }], 'invalid-sunset');
  }
  if (announced !== null) {
    if (sunsetAt.getTime() < announced.getTime()) {
      throw new Conflict('sunset-brought-forward', `the sunset of ${subject} was announced for ${announced.toISOString()}; it may move later, not earlier to ${at}`, [
        { pointer: '/sunsetAt', message: `must not be before ${announced.toISOString()}` },
      ]);
    }
    return;
  }
  const days = Math.floor((sunsetAt.getTime() - now.getTime()) / DAY_MS);
  if (days < minDays) {
    throw new InvalidInput(`the sunset of ${subject} on ${at} gives ${days} days of notice; at least ${minDays} are required`, [{ pointer: '/sunsetAt', message: `must be at least ${minDays} days ahead` }], 'sunset-too-soon');
  }
}
