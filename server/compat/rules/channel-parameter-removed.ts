import { defineRule } from '../rule.js';

export const channelParameterRemoved = defineRule({
  id: 'channel-parameter-removed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'channels', kind: 'parameter', action: 'removed' },
  on: 'channel.parameter.removed',
  message: (c) => `parameter ${c.parameter} was removed from the address of channel ${c.channel}`,
  why: 'Clients still filling in the removed parameter build an address the application no longer uses.',
});
