import { z } from 'zod';
import { API_KEY_SCOPES } from '../shared/index.js';
import { instant } from './instant.js';

// Strict like every request shape: a body cannot set a role, an owner or a creator it was not asked for.
const email = z.email().max(320);
const password = z.string().min(1).max(1024);
const name = z.string().trim().min(1).max(200);

export const setupBody = z.strictObject({ token: z.string().min(1).max(200), email, name, password });
export const personCreate = z.strictObject({ email, name, password, role: z.enum(['admin', 'user']).optional() });
export const personPatch = z.strictObject({ role: z.enum(['admin', 'user']) });
export const membershipPut = z.strictObject({ email, role: z.enum(['maintainer', 'member']) });
export const apiKeyCreate = z.strictObject({
  name,
  team: z.string().min(1).max(64).optional(),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1).max(API_KEY_SCOPES.length),
  expiresAt: instant().optional(),
});
export const apiKeyQuery = z.strictObject({ includeRevoked: z.enum(['true', 'false']).transform((v) => v === 'true').optional() });
