import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadClientConfig } from '../../client-config.js';
import { compileHttpContract, createTrafficRecorder, createWindowReporter, startProxy } from '../../tester/index.js';
import { createAccordClient } from '../accord-client.js';
import { UsageError } from '../cli-errors.js';
import { loadDeployedDocument, parseDurationMs } from '../load-deployed-document.js';
import { clientOptions, parseCommandArgs } from '../parse-command-args.js';

export const proxyHelp = `accord proxy --contract <slug> --env <environment> --upstream <url> [options]

A validating reverse proxy in front of one service. Every request and answer passes unchanged
(streamed both ways); a bounded copy of each is checked against the contract version deployed in
the environment: the operation (by path template, after the servers' base path), parameters,
bodies per media type, status codes and documented response headers. Nothing is ever blocked or
changed: violations are recorded, not enforced. When the upstream does not answer the client gets
a 502 and the request counts as a transport error.

Every --flush-interval the proxy reports a window per operation and consumer to the registry
(requests, status classes, transport errors, latency, violations with redacted samples,
undocumented requests) with an API key holding the traffic:write scope. Windows the registry cannot
take yet wait in --spool-dir and go out when it is back, also after a restart.

Options:
  --contract <slug>          the contract the service provides (required)
  --env <environment>        the environment it runs in (required)
  --upstream <url>           where the service listens, e.g. http://127.0.0.1:8080 (required)
  --port <n>                 where the proxy listens (default 4010)
  --host <address>           the address it binds (default 0.0.0.0)
  --version <v>              validate against this version instead of the one deployed in --env
  --consumer-header <name>   the request header naming the consumer, e.g. x-consumer; without it
                             (or when absent) an Accord API key's listed prefix, else "unknown"
  --flush-interval <d>       how often a window is reported: 500ms, 10s, 1m (default 10s)
  --redact <a,b>             field and parameter names whose values never appear in samples
                             (authorization, cookies and API keys never do)
  --metrics-port <n>         Prometheus metrics at GET /metrics on this port, apart from the
                             proxied traffic (default 9464; "off" for none)
  --spool-dir <dir>          unsent windows (default <os temp>/accord-spool/<contract>-<env>-proxy)
  --max-body <bytes>         larger bodies pass but are not checked (default 1048576)
  --server <url>             the registry (default ACCORD_URL or http://localhost:4000)
  --api-key <key>            the key windows are sent with (default ACCORD_TOKEN)

The proxy turns on V8's linear-time engine for regular expressions that backtrack excessively, so
no request can make a schema pattern hold it; patterns that engine cannot run at all are listed at
start and not checked. It stops on SIGINT or SIGTERM after reporting the last window.`;

export async function proxy(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...clientOptions,
    contract: { type: 'string' },
    env: { type: 'string' },
    upstream: { type: 'string' },
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '0.0.0.0' },
    version: { type: 'string' },
    'consumer-header': { type: 'string' },
    'flush-interval': { type: 'string', default: '10s' },
    redact: { type: 'string', default: '' },
    'metrics-port': { type: 'string', default: '9464' },
    'spool-dir': { type: 'string' },
    'max-body': { type: 'string', default: String(1024 * 1024) },
    'api-key': { type: 'string' },
  });
  if (values.help) return void console.log(proxyHelp), 0;
  if (!values.contract || !values.env || !values.upstream) throw new UsageError(`--contract, --env and --upstream are required\n\n${proxyHelp}`);
  if (!/^https?:\/\//i.test(values.upstream)) throw new UsageError(`--upstream must be an http:// or https:// URL; got "${values.upstream}"`);
  const port = portOf(values.port, '--port');
  const metricsPort = values['metrics-port'] === 'off' ? null : portOf(values['metrics-port'], '--metrics-port');
  const flushIntervalMs = parseDurationMs(values['flush-interval'], '--flush-interval');
  const maxBodyBytes = Number(values['max-body']);
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 0) throw new UsageError(`--max-body takes a number of bytes; got "${values['max-body']}"`);

  const config = loadClientConfig();
  const apiKey = values['api-key'] ?? config.token;
  const server = values.server ?? config.server;
  const client = createAccordClient({ server, token: apiKey });
  const { version, document } = await loadDeployedDocument(client, { contract: values.contract, environment: values.env, version: values.version });
  const redact = values.redact.split(',').map((f) => f.trim()).filter(Boolean);
  const contract = compileHttpContract(document, { redact });
  for (const { problem } of contract.patternProblems) console.error(`warning: not checked: ${problem}`);

  const spoolDir = values['spool-dir'] ?? join(tmpdir(), 'accord-spool', `${values.contract}-${values.env}-proxy`);
  const reporter = createWindowReporter({ registryUrl: server, apiKey, spoolDir });
  const recorder = createTrafficRecorder({
    contract: values.contract,
    environment: values.env,
    version,
    source: 'proxy',
    flushIntervalMs,
    onWindow: (window) => void reporter.report(window).catch((error: Error) => console.error(`warning: window ${window.id} not spooled: ${error.message}`)),
  });
  const running = await startProxy({ contract, recorder, upstream: values.upstream, contractSlug: values.contract, environment: values.env, port, host: values.host, metricsPort, consumerHeader: values['consumer-header'], maxBodyBytes });
  recorder.start();
  const summary = { contract: values.contract, environment: values.env, version, operations: contract.operations.length, url: running.url, upstream: values.upstream, metrics: running.metricsUrl ?? null, spoolDir };
  if (values.json) console.log(JSON.stringify(summary));
  else console.log(`accord proxy: ${values.contract} ${version} (${values.env}, ${contract.operations.length} operations) at ${running.url} → ${values.upstream}${running.metricsUrl ? `; metrics at ${running.metricsUrl}` : ''}`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  recorder.stop();
  await running.close();
  await reporter.close();
  return 0;
}

function portOf(text: string, option: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`${option} takes a port number; got "${text}"`);
  return port;
}
