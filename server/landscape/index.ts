export { analyseLandscape, type LandscapeAnalysis, type SystemStanding } from './analyse-landscape.js';
export { layOutLandscape, type Box, type LandscapeLayout, type Point } from './lay-out-landscape.js';
export { createLandscapeLayouts, landscapeKey, type LandscapeLayouts } from './landscape-layouts.js';
export type { LandscapeGraph, LandscapeLink, LandscapeSystem } from './landscape-graph.js';
