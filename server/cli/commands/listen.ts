import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrafficWindow } from '../../shared/index.js';
import { brokerChannelsOf, brokerUrlOf, createBrokerListener, createSchemaCompiler, createTrafficRecorder, createWindowReporter, openBrokerTap, protocolOf, tapPatterns } from '../../tester/index.js';
import { loadClientConfig } from '../../client-config.js';
import { UsageError } from '../cli-errors.js';
import { loadDeployedDocument, parseDurationMs } from '../load-deployed-document.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';

export const listenHelp = `accord listen --contract <slug> --env <environment> [--url <broker url>] [--version <v>]
  [--time-header <name>] [--queue-size 10000] [--flush-interval 10s] [--redact a,b]
  [--only-documented] [--spool-dir <dir>] [--duration <d>] [--server URL] [--json]

Subscribes to the channels of an AsyncAPI contract on its broker and checks every message against
the version deployed in the environment (or --version): payloads and headers against the messages
of each channel (with several messages, valid when one matches). Brokers: MQTT (mqtt://, mqtts://),
AMQP 0-9-1 (amqp://, amqps://) and NATS (nats://). The broker is --url, else the deployment's
address, else the document's server named like the environment, else its first usable server.

The listener takes no message from anyone: MQTT and NATS subscriptions are copies, and on AMQP it
binds a temporary queue of its own to the contract's exchanges (never reading a real queue). By
default it subscribes under the channels' common prefix (stock/#) to see messages on undocumented
channels too; --only-documented subscribes to the documented channels alone. MQTT uses QoS 1
unless every operation asks for 0; the QoS granted is printed.

Validation runs off the receive path through a queue of --queue-size messages; a message that
finds it full is counted as dropped, never silently lost. Every --flush-interval a window is sent
to the registry (ACCORD_TOKEN needs the traffic:write scope): per operation messages seen,
validated and dropped, invalid messages, violations with their JSON pointer and a redacted sample,
undocumented addresses, and end-to-end latency from CloudEvents time (binary or structured mode) or
the header --time-header (or x-accord-time-header in the contract) names. Windows the registry
cannot take yet wait in --spool-dir and are sent later. Stops on SIGINT/SIGTERM or after --duration.`;

export async function listen(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...clientOptions,
    contract: { type: 'string' },
    env: { type: 'string' },
    url: { type: 'string' },
    version: { type: 'string' },
    'time-header': { type: 'string' },
    'queue-size': { type: 'string' },
    'flush-interval': { type: 'string' },
    redact: { type: 'string' },
    'only-documented': { type: 'boolean', default: false },
    'spool-dir': { type: 'string' },
    duration: { type: 'string' },
  });
  if (values.help) return void console.log(listenHelp), 0;
  if (!values.contract || !values.env) throw new UsageError(`--contract and --env are required\n\n${listenHelp}`);
  const queueSize = values['queue-size'] === undefined ? 10_000 : Number(values['queue-size']);
  if (!Number.isInteger(queueSize) || queueSize < 1) throw new UsageError(`--queue-size must be a positive whole number, not "${values['queue-size']}"`);
  const flushIntervalMs = parseDurationMs(values['flush-interval'] ?? '10s', '--flush-interval');
  const durationMs = values.duration === undefined ? undefined : parseDurationMs(values.duration, '--duration');
  const redact = (values.redact ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  const { contract, env: environment } = values;

  const client = clientFrom(values);
  const deployed = await loadDeployedDocument(client, { contract, environment, version: values.version });
  if (typeof deployed.document.asyncapi !== 'string') throw new UsageError(`"${contract}" is not an AsyncAPI contract; use accord proxy or accord probe for HTTP APIs`);
  const url = brokerUrlOf({ url: values.url, deploymentAddress: deployed.address, document: deployed.document, environment });
  if (!url) throw new UsageError(`no MQTT, AMQP or NATS broker for ${contract} in ${environment} (deployment address: ${deployed.address ?? 'none'}); pass --url`);
  const protocol = protocolOf(url);
  if (!protocol) throw new UsageError(`no listener for "${url}": use an mqtt://, mqtts://, amqp://, amqps:// or nats:// URL`);
  const channels = brokerChannelsOf(deployed.document);
  if (channels.length === 0) throw new UsageError(`version ${deployed.version} of "${contract}" has no operation on any channel`);

  const log = (line: string) => (values.json ? console.error(line) : console.log(line));
  const compiler = createSchemaCompiler({ document: deployed.document });
  const reporter = createWindowReporter({
    registryUrl: client.server,
    apiKey: loadClientConfig().token,
    spoolDir: values['spool-dir'] ?? join(tmpdir(), 'accord-spool', `${contract}-${environment}-listener`),
  });
  const spooling: Promise<void>[] = [];
  const report = (window: TrafficWindow) => {
    spooling.push(reporter.report(window).catch((e: Error) => log(`warning: window ${window.id} not spooled: ${e.message}`)));
    if (values.json) console.log(JSON.stringify(window));
    else log(summaryOf(window));
  };
  const recorder = createTrafficRecorder({ contract, environment, version: deployed.version, source: 'listener', onWindow: report, flushIntervalMs, reporter: `${hostname()}:${process.pid}` });
  const listener = createBrokerListener({ channels, protocol, validatorAt: (pointer) => compiler.compileAt(pointer), recorder, queueSize, timeHeader: values['time-header'], redact });
  for (const { pattern, problem } of compiler.patternProblems()) log(`warning: pattern ${pattern} is not checked: ${problem}`);

  const patterns = tapPatterns(channels, protocol, { wide: !values['only-documented'] });
  for (const p of patterns) if (p.skipped) log(`warning: not listening to ${p.pattern}: ${p.skipped}`);
  const tap = await openBrokerTap({ url, patterns, onMessage: (m) => listener.receive(m), onError: (e) => log(`warning: ${e.message}`), onNotice: log });
  log(`listening to ${contract} ${deployed.version} in ${environment} on ${redactUrl(url)}: ${tap.subscribed.join(', ')}`);
  recorder.start();

  await new Promise<void>((resolve) => {
    const timer = durationMs === undefined ? undefined : setTimeout(resolve, durationMs);
    const stop = () => {
      if (timer) clearTimeout(timer);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await tap.close();
  await listener.drained();
  recorder.stop();
  await Promise.all(spooling);
  await reporter.close();
  const stats = reporter.stats();
  log(`stopped: ${stats.sent} windows sent, ${stats.duplicates} already there, ${stats.spooled} spooled for later, ${stats.rejected} refused`);
  return 0;
}

function summaryOf(window: TrafficWindow): string {
  let seen = 0;
  let validated = 0;
  let dropped = 0;
  let invalid = 0;
  for (const o of window.operations) {
    seen += o.messages?.seen ?? 0;
    validated += o.messages?.validated ?? 0;
    dropped += o.messages?.dropped ?? 0;
    invalid += o.violations;
  }
  const undocumented = window.undocumented.reduce((n, u) => n + u.count, 0);
  return `${window.endedAt} seen ${seen}, validated ${validated}, dropped ${dropped}, invalid ${invalid}, undocumented ${undocumented}`;
}

/** A broker URL without its password, for the terminal. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
