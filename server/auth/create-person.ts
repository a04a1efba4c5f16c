import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import { isUniqueViolation, type Db } from '../db/index.js';
import { Conflict, InvalidInput, newId, plural, type Actor, type Clock } from '../shared/index.js';
import { accounts, users } from './auth.tables.js';
import type { Auth } from './create-auth.js';

export interface PersonInput {
  email: string;
  name: string;
  password: string;
  role?: 'admin' | 'user';
}

export interface Person {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'user';
  createdAt: Date;
}

/**
 * Creates a person who signs in with email and password, the way better-auth's own sign-up would
 * (a `credential` account holding better-auth's password hash), for the paths where sign-up is
 * closed: the first administrator and people an administrator adds. `prepare` runs in the same
 * transaction first, e.g. to check the installation is still unclaimed.
 */
export async function createPerson(
  { db, auth, clock }: { db: Db; auth: Auth; clock: Clock },
  input: PersonInput,
  actor: Actor,
  prepare: (tx: Db) => Promise<void> = async () => {},
): Promise<Person> {
  const email = input.email.trim().toLowerCase();
  if (input.password.length < 12 || input.password.length > 256) throw new InvalidInput(`a password must have 12 to 256 characters; this one has ${plural(input.password.length, 'character')}`, [{ pointer: '/password', message: 'must have 12 to 256 characters' }], 'weak-password');
  const context = await auth.$context;
  const hash = await context.password.hash(input.password);
  const now = clock.now();
  const id = newId(now.getTime());
  try {
    return await db.transaction(async (tx) => {
      await prepare(tx);
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (existing) throw new Conflict('already-exists', `a person with email ${email} already exists`, [{ pointer: '/email', message: 'taken' }]);
      const [row] = await tx.insert(users).values({ id, email, name: input.name, role: input.role ?? 'user', emailVerified: false, createdAt: now, updatedAt: now }).returning();
      await tx.insert(accounts).values({ id: newId(now.getTime()), accountId: id, providerId: 'credential', userId: id, password: hash, createdAt: now, updatedAt: now });
      await recordAuditEvent(tx, { actor, action: 'user.created', targetType: 'user', targetId: id, summary: { email, role: row!.role }, at: now });
      return { id, email, name: row!.name, role: row!.role, createdAt: row!.createdAt };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict('already-exists', `a person with email ${email} already exists`, [{ pointer: '/email', message: 'taken' }]);
    throw error;
  }
}
