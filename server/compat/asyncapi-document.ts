import type { AsyncAction } from './asyncapi-change.js';
import type { JsonObject } from './json-object.js';
import type { Located } from './resolve-ref.js';

/**
 * An AsyncAPI 2.x or 3.0 document read into one shape, so the differs need not know the version.
 * Nodes are kept as they are in the document (with their `$ref`s), each with its location.
 */
export interface AsyncApiDocument {
  doc: JsonObject;
  defaultContentType?: string;
  /** By name, as channels and operations refer to them. */
  servers: Map<string, AsyncServer>;
  /** Only channels that carry an operation: a channel no operation uses is no part of the contract. */
  channels: AsyncChannel[];
}

/** A node with its location and the traits that fill in the fields it leaves out. */
export interface AsyncNode {
  node: JsonObject;
  pointer: string;
  traits: Located[];
}

export interface AsyncServer {
  pointer: string;
  protocol?: string;
  protocolVersion?: string;
  host?: string;
}

export interface AsyncChannel extends AsyncNode {
  /** The 3.0 key under `channels`; in 2.x the channel's name, which is also its address. */
  id: string;
  address: string;
  /** The servers the channel is available on; absent means every server. */
  servers?: string[];
  operations: AsyncOperation[];
}

export interface AsyncOperation extends AsyncNode {
  /** `send <address>` or `receive <address>`, as `spec/index-operations.ts` names it. */
  key: string;
  action: AsyncAction;
  messages: AsyncMessage[];
  /**
   * Every operation object read into this operation, where its `deprecated` and `x-sunset` are
   * written: the one `publish`/`subscribe` in 2.x; in 3.0 each operation with this action on the
   * channel, the first being `node`.
   */
  declarations: AsyncDeclaration[];
}

export interface AsyncDeclaration {
  node: JsonObject;
  pointer: string;
}

export interface AsyncMessage extends AsyncNode {
  name: string;
}
