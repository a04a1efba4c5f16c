import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadClientConfig } from '../../client-config.js';
import { compileHttpContract, createTrafficRecorder, createWindowReporter, probeContract, type ProbeResult } from '../../tester/index.js';
import { createAccordClient } from '../accord-client.js';
import { UsageError } from '../cli-errors.js';
import { loadDeployedDocument, parseDurationMs } from '../load-deployed-document.js';
import { clientOptions, parseCommandArgs } from '../parse-command-args.js';

export const probeHelp = `accord probe --contract <slug> --env <environment> [--base-url <url>] [options]

Active checks for when there is no live traffic: sends a request to each safe operation (GET and
HEAD) of the contract version deployed in the environment, with parameters from the contract's
examples or made from its schemas, validates each answer the way accord proxy does, and reports
the results to the registry as windows (consumer "accord-probe"). Operations whose path parameters
have neither an example nor a schema to make one from are skipped, and listed.

Options:
  --contract <slug>       the contract (required)
  --env <environment>     the environment (required)
  --base-url <url>        where the service answers, base path included (default: the address
                          recorded by accord deploy for the environment)
  --interval <d>          time between rounds: 10s, 30s, 5m (default 30s)
  --once                  one round, report it, and exit: 0 when every answer kept the contract
                          and none was a 5xx or a transport error, 1 otherwise
  --unsafe                also probe operations that change state, only those named in --operations
  --operations <a,b>      with --unsafe: the operation keys, e.g. "POST /reservations"
  --version <v>           validate against this version instead of the deployed one
  --redact <a,b>          field names whose values never appear in samples
  --spool-dir <dir>       unsent windows (default <os temp>/accord-spool/<contract>-<env>-probe)
  --server <url>          the registry (default ACCORD_URL or http://localhost:4000)
  --api-key <key>         the key with traffic:write windows are sent with (default ACCORD_TOKEN)`;

export async function probe(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...clientOptions,
    contract: { type: 'string' },
    env: { type: 'string' },
    'base-url': { type: 'string' },
    interval: { type: 'string', default: '30s' },
    once: { type: 'boolean', default: false },
    unsafe: { type: 'boolean', default: false },
    operations: { type: 'string', default: '' },
    version: { type: 'string' },
    redact: { type: 'string', default: '' },
    'spool-dir': { type: 'string' },
    'api-key': { type: 'string' },
  });
  if (values.help) return void console.log(probeHelp), 0;
  if (!values.contract || !values.env) throw new UsageError(`--contract and --env are required\n\n${probeHelp}`);
  const unsafe = values.operations.split(',').map((o) => o.trim()).filter(Boolean);
  if (unsafe.length > 0 && !values.unsafe) throw new UsageError('--operations names operations that change state: add --unsafe to say they may be called');
  if (values.unsafe && unsafe.length === 0) throw new UsageError('--unsafe needs --operations with the operation keys to call, e.g. --operations "POST /reservations"');
  const intervalMs = parseDurationMs(values.interval, '--interval');

  const config = loadClientConfig();
  const apiKey = values['api-key'] ?? config.token;
  const server = values.server ?? config.server;
  const client = createAccordClient({ server, token: apiKey });
  const { version, document, address } = await loadDeployedDocument(client, { contract: values.contract, environment: values.env, version: values.version });
  const baseUrl = values['base-url'] ?? address;
  if (!baseUrl || !/^https?:\/\//i.test(baseUrl)) throw new UsageError(`--base-url is required (an http:// or https:// URL) when the deployment records none; got "${baseUrl ?? ''}"`);
  const contract = compileHttpContract(document, { redact: values.redact.split(',').map((f) => f.trim()).filter(Boolean) });
  const unknown = unsafe.filter((key) => !contract.operations.some((op) => op.key === key));
  if (unknown.length > 0) throw new UsageError(`${values.contract} ${version} has no operation ${unknown.map((k) => `"${k}"`).join(', ')}`);

  const spoolDir = values['spool-dir'] ?? join(tmpdir(), 'accord-spool', `${values.contract}-${values.env}-probe`);
  const reporter = createWindowReporter({ registryUrl: server, apiKey, spoolDir });
  const recorder = createTrafficRecorder({ contract: values.contract, environment: values.env, version, source: 'probe', flushIntervalMs: intervalMs, onWindow: (window) => void reporter.report(window) });
  let stopping = false;
  const stop = () => (stopping = true);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let failed = false;
  do {
    const results = await probeContract({ contract, document, baseUrl, recorder, unsafe });
    const window = recorder.flush();
    await reporter.report(window);
    failed = results.some(isFailure);
    print(results, values.json);
    if (values.once) break;
    await sleep(intervalMs).catch(() => undefined);
  } while (!stopping);
  await reporter.close();
  const left = reporter.stats().spooled;
  if (left > 0) console.error(`warning: ${left} window(s) wait in ${spoolDir} for the registry`);
  return values.once && failed ? 1 : 0;
}

const isFailure = (r: ProbeResult) => r.error !== undefined || (r.status !== undefined && r.status >= 500) || r.violations.length > 0;

function print(results: ProbeResult[], json: boolean) {
  if (json) return void console.log(JSON.stringify({ at: new Date().toISOString(), results }));
  for (const r of results) {
    const outcome = r.skipped ? `skipped: ${r.skipped}` : r.error ? `transport error: ${r.error}` : `${r.status} in ${r.latencyMs.toFixed(1)} ms`;
    console.log(`${isFailure(r) ? '✗' : r.skipped ? '–' : '✓'} ${r.operation}  ${outcome}`);
    for (const v of r.violations) console.log(`    ${v.rule} at ${v.pointer}: ${v.message}`);
  }
}
