import { stringify } from 'yaml';
import type { TestServer } from '../../test-support/test-server.js';

const api = (version: number) =>
  stringify({ openapi: '3.0.3', info: { title: 'Ledger', version: `${version}.0.0` }, paths: Object.fromEntries(Array.from({ length: version }, (_, i) => [`/entries/v${i}`, { get: { responses: { '200': { description: 'ok' } } } }])) });

/**
 * Changes the registry through its REST API, as the administrator, the way people and pipelines
 * do: a team, a system, two contracts, `versions` publishes of the ledger API, an edit and an
 * environment. Resolves with the audit action each change records, in order.
 */
export async function changeRegistry(server: TestServer, { versions = 5 } = {}): Promise<string[]> {
  const send = async (method: string, path: string, body: unknown) => {
    const { status, body: answer } = await server.json(method, `/api/v1${path}`, body);
    if (status >= 300) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(answer)}`);
  };
  await send('POST', '/teams', { slug: 'payments', name: 'Payments' });
  await send('POST', '/systems', { slug: 'ledger', name: 'Ledger', team: 'payments', domain: 'banking' });
  await send('POST', '/contracts', { slug: 'ledger-api', name: 'Ledger API', system: 'ledger' });
  await send('POST', '/contracts', { slug: 'payouts-api', name: 'Payouts API', system: 'ledger' });
  // Each version adds a path, so every publish is compatible with the one before.
  for (let v = 1; v <= versions; v++) await send('POST', '/contracts/ledger-api/versions', { version: `1.${v - 1}.0`, document: api(v) });
  await send('PATCH', '/contracts/ledger-api', { description: 'Entries of the general ledger' });
  await send('POST', '/environments', { slug: 'prod', name: 'Production' });
  return ['team.created', 'system.created', 'contract.created', 'contract.created', ...Array<string>(versions).fill('version.published'), 'contract.updated', 'environment.created'];
}
