import type { Change } from './change.js';
import type { DiffOptions } from './diff-documents.js';
import type { JsonObject } from './json-object.js';
import type { SchemaComparison } from './schema-comparison.js';

/** Everything one OpenAPI diff accumulates: the two documents, the facts so far, the schema memory. */
export interface DiffContext {
  base: JsonObject;
  head: JsonObject;
  changes: Change[];
  comparison: SchemaComparison;
  /** The operations of each fact about a shared definition, by the fact (see `recordSharedChange`). */
  shared: Map<string, string[]>;
  options: DiffOptions;
}

/** One operation as it appears in one document. */
export interface OperationSide {
  operation: JsonObject;
  pathItem: JsonObject;
  path: string;
  pointer: string;
  pathItemPointer: string;
}

/** An operation present in both documents, named by its key in the head. */
export interface OperationPair {
  key: string;
  base: OperationSide;
  head: OperationSide;
  /** Who sends the operation's requests: clients for paths, the API for webhooks and callbacks. */
  sender: 'client' | 'api';
}
