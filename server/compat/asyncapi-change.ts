import type { Direction } from './change.js';

/**
 * Facts about AsyncAPI documents. Operations are named by their key, `send <address>` or
 * `receive <address>`, from the application's point of view, as consumers subscribe to them. When
 * a change alters the key itself (an address or an action changed), the fact names the base key:
 * that is the one subscriptions hold. Schema facts about payloads, headers and Kafka message keys
 * are `SchemaChange`s, whose direction says who writes the data: a message the application
 * receives is a `request`, one it sends is a `response`.
 */
export type AsyncApiChange = ServerChange | ChannelChange | ChannelOperationChange | MessageChange | BindingChange;

/** `operations` are those whose channel is available on the server. */
type ServerSite = { server: string; pointer: string; operations: string[] };
export type ServerChange =
  | ({ kind: 'server.added' } & ServerSite)
  | ({ kind: 'server.removed' } & ServerSite)
  | ({ kind: 'server.protocol.changed'; from: string; to: string } & ServerSite)
  | ({ kind: 'server.protocol-version.changed'; from: string; to: string } & ServerSite)
  /** `host` is the 3.0 `host` and `pathname`, or the 2.x `url` without its scheme. */
  | ({ kind: 'server.host.changed'; from: string; to: string } & ServerSite);

/** `channel` is the address; `operations` are the keys of the operations on the channel. */
type ChannelSite = { channel: string; pointer: string; operations: string[] };
export type ChannelChange =
  | ({ kind: 'channel.added' } & ChannelSite)
  /**
   * `deprecated`: every operation on the channel was deprecated; each then also appears as a
   * `channel-operation.removed`, so its sunset is judged.
   */
  | ({ kind: 'channel.removed'; deprecated: boolean } & ChannelSite)
  /** A 3.0 channel kept its id but moved to another address; `operations` are the base keys. */
  | ({ kind: 'channel.address.changed'; from: string; to: string } & ChannelSite)
  | ({ kind: 'channel.parameter.added'; parameter: string } & ChannelSite)
  | ({ kind: 'channel.parameter.removed'; parameter: string } & ChannelSite)
  | ({ kind: 'channel.parameter.enum.values-added'; parameter: string; values: unknown[] } & ChannelSite)
  | ({ kind: 'channel.parameter.enum.values-removed'; parameter: string; values: unknown[] } & ChannelSite);

export type AsyncAction = 'send' | 'receive';
export type ChannelOperationChange =
  | { kind: 'channel-operation.added'; operation: string; pointer: string }
  /**
   * `deprecated` and `sunset` as the operation object says (`deprecated: true`, `x-sunset`), else
   * its channel; `sunsetPassed` is judged against `DiffOptions.now`, without which none has passed.
   */
  | { kind: 'channel-operation.removed'; operation: string; pointer: string; deprecated: boolean; sunset?: string; sunsetPassed: boolean }
  /** The base key in `operation`, the head key in `renamedTo`. */
  | { kind: 'channel-operation.action.changed'; operation: string; renamedTo: string; from: AsyncAction; to: AsyncAction; pointer: string };

/**
 * `message` is the message's name. Facts about one message shared by several operations (a
 * `components.messages` entry) are reported once, naming every operation that carries it, whichever
 * way each operation carries it.
 */
type MessageSite = { message: string; pointer: string; operations: string[] };
export type MessageChange =
  /** An operation's messages are alternatives; these say one alternative came or went. */
  | { kind: 'message.added'; operation: string; message: string; direction: Direction; pointer: string }
  | { kind: 'message.removed'; operation: string; message: string; direction: Direction; pointer: string }
  /** The effective content type: the message's own, or the document's `defaultContentType`. */
  | ({ kind: 'message.content-type.changed'; from: string; to: string } & MessageSite)
  /** A payload in a schema format the engine cannot compare keyword by keyword (Avro, Protobuf, RAML). */
  | ({ kind: 'message.opaque-payload.changed'; fromFormat?: string; toFormat?: string } & MessageSite)
  | ({ kind: 'message.correlation-id.added'; location: string } & MessageSite)
  | ({ kind: 'message.correlation-id.removed'; location: string } & MessageSite)
  | ({ kind: 'message.correlation-id.changed'; from: string; to: string } & MessageSite);

export type AmqpField = 'is' | 'exchange.name' | 'exchange.type' | 'exchange.vhost' | 'queue.name' | 'queue.vhost';
export type BindingChange =
  | ({ kind: 'kafka.topic.changed'; from: string; to: string } & ChannelSite)
  | ({ kind: 'kafka.partitions.changed'; from: number; to: number } & ChannelSite)
  | ({ kind: 'amqp.channel.changed'; field: AmqpField; from: string; to: string } & ChannelSite)
  | { kind: 'mqtt.qos.changed'; operation: string; from: number; to: number; pointer: string }
  | { kind: 'mqtt.retain.changed'; operation: string; from: boolean; to: boolean; pointer: string };
