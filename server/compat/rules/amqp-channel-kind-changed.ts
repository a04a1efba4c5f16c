import { defineRule } from '../rule.js';

export const amqpChannelKindChanged = defineRule({
  id: 'amqp-channel-kind-changed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'bindings', kind: 'amqp-channel-kind', action: 'changed' },
  on: 'amqp.channel.changed',
  when: (c) => c.field === 'is',
  message: (c) => `AMQP channel ${c.channel} changed from a ${c.from} to a ${c.to}`,
  why: 'Clients addressing the channel as a routing key on an exchange, or as a queue, must now address it the other way.',
});
