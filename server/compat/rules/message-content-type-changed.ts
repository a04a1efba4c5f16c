import { defineRule } from '../rule.js';

export const messageContentTypeChanged = defineRule({
  id: 'message-content-type-changed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'messages', kind: 'content-type', action: 'changed' },
  on: 'message.content-type.changed',
  message: (c) => `message ${c.message} changed content type from ${c.from} to ${c.to} in ${c.operations.join(', ')}`,
  why: 'Consumers decoding the old format cannot read the message, and the application cannot read messages clients still encode the old way.',
});
