import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The embedded installation's session-signing secret: generated on first start and kept beside
 * the PGlite data (readable by its owner only), so sessions survive restarts without any setup.
 * A file too short to be a secret (truncated by a full disk, say) is replaced, never used: an
 * empty secret would make better-auth fall back to its publicly known default.
 */
export async function localAuthSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, 'auth-secret');
  const stored = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    },
  );
  if (stored.length >= 32) return stored;
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
