import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dereferenceInternalRefs } from './dereference-internal-refs.js';
import { refusingResolver } from './refusing-resolver.js';
import { virtualSources } from './virtual-sources.js';

type Doc = Record<string, unknown>;

/** What Spectral's own resolver makes of a document: the reference these tests hold ours to. */
async function spectralResolves(doc: Doc) {
  const resolved = await refusingResolver().resolve(structuredClone(doc), { baseUri: virtualSources.document } as never);
  return {
    result: printable(resolved.result),
    refMap: Object.entries(resolved.graph.getNodeData(virtualSources.document).refMap as Record<string, string>),
    errors: resolved.errors.map((error) => ({ message: error.message, path: error.path })),
    targets: resolved.graph
      .overallOrder()
      .filter((node) => node !== virtualSources.document)
      .map((node) => node.slice(virtualSources.document.length))
      .sort(),
  };
}

function accordResolves(doc: Doc) {
  const resolved = dereferenceInternalRefs(structuredClone(doc))!;
  return {
    result: printable(resolved.result),
    refMap: Object.entries(resolved.refMap),
    errors: resolved.errors.map((error) => ({ message: error.message, path: error.path })),
    targets: [...resolved.targets].sort(),
  };
}

// Shared objects print as often as they occur; an object inside itself prints as a marker.
function printable(value: unknown, open = new Set<unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (open.has(value)) return '<cycle>';
  open.add(value);
  const copy = Array.isArray(value) ? value.map((item) => printable(item, open)) : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, printable(item, open)]));
  open.delete(value);
  return copy;
}

const fixture = (name: string) => parse(readFileSync(new URL(`./__fixtures__/${name}.yaml`, import.meta.url), 'utf8')) as Doc;
const ref = ($ref: string) => ({ $ref });

/** References of every kind Spectral's resolver treats in its own way. */
const tricky: Doc = {
  openapi: '3.1.0',
  paths: {
    '/orders/{id}': { get: { parameters: [ref('#/components/parameters/Id'), ref('#/components/parameters/Missing')], responses: { '200': ref('#/components/responses/Order'), '2XX': ref('#/components/responses/Chain') } } },
    '/self': { get: { responses: { default: ref('#/paths/~1orders~1{id}/get/responses/200') } } },
  },
  components: {
    parameters: { Id: { name: 'id', in: 'path', schema: ref('#/components/schemas/Id') } },
    responses: {
      Order: { description: 'one', content: { 'application/json': { schema: ref('#/components/schemas/Order') } } },
      Chain: ref('#/components/responses/Order'),
    },
    schemas: {
      Id: { type: 'string' },
      Order: { properties: { customer: ref('#/components/schemas/Customer'), parent: ref('#/components/schemas/Order'), lines: { items: ref('#/components/schemas/Line') } } },
      Customer: { properties: { orders: { items: ref('#/components/schemas/Order') }, '2': ref('#/components/schemas/Id') } },
      Line: { properties: { product: ref('#/components/schemas/Product/properties/id'), through: ref('#/components/schemas/Order/properties/customer/properties') } },
      Product: { properties: { id: ref('#/components/schemas/Id'), 'a~b/c': ref('#/components/schemas/Ring1') } },
      Ring1: { properties: { next: ref('#/components/schemas/Ring2') } },
      Ring2: { properties: { next: ref('#/components/schemas/Ring3') } },
      Ring3: { properties: { next: ref('#/components/schemas/Ring1'), constructor: ref('#/components/schemas/Id') } },
      Text: { properties: { length: ref('#/info/title/length') } },
      'Tilde~Slash/Name': { type: 'object' },
      Escaped: ref('#/components/schemas/Tilde~0Slash~1Name'),
    },
  },
  info: { title: 'Tricky', version: '1.0.0' },
};

describe('dereferenceInternalRefs resolves as Spectral resolves', () => {
  it.each(['openapi', 'asyncapi2', 'asyncapi3'])('the %s rule fixture', async (name) => {
    const doc = fixture(name);
    expect(accordResolves(doc)).toEqual(await spectralResolves(doc));
  });

  it('cycles, chains, references through references, missing targets, numeric and escaped keys', async () => {
    const ours = accordResolves(tricky);
    expect(ours).toEqual(await spectralResolves(tricky));
    // The cases are real: something was left alone for a cycle, and something was missing.
    expect(JSON.stringify(ours.result)).toContain('"$ref":"#/components/schemas/Order"');
    expect(ours.errors.map((error) => error.message)).toContain("'#/components/parameters/Missing' does not exist");
  });

  it('leaves its input as it was and hands back a frozen document, as Spectral does', () => {
    const doc = structuredClone(tricky);
    const resolved = dereferenceInternalRefs(doc)!;
    expect(doc).toEqual(tricky);
    expect(Object.isFrozen(resolved.result)).toBe(true);
    expect(Object.isFrozen((resolved.result as { components: { schemas: Doc } }).components.schemas.Id)).toBe(true);
  });

  it('leaves to Spectral a document that refers elsewhere or spells a reference with percent-encoding', () => {
    expect(dereferenceInternalRefs({ a: ref('other.yaml#/x') })).toBeUndefined();
    expect(dereferenceInternalRefs({ a: ref('https://example.com/x.json') })).toBeUndefined();
    expect(dereferenceInternalRefs({ a: ref('#/b%20c'), 'b c': {} })).toBeUndefined();
    expect(dereferenceInternalRefs({ '100%': { a: ref('#/b') }, b: {} })).toBeUndefined();
    expect(dereferenceInternalRefs(ref('#/a'))).toBeUndefined();
  });
});
