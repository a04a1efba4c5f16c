import { defineRule } from '../rule.js';

export const serverVariableDefaultChanged = defineRule({
  id: 'server-variable-default-changed',
  level: 'warn',
  taxonomy: { direction: 'none', area: 'servers', kind: 'server-variable-default', action: 'changed' },
  on: 'server-variable.default-changed',
  message: (c) => `the default of variable {${c.variable}} of server ${c.url} changed from ${c.from ?? 'none'} to ${c.to ?? 'none'}`,
  why: 'Clients that leave the variable at its default now call another address.',
});
