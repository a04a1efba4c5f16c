export { parseSpec, readComparableSpec, type ParseSpecOptions } from './parse-spec.js';
export { contentHash } from './content-hash.js';
export * from './spec-document.js';
export * from './validity.js';
