import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The embedded installation's session-signing secret: generated on first start and kept beside
 * the PGlite data (readable by its owner only), so sessions survive restarts without any setup.
 */
export async function localAuthSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, 'auth-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const secret = randomBytes(32).toString('base64url');
    // `wx`: should two processes race here, one write fails and both read the survivor next start.
    await writeFile(file, secret, { mode: 0o600, flag: 'wx' }).catch(() => {});
    return (await readFile(file, 'utf8')).trim();
  }
}
