import { describe, expect, it } from 'vitest';
import { newWebhookSecret } from './new-webhook-secret.js';
import { verifyWebhookSignature } from './verify-webhook-signature.js';
import { webhookSignature } from './webhook-signature.js';

const secret = newWebhookSecret();
const body = JSON.stringify({ specversion: '1.0', id: 'e1', type: 'dev.accord.ping', data: { a: 1 } });
const now = 1_800_000_000_000;
const t = now / 1000;

describe('verifyWebhookSignature', () => {
  it('accepts the signature Accord sends', () => {
    expect(verifyWebhookSignature(secret, webhookSignature(secret, body, t), body, { now })).toBe(true);
    expect(verifyWebhookSignature(secret, webhookSignature(secret, body, t), Buffer.from(body), { now })).toBe(true);
  });

  it('signs "<t>.<body>" with HMAC-SHA256 in hex, as documented', () => {
    // Computed independently: printf '1700000000.hello' | openssl dgst -sha256 -hmac whsec_test
    expect(webhookSignature('whsec_test', 'hello', 1700000000)).toBe('t=1700000000,v1=457c4d31b232d95fcd50f1d95021aaaffddd859d0ee8a206675e84ccc977431d');
  });

  it('rejects a signature made with another secret', () => {
    expect(verifyWebhookSignature(secret, webhookSignature(newWebhookSecret(), body, t), body, { now })).toBe(false);
  });

  it('rejects a body changed after signing', () => {
    expect(verifyWebhookSignature(secret, webhookSignature(secret, body, t), body.replace('"a":1', '"a":2'), { now })).toBe(false);
  });

  it('rejects a timestamp outside the tolerance, either way', () => {
    expect(verifyWebhookSignature(secret, webhookSignature(secret, body, t - 301), body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, webhookSignature(secret, body, t + 301), body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, webhookSignature(secret, body, t - 3600), body, { now, toleranceSeconds: 7200 })).toBe(true);
  });

  it('rejects a timestamp moved without re-signing', () => {
    const moved = webhookSignature(secret, body, t - 1000).replace(`t=${t - 1000}`, `t=${t}`);
    expect(verifyWebhookSignature(secret, moved, body, { now })).toBe(false);
  });

  it('rejects missing and malformed headers', () => {
    for (const header of [undefined, null, '', 'garbage', `t=${t}`, `v1=${'0'.repeat(64)}`, `t=abc,v1=${'0'.repeat(64)}`, `t=${t},v1=xyz`]) {
      expect(verifyWebhookSignature(secret, header, body, { now })).toBe(false);
    }
  });

  it('accepts a header carrying several signatures when one matches', () => {
    const [stamp, v1] = webhookSignature(secret, body, t).split(',');
    expect(verifyWebhookSignature(secret, `${stamp},v1=${'ab'.repeat(32)},${v1}`, body, { now })).toBe(true);
  });
});

describe('webhook secrets', () => {
  it('are 32 random bytes behind a whsec_ prefix, never the same twice', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice(6), 'base64url')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
