import type { Issue } from '../shared/index.js';

export type ContractKind = 'openapi' | 'asyncapi';

/** The unit consumers use. Keys are stable across versions: `GET /orders/{id}`, `receive stock.adjusted`. */
export type Operation =
  | {
      key: string;
      kind: 'http';
      method: string;
      path: string;
      operationId?: string;
      summary?: string;
      deprecated?: boolean;
      tags?: string[];
    }
  | {
      key: string;
      kind: 'webhook';
      method: string;
      name: string;
      operationId?: string;
      summary?: string;
      deprecated?: boolean;
    }
  | {
      key: string;
      kind: 'message';
      action: 'send' | 'receive';
      channel: string;
      operationId?: string;
      summary?: string;
      messages: string[];
      deprecated?: boolean;
    };

/** A contract document that passed safe ingest. */
export interface SpecDocument {
  ok: true;
  kind: ContractKind;
  /** The `openapi`, `swagger` or `asyncapi` field, e.g. `3.1.0`, `2.0`, `2.6.0`. */
  specVersion: string;
  format: 'json' | 'yaml';
  title: string;
  /** `info.version` as written by the author; informative, the registry's version is the one published. */
  infoVersion: string;
  /** The parsed document as JSON text (references kept, key order preserved). */
  documentJson: string;
  operations: Operation[];
  /** `sha256:<hex>` over the canonical JSON (sorted keys), so YAML and JSON of the same content agree. */
  contentHash: string;
  sizeBytes: number;
  warnings: Issue[];
  /**
   * What the specification's schema refuses in the document, accepted under the `syntax` validity
   * level (always empty under `full`, which refuses them, and under `none`, which does not look).
   */
  schemaErrors: Issue[];
}

/** A document read only to be compared: its parsed tree instead of what a registry stores. */
export interface ComparableSpec extends Pick<SpecDocument, 'ok' | 'kind' | 'specVersion' | 'format' | 'warnings' | 'schemaErrors'> {
  document: Record<string, unknown>;
}

/** A document refused by safe ingest. `code` is the first reason; `issues` carry every pointer found. */
export interface SpecInvalid {
  ok: false;
  code: SpecRejectionCode;
  message: string;
  issues: Issue[];
}

export type SpecResult = SpecDocument | SpecInvalid;

export type SpecRejectionCode =
  | 'document-too-large'
  | 'invalid-encoding'
  | 'document-syntax'
  | 'yaml-alias-limit'
  | 'document-too-deep'
  | 'too-many-nodes'
  | 'forbidden-key'
  | 'duplicate-key'
  | 'external-ref'
  | 'not-a-spec'
  | 'unsupported-spec-version'
  | 'spec-invalid'
  | 'spec-timeout';

export interface SpecLimits {
  maxBytes: number;
  maxDepth: number;
  maxNodes: number;
  maxAliasCount: number;
}

export const defaultSpecLimits: SpecLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxDepth: 128,
  maxNodes: 1_000_000,
  maxAliasCount: 100,
};

/** Thrown inside ingest when a step cannot continue; `parseSpec` turns it into a `SpecInvalid`. */
export class SpecRejection extends Error {
  constructor(
    readonly code: SpecRejectionCode,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}
