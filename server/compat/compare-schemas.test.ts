import { describe, expect, it } from 'vitest';
import { diffOpenApi } from './diff-openapi.js';
import { findBreakingChanges } from './find-breaking-changes.js';

type Schemas = Record<string, unknown>;

/** One operation that sends `Input` and returns `Output`, plus whatever else `schemas` declares. */
function api(schemas: Schemas, openapi = '3.0.3') {
  const body = (name: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } });
  return {
    openapi,
    info: { title: 'Shop', version: '1' },
    paths: { '/orders': { post: { requestBody: body('Input'), responses: { 200: { description: 'ok', ...body('Output') } } } } },
    components: { schemas },
  };
}

/** The same schema sent and returned. */
const both = (schema: unknown, extra: Schemas = {}, openapi?: string) => api({ Input: schema, Output: schema, ...extra }, openapi);
const ids = (base: object, head: object) => findBreakingChanges(base, head).map((finding) => `${finding.level} ${finding.id}`).sort();

const order = {
  type: 'object',
  required: ['id', 'sku'],
  properties: { id: { type: 'string', maxLength: 10 }, sku: { type: 'string' }, note: { type: 'string' } },
};

describe('compareSchemas on allOf', () => {
  it('finds nothing when properties move into a referenced base through allOf', () => {
    const split = {
      allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', required: ['sku'], properties: { sku: { type: 'string' }, note: { type: 'string' } } }],
    };
    const base = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 10 } } };
    expect(diffOpenApi(both(order), both(split, { Base: base }))).toEqual([]);
    expect(diffOpenApi(both(split, { Base: base }), both(order))).toEqual([]);
  });

  it('compares a property declared by two members in its merged form', () => {
    const twice = (maxLength: number) => ({
      allOf: [
        { type: 'object', required: ['id', 'sku'], properties: { id: { type: 'string' }, sku: { type: 'string' } } },
        { properties: { id: { maxLength }, note: { type: 'string' } } },
      ],
    });
    expect(diffOpenApi(both(order), both(twice(10)))).toEqual([]);
    const changes = diffOpenApi(both(twice(10)), both(twice(5)));
    expect(changes).toHaveLength(2);
    expect(changes.map((change) => 'pointer' in change && change.pointer)).toEqual(['/components/schemas/Input/allOf/1/properties/id', '/components/schemas/Output/allOf/1/properties/id']);
  });

  it('points a fact at the member that declares the property', () => {
    const withBase = (id: object) => both({ allOf: [{ $ref: '#/components/schemas/Base' }] }, { Base: { type: 'object', properties: { id } } });
    const removed = findBreakingChanges(withBase({ type: 'string' }), both({ allOf: [{ $ref: '#/components/schemas/Base' }] }, { Base: { type: 'object', properties: {} } }));
    expect(removed.map((finding) => `${finding.id} ${finding.pointer}`)).toEqual([
      'request-property-removed /components/schemas/Base/properties/id',
      'response-optional-property-removed /components/schemas/Base/properties/id',
    ]);
  });

  it('reports a change to a shared base once, naming every operation of the schemas built on it', () => {
    const shop = (maxLength: number) => ({
      openapi: '3.0.3',
      info: { title: 'Shop', version: '1' },
      paths: Object.fromEntries(
        ['Cat', 'Dog'].map((name) => [`/${name.toLowerCase()}s`, { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } } } } }]),
      ),
      components: {
        schemas: {
          Pet: { type: 'object', properties: { name: { type: 'string', maxLength } } },
          Cat: { allOf: [{ $ref: '#/components/schemas/Pet' }, { properties: { purrs: { type: 'boolean' } } }] },
          Dog: { allOf: [{ $ref: '#/components/schemas/Pet' }, { properties: { barks: { type: 'boolean' } } }] },
        },
      },
    });
    const findings = findBreakingChanges(shop(10), shop(20));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'response-max-length-increased', pointer: '/components/schemas/Pet/properties/name', operations: ['GET /cats', 'GET /dogs'] });
  });

  it('intersects types, enums and bounds of the members', () => {
    const merged = both({ allOf: [{ type: ['string', 'null'], enum: ['a', 'b', null], maxLength: 5 }, { type: 'string', enum: ['b', 'c'], maxLength: 3 }] }, {}, '3.1.0');
    expect(diffOpenApi(merged, both({ type: 'string', enum: ['b'], maxLength: 3 }, {}, '3.1.0'))).toEqual([]);
  });

  it('terminates on allOf members that refer to each other', () => {
    const loop = both({ allOf: [{ $ref: '#/components/schemas/Loop' }] }, { Loop: { allOf: [{ $ref: '#/components/schemas/Input' }], properties: { id: { type: 'string' } } } });
    expect(diffOpenApi(loop, structuredClone(loop))).toEqual([]);
    expect(() => findBreakingChanges(loop, both(order))).not.toThrow();
  });
});

