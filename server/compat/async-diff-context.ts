import type { AsyncApiDocument, AsyncChannel, AsyncOperation } from './asyncapi-document.js';
import type { Change } from './change.js';
import type { DiffOptions } from './diff-documents.js';
import type { SchemaComparison } from './schema-comparison.js';

/** Everything one AsyncAPI diff accumulates: the two documents, the facts so far, the schema memory. */
export interface AsyncDiffContext {
  base: AsyncApiDocument;
  head: AsyncApiDocument;
  changes: Change[];
  comparison: SchemaComparison;
  /**
   * Message pairs already compared, by location, each with the operations that carry it: a shared
   * message yields its facts once, naming every operation.
   */
  messages: Map<string, string[]>;
  options: DiffOptions;
}

/** A channel present in both documents. */
export interface ChannelPair {
  base: AsyncChannel;
  head: AsyncChannel;
}

/** An operation present in both documents: the same action on paired channels. */
export interface AsyncOperationPair {
  base: AsyncOperation;
  head: AsyncOperation;
}
