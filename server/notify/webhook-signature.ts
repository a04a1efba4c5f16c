import { createHmac } from 'node:crypto';

/**
 * The `accord-signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 * The timestamp is signed with the body so a captured request cannot be replayed later than the
 * receiver's tolerance; the key is the secret exactly as shown, `whsec_` prefix included.
 */
export function webhookSignature(secret: string, body: string | Buffer, timestampSeconds: number): string {
  return `t=${timestampSeconds},v1=${signatureDigest(secret, body, timestampSeconds)}`;
}

export function signatureDigest(secret: string, body: string | Buffer, timestampSeconds: number): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.`).update(body).digest('hex');
}
