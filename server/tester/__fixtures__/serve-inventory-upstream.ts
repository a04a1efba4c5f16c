// `node --import tsx server/tester/__fixtures__/serve-inventory-upstream.ts [port]`: the upstream of
// the README's walk-through, on port 4011 unless told. A file of its own, so that importing the
// fixture never starts a server.
import { startInventoryUpstream } from './inventory-upstream.js';

const upstream = await startInventoryUpstream({ port: Number(process.argv[2] ?? 4011) });
console.log(`inventory-stock-api upstream at ${upstream.url}/api/v1 and /api/v2 (x-fault: wrong-type | missing-property | status-418; SIGUSR2 toggles 5 % errors)`);
process.on('SIGUSR2', () => {
  upstream.faults.errorRate = upstream.faults.errorRate > 0 ? 0 : 0.05;
  console.log(`error rate now ${upstream.faults.errorRate}`);
});
