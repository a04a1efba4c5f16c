export * from './errors.js';
export * from './ids.js';
export * from './clock.js';
export * from './actor.js';
export * from './json-pointer.js';
export * from './package-root.js';
export * from './finding-fingerprint.js';
export * from './operation-match-key.js';
