import { defineRule } from '../rule.js';

export const channelParameterAdded = defineRule({
  id: 'channel-parameter-added',
  level: 'error',
  taxonomy: { direction: 'none', area: 'channels', kind: 'parameter', action: 'added' },
  on: 'channel.parameter.added',
  message: (c) => `parameter ${c.parameter} was added to the address of channel ${c.channel}`,
  why: 'Clients building the address from the old template have no value for the new parameter, so they use an address the application no longer uses.',
});
