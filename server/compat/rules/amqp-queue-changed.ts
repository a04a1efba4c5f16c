import { defineRule } from '../rule.js';

export const amqpQueueChanged = defineRule({
  id: 'amqp-queue-changed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'bindings', kind: 'amqp-queue', action: 'changed' },
  on: 'amqp.channel.changed',
  when: (c) => c.field.startsWith('queue.'),
  message: (c) => `AMQP ${c.field} of channel ${c.channel} changed from ${c.from} to ${c.to}`,
  why: 'Clients consuming from or publishing to the old queue no longer exchange messages with the application.',
});
