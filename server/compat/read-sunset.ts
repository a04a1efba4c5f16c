import type { JsonObject } from './json-object.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Sunset {
  /** The `x-sunset` as written: an ISO 8601 date or date-time. */
  sunset?: string;
  /** Whole days from `now` to the sunset, negative once it passed; absent without `now` or a readable date. */
  daysLeft?: number;
  passed: boolean;
}

/** When an operation or parameter stops working, per its `x-sunset`, seen from `now`. */
export function readSunset(node: JsonObject, now?: Date): Sunset {
  const sunset = typeof node['x-sunset'] === 'string' ? node['x-sunset'] : undefined;
  const at = sunset === undefined ? Number.NaN : Date.parse(sunset);
  if (sunset === undefined || now === undefined || Number.isNaN(at)) return { ...(sunset !== undefined && { sunset }), passed: false };
  return { sunset, daysLeft: Math.floor((at - now.getTime()) / DAY_MS), passed: at < now.getTime() };
}
