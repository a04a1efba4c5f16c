import { createHash, randomBytes } from 'node:crypto';

/** A new API key: `acc_` and 256 random bits, so it is recognisable in logs and secret scanners. */
export const generateApiKey = (): string => `acc_${randomBytes(32).toString('base64url')}`;

/** What is stored instead of the key. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** The part of a key shown in listings: enough to tell keys apart, too little to use. */
export const keyPrefix = (key: string): string => key.slice(0, 10);
