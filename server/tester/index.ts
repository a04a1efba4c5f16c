export { createWindowReporter, spooledWindowCount, type WindowReporter, type ReporterStats } from './window-reporter.js';
export { createTrafficRecorder, type TrafficRecorder, type Observation, type ViolationObservation } from './traffic-recorder.js';
export { createSchemaCompiler, schemaDialectOf, type SchemaCompiler, type SchemaCheck, type SchemaDialect, type SchemaViolation, type PatternProblem } from './create-schema-compiler.js';
export { compileMessageValidator } from './compile-message-validator.js';
export { redactSample } from './redact-sample.js';
