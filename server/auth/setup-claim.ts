import { randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { Conflict, Forbidden, type Clock } from '../shared/index.js';
import { users } from './auth.tables.js';
import type { Auth } from './create-auth.js';
import { createPerson, type Person, type PersonInput } from './create-person.js';

const hasAdmin = async (db: Db) => (await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1)).length > 0;

/**
 * The one-time claim of an empty installation: while no administrator exists, the server holds a
 * random setup token (printed at start-up) that lets whoever can read the server's log create the
 * first administrator. "No administrator yet" is checked again inside the creating transaction,
 * under a table lock, so two racing claims (on any number of instances) create one administrator.
 */
export async function createSetupClaim({ db, auth, clock, administered = false }: { db: Db; auth: Auth; clock: Clock; /** An administrator's key exists already (the bootstrap token): nothing to claim. */ administered?: boolean }) {
  const token = administered || (await hasAdmin(db)) ? undefined : `setup_${randomBytes(24).toString('base64url')}`;
  return {
    /** The token to print, or undefined when the installation is already claimed. */
    token,
    async claim(given: string, input: Omit<PersonInput, 'role'>): Promise<Person> {
      if (token === undefined || !sameSecret(given, token)) throw new Forbidden('the setup token is wrong, or this installation has already been claimed');
      return createPerson({ db, auth, clock }, { ...input, role: 'admin' }, { kind: 'system', name: 'setup' }, async (tx) => {
        await tx.execute(lockUsers);
        if (await hasAdmin(tx)) throw new Conflict('already-claimed', 'this installation already has an administrator; sign in instead');
      });
    },
  };
}

// Racing claims on PostgreSQL: the second waits here and then sees the first's administrator.
const lockUsers = sql`lock table ${users} in share row exclusive mode`;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type SetupClaim = Awaited<ReturnType<typeof createSetupClaim>>;
