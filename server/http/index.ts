export { createApp, apiRoutes, type AppDeps } from './create-app.js';
export type { Route, Method } from './route.js';
export type { Problem } from './problem.js';
export { untilReady, type StartingGate } from './until-ready.js';
// The input shapes REST validates; GraphQL reads its arguments with the same ones.
export * from './schemas.js';
export * from './identity.schemas.js';
export { validateInput } from './validate-input.js';
