import { defineRule } from '../rule.js';

export const amqpExchangeChanged = defineRule({
  id: 'amqp-exchange-changed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'bindings', kind: 'amqp-exchange', action: 'changed' },
  on: 'amqp.channel.changed',
  when: (c) => c.field.startsWith('exchange.'),
  message: (c) => `AMQP ${c.field} of channel ${c.channel} changed from ${c.from} to ${c.to}`,
  why: 'Clients publishing to the old exchange, or binding their queues to it, no longer exchange messages with the application.',
});
