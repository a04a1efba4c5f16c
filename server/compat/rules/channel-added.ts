import { defineRule } from '../rule.js';

export const channelAdded = defineRule({
  id: 'channel-added',
  level: 'info',
  taxonomy: { direction: 'none', area: 'channels', kind: 'channel', action: 'added' },
  on: 'channel.added',
  message: (c) => `channel ${c.channel} was added with ${c.operations.join(', ')}`,
  why: 'Existing clients are unaffected; the new channel only offers more.',
});
