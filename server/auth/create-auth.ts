import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { genericOAuth } from 'better-auth/plugins';
import { recordAuditEvent } from '../audit/index.js';
import type { Db } from '../db/index.js';
import type { Clock } from '../shared/index.js';
import { accounts, sessions, users, verifications } from './auth.tables.js';

export interface AuthSettings {
  /** Where people reach Accord, e.g. https://accord.example.com; cookies and origin checks follow it. */
  publicUrl: string;
  /** Signs session cookies; every instance on one database must share it. */
  secret: string;
  /** Origins allowed to make cookie-authenticated writes, besides `publicUrl`. */
  trustedOrigins: string[];
  /** Whether anyone may create an account with email and password; otherwise administrators create people. */
  signUp: boolean;
  /** Single sign-on through an OpenID Connect provider, when configured. */
  oidc?: { issuer: string; clientId: string; clientSecret: string };
  /** Where better-auth's own messages go (the server's structured log), instead of the console. */
  log?: (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;
}

/**
 * better-auth over Accord's own database: people, sessions and credentials live in the same
 * migrations as everything else. Sessions travel in HttpOnly, SameSite=Lax cookies, Secure
 * whenever the public URL is https or a loopback address (browsers accept Secure cookies there).
 */
export function createAuth(db: Db, clock: Clock, settings: AuthSettings) {
  const url = new URL(settings.publicUrl);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  const { oidc } = settings;
  return betterAuth({
    appName: 'Accord',
    baseURL: settings.publicUrl,
    basePath: '/api/auth',
    secret: settings.secret,
    trustedOrigins: [url.origin, ...settings.trustedOrigins],
    database: drizzleAdapter(db, { provider: 'pg', schema: { user: users, session: sessions, account: accounts, verification: verifications } }),
    emailAndPassword: { enabled: true, disableSignUp: !settings.signUp, minPasswordLength: 12, maxPasswordLength: 256 },
    user: {
      // Never settable through sign-up: only an administrator changes a person's role.
      additionalFields: { role: { type: 'string', required: false, defaultValue: 'user', input: false } },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    advanced: {
      cookiePrefix: 'accord',
      useSecureCookies: url.protocol === 'https:' || loopback,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    // Accord limits sign-in attempts itself (per address and per account; see http/create-app).
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { log: (level, message) => settings.log?.(level, message) },
    // Failures that are not refusals (the database is down, a bug) leave better-auth as errors, so
    // Accord's error handler answers them (503 database-unavailable, or a 500 logged once without
    // SQL) instead of better-auth's bare 500 and its own console output.
    onAPIError: { throw: true },
    plugins: oidc
      ? [
          genericOAuth({
            config: [
              {
                providerId: 'oidc',
                discoveryUrl: `${oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
                clientId: oidc.clientId,
                clientSecret: oidc.clientSecret,
                scopes: ['openid', 'email', 'profile'],
                pkce: true,
                // OpenID Connect's stable identifier for a person is `sub`, whatever else the provider sends.
                accountSubject: ({ profile }) => String((profile as { sub?: unknown }).sub ?? ''),
              },
            ],
          }),
        ]
      : [],
    databaseHooks: {
      session: {
        create: {
          // better-auth writes the session itself, so the sign-in is recorded right after it.
          after: async (session) => {
            await db.transaction((tx) =>
              recordAuditEvent(tx, { actor: { kind: 'user', userId: session.userId, name: '' }, action: 'user.signed-in', targetType: 'user', targetId: session.userId, summary: { ip: session.ipAddress ?? null, userAgent: session.userAgent ?? null }, at: clock.now() }),
            );
          },
        },
      },
      user: {
        create: {
          after: async (user) => {
            await db.transaction((tx) => recordAuditEvent(tx, { actor: { kind: 'system', name: 'auth' }, action: 'user.created', targetType: 'user', targetId: user.id, summary: { email: user.email }, at: clock.now() }));
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
