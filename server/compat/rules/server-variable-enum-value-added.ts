import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const serverVariableEnumValueAdded = defineRule({
  id: 'server-variable-enum-value-added',
  level: 'info',
  taxonomy: { direction: 'none', area: 'servers', kind: 'server-variable-enum-value', action: 'added' },
  on: 'server-variable.enum.values-added',
  message: (c) => `values ${describeValues(c.values)} of variable {${c.variable}} of server ${c.url} were added`,
  why: 'Clients keep calling the addresses they know; the new values are more places the API answers.',
});
