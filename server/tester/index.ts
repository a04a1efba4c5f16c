export { createWindowReporter, spooledWindowCount, type WindowReporter, type ReporterStats } from './window-reporter.js';
export { createTrafficRecorder, type TrafficRecorder, type Observation, type ViolationObservation } from './traffic-recorder.js';
export { createSchemaCompiler, schemaDialectOf, type SchemaCompiler, type SchemaCheck, type SchemaDialect, type SchemaViolation, type PatternProblem } from './create-schema-compiler.js';
export { compileMessageValidator } from './compile-message-validator.js';
export { redactSample } from './redact-sample.js';
// Broker listeners (`accord listen`): channels of an AsyncAPI contract, taps that take no message
// from real consumers, validation off the receive path.
export { brokerChannelsOf, type BrokerChannel, type ChannelMessage } from './broker-channels.js';
export { brokerUrlOf } from './broker-url-of.js';
export { openBrokerTap, protocolOf, type BrokerTap, type ReceivedMessage } from './broker-tap.js';
export { createChannelMatcher, type BrokerProtocol } from './channel-matcher.js';
export { createBrokerListener, type BrokerListener } from './create-broker-listener.js';
export { tapPatterns, type TapPattern } from './tap-patterns.js';
export { compileHttpContract, type HttpContract, type HttpOperation, type SeenRequest, type SeenResponse } from './compile-http-contract.js';
export { createOperationMatcher, basePathsOf, type OperationMatcher, type MatchedOperation } from './create-operation-matcher.js';
export { createProxyMetrics, DURATION_BUCKETS, type ProxyMetrics } from './create-proxy-metrics.js';
export { startProxy, type RunningProxy } from './start-proxy.js';
export { probeContract, type ProbeResult } from './probe-contract.js';
