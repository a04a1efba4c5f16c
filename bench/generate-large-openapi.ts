import { seededRandom, type Random } from './seeded-random.js';

export interface LargeOpenApiOptions {
  /** Resource collections; each one yields 8 operations and 5 component schemas (~28 KB of JSON). */
  resources?: number;
  /** Fields of each resource schema before a random 0–7 more; raises the size per operation. */
  fieldsPerResource?: number;
  /** Varies which resources appear, their fields and their wording, so two seeds give two different documents. */
  seed?: number;
  title?: string;
}

type Json = Record<string, unknown>;

const MODULES = ['retail', 'inventory', 'sales', 'payments', 'banking', 'ledger', 'analytics', 'manufacturing', 'erp', 'logistics', 'workforce', 'crm', 'catalog', 'pricing', 'loyalty', 'compliance'];

// [plural path segment, singular schema word]
const NOUNS: [string, string][] = [
  ['customers', 'Customer'], ['orders', 'Order'], ['products', 'Product'], ['categories', 'Category'], ['stores', 'Store'],
  ['shipments', 'Shipment'], ['invoices', 'Invoice'], ['payments', 'Payment'], ['refunds', 'Refund'], ['suppliers', 'Supplier'],
  ['warehouses', 'Warehouse'], ['accounts', 'Account'], ['transactions', 'Transaction'], ['batches', 'Batch'], ['machines', 'Machine'],
  ['work-orders', 'WorkOrder'], ['stock-levels', 'StockLevel'], ['price-lists', 'PriceList'], ['promotions', 'Promotion'], ['returns', 'Return'],
];

const FIELD_WORDS = [
  'reference', 'label', 'channel', 'region', 'quantity', 'weight', 'priority', 'owner', 'source', 'barcode', 'terminal', 'shift', 'cost centre',
  'tax code', 'batch number', 'due date', 'approval', 'external id', 'note', 'risk score', 'capacity', 'unit', 'locale', 'currency', 'margin',
  'threshold', 'tier', 'segment', 'routing key', 'settlement date', 'operator', 'lot', 'line count', 'discount', 'country', 'vat number',
];

const FIELD_REMARKS = [
  'Set by the server when the record is created and never changed afterwards.',
  'Clients must treat unknown values as opaque and display them unchanged.',
  'Used by the point-of-sale terminals to reconcile stock at the end of the business day.',
  'Expressed in the currency of the store or legal entity that recorded the transaction.',
  'Null until the record has been approved by a second reviewer (four-eyes principle).',
  'Copied from the ERP master data during the nightly synchronisation; edits here are overwritten.',
  'Indexed for search; matching is case-insensitive and ignores diacritics.',
  'Required by the tax authority in some jurisdictions; leave empty where it does not apply.',
  'Analytics pipelines partition on this value, so keep its cardinality low.',
  'Changing it triggers a re-evaluation of every open order that references this record.',
  'Rounded half-even to the precision of the currency before it is stored.',
  'Visible to consumers in other domains; do not put personal data here.',
  'Kept for seven years after the record is closed, as required for audit.',
  'Derived from the production schedule of the work centre that owns the order.',
];

const OPERATION_REMARKS = [
  'Results are ordered by creation time, newest first, unless `sort` says otherwise.',
  'Use the cursor returned in `page.next` to fetch the following page; cursors expire after 24 hours.',
  'The call is idempotent when an `Idempotency-Key` header is sent: a retry with the same key returns the first response.',
  'Send the `ETag` received with the record as `If-Match` to avoid overwriting a concurrent change.',
  'Consumers in the analytics domain receive the change as an event within a few seconds.',
  'Requires the `write` scope of the owning team; other teams may only read.',
  'Rate limited to 50 requests per second per client; excess requests receive 429 with a `Retry-After` header.',
  'Point-of-sale terminals call this while offline queues drain, so bursts after an outage are expected.',
  'Archived records are excluded unless `includeArchived=true` is passed.',
  'The response embeds related records only one level deep; follow the links for the rest.',
];

const ACTIONS = ['approve', 'reject', 'cancel', 'archive', 'reopen', 'escalate', 'recalculate', 'release'];
const STATUSES = ['draft', 'pending', 'active', 'on_hold', 'completed', 'cancelled', 'archived'];

/**
 * A deterministic OpenAPI 3.0.3 document shaped like a real integration landscape: CRUD plus history
 * and action endpoints per resource, shared parameters and responses, described fields, and cycles
 * through component references (Category ↔ Category, Order → Customer → Order, and each resource
 * pointing at another), because cycles are what make dereferencing and validation expensive.
 */
