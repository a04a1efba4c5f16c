export { parseSpec } from './parse-spec.js';
export { contentHash } from './content-hash.js';
export * from './spec-document.js';
