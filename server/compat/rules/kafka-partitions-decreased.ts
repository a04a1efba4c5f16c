import { defineRule } from '../rule.js';

export const kafkaPartitionsDecreased = defineRule({
  id: 'kafka-partitions-decreased',
  level: 'error',
  taxonomy: { direction: 'none', area: 'bindings', kind: 'kafka-partitions', action: 'decreased' },
  on: 'kafka.partitions.changed',
  when: (c) => c.to < c.from,
  message: (c) => `Kafka partitions of channel ${c.channel} decreased from ${c.from} to ${c.to}`,
  why: 'Kafka cannot remove partitions, so the topic is recreated and consumers lose their committed offsets and per-key ordering.',
});
