import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintDocument, loadRuleset, type LintRuleset } from './index.js';
import { readShippedRulesets } from './read-shipped-rulesets.js';

type Doc = Record<string, any>;
type Base = 'openapi' | 'asyncapi2' | 'asyncapi3';

/** A fresh copy of a base contract that meets accord-strict; each case breaks one thing in it. */
const bases = new Map<Base, string>();
function base(name: Base): Doc {
  if (!bases.has(name)) bases.set(name, JSON.stringify(parse(readFileSync(new URL(`./__fixtures__/${name}.yaml`, import.meta.url), 'utf8'))));
  return JSON.parse(bases.get(name)!) as Doc;
}

interface RuleCase {
  id: string;
  ruleset: 'accord-recommended' | 'accord-strict';
  base: Base;
  /** Breaks the rule once. */
  fires: (doc: Doc) => void;
  /** A related change the rule must not mind. */
  quiet: (doc: Doc) => void;
  /** Where the finding points, and the operations it names. */
  pointer: string;
  operations?: string[];
}

const listOrders = (d: Doc) => d.paths['/orders'].get;
const createOrder = (d: Doc) => d.paths['/orders'].post;

const cases: RuleCase[] = [
  { id: 'operation-id-present', ruleset: 'accord-recommended', base: 'openapi', fires: (d) => delete listOrders(d).operationId, quiet: (d) => (listOrders(d).operationId = 'listAllOrders'), pointer: '/paths/~1orders/get', operations: ['GET /orders'] },
  {
    id: 'error-responses-documented',
    ruleset: 'accord-recommended',
    base: 'openapi',
    fires: (d) => delete listOrders(d).responses['400'],
    quiet: (d) => {
      delete listOrders(d).responses['400'];
      listOrders(d).responses['4XX'] = { $ref: '#/components/responses/Problem' };
    },
    pointer: '/paths/~1orders/get/responses',
    operations: ['GET /orders'],
  },
  {
    id: 'error-responses-problem-json',
    ruleset: 'accord-recommended',
    base: 'openapi',
    fires: (d) => (listOrders(d).responses['400'] = { description: 'Bad request.', content: { 'application/json': { schema: { type: 'object' } } } }),
    quiet: (d) => (listOrders(d).responses['400'] = { description: 'Bad request.', content: { 'application/problem+json': { schema: { type: 'object' } }, 'application/json': { schema: { type: 'object' } } } }),
    pointer: '/paths/~1orders/get/responses/400/content',
    operations: ['GET /orders'],
  },
  {
    id: 'security-declared',
    ruleset: 'accord-recommended',
    base: 'openapi',
    fires: (d) => {
      delete d.security;
      for (const op of [listOrders(d), d.paths['/orders/{orderId}'].get]) op.security = [{ oauth: [] }];
    },
    quiet: (d) => {
      delete d.security;
      for (const op of [listOrders(d), createOrder(d)]) op.security = [{ oauth: [] }];
      d.paths['/orders/{orderId}'].get.security = [];
    },
    pointer: '/paths/~1orders/post',
    operations: ['POST /orders'],
  },
  { id: 'servers-https', ruleset: 'accord-recommended', base: 'openapi', fires: (d) => (d.servers = [{ url: 'http://api.example.org' }]), quiet: (d) => (d.servers = [{ url: 'http://localhost:8080' }, { url: '/v1' }]), pointer: '/servers/0/url', operations: [] },
  { id: 'info-contact', ruleset: 'accord-recommended', base: 'asyncapi3', fires: (d) => delete d.info.contact, quiet: (d) => (d.info.contact = { url: 'https://stock.example.org' }), pointer: '/info', operations: [] },
  {
    id: 'owner-declared',
    ruleset: 'accord-recommended',
    base: 'openapi',
    fires: (d) => {
      delete d.info['x-owner'];
      delete d.info.contact.name;
    },
    quiet: (d) => {
      delete d.info['x-owner'];
      d['x-owner'] = 'order-team';
    },
    pointer: '/info',
  },
  { id: 'request-body-example', ruleset: 'accord-recommended', base: 'openapi', fires: (d) => delete createOrder(d).requestBody.content['application/json'].example, quiet: (d) => {
      const media = createOrder(d).requestBody.content['application/json'];
      delete media.example;
      media.schema = { type: 'object', example: { id: 'A1' } };
    }, pointer: '/paths/~1orders/post/requestBody/content/application~1json', operations: ['POST /orders'] },
  { id: 'response-body-example', ruleset: 'accord-recommended', base: 'openapi', fires: (d) => delete listOrders(d).responses['200'].content['application/json'].example, quiet: (d) => {
      const media = listOrders(d).responses['200'].content['application/json'];
      delete media.example;
      media.examples = { one: { value: [{ id: 'A1' }] } };
    }, pointer: '/paths/~1orders/get/responses/200/content/application~1json', operations: ['GET /orders'] },
  { id: 'paths-kebab-case', ruleset: 'accord-recommended', base: 'openapi', fires: (d) => (d.paths['/purchaseOrders'] = d.paths['/orders']), quiet: (d) => (d.paths['/purchase-orders/{purchaseOrderId}'] = d.paths['/orders/{orderId}']), pointer: '/paths/~1purchaseOrders' },
  {
    id: 'response-arrays-bounded',
    ruleset: 'accord-recommended',
    base: 'openapi',
    fires: (d) => (listOrders(d).parameters = [{ name: 'status', in: 'query', description: 'Only orders in this status.', schema: { type: 'string' } }]),
    quiet: (d) => {
      listOrders(d).parameters = [];
      listOrders(d).responses['200'].content['application/json'].schema.maxItems = 100;
    },
    pointer: '/paths/~1orders/get/responses/200/content/application~1json/schema',
    operations: ['GET /orders'],
  },
  { id: 'message-name', ruleset: 'accord-recommended', base: 'asyncapi2', fires: (d) => {
      delete d.components.messages.TransactionPosted.name;
      delete d.components.messages.TransactionPosted.messageId;
    }, quiet: (d) => delete d.components.messages.TransactionPosted.name, pointer: '/components/messages/TransactionPosted' },
  { id: 'message-payload-required', ruleset: 'accord-recommended', base: 'asyncapi3', fires: (d) => delete d.components.messages.StockAdjusted.payload.required, quiet: (d) => (d.components.messages.StockAdjusted.payload = { type: 'string' }), pointer: '/components/messages/StockAdjusted/payload' },
  { id: 'request-reply-correlation-id', ruleset: 'accord-recommended', base: 'asyncapi3', fires: (d) => delete d.components.messages.StockReply.correlationId, quiet: (d) => delete d.components.messages.StockAdjusted.correlationId, pointer: '/components/messages/StockReply' },
  { id: 'channel-naming', ruleset: 'accord-recommended', base: 'asyncapi3', fires: (d) => (d.channels.stockAdjusted.address = 'StockAdjusted'), quiet: (d) => (d.channels.stockAdjusted.address = 'stores/{storeId}/stock-adjusted'), pointer: '/channels/stockAdjusted/address', operations: ['send StockAdjusted'] },
  { id: 'operation-description', ruleset: 'accord-strict', base: 'openapi', fires: (d) => delete createOrder(d).description, quiet: (d) => (createOrder(d).summary = 'Place an order'), pointer: '/paths/~1orders/post', operations: ['POST /orders'] },
  { id: 'parameter-description', ruleset: 'accord-strict', base: 'openapi', fires: (d) => delete d.paths['/orders/{orderId}'].parameters[0].description, quiet: (d) => (d.paths['/orders/{orderId}'].parameters[0].description = 'Which order.'), pointer: '/paths/~1orders~1{orderId}/parameters/0', operations: ['GET /orders/{orderId}'] },
  { id: 'schema-property-description', ruleset: 'accord-strict', base: 'openapi', fires: (d) => (d.components.schemas.Order.properties.total = { type: 'number' }), quiet: (d) => (d.components.schemas.Order.properties.total = { type: 'number', description: 'In euros.' }), pointer: '/components/schemas/Order/properties/total' },
  { id: 'info-version-semver', ruleset: 'accord-strict', base: 'asyncapi2', fires: (d) => (d.info.version = 'v1'), quiet: (d) => (d.info.version = '2.0.0-rc.1'), pointer: '/info/version' },
  {
    id: 'deprecation-sunset',
    ruleset: 'accord-strict',
    base: 'openapi',
    fires: (d) => (listOrders(d).deprecated = true),
    quiet: (d) => Object.assign(listOrders(d), { deprecated: true, 'x-sunset': '2027-01-31' }),
    pointer: '/paths/~1orders/get',
    operations: ['GET /orders'],
  },
  { id: 'message-description', ruleset: 'accord-strict', base: 'asyncapi3', fires: (d) => delete d.components.messages.StockQuery.summary, quiet: (d) => {
      delete d.components.messages.StockQuery.summary;
      d.components.messages.StockQuery.description = 'Asks for the stock of one item.';
    }, pointer: '/components/messages/StockQuery' },
];

