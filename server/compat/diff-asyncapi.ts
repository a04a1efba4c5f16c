import type { AsyncDiffContext } from './async-diff-context.js';
import type { Change } from './change.js';
import { diffChannels } from './diff-channels.js';
import type { DiffOptions } from './diff-documents.js';
import { diffServers } from './diff-servers.js';
import { readAsyncApi } from './read-asyncapi.js';
import { createSchemaComparison, finishSchemaComparison } from './schema-comparison.js';

/**
 * The facts that tell two AsyncAPI documents apart, 2.x (2.0–2.6) or 3.0 in any combination
 * (parsed JSON, internal `$ref`s kept, possibly circular). Pure: reads nothing but its arguments.
 * `options.now` judges the sunsets of removed operations.
 */
export function diffAsyncApi(base: object, head: object, options: DiffOptions = {}): Change[] {
  const context: AsyncDiffContext = { base: readAsyncApi(base), head: readAsyncApi(head), changes: [], comparison: createSchemaComparison(), messages: new Map(), options };
  diffServers(context);
  diffChannels(context);
  for (const operations of context.messages.values()) operations.sort();
  return [...context.changes, ...finishSchemaComparison(context.comparison)];
}
