import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teams } from '../registry/registry.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

// The four tables better-auth keeps (people, their sessions, their credentials, one-time tokens).
// Property names are the field names better-auth expects; column names follow Accord's style.

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  /** `admin` may do everything; everyone else gets what their team memberships give. */
  role: text('role', { enum: ['admin', 'user'] }).notNull().default('user'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
}, (t) => [check('users_role_check', sql`${t.role} in ('admin', 'user')`)]);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: at('expires_at').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: at('access_token_expires_at'),
    refreshTokenExpiresAt: at('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('accounts_user_idx').on(t.userId)],
);

export const verifications = pgTable('verifications', {
  id: text('id').primaryKey(),
  identifier: text('identifier').notNull(),
  value: text('value').notNull(),
  expiresAt: at('expires_at').notNull(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/** A person's role in a team: maintainers publish and decide, members request and check. */
export const teamMemberships = pgTable(
  'team_memberships',
  {
    teamId: uuid('team_id').notNull().references(() => teams.id),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['maintainer', 'member'] }).notNull(),
    createdAt: at('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_memberships_user_idx').on(t.userId), check('team_memberships_role_check', sql`${t.role} in ('maintainer', 'member')`)],
);

/**
 * A machine credential. Only the SHA-256 of the key is stored: keys are 256 random bits, so a
 * slow password hash would add nothing but latency to every CI request.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** The team the key acts for; null only for admin keys (bootstrap). */
    teamId: uuid('team_id').references(() => teams.id),
    /** The key's first characters, shown in listings so a person can tell keys apart. */
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull().unique(),
    scopes: text('scopes').array().notNull(),
    /** Who created it, as the audit log names actors: `user:<id>`, `api-key:<id>` or `system:<name>`. */
    createdBy: text('created_by').notNull(),
    /**
     * The person answerable for the key (see `keySuspension`); null for keys the installation
     * itself holds (made by `ACCORD_BOOTSTRAP_TOKEN`). Deliberately no foreign key: a removed
     * account must leave its keys suspended, not turn them into the installation's.
     */
    custodianId: text('custodian_id'),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at'),
    revokedAt: at('revoked_at'),
    lastUsedAt: at('last_used_at'),
  },
  (t) => [index('api_keys_team_idx').on(t.teamId), index('api_keys_custodian_idx').on(t.custodianId)],
);
