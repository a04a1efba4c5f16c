// The load generator of `npm run bench traffic`, in a process of its own so it takes no time from
// the server measured: `closed <url> <connections> <ms>` keeps each connection busy (throughput);
// `open <url> <rate/s> <ms>` sends at a fixed rate whatever the answers (latency at a given load).
// Prints { requests, errors, rps, p50Ms, p99Ms }.
import { Pool } from 'undici';

const [mode, url, amount, duration] = process.argv.slice(2);
const target = new URL(url!);
const durationMs = Number(duration);
const pool = new Pool(target.origin, { connections: mode === 'closed' ? Number(amount) : 64 });
const latencies: number[] = [];
let errors = 0;

async function once() {
  const started = performance.now();
  try {
    const { statusCode, body } = await pool.request({ path: target.pathname + target.search, method: 'GET' });
    await body.dump();
    if (statusCode >= 500) errors++;
  } catch {
    errors++;
  }
  latencies.push(performance.now() - started);
}

const started = performance.now();
const end = started + durationMs;
if (mode === 'closed') {
  await Promise.all(Array.from({ length: Number(amount) }, async () => {
    while (performance.now() < end) await once();
  }));
} else {
  const rate = Number(amount);
  const inFlight: Promise<void>[] = [];
  let sent = 0;
  // Each tick sends what the schedule owes, so a slow answer never delays the next request.
  while (performance.now() < end) {
    const owed = Math.floor(((performance.now() - started) / 1000) * rate) - sent;
    for (let i = 0; i < owed; i++, sent++) inFlight.push(once());
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(inFlight);
}
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (p: number) => latencies[Math.max(0, Math.ceil((p / 100) * latencies.length) - 1)] ?? Number.NaN;
console.log(JSON.stringify({ requests: latencies.length, errors, rps: latencies.length / elapsed, p50Ms: at(50), p99Ms: at(99) }));
await pool.close();
