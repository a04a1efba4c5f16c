import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const channelParameterEnumValueRemoved = defineRule({
  id: 'channel-parameter-enum-value-removed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'channels', kind: 'parameter-enum-value', action: 'removed' },
  on: 'channel.parameter.enum.values-removed',
  message: (c) => `values ${describeValues(c.values)} of parameter ${c.parameter} were removed from channel ${c.channel}`,
  why: 'Clients using an address with a removed value publish messages nobody consumes, or subscribe where nothing arrives any more.',
});
