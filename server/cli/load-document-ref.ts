import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import type { DeploymentMatrix, Version } from '../registry/index.js';
import type { AccordClient } from './accord-client.js';
import { UsageError } from './cli-errors.js';
import { loadDocument, type LoadedDocument, type LoadOptions } from './load-document.js';

/** What a document reference names: a local file, a version in the registry, or a file at a git revision. */
export type DocumentRef =
  | { kind: 'file'; file: string }
  | { kind: 'registry'; contract: string; version: string }
  | { kind: 'registry'; contract: string; environment: string }
  | { kind: 'git'; revision: string; path: string };

// A version label, `latest` or `env:<slug>`: never a colon elsewhere, a slash or a brace, which
// leaves `main@{yesterday}:api.yaml` to git.
const REGISTRY_REF = /^([a-z0-9][a-z0-9-]*)@(?:env:([a-z0-9][a-z0-9-]*)|([0-9A-Za-z][0-9A-Za-z.+-]*))$/;
const GIT_REF = /^([^:]+):(.+)$/;

/**
 * Reads `ref` as `accord diff` and `accord changelog` take it. A local file that exists always
 * wins; then `<contract>@<version>`, `<contract>@latest` and `<contract>@env:<environment>` name
 * a version in the registry; then `<revision>:<path>` a file as git has it at that revision.
 */
export async function parseDocumentRef(ref: string): Promise<DocumentRef> {
  if (await exists(ref)) return { kind: 'file', file: ref };
  const registry = REGISTRY_REF.exec(ref);
  if (registry) return registry[2] !== undefined ? { kind: 'registry', contract: registry[1]!, environment: registry[2] } : { kind: 'registry', contract: registry[1]!, version: registry[3]! };
  const git = GIT_REF.exec(ref);
  if (git) {
    // A revision is passed to git as an argument; one that starts with a dash would be read as an option.
    if (git[1]!.startsWith('-')) throw new UsageError(`${ref}: a git revision cannot start with "-"`);
    return { kind: 'git', revision: git[1]!, path: git[2]! };
  }
  return { kind: 'file', file: ref };
}

/** Loads the document a reference names; `client` is asked only for registry references. */
export async function loadDocumentRef(ref: string, { client, ...options }: { client: () => AccordClient } & Omit<LoadOptions, 'text'>): Promise<LoadedDocument> {
  const parsed = await parseDocumentRef(ref);
  switch (parsed.kind) {
    case 'file':
      return loadDocument(parsed.file, options);
    case 'git':
      return loadDocument(parsed.path, { ...options, text: await gitShow(parsed.revision, parsed.path) });
    case 'registry': {
      const version = 'environment' in parsed ? await deployedVersion(client(), parsed.contract, parsed.environment) : parsed.version;
      const { body } = await client().request<Version>('GET', `/contracts/${encodeURIComponent(parsed.contract)}/versions/${encodeURIComponent(version)}`);
      return loadDocument(`${parsed.contract}@${body.version}`, { ...options, text: body.source });
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The version of a contract deployed in an environment now. */
async function deployedVersion(client: AccordClient, contract: string, environment: string): Promise<string> {
  const { body } = await client.request<DeploymentMatrix>('GET', '/deployments', { query: { contract } });
  if (!body.environments.some((e) => e.slug === environment)) {
    const known = body.environments.map((e) => e.slug);
    throw new UsageError(`${contract}@env:${environment}: there is no environment "${environment}"; ${known.length === 0 ? 'none is defined yet' : `the environments are ${known.join(', ')}`}`);
  }
  const deployed = body.rows.find((row) => row.contract === contract)?.deployments[environment];
  if (!deployed) throw new UsageError(`${contract}@env:${environment}: no version of ${contract} is recorded as deployed in ${environment} (accord deploy records one)`);
  return deployed.version;
}

/** `git show <revision>:<path>`, run without a shell so nothing in either part is interpreted. */
function gitShow(revision: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', ['show', `${revision}:${path}`], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : stderr.trim().split('\n')[0] || error.message;
      reject(new UsageError(`${revision}:${path}: git cannot show it (${reason})`));
    });
  });
}