export function generateLargeOpenApi({ resources = 180, fieldsPerResource = 14, seed = 1, title = 'Retail, banking and manufacturing landscape' }: LargeOpenApiOptions = {}): Json {
  const random = seededRandom(seed);
  const pairs = shuffled(MODULES.flatMap((m) => NOUNS.map(([plural, singular]) => ({ module: m, plural, singular }))), random);
  if (resources > pairs.length) throw new Error(`at most ${pairs.length} resources can be generated`);
  const chosen = pairs.slice(0, resources).map((p) => ({ ...p, schema: pascal(p.module) + p.singular }));

  const schemas: Json = { ...sharedSchemas(random) };
  const paths: Json = {};
  chosen.forEach((resource, i) => {
    // The next resource in the list closes a ring of references through every resource schema.
    const related = chosen[(i + 1) % chosen.length]!.schema;
    Object.assign(schemas, resourceSchemas(resource, related, fieldsPerResource, random));
    Object.assign(paths, resourcePaths(resource, random));
  });

  return {
    openapi: '3.0.3',
    info: {
      title,
      version: `1.${seed % 100}.0`,
      description: `${sentence(random, OPERATION_REMARKS)} This description is generated for benchmarks (seed ${seed}) and covers ${resources} resources.`,
      contact: { name: 'Integration architecture', email: 'architecture@example.com' },
      license: { name: 'Apache-2.0' },
    },
    servers: [{ url: 'https://api.example.com/v1', description: 'Production' }, { url: 'https://staging.api.example.com/v1', description: 'Staging' }],
    tags: [...new Set(chosen.map((r) => r.module))].map((name) => ({ name, description: `Operations of the ${name} domain.` })),
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      parameters: sharedParameters(),
      responses: sharedResponses(),
      schemas,
    },
  };
}

function sharedSchemas(random: Random): Json {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  return {
    Money: { type: 'object', required: ['amount', 'currency'], properties: { amount: { type: 'string', pattern: '^-?\\d+(\\.\\d{1,4})?$', example: '19.99' }, currency: { type: 'string', minLength: 3, maxLength: 3, example: 'EUR' } } },
    Address: {
      type: 'object',
      properties: Object.fromEntries(['line1', 'line2', 'city', 'postalCode', 'region', 'country'].map((k) => [k, { type: 'string', maxLength: 200, description: field(random, k, 'address') }])),
    },
    AuditStamp: { type: 'object', required: ['at', 'by'], properties: { at: { type: 'string', format: 'date-time' }, by: { type: 'string', description: 'The user or API key that made the change.' } } },
    Link: { type: 'object', required: ['rel', 'href'], properties: { rel: { type: 'string' }, href: { type: 'string', format: 'uri' } } },
    PageInfo: { type: 'object', required: ['size'], properties: { size: { type: 'integer', minimum: 0 }, next: { type: 'string', nullable: true, description: 'Cursor of the following page; null on the last page.' } } },
    Problem: {
      type: 'object',
      required: ['type', 'title', 'status'],
      properties: { type: { type: 'string', format: 'uri' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, code: { type: 'string' }, errors: { type: 'array', items: { type: 'object', properties: { pointer: { type: 'string' }, detail: { type: 'string' } } } } },
    },
    // The classic cycles of a retail model.
    Category: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, parent: ref('Category'), children: { type: 'array', items: ref('Category') } } },
    Customer: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, address: ref('Address'), orders: { type: 'array', items: ref('Order') } } },
    Order: {
      type: 'object',
      required: ['id', 'customer', 'lines'],
      properties: { id: { type: 'string', format: 'uuid' }, customer: ref('Customer'), lines: { type: 'array', items: ref('OrderLine') }, total: ref('Money') },
    },
    OrderLine: { type: 'object', properties: { product: ref('Product'), quantity: { type: 'integer', minimum: 1 }, price: ref('Money') } },
    Product: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, sku: { type: 'string' }, category: ref('Category'), price: ref('Money') } },
  };
}