describe('compareSchemas on 3.0 and 3.1 spellings', () => {
  it('reads const as a one-value enum', () => {
    expect(diffOpenApi(both({ const: 'card' }, {}, '3.1.0'), both({ enum: ['card'] }, {}, '3.1.0'))).toEqual([]);
    expect(ids(both({ const: 'card' }, {}, '3.1.0'), both({ const: 'cash' }, {}, '3.1.0'))).toEqual([
      'error request-enum-value-removed',
      'error response-enum-value-added',
      'info request-enum-value-added',
      'info response-enum-value-removed',
    ]);
    expect(ids(both({ type: 'string' }, {}, '3.1.0'), both({ type: 'string', const: 'card' }, {}, '3.1.0'))).toEqual(['error request-enum-added', 'info response-enum-added']);
  });

  it('reads a 3.0 exclusive minimum and its 3.1 spelling alike', () => {
    const v30 = api({ Input: { type: 'number', minimum: 5, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: true }, Output: { type: 'number' } });
    const v31 = api({ Input: { type: 'number', exclusiveMinimum: 5, exclusiveMaximum: 9 }, Output: { type: 'number' } }, '3.1.0');
    expect(diffOpenApi(v30, v31)).toEqual([]);
  });

  it('sees an exclusive bound becoming inclusive at the same number as one loosening', () => {
    const findings = findBreakingChanges(both({ type: 'number', exclusiveMinimum: 5 }, {}, '3.1.0'), both({ type: 'number', minimum: 5 }, {}, '3.1.0'));
    expect(findings.map((finding) => finding.id).sort()).toEqual(['request-min-decreased', 'response-min-decreased']);
  });

  it('reads a 3.0 nullable enum as admitting null, as its 3.1 spelling says', () => {
    const v30 = both({ type: 'string', nullable: true, enum: ['a', 'b'] });
    expect(diffOpenApi(v30, both({ type: ['string', 'null'], enum: ['a', 'b', null] }, {}, '3.1.0'))).toEqual([]);
    expect(diffOpenApi(both({ type: 'string', nullable: true, enum: ['a', 'b', null] }), both({ type: ['string', 'null'], enum: ['a', 'b', null] }, {}, '3.1.0'))).toEqual([]);
  });

  it('reads nullable beside a 3.1 $ref like nullable beside a 3.0 allOf', () => {
    const name = { Name: { type: 'string' } };
    const v30 = both({ type: 'object', properties: { name: { allOf: [{ $ref: '#/components/schemas/Name' }], nullable: true } } }, name);
    const v31 = both({ type: 'object', properties: { name: { $ref: '#/components/schemas/Name', nullable: true } } }, name, '3.1.0');
    expect(diffOpenApi(v30, v31)).toEqual([]);
    expect(ids(v30, both({ type: 'object', properties: { name: { $ref: '#/components/schemas/Name' } } }, name))).toEqual(['error request-type-narrowed', 'info response-type-narrowed']);
  });

  it('applies constraints beside a $ref in 3.1 and ignores them in 3.0', () => {
    const name = { Name: { type: 'string' } };
    const plain = (openapi: string) => both({ type: 'object', properties: { name: { $ref: '#/components/schemas/Name' } } }, name, openapi);
    const limited = (openapi: string) => both({ type: 'object', properties: { name: { $ref: '#/components/schemas/Name', maxLength: 3 } } }, name, openapi);
    expect(diffOpenApi(plain('3.0.3'), limited('3.0.3'))).toEqual([]);
    expect(ids(plain('3.1.0'), limited('3.1.0'))).toEqual(['error request-max-length-decreased', 'info response-max-length-decreased']);
  });

  it('never counts example and examples as a change', () => {
    expect(diffOpenApi(both({ type: 'string', example: 'a' }), both({ type: 'string', examples: ['b'] }, {}, '3.1.0'))).toEqual([]);
  });
});

