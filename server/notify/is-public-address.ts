import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/**
 * Whether an IP address is one a webhook may be sent to: ordinary public unicast. An allow-list,
 * not a deny-list, so ranges nobody thought of stay refused: loopback, RFC 1918 private,
 * link-local (169.254/16 holds the cloud metadata services, fe80::/10), CGNAT 100.64/10,
 * unspecified, broadcast, multicast, documentation and reserved blocks, unique-local fc00::/7,
 * and IPv6 forms that carry an IPv4 address (NAT64, 6to4, Teredo). IPv6 must also lie in
 * 2000::/3, the only block assigned for global unicast.
 */
export function isPublicAddress(address: string): boolean {
  // Only the textual forms sockets use: ipaddr.js would also read inet_aton shorthands like 1.2.3.
  if (isIP(address) === 0) return false;
  // `process` turns ::ffff:10.0.0.1 into the 10.0.0.1 it reaches, so it is judged as that.
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.range() === 'unicast';
  return parsed.range() === 'unicast' && parsed.match(GLOBAL_UNICAST_V6);
}
