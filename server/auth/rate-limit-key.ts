import { createHash } from 'node:crypto';
import ipaddr from 'ipaddr.js';

/**
 * The counter a rate limit charges, sized and shaped so a client cannot make keys cheaply: an IPv6
 * client owns a whole /64, so addresses count by /64; an account counts by a hash of its
 * normalised email, so a 64 KiB "email" costs the same few bytes as a real one.
 */
export function rateLimitKey(kind: 'address' | 'account', value: string | undefined): string {
  if (kind === 'account') return `account:${createHash('sha256').update((value ?? '').trim().toLowerCase()).digest('base64url')}`;
  if (!value || !ipaddr.isValid(value)) return `address:${value ?? 'unknown'}`;
  const address = ipaddr.process(value);
  if (address.kind() === 'ipv4') return `address:${address.toString()}`;
  return `address:${(address as ipaddr.IPv6).toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
}
