import type { Database } from '../../db/index.js';
import { systems, teams } from '../../registry/index.js';
import { newId } from '../../shared/index.js';
import { webhookEndpoints } from '../notify.tables.js';

/** A team, a system and one endpoint pointing at `url`, written straight into the tables. */
export async function endpointAt(database: Database, url: string): Promise<{ id: string; secret: string }> {
  const now = new Date();
  const teamId = newId();
  const systemId = newId();
  const endpoint = { id: newId(), secret: 'whsec_worker-test' };
  await database.db.insert(teams).values({ id: teamId, slug: `t-${teamId.slice(-8)}`, name: 'T', createdAt: now, updatedAt: now });
  await database.db.insert(systems).values({ id: systemId, slug: `s-${systemId.slice(-8)}`, name: 'S', teamId, domain: 'd', createdAt: now, updatedAt: now });
  await database.db.insert(webhookEndpoints).values({ ...endpoint, systemId, url, events: [], createdBy: 'test', createdAt: now });
  return endpoint;
}
