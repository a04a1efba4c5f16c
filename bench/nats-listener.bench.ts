import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { brokerChannelsOf, createBrokerListener, createSchemaCompiler, createTrafficRecorder, openBrokerTap, tapPatterns, type TrafficRecorder } from '../server/tester/index.js';
import { stockEventsDocument } from '../server/tester/__fixtures__/stock-events-document.js';
import type { BenchmarkReport, Table, TargetResult } from './benchmark-report.js';
import { median } from './median.js';

export interface NatsListenerBenchOptions {
  projectRoot: string;
  url?: string;
  messages?: number;
  runs?: number;
  /** How long a consumer may hear nothing before the messages not yet seen count as lost. */
  quietMs?: number;
  minRatio?: number;
}

interface RunResult {
  messagesPerSecond: number;
  validatedPerSecond: number;
  seen: number;
  lost: number;
  dropped: number;
}

/**
 * `accord listen` on NATS against the floor it cannot beat: a raw subscription whose callback only
 * counts. A publisher in another process sends the same messages to both; each consumer's rate is
 * messages over the time from its first message to its last one handled (for the listener:
 * validated or counted as dropped). Lost = published − seen; dropped messages were seen.
 */
export async function natsListenerBench({ projectRoot, url = 'nats://127.0.0.1:4222', messages = 100_000, runs = 3, quietMs = 3_000, minRatio = 0.5 }: NatsListenerBenchOptions): Promise<BenchmarkReport> {
  const raw: RunResult[] = [];
  const listened: RunResult[] = [];
  for (let run = 0; run < runs; run++) {
    raw.push(await measure({ projectRoot, url, messages, quietMs, consumer: 'raw' }));
    listened.push(await measure({ projectRoot, url, messages, quietMs, consumer: 'listener' }));
  }
  const rate = (results: RunResult[]) => median(results.map((r) => r.messagesPerSecond));
  const ratio = rate(listened) / rate(raw);
  const lost = Math.max(...listened.map((r) => r.lost));
  const validatedRatio = median(listened.map((r) => r.validatedPerSecond)) / rate(raw);
  const row = (name: string, results: RunResult[]): string[] => [
    name,
    Math.round(rate(results)).toLocaleString('en-US'),
    (rate(results) / rate(raw)).toFixed(2) + '×',
    results === raw ? '—' : Math.round(median(results.map((r) => r.validatedPerSecond))).toLocaleString('en-US'),
    String(Math.max(...results.map((r) => r.lost))),
    String(Math.max(...results.map((r) => r.dropped))),
  ];
  const table: Table = {
    title: 'NATS listener (traffic-brokers)',
    columns: ['consumer', 'messages/s (median)', 'vs raw', 'validated/s (median)', 'lost (max)', 'dropped (max)'],
    rows: [row('raw subscription, counting only', raw), row('accord listen: tap, queue, JSON parse, schema check, recorder', listened)],
    notes: [
      `${messages.toLocaleString('en-US')} messages of ~130 bytes per run (1 % invalid), ${runs} runs each, alternating; publisher in its own process on the same machine.`,
      'lost = published − seen by the consumer; dropped = seen but not validated because the queue was full (counted, not lost).',
    ],
  };
  const targets: TargetResult[] = [
    { target: `NATS listener ≥ ${minRatio}× a raw consume loop`, measured: `${ratio.toFixed(2)}×`, pass: ratio >= minRatio },
    { target: 'NATS listener loses 0 messages', measured: `${lost} lost`, pass: lost === 0 },
    // Dropped messages are counted, not lost; this says whether validation itself kept up with the flood.
    { target: `NATS listener validates ≥ ${minRatio}× a raw consume loop`, measured: `${validatedRatio.toFixed(2)}×`, pass: validatedRatio >= minRatio },
  ];
  return { name: 'traffic-brokers', tables: [table], targets };
}

async function measure({ projectRoot, url, messages, quietMs, consumer }: { projectRoot: string; url: string; messages: number; quietMs: number; consumer: 'raw' | 'listener' }): Promise<RunResult> {
  const prefix = `accordbench-${randomBytes(4).toString('hex')}`;
  let first = 0;
  let last = 0;
  let seen = 0;
  let handled = 0;
  let close: () => Promise<void>;
  let recorder: TrafficRecorder | undefined;
  if (consumer === 'raw') {
    const nc = await connect({ servers: url });
    nc.subscribe(`${prefix}.stock.>`, {
      callback: () => {
        if (seen === 0) first = performance.now();
        seen++;
        handled++;
        last = performance.now();
      },
    });
    await nc.flush();
    close = () => nc.close();
  } else {
    const document = stockEventsDocument({ prefix, separator: '.' });
    const channels = brokerChannelsOf(document);
    const compiler = createSchemaCompiler({ document });
    recorder = createTrafficRecorder({ contract: 'bench', environment: 'bench', version: '1.0.0', source: 'listener', onWindow: () => undefined });
    const counting = recorder;
    // Counts what the listener finished with: a message is handled once validated or dropped.
    const countMessages = counting.countMessages.bind(counting);
    counting.countMessages = (counts) => {
      countMessages(counts);
      handled += (counts.validated ?? 0) + (counts.dropped ?? 0);
      last = performance.now();
    };
    const listener = createBrokerListener({ channels, protocol: 'nats', validatorAt: (p) => compiler.compileAt(p), recorder: counting });
    const tap = await openBrokerTap({
      url,
      patterns: tapPatterns(channels, 'nats'),
      onMessage: (m) => {
        if (seen === 0) first = performance.now();
        seen++;
        listener.receive(m);
      },
    });
    close = () => tap.close();
  }
  const publisher = spawn(process.execPath, ['bench/publish-nats-messages.mjs', url, prefix, String(messages)], { cwd: projectRoot, stdio: 'inherit' });
  const published = new Promise<void>((resolve, reject) => publisher.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the publisher exited with ${code}`)))));
  // Done when every message was handled, or when nothing more arrived for quietMs after publishing.
  await published;
  let lastCount = -1;
  while (handled < messages && handled !== lastCount) {
    lastCount = handled;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
  await close();
  const window = recorder?.flush();
  const dropped = window?.operations.reduce((n, o) => n + (o.messages?.dropped ?? 0), 0) ?? 0;
  const seconds = (last - first) / 1000;
  return { messagesPerSecond: handled / seconds, validatedPerSecond: consumer === 'raw' ? Number.NaN : (handled - dropped) / seconds, seen, lost: messages - seen, dropped };
}