function sharedParameters(): Json {
  return {
    Limit: { name: 'limit', in: 'query', description: 'Page size; the server caps it at 200.', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
    Cursor: { name: 'cursor', in: 'query', description: 'Opaque cursor from `page.next` of the previous page.', schema: { type: 'string' } },
    Sort: { name: 'sort', in: 'query', description: 'Field to sort by; prefix with `-` for descending order.', schema: { type: 'string', pattern: '^-?[a-zA-Z]+$' } },
    IfMatch: { name: 'If-Match', in: 'header', required: true, description: 'ETag of the version being changed.', schema: { type: 'string' } },
    IdempotencyKey: { name: 'Idempotency-Key', in: 'header', description: 'Makes a retried create safe.', schema: { type: 'string', maxLength: 64 } },
    RequestId: { name: 'X-Request-Id', in: 'header', description: 'Correlates logs across systems.', schema: { type: 'string' } },
  };
}

function sharedResponses(): Json {
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
  return {
    BadRequest: problem('The request is malformed.'),
    Unauthorized: problem('No valid credentials were sent.'),
    Forbidden: problem('The caller may not do this.'),
    NotFound: problem('No such record.'),
    Conflict: problem('The record changed or already exists.'),
    PreconditionFailed: problem('The `If-Match` ETag is stale.'),
    Unprocessable: problem('The body is well-formed but breaks a business rule.'),
    TooManyRequests: problem('Too many requests; retry after the time in `Retry-After`.'),
  };
}

interface Resource {
  module: string;
  plural: string;
  singular: string;
  schema: string;
}

function resourceSchemas({ module, singular, schema }: Resource, related: string, fieldCount: number, random: Random): Json {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const fields: Json = {};
  const count = fieldCount + Math.floor(random() * 8);
  for (let i = 0; i < count; i++) {
    const word = pick(random, FIELD_WORDS);
    fields[camel(word) + (i > 0 && fields[camel(word)] ? String(i) : '')] = fieldSchema(random, word, singular.toLowerCase());
  }
  const own = {
    id: { type: 'string', format: 'uuid', readOnly: true, description: field(random, 'identifier', singular.toLowerCase()) },
    status: { type: 'string', enum: STATUSES, description: field(random, 'lifecycle status', singular.toLowerCase()) },
    ...fields,
    category: ref('Category'),
    customer: ref('Customer'),
    related: { ...ref(related) },
    links: { type: 'array', items: ref('Link') },
    created: ref('AuditStamp'),
    updated: ref('AuditStamp'),
  };
  const writable = Object.fromEntries(Object.entries(fields).slice(0, 10));
  return {
    [schema]: { type: 'object', description: `A ${singular.toLowerCase()} as the ${module} domain records it. ${sentence(random, FIELD_REMARKS)}`, required: ['id', 'status'], properties: own },
    [`${schema}Input`]: { type: 'object', description: `Fields a client sets when creating or replacing a ${singular.toLowerCase()}.`, required: Object.keys(writable).slice(0, 2), properties: writable, additionalProperties: false },
    [`${schema}Patch`]: { type: 'object', description: 'JSON merge patch: absent fields stay as they are, null clears a field.', properties: writable, minProperties: 1 },
    [`${schema}Page`]: { type: 'object', required: ['items', 'page'], properties: { items: { type: 'array', items: ref(schema) }, page: ref('PageInfo') } },
    [`${schema}Event`]: {
      type: 'object',
      required: ['at', 'type'],
      properties: { at: { type: 'string', format: 'date-time' }, type: { type: 'string', enum: ['created', 'updated', ...ACTIONS.map((a) => `${a}d`)] }, before: ref(schema), after: ref(schema), by: ref('AuditStamp') },
    },
  };
}

function resourcePaths({ module, plural, singular, schema }: Resource, random: Random): Json {
  const base = `/${module}/${plural}`;
  const id = `${camel(singular.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())}Id`;
  const noun = singular.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const opId = (verb: string) => `${verb}${pascal(module)}${singular}`;
  const json = (name: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } });
  const shared = (name: string) => ({ $ref: `#/components/responses/${name}` });
  const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
  const errors = (...names: string[]) => Object.fromEntries(names.map((n) => [STATUS_OF[n]!, shared(n)]));
  const describe = (summary: string) => ({ summary, description: `${summary}. ${sentence(random, OPERATION_REMARKS)} ${sentence(random, OPERATION_REMARKS)}`, tags: [module] });
  const idParam = { name: id, in: 'path', required: true, description: `Identifier of the ${noun}.`, schema: { type: 'string', format: 'uuid' } };
  const etag = { ETag: { description: 'Version of the representation, for `If-Match`.', schema: { type: 'string' } } };

  return {
    [base]: {
      get: {
        operationId: opId('list'),
        ...describe(`List ${plural.replace('-', ' ')}`),
        parameters: [
          param('Limit'), param('Cursor'), param('Sort'), param('RequestId'),
          { name: 'status', in: 'query', description: `Only ${plural.replace('-', ' ')} in these statuses.`, style: 'form', explode: false, schema: { type: 'array', items: { type: 'string', enum: STATUSES } } },
          { name: 'q', in: 'query', description: 'Free-text search over names and references.', schema: { type: 'string', maxLength: 200 } },
          { name: 'createdAfter', in: 'query', description: 'Only records created after this instant.', schema: { type: 'string', format: 'date-time' } },
        ],
        responses: { '200': { description: `A page of ${plural.replace('-', ' ')}.`, content: json(`${schema}Page`) }, ...errors('BadRequest', 'Unauthorized', 'TooManyRequests') },
      },
      post: {
        operationId: opId('create'),
        ...describe(`Create a ${noun}`),
        parameters: [param('IdempotencyKey'), param('RequestId')],
        requestBody: { required: true, content: json(`${schema}Input`) },
        responses: {
          '201': { description: `The ${noun} was created.`, headers: { Location: { description: 'URL of the new record.', schema: { type: 'string' } }, ...etag }, content: json(schema) },
          ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'Conflict', 'Unprocessable', 'TooManyRequests'),
        },
      },
    },
    [`${base}/{${id}}`]: {
      parameters: [idParam],
      get: { operationId: opId('get'), ...describe(`Get a ${noun}`), responses: { '200': { description: `The ${noun}.`, headers: etag, content: json(schema) }, ...errors('Unauthorized', 'NotFound') } },
      put: {
        operationId: opId('replace'),
        ...describe(`Replace a ${noun}`),
        parameters: [param('IfMatch')],
        requestBody: { required: true, content: json(`${schema}Input`) },
        responses: { '200': { description: `The ${noun} as stored.`, headers: etag, content: json(schema) }, ...errors('BadRequest', 'NotFound', 'Conflict', 'PreconditionFailed', 'Unprocessable') },
      },
      patch: {
        operationId: opId('update'),
        ...describe(`Update a ${noun}`),
        parameters: [param('IfMatch')],
        requestBody: { required: true, content: { 'application/merge-patch+json': { schema: { $ref: `#/components/schemas/${schema}Patch` } } } },
        responses: { '200': { description: `The ${noun} as stored.`, headers: etag, content: json(schema) }, ...errors('BadRequest', 'NotFound', 'PreconditionFailed', 'Unprocessable') },
      },
      delete: { operationId: opId('delete'), ...describe(`Delete a ${noun}`), parameters: [param('IfMatch')], responses: { '204': { description: 'Deleted.' }, ...errors('NotFound', 'Conflict', 'PreconditionFailed') } },
    },
    [`${base}/{${id}}/history`]: {
      parameters: [idParam],
      get: {
        operationId: opId('listHistoryOf'),
        ...describe(`List the changes of a ${noun}`),
        parameters: [param('Limit'), param('Cursor')],
        responses: { '200': { description: 'Changes, oldest first.', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: `#/components/schemas/${schema}Event` } }, page: { $ref: '#/components/schemas/PageInfo' } } } } } }, ...errors('NotFound') },
      },
    },
    [`${base}/{${id}}/actions/{action}`]: {
      parameters: [idParam, { name: 'action', in: 'path', required: true, description: 'The state transition to apply.', schema: { type: 'string', enum: ACTIONS } }],
      post: {
        operationId: opId('transition'),
        ...describe(`Apply a state transition to a ${noun}`),
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { reason: { type: 'string', maxLength: 2000, description: 'Shown in the audit trail.' } } } } } },
        responses: { '200': { description: `The ${noun} after the transition.`, content: json(schema) }, ...errors('NotFound', 'Conflict', 'Unprocessable') },
      },
    },
  };
}

