import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../shared/index.js';
import { parseSpec } from '../spec/index.js';
import { findBreakingChanges } from './index.js';

type Json = Record<string, unknown>;

const examples = join(packageRoot(), 'specs', 'examples');
const files = readdirSync(examples, { recursive: true, encoding: 'utf8' }).filter((f) => /\d+\.\d+\.\d+\.ya?ml$/.test(f));
const documents = files.map((file) => ({ file, doc: parse(readFileSync(join(examples, file), 'utf8')) as Json }));

/**
 * An OpenAPI 3.0/3.1 document rewritten as 3.2 the way a team upgrading by hand would: 3.0
 * `nullable` becomes a union with null (one of the spellings 3.1 and 3.2 allow), boolean exclusive
 * bounds become numbers, `example` becomes `examples`.
 */
function asOpenApi32(doc: Json): Json {
  const convert = (value: unknown, inSchema: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => convert(item, inSchema));
    if (value === null || typeof value !== 'object') return value;
    const node = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, convert(child, inSchema || key === 'schema' || key === 'schemas')])) as Json;
    if (!inSchema) return node;
    const { nullable, exclusiveMinimum, exclusiveMaximum, minimum, maximum, example, ...rest } = node;
    const schema: Json = { ...rest };
    if (minimum !== undefined) schema[exclusiveMinimum === true ? 'exclusiveMinimum' : 'minimum'] = minimum;
    else if (typeof exclusiveMinimum === 'number') schema.exclusiveMinimum = exclusiveMinimum;
    if (maximum !== undefined) schema[exclusiveMaximum === true ? 'exclusiveMaximum' : 'maximum'] = maximum;
    else if (typeof exclusiveMaximum === 'number') schema.exclusiveMaximum = exclusiveMaximum;
    if (example !== undefined) schema.examples = [example];
    return nullable === true ? { oneOf: [schema, { type: 'null' }] } : schema;
  };
  return { ...(convert(doc, false) as Json), openapi: '3.2.0' };
}

const upgrades = documents.flatMap(({ file, doc }) => {
  if (typeof doc.openapi === 'string') return [{ file, doc, upgraded: asOpenApi32(doc) }];
  // 3.1 changed nothing a 3.0 document says; 2.x documents need a rewrite of their structure first.
  if (typeof doc.asyncapi === 'string' && doc.asyncapi.startsWith('3.')) return [{ file, doc, upgraded: { ...doc, asyncapi: '3.1.0' } }];
  return [];
});

describe('example contracts upgraded to OpenAPI 3.2 and AsyncAPI 3.1', () => {
  it('cover every 3.x example', () => {
    expect(upgrades.map(({ upgraded }) => upgraded.openapi ?? upgraded.asyncapi).sort()).toEqual([...Array(6).fill('3.1.0'), ...Array(9).fill('3.2.0')].sort());
  });

  it.each(upgrades.map(({ file, doc, upgraded }) => [file, doc, upgraded] as const))('%s: is accepted, and diffs clean against itself and its original', async (_file, doc, upgraded) => {
    const ingested = await parseSpec(JSON.stringify(upgraded));
    expect(ingested.ok || `${ingested.code}: ${ingested.message}`).toBe(true);
    expect(findBreakingChanges(upgraded, structuredClone(upgraded))).toEqual([]);
    expect(findBreakingChanges(doc, upgraded)).toEqual([]);
    expect(findBreakingChanges(upgraded, doc)).toEqual([]);
  });
});
