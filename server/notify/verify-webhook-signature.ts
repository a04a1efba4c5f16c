import { timingSafeEqual } from 'node:crypto';
import { signatureDigest } from './webhook-signature.js';

export interface VerifyOptions {
  /** How far the signed time may be from now, either way; five minutes unless given. */
  toleranceSeconds?: number;
  /** The receiver's clock, in milliseconds; for tests. */
  now?: number;
}

/**
 * Checks an `accord-signature` header against the raw request body, as a receiver should: the
 * HMAC must match (compared in constant time) and the signed time must be recent. Several `v1`
 * entries are allowed, so a sender may sign with more than one secret while one is replaced.
 * Verify the bytes as received, before parsing: re-serialised JSON would not match.
 */
export function verifyWebhookSignature(secret: string, header: string | null | undefined, body: string | Buffer, { toleranceSeconds = 300, now = Date.now() }: VerifyOptions = {}): boolean {
  if (!header) return false;
  const parts = header.split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]);
  const timestamp = parts.find(([key]) => key === 't')?.[1];
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) return false;
  const t = Number(timestamp);
  if (Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureDigest(secret, body, t), 'hex');
  return parts.some(([key, value]) => {
    if (key !== 'v1' || value === undefined || !/^[0-9a-f]{64}$/i.test(value)) return false;
    return timingSafeEqual(Buffer.from(value, 'hex'), expected);
  });
}
