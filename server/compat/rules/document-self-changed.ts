import { defineRule } from '../rule.js';

export const documentSelfChanged = defineRule({
  id: 'document-self-changed',
  level: 'info',
  taxonomy: { direction: 'none', area: 'document', kind: 'self', action: 'changed' },
  on: 'document.self-changed',
  message: (c) => (c.to === undefined ? `the document's $self ${c.from} was removed` : c.from === undefined ? `the document now names itself ${c.to} ($self)` : `the document's $self changed from ${c.from} to ${c.to}`),
  why: 'Clients never see $self; only documents and tools that reference this one by that URI need to follow it.',
});
