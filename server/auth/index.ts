export { createAccessPolicy, keyMay, SCOPE_FOR } from './access-policy.js';
export * from './auth.tables.js';