const STATUS_OF: Record<string, string> = {
  BadRequest: '400', Unauthorized: '401', Forbidden: '403', NotFound: '404', Conflict: '409', PreconditionFailed: '412', Unprocessable: '422', TooManyRequests: '429',
};

function fieldSchema(random: Random, word: string, owner: string): Json {
  const description = field(random, word, owner);
  switch (Math.floor(random() * 7)) {
    case 0: return { type: 'integer', format: 'int32', minimum: 0, description, example: Math.floor(random() * 1000) };
    case 1: return { type: 'number', format: 'double', description };
    case 2: return { type: 'boolean', description, default: false };
    case 3: return { type: 'string', format: 'date-time', description, nullable: true };
    case 4: return { type: 'string', enum: shuffled(['standard', 'express', 'bulk', 'internal', 'partner', 'manual'], random).slice(0, 4), description };
    case 5: return { allOf: [{ $ref: '#/components/schemas/Money' }], description };
    default: return { type: 'string', maxLength: 120, description, example: `${word.replace(/ /g, '-')}-${Math.floor(random() * 10_000)}` };
  }
}

function field(random: Random, word: string, owner: string): string {
  return `The ${word} of the ${owner}. ${sentence(random, FIELD_REMARKS)}`;
}

function sentence(random: Random, pool: string[]): string {
  return pick(random, pool);
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function shuffled<T>(items: T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function pascal(words: string): string {
  return words.split(/[\s-]+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function camel(words: string): string {
  const p = pascal(words);
  return p.charAt(0).toLowerCase() + p.slice(1);
}
