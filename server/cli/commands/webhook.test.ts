import { describe, expect, test } from 'vitest';
import type { WebhookDelivery, WebhookEndpointWithSecret } from '../../notify/index.js';
import { accordTestRegistry } from '../../test-support/accord-test-registry.js';

const registry = accordTestRegistry({ teams: ['store-platform'], systems: [{ slug: 'pos', team: 'store-platform' }] });
const { accord } = registry;

describe('accord webhook', () => {
  let created: WebhookEndpointWithSecret;

  test('create answers the endpoint with its secret; ls lists it', async () => {
    const run = await accord('webhook', 'create', 'pos', '--url', 'https://hooks.example.com/accord', '--event', 'version.published', '--json');
    expect(run.code).toBe(0);
    created = JSON.parse(run.stdout) as WebhookEndpointWithSecret;
    expect(created).toMatchObject({ system: 'pos', url: 'https://hooks.example.com/accord', events: ['version.published'], active: true, secret: expect.any(String) });
    const listed = await accord('webhook', 'ls', 'pos');
    expect(listed.stdout).toMatch(/^ID\s+STATE\s+URL\s+EVENTS/);
    expect(listed.stdout).toContain(`${created.id}  active  https://hooks.example.com/accord  version.published`);
  });

  test('rotate-secret prints a new secret; test queues a ping that deliveries lists; disable stops it', async () => {
    const rotated = await accord('webhook', 'rotate-secret', created.id);
    expect(rotated.code).toBe(0);
    const secret = /^secret: (\S+)/m.exec(rotated.stdout)![1];
    expect(secret).not.toBe(created.secret);
    const pinged = await accord('webhook', 'test', created.id, '--json');
    expect(pinged.code).toBe(0);
    const delivery = JSON.parse(pinged.stdout) as WebhookDelivery;
    expect(delivery.eventType).toBe('dev.accord.ping');
    const deliveries = await accord('webhook', 'deliveries', created.id, '--json');
    expect((JSON.parse(deliveries.stdout) as WebhookDelivery[]).map((d) => d.id)).toContain(delivery.id);
    const disabled = await accord('webhook', 'disable', created.id);
    expect(disabled.stdout).toMatch(new RegExp(`^${created.id}  disabled  pos`));
  });

  test('a loopback URL is refused with the problem, exit 1', async () => {
    const run = await accord('webhook', 'create', 'pos', '--url', 'http://127.0.0.1:8080/hook');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: [a-z-]+: .*\n\s+\/url .*127\.0\.0\.1/);
  });
});
