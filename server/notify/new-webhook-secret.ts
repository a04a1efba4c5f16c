import { randomBytes } from 'node:crypto';

/** 32 random bytes, prefixed so a leaked secret is recognisable in logs and secret scanners. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;
