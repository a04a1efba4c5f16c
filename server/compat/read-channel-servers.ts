import { isJsonObject } from './json-object.js';
import { refName } from './ref-name.js';

/**
 * The servers a channel is restricted to: 2.x lists server names, 3.0 references to servers.
 * An absent or empty list means the channel is available on every server.
 */
export function readChannelServers(value: unknown): { servers?: string[] } {
  if (!Array.isArray(value) || value.length === 0) return {};
  return { servers: value.flatMap((server) => (typeof server === 'string' ? [server] : isJsonObject(server) && typeof server.$ref === 'string' ? [refName(server.$ref)] : [])) };
}
