import { defineRule } from '../rule.js';

export const messageCorrelationIdRemoved = defineRule({
  id: 'message-correlation-id-removed',
  level: 'warn',
  taxonomy: { direction: 'none', area: 'messages', kind: 'correlation-id', action: 'removed' },
  on: 'message.correlation-id.removed',
  message: (c) => `message ${c.message} no longer declares its correlation id at ${c.location}`,
  why: 'Clients matching replies or tracing conversations by the correlation id can no longer rely on finding it.',
});
