import { readFile } from 'node:fs/promises';
import type { Subscription } from '../../registry/index.js';
import type { TestServer } from '../../test-support/test-server.js';
import { fixture } from './run-accord.js';

/**
 * A small registry for the read commands: two teams, two systems, the Orders API with versions
 * 1.0.0 and 1.1.0 (1.0.0 deployed to prod, subscribed to by the storefront) and a Payments API
 * without versions.
 */
export async function seedOrdersRegistry(server: TestServer): Promise<{ subscription: Subscription }> {
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const { status, body: created } = await server.json<T>('POST', `/api/v1${path}`, body);
    if (status >= 300) throw new Error(`POST ${path} answered ${status}: ${JSON.stringify(created)}`);
    return created;
  };
  await post('/teams', { slug: 'checkout', name: 'Checkout' });
  await post('/teams', { slug: 'web-shop', name: 'Web Shop' });
  await post('/systems', { slug: 'order-service', name: 'Order Service', team: 'checkout', domain: 'retail' });
  await post('/systems', { slug: 'storefront', name: 'Storefront', team: 'web-shop', domain: 'retail' });
  await post('/contracts', { slug: 'orders-api', name: 'Orders API', system: 'order-service', tags: ['orders', 'rest'] });
  await post('/contracts', { slug: 'payments-api', name: 'Payments API', system: 'order-service' });
  await post('/contracts/orders-api/versions', { version: '1.0.0', document: await readFile(fixture('publish/orders-api.yaml'), 'utf8') });
  await post('/contracts/orders-api/versions', { version: '1.1.0', document: await readFile(fixture('publish/orders-api-edited.yaml'), 'utf8') });
  await post('/environments', { slug: 'prod', name: 'Production', rank: 3 });
  await post('/environments', { slug: 'staging', name: 'Staging', rank: 2 });
  await post('/contracts/orders-api/deployments', { environment: 'prod', version: '1.0.0', address: 'https://orders.example.com/v1' });
  const subscription = await post<Subscription>('/contracts/orders-api/subscriptions', { consumer: 'storefront', range: '^1.0.0', operations: ['GET /orders/{orderId}'] });
  return { subscription };
}
