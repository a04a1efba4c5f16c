import { defineRule } from '../rule.js';

export const kafkaTopicChanged = defineRule({
  id: 'kafka-topic-changed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'bindings', kind: 'kafka-topic', action: 'changed' },
  on: 'kafka.topic.changed',
  message: (c) => `channel ${c.channel} moved from Kafka topic ${c.from} to ${c.to}`,
  why: 'Consumers and producers still using the old topic no longer exchange messages with the application.',
});
