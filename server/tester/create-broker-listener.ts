import type { BrokerChannel, ChannelMessage } from './broker-channels.js';
import type { ReceivedMessage } from './broker-tap.js';
import { createChannelMatcher, type BrokerProtocol } from './channel-matcher.js';
import { isEnvelope, messageSentAt } from './message-sent-at.js';
import type { SchemaCheck, SchemaViolation } from './create-schema-compiler.js';
import { redactSample } from './redact-sample.js';
import type { TrafficRecorder, ViolationObservation } from './traffic-recorder.js';

export interface BrokerListenerOptions {
  channels: readonly BrokerChannel[];
  protocol: BrokerProtocol;
  /** A validator for the schema at a JSON pointer (`/components/…`) of the contract document. */
  validatorAt: (pointer: string) => SchemaCheck;
  recorder: TrafficRecorder;
  /** Messages waiting for validation; one more is counted as dropped rather than queued. */
  queueSize?: number;
  /** Overrides the contract's send-time header. */
  timeHeader?: string | undefined;
  redact?: readonly string[];
}

interface CompiledChannel {
  operation: string;
  messages: { message: ChannelMessage; payload?: SchemaCheck; headers?: SchemaCheck }[];
  timeHeader: string | undefined;
  /** Counts not yet handed to the recorder: once per turn, not once per message. */
  seen: number;
  validated: number;
  dropped: number;
}

/** Broker listeners cannot tell who reads a message: the wire carries no consumer identity. */
const CONSUMER = 'unknown';
const NONE: readonly ViolationObservation[] = [];

/** How long validation may hold the event loop before the receive path gets its turn again. */
const TURN_MS = 10;

/**
 * The part of `accord listen` between a broker tap and the traffic recorder. Receiving only matches the
 * address to a channel and queues the message; validation runs in later turns of the event loop, so
 * a slow validator never holds up the client reading its socket (a lagging MQTT consumer is where
 * Mosquitto starts dropping QoS 0 messages). When the queue is full the message is counted as
 * dropped, so every window still says seen = validated + dropped.
 */
