import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const channelParameterEnumValueAdded = defineRule({
  id: 'channel-parameter-enum-value-added',
  level: 'info',
  taxonomy: { direction: 'none', area: 'channels', kind: 'parameter-enum-value', action: 'added' },
  on: 'channel.parameter.enum.values-added',
  message: (c) => `values ${describeValues(c.values)} of parameter ${c.parameter} were added to channel ${c.channel}`,
  why: 'Clients using the values they know keep working; only wildcard subscribers may also see messages on the new addresses.',
});