describe('compareSchemas on other keywords', () => {
  it('sees a property schema becoming false as admitting nothing', () => {
    const withNote = (note: unknown) => both({ type: 'object', properties: { note } }, {}, '3.1.0');
    expect(ids(withNote({ type: 'string' }), withNote(false))).toEqual(['error request-false-schema-added', 'warn response-false-schema-added']);
    expect(ids(withNote(false), withNote(true))).toEqual(['info request-false-schema-removed', 'info response-false-schema-removed']);
  });

  it('compares tuple positions, and positions beyond the tuple against items', () => {
    const tuple = (prefixItems: unknown[], items?: unknown) => both({ type: 'array', prefixItems, ...(items !== undefined && { items }) }, {}, '3.1.0');
    expect(diffOpenApi(tuple([{ type: 'string' }], false), tuple([{ type: 'string' }], false))).toEqual([]);
    expect(ids(tuple([{ type: 'string' }], false), tuple([{ type: 'string' }, { type: 'integer' }], false))).toEqual(['info request-false-schema-removed', 'info response-false-schema-removed']);
    const changes = diffOpenApi(tuple([{ type: 'string' }]), tuple([{ type: 'integer' }]));
    expect(changes.map((change) => 'pointer' in change && change.pointer)).toEqual(['/components/schemas/Input/prefixItems/0', '/components/schemas/Output/prefixItems/0']);
  });

  it('judges multipleOf by whether the new step divides the old', () => {
    const step = (multipleOf: number) => both({ type: 'number', multipleOf });
    expect(ids(step(2), step(4))).toEqual(['error request-multiple-of-changed']);
    expect(ids(step(4), step(2))).toEqual(['warn response-multiple-of-changed']);
    expect(ids(step(0.1), step(0.01))).toEqual(['warn response-multiple-of-changed']);
    expect(ids(step(2), step(3))).toEqual(['error request-multiple-of-changed', 'warn response-multiple-of-changed']);
  });

  it('compares propertyNames like any string schema', () => {
    const names = (maxLength: number) => both({ type: 'object', propertyNames: { maxLength } }, {}, '3.1.0');
    expect(ids(names(10), names(5))).toEqual(['error request-max-length-decreased', 'info response-max-length-decreased']);
  });

  it('reads draft-07 dependencies as dependentRequired', () => {
    const v30 = both({ type: 'object', dependencies: { card: ['expiry'] } });
    expect(diffOpenApi(v30, both({ type: 'object', dependentRequired: { card: ['expiry'] } }, {}, '3.1.0'))).toEqual([]);
  });
});

