import { basePathsOf, brokerChannelsOf, createChannelMatcher, createOperationMatcher, protocolOf, type OperationMatcher } from '../tester/index.js';
import type { DeployedContract } from './load-deployed-contracts.js';
import { SpanKind, type AttributeValue, type ReceivedSpan } from './received-span.js';

/** Where a span lands: on a documented operation of a deployed contract, or on its host but no operation. */
export type SpanMapping =
  | { kind: 'operation'; target: DeployedContract; operation: string }
  | { kind: 'undocumented'; target: DeployedContract; request: string };

export type SpanMapper = (span: ReceivedSpan) => SpanMapping | undefined;

interface HttpDeployment {
  target: DeployedContract;
  port: number;
  basePath: string;
  matcher: OperationMatcher<string>;
}

interface BrokerDeployment {
  target: DeployedContract;
  host: string;
  port: number | undefined;
  channelOf: ReturnType<typeof createChannelMatcher>;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443, 'amqp:': 5672, 'amqps:': 5671, 'mqtt:': 1883, 'mqtts:': 8883, 'nats:': 4222 };
const HTTP_METHOD = /^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) (\/\S*)$/;

/**
 * Maps server spans and messaging spans to the operations of what is deployed where: an HTTP span
 * by the host and port it was addressed to, then the deployment's base path, then the version's
 * paths through the proxy's segment trie; a messaging span by its destination through the
 * listener's channel matcher. Built once per set of deployments and reused for every span.
 */
export function createSpanMapper(deployed: readonly DeployedContract[]): SpanMapper {
  const byHost = new Map<string, HttpDeployment[]>();
  const brokers: BrokerDeployment[] = [];
  for (const target of deployed) {
    const address = urlOf(target.address);
    if (!address) continue;
    const host = address.hostname.toLowerCase();
    const port = Number(address.port) || DEFAULT_PORTS[address.protocol];
    if (target.kind === 'asyncapi') {
      const protocol = protocolOf(target.address) ?? 'nats';
      brokers.push({ target, host, port, channelOf: createChannelMatcher(brokerChannelsOf(target.document), protocol) });
      continue;
    }
    const basePath = address.pathname.replace(/\/+$/, '');
    const operations = target.operations.flatMap((key) => {
      const match = HTTP_METHOD.exec(key);
      return match ? [{ method: match[1]!, path: match[2]!, operation: key }] : [];
    });
    const documentBases = target.document !== null && typeof target.document === 'object' ? basePathsOf(target.document as Record<string, unknown>) : [];
    const matcher = createOperationMatcher({ operations, basePaths: [basePath, ...documentBases] });
    const list = byHost.get(host) ?? [];
    list.push({ target, port: port ?? 0, basePath, matcher });
    // The deepest base path is tried first: `/inventory/v2` before `/inventory` on one host.
    list.sort((a, b) => b.basePath.length - a.basePath.length);
    byHost.set(host, list);
  }

  const mapHttp = (span: ReceivedSpan): SpanMapping | undefined => {
    const request = httpRequestOf(span.attributes);
    if (!request) return undefined;
    const candidates = (byHost.get(request.host) ?? []).filter((d) => request.port === undefined || d.port === request.port);
    let home: HttpDeployment | undefined;
    for (const candidate of candidates) {
      if (candidate.basePath !== '' && request.path !== candidate.basePath && !request.path.startsWith(`${candidate.basePath}/`)) continue;
      const found = candidate.matcher.match(request.method, request.path);
      if (found) return { kind: 'operation', target: candidate.target, operation: found.operation };
      home ??= candidate;
    }
    home ??= candidates[0];
    return home ? { kind: 'undocumented', target: home.target, request: `${request.method} ${request.path}` } : undefined;
  };

  const mapMessage = (span: ReceivedSpan): SpanMapping | undefined => {
    const a = span.attributes;
    const destination = text(a['messaging.destination.name']) ?? text(a['messaging.destination']);
    if (!destination) return undefined;
    const action = actionOf(text(a['messaging.operation.type']) ?? text(a['messaging.operation']), span.kind);
    const host = (text(a['server.address']) ?? text(a['net.peer.name']))?.toLowerCase();
    const port = number(a['server.port']) ?? number(a['net.peer.port']);
    const candidates = host === undefined ? brokers : brokers.filter((b) => b.host === host && (port === undefined || b.port === undefined || b.port === port));
    for (const candidate of candidates) {
      const channel = candidate.channelOf(destination);
      if (!channel) continue;
      // The contract speaks from the application's side: a consumer's receive of a channel the provider sends on is that send operation.
      const operation = channel.operations.find((key) => key.startsWith(`${action} `)) ?? channel.operations[0];
      if (operation) return { kind: 'operation', target: candidate.target, operation };
    }
    return host !== undefined && candidates[0] ? { kind: 'undocumented', target: candidates[0].target, request: `${action} ${destination}` } : undefined;
  };

  return (span) => {
    if (span.kind === SpanKind.server) return mapHttp(span);
    if (span.kind === SpanKind.producer || span.kind === SpanKind.consumer) return mapMessage(span);
    return undefined;
  };
}

const text = (v: AttributeValue | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const number = (v: AttributeValue | undefined): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
};

function urlOf(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Publishing kinds of the current conventions and of the older `messaging.operation`, or the span's kind. */
function actionOf(operation: string | undefined, kind: number): 'send' | 'receive' {
  if (operation === 'publish' || operation === 'send' || operation === 'create') return 'send';
  if (operation === 'receive' || operation === 'process' || operation === 'deliver' || operation === 'settle') return 'receive';
  return kind === SpanKind.producer ? 'send' : 'receive';
}

interface HttpRequest {
  method: string;
  host: string;
  port: number | undefined;
  path: string;
}

/**
 * The request a server span answered, from the current HTTP conventions (`url.full`, or
 * `server.address`, `server.port` and `url.path`) or the older ones (`http.url`, `http.host`,
 * `net.host.name`, `net.host.port`, `http.target`). `http.route` serves as the path when nothing
 * else gives one: a route template still walks the trie, its parameters standing in for values.
 */
function httpRequestOf(a: Record<string, AttributeValue>): HttpRequest | undefined {
  const method = (text(a['http.request.method']) ?? text(a['http.method']))?.toUpperCase();
  if (!method || method === '_OTHER') return undefined;
  const full = urlOf(text(a['url.full']) ?? text(a['http.url']) ?? '');
  const hostHeader = text(a['http.host']) ? urlOf(`http://${text(a['http.host'])}`) : undefined;
  const host = (full?.hostname ?? text(a['server.address']) ?? text(a['net.host.name']) ?? hostHeader?.hostname)?.toLowerCase();
  if (!host) return undefined;
  const port = (full && (Number(full.port) || DEFAULT_PORTS[full.protocol])) || number(a['server.port']) || number(a['net.host.port']) || (hostHeader?.port ? Number(hostHeader.port) : undefined);
  const target = text(a['url.path']) ?? text(a['http.target'])?.split('?')[0] ?? full?.pathname ?? text(a['http.route']);
  if (!target) return undefined;
  return { method, host, port, path: target.startsWith('/') ? target : `/${target}` };
}
