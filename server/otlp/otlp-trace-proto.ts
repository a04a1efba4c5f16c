import protobuf from 'protobufjs';

/**
 * The part of opentelemetry-proto's trace service (`opentelemetry/proto/collector/trace/v1`,
 * `trace/v1`, `common/v1`, `resource/v1`) that the ingest reads, written from the specification
 * with the upstream field numbers. Fields left out (events, links, scopes, dropped counts) are
 * skipped by the decoder as unknown fields, which protobuf guarantees is safe.
 */
const PROTO = `
syntax = "proto3";
package opentelemetry.proto;

message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
message ExportTraceServiceResponse { ExportTracePartialSuccess partial_success = 1; }
message ExportTracePartialSuccess { int64 rejected_spans = 1; string error_message = 2; }

message ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
message Resource { repeated KeyValue attributes = 1; }
message ScopeSpans { repeated Span spans = 2; }

message Span {
  bytes trace_id = 1;
  bytes span_id = 2;
  bytes parent_span_id = 4;
  string name = 5;
  int32 kind = 6;
  fixed64 start_time_unix_nano = 7;
  fixed64 end_time_unix_nano = 8;
  repeated KeyValue attributes = 9;
  Status status = 15;
}
message Status { string message = 2; int32 code = 3; }

message KeyValue { string key = 1; AnyValue value = 2; }
message AnyValue {
  oneof value {
    string string_value = 1;
    bool bool_value = 2;
    int64 int_value = 3;
    double double_value = 4;
    ArrayValue array_value = 5;
    KeyValueList kvlist_value = 6;
    bytes bytes_value = 7;
  }
}
message ArrayValue { repeated AnyValue values = 1; }
message KeyValueList { repeated KeyValue values = 1; }
`;

const root = protobuf.parse(PROTO, { keepCase: false }).root;

/** The request an OTLP exporter sends to `/v1/traces` and the response it reads back. */
export const otlpTraceProto = {
  request: root.lookupType('opentelemetry.proto.ExportTraceServiceRequest'),
  response: root.lookupType('opentelemetry.proto.ExportTraceServiceResponse'),
};
