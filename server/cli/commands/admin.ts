import { randomBytes } from 'node:crypto';
import { loadServerConfig } from '../../config.js';
import { AccordError } from '../../shared/index.js';
import { EXIT, UsageError } from '../cli-errors.js';
import { parseCommandArgs } from '../parse-command-args.js';

export const adminHelp = `accord admin create --email <email> --name <name> [--password-stdin] [--data-dir DIR] [--database-url URL] [--json]

Creates an administrator directly in Accord's database, with no server and no token needed: the
way to claim a new installation from a shell, or to regain access. The password is read from
standard input with --password-stdin (e.g. from a secret store), else from ACCORD_ADMIN_PASSWORD;
it needs 12 to 256 characters. With the embedded database (--data-dir, ACCORD_DATA_DIR) stop the
server first: PGlite's data directory belongs to one process at a time, and a running server's
is refused. With PostgreSQL (--database-url, DATABASE_URL) the server may keep running.

Exit codes: 0 created, 1 refused (the email is taken, the password too short), 2 usage error.`;

export async function admin(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    email: { type: 'string' },
    name: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return void console.log(adminHelp), EXIT.ok;
  if (positionals[0] !== 'create' || positionals.length !== 1) throw new UsageError(`expected "accord admin create"\n\n${adminHelp}`);
  if (!values.email) throw new UsageError('--email <email> is required');
  if (!values.name) throw new UsageError('--name <name> is required');
  const password = values['password-stdin'] ? (await readStdin()).replace(/\r?\n$/, '') : process.env.ACCORD_ADMIN_PASSWORD;
  if (!password) throw new UsageError('give the password on standard input with --password-stdin, or in ACCORD_ADMIN_PASSWORD');

  const config = loadServerConfig({
    // Creating a person only hashes a password; the secret that signs sessions is the servers'
    // business, so PostgreSQL installations need not hand it to this command.
    ...process.env,
    ACCORD_AUTH_SECRET: process.env.ACCORD_AUTH_SECRET || randomBytes(32).toString('base64url'),
    ...(values['data-dir'] ? { ACCORD_DATA_DIR: values['data-dir'] } : {}),
    ...(values['database-url'] ? { DATABASE_URL: values['database-url'] } : {}),
  });
  // Loaded here: only this command needs the database and the auth stack.
  const { openDatabase } = await import('../../db/index.js');
  const { createAuth, createPerson } = await import('../../auth/index.js');
  const { systemClock } = await import('../../shared/index.js');
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    const auth = createAuth(database.db, systemClock, { publicUrl: config.auth.publicUrl ?? 'http://localhost', secret: config.auth.secret!, trustedOrigins: [], signUp: false });
    const person = await createPerson({ db: database.db, auth, clock: systemClock }, { email: values.email, name: values.name, password, role: 'admin' }, { kind: 'system', name: 'cli' });
    if (values.json) console.log(JSON.stringify(person));
    // This process does not know where the server listens unless a public URL is configured.
    else console.log(`created administrator ${person.email} (${person.id}); sign in ${config.auth.publicUrl ? `at ${config.auth.publicUrl}` : 'on the Accord server of this database'}`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof AccordError)) throw error;
    if (values.json) console.log(JSON.stringify({ error: { code: error.code, detail: error.message } }));
    console.error(`error: ${error.code}: ${error.message}`);
    return EXIT.rejected;
  } finally {
    await database.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