const shipped = readShippedRulesets();
const rulesets = new Map<string, LintRuleset>();
beforeAll(() => {
  for (const name of ['accord-recommended', 'accord-strict'] as const) rulesets.set(name, loadRuleset(shipped[name]!, { source: name, shipped }));
});

async function lint(name: RuleCase['ruleset'], doc: Doc) {
  return lintDocument(JSON.stringify(doc), rulesets.get(name)!);
}

describe('the shipped rulesets', () => {
  it('every rule Accord writes itself has a case here, a why and a message saying how to fix it', () => {
    const own = (['accord-recommended', 'accord-strict'] as const).flatMap((name) => Object.entries(parse(shipped[name]!).rules as Doc).filter(([, rule]) => typeof rule === 'object'));
    expect(own.map(([id]) => id).sort()).toEqual(cases.map((c) => c.id).sort());
    for (const [, rule] of own) {
      expect(rule.description).toMatch(/^.{40,}$/);
      expect(rule.message).toMatch(/^[A-Z]/);
      expect(rule.formats?.length, 'every rule names its formats').toBeGreaterThan(0);
    }
  });

  it.each(['openapi', 'asyncapi2', 'asyncapi3'] as const)('the %s base contract meets accord-strict', async (name) => {
    expect(await lint('accord-strict', base(name))).toEqual([]);
  });

  it('kept Spectral rules are switched on and the rest of spectral:oas stays off', () => {
    const rules = rulesets.get('accord-recommended')!.spectral.rules;
    expect(rules['operation-operationId-unique']?.enabled).toBe(true);
    expect(rules['asyncapi-channel-parameters']?.enabled).toBe(true);
    expect(rules['oas3-schema']?.enabled).toBe(false);
    expect(rules['info-license']?.enabled).toBe(false);
  });

  it('OpenAPI rules stay quiet on AsyncAPI documents and AsyncAPI rules on OpenAPI ones', async () => {
    const async = base('asyncapi3');
    async.paths = { '/notKebab': { get: {} } };
    expect(await lint('accord-strict', async)).toEqual([]);
    const open = base('openapi');
    open.channels = { NotDotted: {} };
    expect(await lint('accord-strict', open)).toEqual([]);
  });
});

describe.each(cases.map((c) => [c.id, c] as const))('rule %s', (id, c) => {
  it('fires on the contract that breaks it, where it is broken', async () => {
    const doc = base(c.base);
    c.fires(doc);
    const findings = (await lint(c.ruleset, doc)).filter((f) => f.id === id);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.pointer).toBe(c.pointer);
    if (c.operations) expect(finding!.operations).toEqual(c.operations);
    expect(finding!.why).toMatch(/^.{40,}$/);
    expect(finding!.message).not.toMatch(/undefined|\[object|\{\{/);
    const severity = (parse(shipped[c.ruleset]!).rules as Doc)[id].severity as string;
    expect(finding!.level).toBe(severity);
  });

  it('stays quiet on a related change it is not about', async () => {
    const doc = base(c.base);
    c.quiet(doc);
    expect((await lint(c.ruleset, doc)).filter((f) => f.id === id)).toEqual([]);
  });
});
