import { defineRule } from '../rule.js';

export const mqttQosIncreased = defineRule({
  id: 'mqtt-qos-increased',
  level: 'info',
  taxonomy: { direction: 'none', area: 'bindings', kind: 'mqtt-qos', action: 'increased' },
  on: 'mqtt.qos.changed',
  when: (c) => c.to > c.from,
  message: (c) => `MQTT QoS of ${c.operation} increased from ${c.from} to ${c.to}`,
  why: 'The delivery guarantee gets stronger; clients at most see an occasional redelivered duplicate at QoS 1.',
});