describe('compareSchemas on JSON Schema 2020-12 applicators', () => {
  const findings = (from: unknown, to: unknown) =>
    findBreakingChanges(both(from, {}, '3.1.0'), both(to, {}, '3.1.0')).map((f) => [f.level, f.id, f.message, f.pointer, f.operations]);
  const order = (extra: object = {}) => ({ type: 'object', properties: { kind: { type: 'string' }, card: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } }, ...extra });
  const at = (schema: string, ...rest: string[]) => ['/components/schemas', schema, ...rest].join('/');
  const ops = ['POST /orders'];

  it('judges an if/then/else appearing, going and being rewritten by direction', () => {
    const condition = (required: string) => order({ if: { properties: { kind: { const: 'card' } } }, then: { required: [required] } });
    expect(findings(order(), condition('card'))).toEqual([
      ['error', 'request-constraint-tightened', `request if/then/else was tightened at ${at('Input')}`, at('Input'), ops],
      ['info', 'response-constraint-tightened', `response if/then/else was tightened at ${at('Output')}`, at('Output'), ops],
    ]);
    expect(findings(condition('card'), order()).map(([level, id]) => `${level} ${id}`)).toEqual(['info request-constraint-loosened', 'warn response-constraint-loosened']);
    expect(findings(condition('card'), condition('tags')).map(([level, id]) => `${level} ${id}`)).toEqual(['warn request-constraint-replaced', 'warn response-constraint-replaced']);
  });

  it('compares dependentSchemas per property, and their subschemas like any schema', () => {
    const dependent = (card: object) => order({ dependentSchemas: { card } });
    expect(findings(order(), dependent({ required: ['kind'] }))[0]).toEqual([
      'error',
      'request-constraint-tightened',
      `request dependentSchemas for "card" was tightened at ${at('Input', 'dependentSchemas', 'card')}`,
      at('Input', 'dependentSchemas', 'card'),
      ops,
    ]);
    expect(findings(dependent({ properties: { kind: { maxLength: 9 } } }), dependent({ properties: { kind: { maxLength: 4 } } })).map(([level, id]) => `${level} ${id}`)).toEqual([
      'error request-max-length-decreased',
      'info response-max-length-decreased',
    ]);
  });

  it('judges contains, minContains and maxContains as bounds on matching items', () => {
    const containing = (extra: object) => order({ properties: { ...order().properties, tags: { type: 'array', items: { type: 'string' }, contains: { const: 'vip' }, ...extra } } });
    const tags = at('Input', 'properties', 'tags');
    expect(findings(order(), containing({}))[0]).toEqual(['error', 'request-constraint-tightened', `request contains was tightened at ${tags}/contains`, `${tags}/contains`, ops]);
    expect(findings(containing({}), containing({ minContains: 2 }))[0]).toEqual(['error', 'request-constraint-tightened', `request minContains was tightened at ${tags}`, tags, ops]);
    expect(findings(containing({ maxContains: 2 }), containing({})).map(([level, id, message]) => `${level} ${id} ${message}`)).toEqual([
      `info request-constraint-loosened request maxContains was loosened at ${tags}`,
      `warn response-constraint-loosened response maxContains was loosened at ${at('Output', 'properties', 'tags')}`,
    ]);
    expect(findings(containing({ minContains: 1 }), containing({}))).toEqual([]);
  });

  it('judges unevaluatedProperties and unevaluatedItems like additionalProperties', () => {
    expect(findings(order(), order({ unevaluatedProperties: false }))[0]).toEqual(['error', 'request-constraint-tightened', `request unevaluatedProperties was tightened at ${at('Input')}`, at('Input'), ops]);
    expect(findings(order({ unevaluatedProperties: { type: 'string', maxLength: 9 } }), order({ unevaluatedProperties: { type: 'string', maxLength: 3 } }))[0]?.[1]).toBe('request-max-length-decreased');
    const items = (unevaluatedItems: unknown) => ({ type: 'array', prefixItems: [{ type: 'string' }], unevaluatedItems });
    expect(findings(items(false), items(true)).map(([level, id]) => `${level} ${id}`)).toEqual(['info request-constraint-loosened', 'warn response-constraint-loosened']);
  });

  it('compares a contentSchema like the schema of the decoded content', () => {
    const encoded = (contentSchema?: object) => ({ type: 'string', contentMediaType: 'application/json', ...(contentSchema && { contentSchema }) });
    expect(findings(encoded(), encoded({ type: 'object' })).map(([level, id]) => `${level} ${id}`)).toEqual(['error request-constraint-tightened', 'info response-constraint-tightened']);
    const decoded = (required: string[]) => ({ type: 'object', required, properties: { a: { type: 'string' } } });
    expect(findings(encoded(decoded(['a'])), encoded(decoded([]))).map(([level, id]) => `${level} ${id}`)).toEqual(['info request-property-became-optional', 'error response-property-became-optional']);
  });

  it('finds nothing between a document using every applicator and itself', () => {
    const all = order({
      if: { required: ['kind'] },
      then: { required: ['card'] },
      else: { required: ['tags'] },
      dependentSchemas: { card: { required: ['kind'] } },
      unevaluatedProperties: false,
      propertyNames: { pattern: '^[a-z]+$' },
      properties: { tags: { type: 'array', prefixItems: [{ type: 'string' }], contains: { const: 'x' }, minContains: 1, maxContains: 3, unevaluatedItems: false }, blob: { type: 'string', contentSchema: { type: 'object' } } },
    });
    expect(findings(all, structuredClone(all))).toEqual([]);
  });
});

