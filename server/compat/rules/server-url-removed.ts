import { defineRule } from '../rule.js';

export const serverUrlRemoved = defineRule({
  id: 'server-url-removed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'servers', kind: 'server-url', action: 'removed' },
  on: 'server-url.removed',
  when: (c) => !c.othersRemain,
  message: (c) => `server ${c.url} was removed and no server the operations had remains`,
  why: 'Every call of the affected operations goes to a URL that no longer answers.',
});
