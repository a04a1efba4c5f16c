import { describe, expect, it } from 'vitest';
import { stockEventsDocument } from '../tester/__fixtures__/stock-events-document.js';
import { createSpanMapper } from './create-span-mapper.js';
import type { DeployedContract } from './load-deployed-contracts.js';
import { SpanKind, type AttributeValue, type ReceivedSpan } from './received-span.js';

const stockApi = (environment: string, address: string): DeployedContract => ({
  contract: 'stock-api',
  environment,
  version: '1.0.0',
  teamId: 'team',
  kind: 'openapi',
  address,
  operations: ['GET /stock/{sku}', 'GET /stock/mine', 'POST /reservations'],
  document: { openapi: '3.1.0', servers: [{ url: 'https://stock.example.com/api' }] },
});
const stockEvents: DeployedContract = {
  contract: 'stock-events',
  environment: 'prod',
  version: '1.0.0',
  teamId: 'team',
  kind: 'asyncapi',
  address: 'nats://broker.prod.test:4222',
  operations: ['send shop.stock.{storeId}.adjusted', 'send shop.stock.counted'],
  document: stockEventsDocument({ prefix: 'shop', separator: '.' }),
};

const map = createSpanMapper([stockApi('prod', 'http://stock.prod.test:8080/inventory'), stockApi('dev', 'http://stock.dev.test'), stockEvents]);
const span = (kind: number, attributes: Record<string, AttributeValue>): ReceivedSpan => ({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), parentSpanId: '', kind, startMs: 0, endMs: 1, failed: false, attributes, service: 'svc' });
const where = (s: ReceivedSpan) => {
  const found = map(s);
  return found && [found.target.environment, found.kind === 'operation' ? found.operation : `undocumented ${found.request}`];
};

describe('mapping spans to deployed operations', () => {
  it('finds a server span by host, port and base path, a literal segment before a parameter', () => {
    const at = (path: string) => span(SpanKind.server, { 'http.request.method': 'GET', 'server.address': 'stock.prod.test', 'server.port': 8080, 'url.path': path });
    expect(where(at('/inventory/stock/sku-1'))).toEqual(['prod', 'GET /stock/{sku}']);
    expect(where(at('/inventory/stock/mine'))).toEqual(['prod', 'GET /stock/mine']);
  });

  it("reads the older conventions (http.method, http.host, http.target with a query) and the default port of the deployment's scheme", () => {
    expect(where(span(SpanKind.server, { 'http.method': 'post', 'http.host': 'stock.dev.test', 'http.target': '/reservations?hold=1' }))).toEqual(['dev', 'POST /reservations']);
    expect(where(span(SpanKind.server, { 'http.method': 'GET', 'http.url': 'http://stock.dev.test:80/stock/1' }))).toEqual(['dev', 'GET /stock/{sku}']);
    // The base path of the document's servers is stripped too.
    expect(where(span(SpanKind.server, { 'http.method': 'GET', 'net.host.name': 'stock.dev.test', 'http.target': '/api/stock/7' }))).toEqual(['dev', 'GET /stock/{sku}']);
  });

  it('matches a route template when the span names no concrete path', () => {
    expect(where(span(SpanKind.server, { 'http.request.method': 'GET', 'server.address': 'stock.dev.test', 'http.route': '/stock/:sku' }))).toEqual(['dev', 'GET /stock/{sku}']);
  });

  it('reports a request on a deployed host that no operation documents as undocumented, and leaves other hosts and ports alone', () => {
    expect(where(span(SpanKind.server, { 'http.request.method': 'DELETE', 'server.address': 'stock.prod.test', 'server.port': 8080, 'url.path': '/inventory/stock/1' }))).toEqual(['prod', 'undocumented DELETE /inventory/stock/1']);
    expect(where(span(SpanKind.server, { 'http.request.method': 'GET', 'server.address': 'stock.prod.test', 'server.port': 9090, 'url.path': '/inventory/stock/1' }))).toBeUndefined();
    expect(where(span(SpanKind.server, { 'http.request.method': 'GET', 'server.address': 'elsewhere.test', 'url.path': '/stock/1' }))).toBeUndefined();
  });

  it('ignores client and internal spans: only the side that answered counts', () => {
    expect(where(span(SpanKind.client, { 'http.request.method': 'GET', 'url.full': 'http://stock.dev.test/stock/1' }))).toBeUndefined();
    expect(where(span(SpanKind.internal, { 'http.request.method': 'GET', 'url.full': 'http://stock.dev.test/stock/1' }))).toBeUndefined();
  });

  it("maps producer and consumer spans to the channel's operation by destination, parameters standing for one level", () => {
    const message = (kind: number, destination: string, extra: Record<string, AttributeValue> = {}) => span(kind, { 'messaging.system': 'nats', 'messaging.destination.name': destination, ...extra });
    expect(where(message(SpanKind.producer, 'shop.stock.42.adjusted', { 'messaging.operation.type': 'send', 'server.address': 'broker.prod.test' }))).toEqual(['prod', 'send shop.stock.{storeId}.adjusted']);
    // A consumer's receive of what the provider sends is the provider's send operation.
    expect(where(message(SpanKind.consumer, 'shop.stock.counted', { 'messaging.operation.type': 'process' }))).toEqual(['prod', 'send shop.stock.counted']);
    expect(where(message(SpanKind.consumer, 'shop.stock.lost', { 'messaging.operation': 'receive', 'server.address': 'broker.prod.test', 'server.port': 4222 }))).toEqual(['prod', 'undocumented receive shop.stock.lost']);
    expect(where(message(SpanKind.consumer, 'shop.stock.lost'))).toBeUndefined();
  });
});
