import { promises as dns, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from './is-public-address.js';

/** Resolves a host name to all its addresses; the system resolver unless a test stands in for DNS. */
export type Resolve = (hostname: string, options: LookupOptions) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (hostname, options) => dns.lookup(hostname, { ...options, all: true });

/**
 * A `lookup` for node:http(s) that resolves the host and drops every address that is not public,
 * failing when none is left. Checking the addresses the socket will actually connect to, rather
 * than resolving once to validate the URL, leaves no window for DNS rebinding.
 */
export function guardedLookup({ allowPrivate, resolve = systemResolve }: { allowPrivate: boolean; resolve?: Resolve }): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, options).then(
      (addresses) => {
        const usable = allowPrivate ? addresses : addresses.filter((a) => isPublicAddress(a.address));
        if (usable.length === 0) {
          const refused = Object.assign(new Error(`${hostname} resolves only to private, loopback, link-local or reserved addresses, which webhooks may not reach`), { code: 'EADDRNOTPUBLIC' });
          return callback(refused, '', 0);
        }
        if (options.all) return callback(null, usable);
        callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
