import { defineRule } from '../rule.js';

export const mqttRetainChanged = defineRule({
  id: 'mqtt-retain-changed',
  level: 'warn',
  taxonomy: { direction: 'none', area: 'bindings', kind: 'mqtt-retain', action: 'changed' },
  on: 'mqtt.retain.changed',
  message: (c) => `${c.operation} ${c.to ? 'now retains' : 'no longer retains'} its last MQTT message`,
  why: 'Clients relying on the retained last message when they subscribe now wait for the next one, or suddenly receive a possibly stale one.',
});
