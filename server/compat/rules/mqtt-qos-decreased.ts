import { defineRule } from '../rule.js';

export const mqttQosDecreased = defineRule({
  id: 'mqtt-qos-decreased',
  level: 'error',
  taxonomy: { direction: 'none', area: 'bindings', kind: 'mqtt-qos', action: 'decreased' },
  on: 'mqtt.qos.changed',
  when: (c) => c.to < c.from,
  message: (c) => `MQTT QoS of ${c.operation} decreased from ${c.from} to ${c.to}`,
  why: 'The delivery guarantee gets weaker: messages between clients and the application may now be lost or duplicated where they were not before.',
});