describe('compareSchemas on x-extensible-enum', () => {
  const extensible = (...values: string[]) => ({ type: 'string', 'x-extensible-enum': values });
  const closed = (...values: string[]) => ({ type: 'string', enum: values });

  it('lets a response grow and a request shrink only by its known values', () => {
    expect(ids(both(extensible('open', 'closed')), both(extensible('open', 'closed', 'held')))).toEqual(['info request-extensible-enum-value-added', 'info response-extensible-enum-value-added']);
    expect(ids(both(extensible('open', 'closed')), both(extensible('open')))).toEqual(['error request-extensible-enum-value-removed', 'info response-extensible-enum-value-removed']);
  });

  it('judges a closed enum turned extensible, and a value it lost on the way', () => {
    expect(ids(both(closed('open', 'closed')), both(extensible('open', 'closed')))).toEqual(['error response-enum-became-extensible', 'info request-enum-became-extensible']);
    expect(ids(both(closed('open', 'closed')), both(extensible('open', 'held')))).toEqual([
      'error request-extensible-enum-value-removed',
      'error response-enum-became-extensible',
      'info request-enum-became-extensible',
      'info request-extensible-enum-value-added',
      'info response-extensible-enum-value-added',
      'info response-extensible-enum-value-removed',
    ]);
  });

  it('judges an extensible enum closed again by the values it now admits, not as an enum added', () => {
    expect(ids(both(extensible('open', 'closed')), both(closed('open', 'closed', 'held')))).toEqual(['error request-enum-became-closed', 'info response-enum-became-closed']);
  });

  it('reads known values appearing or going as a list of known values, and ignores one beside a closed enum', () => {
    expect(ids(both({ type: 'string' }), both(extensible('open')))).toEqual(['info request-extensible-enum-value-added', 'info response-extensible-enum-value-added']);
    expect(ids(both(extensible('open')), both({ type: 'string' }))).toEqual(['error request-extensible-enum-value-removed', 'info response-extensible-enum-value-removed']);
    const beside = (...values: string[]) => ({ ...closed('open', 'closed'), 'x-extensible-enum': values });
    expect(ids(both(beside('open', 'closed')), both(beside('open')))).toEqual([]);
    const merged = (...values: string[]) => ({ allOf: [closed('open', 'closed'), extensible(...values)] });
    expect(ids(both(merged('open', 'closed')), both(merged('open')))).toEqual([]);
  });
});

