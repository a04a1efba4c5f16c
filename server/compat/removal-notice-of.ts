import type { RemovalNotice } from './change.js';
import type { JsonObject } from './json-object.js';
import { readSunset } from './read-sunset.js';

/** What an operation or parameter had announced before it went: its deprecation and `x-sunset`, seen from `now`. */
export function removalNoticeOf(node: JsonObject, now?: Date): RemovalNotice {
  const { sunset, passed } = readSunset(node, now);
  return { deprecated: node.deprecated === true, ...(sunset !== undefined && { sunset }), sunsetPassed: passed };
}
