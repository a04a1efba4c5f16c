import { isIP } from 'node:net';
import { isPublicAddress } from './is-public-address.js';

/**
 * Why a URL may not receive webhooks, or undefined when it may. Checked when an endpoint is
 * registered, for a clear answer, and again before every attempt, since the installation's
 * `allowPrivate` may have changed since. Host names are judged by what they resolve to, at connect
 * time; only `localhost` names (RFC 6761: always loopback) are refused by name.
 */
export function webhookUrlRefusal(url: string, { allowPrivate }: { allowPrivate: boolean }): string | undefined {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'not an absolute URL';
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return `${target.protocol.slice(0, 20)} URLs are not allowed; use http or https`;
  if (target.username || target.password) return 'credentials in the URL are not allowed; authenticate the request by its signature';
  if (allowPrivate) return undefined;
  // WHATWG URL parsing has already turned 0x7f.1 and 2130706433 into 127.0.0.1.
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return `${host} is a loopback name, which webhooks may not reach`;
  // A literal address connects without a lookup, so the guarded lookup would never see it.
  if (isIP(host) !== 0 && !isPublicAddress(host)) return `${host} is a private, loopback, link-local or reserved address, which webhooks may not reach`;
  return undefined;
}
