import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const serverVariableEnumValueRemoved = defineRule({
  id: 'server-variable-enum-value-removed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'servers', kind: 'server-variable-enum-value', action: 'removed' },
  on: 'server-variable.enum.values-removed',
  message: (c) => `values ${describeValues(c.values)} of variable {${c.variable}} of server ${c.url} were removed`,
  why: 'Clients configured with a removed value call an address the API no longer serves.',
});