describe('compareSchemas on allOf members', () => {
  const either = { oneOf: [{ required: ['id'] }, { required: ['sku'] }] };
  const withMembers = (...members: object[]) => ({ allOf: [order, ...members] });

  it('judges a member that brings alternatives as the condition it adds, not as alternatives added', () => {
    expect(ids(both(withMembers()), both(withMembers(either)))).toEqual(['error request-all-of-member-added', 'info response-all-of-member-added']);
    const findings = findBreakingChanges(both(order), both(withMembers(either)));
    expect(findings.map((f) => [f.id, f.message, f.pointer, f.operations])).toEqual([
      ['request-all-of-member-added', 'request allOf member #1, with the alternatives it brings, was added at /components/schemas/Input/allOf/1', '/components/schemas/Input/allOf/1', ['POST /orders']],
      ['response-all-of-member-added', 'response allOf member #1, with the alternatives it brings, was added at /components/schemas/Output/allOf/1', '/components/schemas/Output/allOf/1', ['POST /orders']],
    ]);
  });

  it('names a referenced member by its target when it goes', () => {
    const extra = { Either: either };
    expect(findBreakingChanges(both(withMembers({ $ref: '#/components/schemas/Either' }), extra), both(withMembers(), extra)).map((f) => `${f.level} ${f.id} ${f.message}`)).toEqual([
      'info request-all-of-member-removed request allOf member Either, with the alternatives it brings, was removed at /components/schemas/Input/allOf/1',
      'error response-all-of-member-removed response allOf member Either, with the alternatives it brings, was removed at /components/schemas/Output/allOf/1',
    ]);
  });

  it('leaves a member that brings keywords to the rules of those keywords, so nothing is reported twice', () => {
    const audited = withMembers({ $ref: '#/components/schemas/Audited' });
    const extra = { Audited: { type: 'object', required: ['at'], properties: { at: { type: 'string' } } } };
    expect(ids(both(withMembers(), extra), both(audited, extra))).toEqual(['error request-property-added-required', 'info response-property-added']);
  });

  it('finds nothing when alternatives move between members or into the schema itself', () => {
    expect(diffOpenApi(both(withMembers(either)), both({ allOf: [{ ...order, ...either }] }))).toEqual([]);
    expect(diffOpenApi(both({ ...order, ...either }), both(withMembers(either)))).toEqual([]);
  });

  it('compares alternatives a kept member changes one by one', () => {
    const more = { oneOf: [...either.oneOf, { required: ['note'] }] };
    expect(ids(both(withMembers(either)), both(withMembers(more)))).toEqual(['error response-variant-added', 'info request-variant-added']);
  });
});

