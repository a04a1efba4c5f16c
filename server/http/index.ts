export { createApp, apiRoutes, type AppDeps } from './create-app.js';
export type { Route, Method } from './route.js';
export type { Problem } from './problem.js';
export { untilReady, type StartingGate } from './until-ready.js';
