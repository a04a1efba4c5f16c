import { defineRule } from '../rule.js';

export const messageOpaquePayloadChanged = defineRule({
  id: 'message-opaque-payload-changed',
  level: 'warn',
  taxonomy: { direction: 'none', area: 'messages', kind: 'opaque-payload', action: 'changed' },
  on: 'message.opaque-payload.changed',
  message: (c) => `the ${c.toFormat ?? c.fromFormat ?? 'non-JSON'} payload of message ${c.message} changed in ${c.operations.join(', ')}`,
  why: 'The schema format cannot be compared keyword by keyword, so the change may break clients encoding or decoding the payload and needs a compatibility check in that format.',
});