describe('compareSchemas on unions appearing and going', () => {
  const card = { type: 'object', required: ['number'], properties: { number: { type: 'string' } } };
  const cash = { type: 'object', required: ['amount'], properties: { amount: { type: 'number' } } };
  const extra = { Card: card, Cash: cash };
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const judged = (base: object, head: object) => findBreakingChanges(base, head).map((f) => `${f.level} ${f.id} ${f.message}`);

  it('judges a oneOf added beside other keywords as a constraint: requests narrow, responses are safe', () => {
    const withUnion = { ...order, oneOf: [ref('Card'), ref('Cash')] };
    expect(judged(both(order, extra), both(withUnion, extra))).toEqual([
      'error request-union-added request must now also match one of the oneOf alternatives Card, Cash, added beside its other keywords at /components/schemas/Input/oneOf',
      'info response-union-added response must now also match one of the oneOf alternatives Card, Cash, added beside its other keywords at /components/schemas/Output/oneOf',
    ]);
    expect(ids(both(withUnion, extra), both(order, extra))).toEqual(['error response-union-removed', 'info request-union-removed']);
  });

  it('judges a schema that became one alternative of a union as that alternative added, and nothing else', () => {
    const union = { oneOf: [ref('Card'), ref('Cash')] };
    expect(judged(both(ref('Card'), extra), both(union, extra))).toEqual([
      'info request-variant-added request oneOf member Cash was added at /components/schemas/Input/oneOf/1',
      'error response-variant-added response oneOf member Cash was added at /components/schemas/Output/oneOf/1',
    ]);
    expect(ids(both(union, extra), both(ref('Card'), extra))).toEqual(['error request-variant-removed', 'info response-variant-removed']);
  });

  it('pairs an inline schema with the inline alternative, a type beside the union included, and still compares the pair', () => {
    const tighter = { ...card, properties: { number: { type: 'string', maxLength: 19 } } };
    expect(ids(both(card, extra), both({ type: 'object', oneOf: [tighter, ref('Cash')] }, extra))).toEqual([
      'error request-max-length-decreased',
      'error response-variant-added',
      'info request-variant-added',
      'info response-max-length-decreased',
    ]);
  });

  it('names the plain schema as the alternative removed when it pairs with none', () => {
    expect(judged(both(card, extra), both({ anyOf: [ref('Card'), ref('Cash')] }, extra)).filter((f) => f.includes('removed'))).toEqual([
      'error request-variant-removed request anyOf member Input was removed at /components/schemas/Input',
      'info response-variant-removed response anyOf member Output was removed at /components/schemas/Output',
    ]);
  });

  it('finds nothing when a schema and the same schema as the lone alternative of a union trade places', () => {
    expect(diffOpenApi(both(ref('Card'), extra), both({ oneOf: [ref('Card')] }, extra))).toEqual([]);
    expect(diffOpenApi(both({ oneOf: [ref('Card')] }, extra), both(ref('Card'), extra))).toEqual([]);
  });

  it('judges a referenced schema that became one alternative of a union written beside other keywords by that alternative and those keywords', () => {
    const beside = { oneOf: [ref('Card'), ref('Cash')], maxProperties: 3 };
    expect(judged(both(ref('Card'), extra), both(beside, extra))).toEqual([
      'error request-max-properties-decreased request maxProperties decreased from none to 3 at /components/schemas/Input',
      'info request-variant-added request oneOf member Cash was added at /components/schemas/Input/oneOf/1',
      'info response-max-properties-decreased response maxProperties decreased from none to 3 at /components/schemas/Output',
      'error response-variant-added response oneOf member Cash was added at /components/schemas/Output/oneOf/1',
    ]);
    expect(ids(both(beside, extra), both(ref('Card'), extra))).toEqual(['error request-variant-removed', 'info request-max-properties-increased', 'info response-variant-removed', 'warn response-max-properties-increased']);
    // Keywords beside that the alternative already obeys change nothing.
    expect(ids(both(ref('Card'), extra), both({ oneOf: [ref('Card'), ref('Cash')], required: ['number'] }, extra))).toEqual(['error response-variant-added', 'info request-variant-added']);
  });

  it('still judges such a union as a condition added where the schema is none of its alternatives', () => {
    const plain = { type: 'object', properties: { a: { type: 'string' } } };
    expect(ids(both(plain, extra), both({ oneOf: [ref('Card'), ref('Cash')], required: ['number'] }, extra))).toContain('error request-union-added');
  });

  it('judges a union with nothing beside it replacing the empty schema as a constraint added', () => {
    expect(ids(both({}, extra), both({ oneOf: [ref('Card'), ref('Cash')] }, extra))).toEqual(['error request-union-added', 'info response-union-added']);
  });
});

describe('compareSchemas on a request body schema written inline', () => {
  it('names an inline schema that pairs with no alternative as written inline', () => {
    const inline = (schema: object) => ({
      openapi: '3.0.3',
      info: { title: 'Shop', version: '1' },
      paths: { '/orders': { post: { requestBody: { content: { 'application/json': { schema } } }, responses: { 204: { description: 'ok' } } } } },
      components: { schemas: { Cash: { type: 'object', properties: { amount: { type: 'number' } } } } },
    });
    const findings = findBreakingChanges(inline(order), inline({ oneOf: [{ $ref: '#/components/schemas/Cash' }] })).map((f) => f.message);
    expect(findings).toEqual([
      'request oneOf member the schema written inline was removed at /paths/~1orders/post/requestBody/content/application~1json/schema',
      'request oneOf member Cash was added at /paths/~1orders/post/requestBody/content/application~1json/schema/oneOf/0',
    ]);
  });
});