export function createBrokerListener({ channels, protocol, validatorAt, recorder, queueSize = 10_000, timeHeader, redact = [] }: BrokerListenerOptions) {
  const channelOf = createChannelMatcher(channels, protocol);
  const compiled = new Map<BrokerChannel, CompiledChannel>(
    channels.map((c) => [
      c,
      {
        operation: c.operations[0]!,
        messages: c.messages.map((message) => ({
          message,
          ...(message.payload ? { payload: validatorAt(message.payload) } : {}),
          ...(message.headers ? { headers: validatorAt(message.headers) } : {}),
        })),
        timeHeader: timeHeader ?? c.messages.find((m) => m.timeHeader)?.timeHeader,
        seen: 0,
        validated: 0,
        dropped: 0,
      },
    ]),
  );
  const flushCounts = () => {
    for (const c of compiled.values()) {
      if (c.seen === 0 && c.validated === 0 && c.dropped === 0) continue;
      recorder.countMessages({ operation: c.operation, consumer: CONSUMER, seen: c.seen, validated: c.validated, dropped: c.dropped });
      c.seen = c.validated = c.dropped = 0;
    }
  };
  // A ring buffer: shift() on a large array is linear, and this queue is the hot path.
  const queue: ({ message: ReceivedMessage; channel: CompiledChannel } | undefined)[] = new Array(Math.max(1, queueSize));
  let head = 0;
  let length = 0;
  let scheduled = false;
  let idle: (() => void)[] = [];

  const drain = () => {
    scheduled = false;
    const until = performance.now() + TURN_MS;
    for (let n = 1; length > 0; n++) {
      const item = queue[head]!;
      queue[head] = undefined;
      head = (head + 1) % queue.length;
      length--;
      validate(item.message, item.channel);
      if (n % 64 === 0 && performance.now() > until) break;
    }
    flushCounts();
    if (length > 0) schedule();
    else {
      const waiting = idle;
      idle = [];
      for (const resolve of waiting) resolve();
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(drain);
  };

  const validate = (received: ReceivedMessage, channel: CompiledChannel) => {
    const text = Buffer.from(received.payload.buffer, received.payload.byteOffset, received.payload.byteLength).toString('utf8');
    let body: unknown;
    let parsed = true;
    try {
      body = JSON.parse(text);
    } catch {
      parsed = false;
      body = text;
    }
    const sentAt = messageSentAt({ headers: received.headers, body: parsed ? body : undefined, timeHeader: channel.timeHeader });
    const latencyMs = sentAt === undefined ? undefined : Math.max(0, received.receivedAtMs - sentAt);
    let violations = channel.messages.length === 0 ? NONE : check(channel, received, body, parsed);
    if (violations.length > 0) {
      const sample = redactSample(parsed ? body : text, { fields: redact });
      violations = violations.map((v) => ({ ...v, sample }));
    }
    channel.validated++;
    recorder.observe({ operation: channel.operation, consumer: CONSUMER, latencyMs, violations });
  };

  const check = (channel: CompiledChannel, received: ReceivedMessage, body: unknown, parsed: boolean): ViolationObservation[] => {
    let closest: { violations: ViolationObservation[]; depth: number } | undefined;
    for (const m of channel.messages) {
      const found: ViolationObservation[] = [];
      let depth = 0;
      if (m.payload) {
        if (!parsed && received.payload.byteLength > 0) found.push({ pointer: '/payload', rule: 'message-payload-unparsable', message: `message ${m.message.name}: the payload is not JSON` });
        else {
          let errors = m.payload(body);
          // A structured CloudEvent wraps the documented payload in its envelope's `data`.
          if (errors.length > 0 && isEnvelope(body) && 'data' in body) {
            const inData = m.payload(body.data);
            if (inData.length === 0) errors = [];
            else if (inData.length <= errors.length) errors = inData.map((e) => ({ ...e, pointer: `/data${e.pointer}` }));
          }
          found.push(...errors.map((e) => violationOf('payload', m.message.name, e)));
          depth = Math.max(0, ...errors.map(reachedDepth));
        }
      }
      if (m.headers) found.push(...m.headers(received.headers).map((e) => violationOf('headers', m.message.name, e)));
      // oneOf: valid when one message matches; otherwise the closest one explains the failure: the
      // fewest errors, then the one whose schema the payload followed furthest before failing.
      if (found.length === 0) return [];
      if (!closest || found.length < closest.violations.length || (found.length === closest.violations.length && depth > closest.depth)) closest = { violations: found, depth };
    }
    return closest?.violations ?? [];
  };

  return {
    /** The tap's callback: cheap on purpose, it runs on the receive path. */
    receive(message: ReceivedMessage): void {
      const channel = channelOf(message.address);
      if (!channel) {
        recorder.undocumented(`receive ${message.address}`, CONSUMER);
        return;
      }
      const compiledChannel = compiled.get(channel)!;
      compiledChannel.seen++;
      if (length >= queue.length) {
        // The queue is full, so a drain is scheduled: it hands this count over with the others.
        compiledChannel.dropped++;
        return;
      }
      queue[(head + length) % queue.length] = { message, channel: compiledChannel };
      length++;
      schedule();
    },
    /** Resolves once every queued message has been validated. */
    drained(): Promise<void> {
      if (length === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
    get queued(): number {
      return length;
    },
  };
}

export type BrokerListener = ReturnType<typeof createBrokerListener>;

function violationOf(part: 'payload' | 'headers', messageName: string, error: SchemaViolation): ViolationObservation {
  return { pointer: `/${part}${error.pointer}`, rule: `message-${part}-schema`, message: `message ${messageName}, ${part}: ${error.message}` };
}

/** How far into the payload validation got: a missing property fails at its object, not below it. */
function reachedDepth(error: SchemaViolation): number {
  const depth = error.pointer.split('/').length - 1;
  return error.keyword === 'required' || error.keyword === 'additionalProperties' ? depth - 1 : depth;
}
