export { parseSpec } from './parse-spec.js';
export { createSpecLoader, type SpecLoader, type SpecLoaderOptions } from './spec-loader.js';
export { contentHash } from './content-hash.js';
export * from './spec-document.js';
