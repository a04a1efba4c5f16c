// Publishes `count` messages to `<prefix>.stock.<store>.adjusted` as fast as the client takes them,
// one invalid in a hundred, then flushes. A process of its own, so the consumer measured has the
// bench process to itself. Usage: node bench/publish-nats-messages.mjs <url> <prefix> <count>
import { connect } from '@nats-io/transport-node';

const [url, prefix, countText] = process.argv.slice(2);
const count = Number(countText);
const nc = await connect({ servers: url });
const encoder = new TextEncoder();
const valid = encoder.encode(JSON.stringify({ sku: 'SKU-12345', quantityDelta: -2, reason: 'sale', storeId: 'store-0042', occurredAt: '2026-12-07T03:00:00Z' }));
const invalid = encoder.encode(JSON.stringify({ sku: 'SKU-12345', quantityDelta: 'two', reason: 'sale', storeId: 'store-0042', occurredAt: '2026-12-07T03:00:00Z' }));
for (let i = 0; i < count; i++) {
  nc.publish(`${prefix}.stock.s${i % 50}.adjusted`, i % 100 === 99 ? invalid : valid);
  // Yield now and then so the client's outbound buffer is written rather than grown without bound.
  if (i % 5_000 === 4_999) await nc.flush();
}
await nc.flush();
await nc.close();
