import { defineRule } from '../rule.js';

export const kafkaPartitionsIncreased = defineRule({
  id: 'kafka-partitions-increased',
  level: 'warn',
  taxonomy: { direction: 'none', area: 'bindings', kind: 'kafka-partitions', action: 'increased' },
  on: 'kafka.partitions.changed',
  when: (c) => c.to > c.from,
  message: (c) => `Kafka partitions of channel ${c.channel} increased from ${c.from} to ${c.to}`,
  why: 'Keys map to other partitions afterwards, so per-key ordering across the change is lost and consumers assigned partitions by hand miss the new ones.',
});
