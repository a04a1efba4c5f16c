// The load generator of `npm run bench traffic`, in a process of its own so it takes no time from
// the proxy measured. It also serves the upstream: on two cores the two share the core the proxy
// does not have, and one event loop serving both answers within a millisecond where two processes
// taking turns on that core added the scheduler's time slices to every p99.
//
// Prints the upstream's URL, then runs one load per line of stdin and prints its figures as JSON
// ({ requests, errors, rps, p50Ms, p99Ms }): `closed <url> <connections> <ms>` keeps each
// connection busy (throughput); `open <url> <rate/s> <ms>` sends at a fixed rate whatever the
// answers (latency at a given load).
//
// It speaks HTTP/1.1 on plain sockets with one prepared request, the way wrk does, rather than
// through undici: a generator that costs more than the server it drives measures its own queue
// (through undici, the upstream alone showed a p99 of 220 ms at 5,000 req/s).
import { connect, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { startInventoryUpstream } from '../server/tester/__fixtures__/inventory-upstream.js';

const HEADER_END = Buffer.from('\r\n\r\n');
const CHUNKED_END = Buffer.from('0\r\n\r\n');

/** Where one load's answers go: a latency per answer, and how many failed. */
interface Tally {
  latencies: number[];
  errors: number;
}

/** One keep-alive connection with at most one request in flight. */
class Connection {
  private readonly socket: Socket;
  private pending: Buffer = Buffer.alloc(0);
  private startedAt = 0;
  private done: (() => void) | undefined;

  constructor(target: URL, private readonly request: Buffer, /** Where answers are counted: the warm-up's, then the measured load's. */ public tally: Tally, ready: () => void) {
    this.socket = connect({ host: target.hostname, port: Number(target.port), noDelay: true }, ready);
    this.socket.on('data', (chunk) => this.receive(chunk));
    this.socket.on('error', () => this.finish(true));
    this.socket.on('close', () => this.finish(true));
  }

  /** Sends the request; `scheduledAt` is when it should have left, so a queue before it counts. */
  send(scheduledAt: number): Promise<void> {
    this.startedAt = scheduledAt;
    this.socket.write(this.request);
    return new Promise((resolve) => (this.done = resolve));
  }

  close() {
    this.socket.destroy();
  }

  private receive(chunk: Buffer) {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const headerEnd = this.pending.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = this.pending.subarray(0, headerEnd).toString('latin1').toLowerCase();
    const length = /\r\ncontent-length:\s*(\d+)/.exec(head);
    const bodyStart = headerEnd + HEADER_END.length;
    let end: number;
    if (length) end = bodyStart + Number(length[1]);
    else {
      const last = this.pending.indexOf(CHUNKED_END, bodyStart);
      end = last < 0 ? Number.POSITIVE_INFINITY : last + CHUNKED_END.length;
    }
    if (this.pending.length < end) return;
    const status = Number(head.slice(9, 12));
    this.pending = this.pending.subarray(end);
    this.finish(status >= 500);
  }

  private finish(failed: boolean) {
    const done = this.done;
    if (!done) return;
    this.done = undefined;
    if (failed) this.tally.errors++;
    this.tally.latencies.push(performance.now() - this.startedAt);
    done();
  }
}

async function runLoad(mode: string, url: string, amount: number, durationMs: number) {
  const target = new URL(url);
  const request = Buffer.from(`GET ${target.pathname}${target.search} HTTP/1.1\r\nhost: ${target.host}\r\n\r\n`);
  const warmUp: Tally = { latencies: [], errors: 0 };
  const tally: Tally = { latencies: [], errors: 0 };
  const count = mode === 'closed' ? amount : 64;
  const connections = await Promise.all(Array.from({ length: count }, () => new Promise<Connection>((resolve) => {
    const connection: Connection = new Connection(target, request, warmUp, () => resolve(connection));
  })));
  // Warm up every connection (and the server's path through it) before the clock starts.
  for (let round = 0; round < 2; round++) await Promise.all(connections.map((c) => c.send(performance.now())));
  for (const connection of connections) connection.tally = tally;

  const started = performance.now();
  const end = started + durationMs;
  if (mode === 'closed') {
    await Promise.all(connections.map(async (connection) => {
      while (performance.now() < end) await connection.send(performance.now());
    }));
  } else {
    const idle = [...connections];
    const waiting: number[] = [];
    const inFlight: Promise<void>[] = [];
    const dispatch = (connection: Connection, scheduledAt: number) => {
      inFlight.push(connection.send(scheduledAt).then(() => {
        const next = waiting.shift();
        if (next === undefined) idle.push(connection);
        else dispatch(connection, next);
      }));
    };
    let sent = 0;
    // Each tick sends what the schedule owes, so a slow answer never delays the next request; a
    // request with no free connection waits for one, and its latency starts when it was due.
    while (performance.now() < end) {
      const owed = Math.floor(((performance.now() - started) / 1000) * amount);
      for (; sent < owed; sent++) {
        const due = started + (sent / amount) * 1000;
        const connection = idle.pop();
        if (connection) dispatch(connection, due);
        else waiting.push(due);
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    while (inFlight.length > 0) await Promise.all(inFlight.splice(0));
  }
  const elapsed = (performance.now() - started) / 1000;
  for (const connection of connections) connection.close();
  const latencies = tally.latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.max(0, Math.ceil((p / 100) * latencies.length) - 1)] ?? Number.NaN;
  return { requests: latencies.length, errors: tally.errors, rps: latencies.length / elapsed, p50Ms: at(50), p99Ms: at(99) };
}

const upstream = await startInventoryUpstream();
console.log(upstream.url);
for await (const line of createInterface({ input: process.stdin })) {
  const [mode, url, amount, duration] = line.trim().split(/\s+/);
  if (!mode) continue;
  console.log(JSON.stringify(await runLoad(mode, url!, Number(amount), Number(duration))));
}
await upstream.stop();
