import { describe, expect, it } from 'vitest';
import { compileMessageValidator, createSchemaCompiler } from './index.js';

const document = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {},
  components: {
    schemas: {
      Stock: {
        type: 'object',
        required: ['sku', 'quantity'],
        properties: { sku: { type: 'string', pattern: '^[A-Z]{3}-[0-9]+$' }, quantity: { type: 'integer', format: 'int32', minimum: 0 }, note: { type: 'string', nullable: true } },
      },
      Evil: { type: 'string', pattern: '^(a+)+\\1$' },
    },
  },
};

describe('createSchemaCompiler', () => {
  it('finds a wrong type and a missing required property, with pointers into the value', () => {
    const check = createSchemaCompiler({ document }).compileAt('/components/schemas/Stock');
    expect(check({ sku: 'ABC-1', quantity: 3, note: null })).toEqual([]);
    expect(check({ sku: 'ABC-1', quantity: 'three' })).toEqual([{ pointer: '/quantity', keyword: 'type', message: '/quantity must be integer' }]);
    expect(check({ sku: 'ABC-1' })).toEqual([{ pointer: '/quantity', keyword: 'required', message: "/quantity must have required property 'quantity'" }]);
    expect(check({ sku: 'abc', quantity: 1 })[0]).toMatchObject({ pointer: '/sku', keyword: 'pattern' });
  });

  it('reads OpenAPI 3.0 nullable and formats it knows', () => {
    const check = createSchemaCompiler({ document }).compileAt('/components/schemas/Stock');
    expect(check({ sku: 'ABC-1', quantity: 2 ** 31 })[0]).toMatchObject({ pointer: '/quantity', keyword: 'format' });
    expect(check({ sku: 'ABC-1', quantity: 1, note: 7 })[0]).toMatchObject({ pointer: '/note', keyword: 'type' });
  });

  it('reports a pattern the linear-time engine cannot run and does not check it', () => {
    const compiler = createSchemaCompiler({ document });
    const check = compiler.compileAt('/components/schemas/Evil');
    expect(check('a'.repeat(40) + '!')).toEqual([]);
    expect(compiler.patternProblems()).toEqual([{ pattern: '^(a+)+\\1$', problem: expect.stringContaining('backreferences') }]);
  });

  it('checks a ranged repetition the linear-time engine refuses, since it cannot backtrack without bound', () => {
    const { validate, patternProblems } = compileMessageValidator({ schema: { type: 'string', pattern: '^[0-9A-Z-]{6,20}$' }, dialect: 'asyncapi' });
    expect(patternProblems).toEqual([]);
    expect(validate('4006381333931')).toEqual([]);
    expect(validate('abc')[0]).toMatchObject({ keyword: 'pattern' });
  });

  it('runs a catastrophically backtracking pattern without holding the event loop', () => {
    const { validate, patternProblems } = compileMessageValidator({ schema: { type: 'string', pattern: '^(a+)+$' }, dialect: 'asyncapi' });
    expect(patternProblems).toEqual([]);
    expect(validate('a'.repeat(40) + '!')[0]).toMatchObject({ keyword: 'pattern' });
  });

  it('compiles a message schema that refers into its document', () => {
    const asyncDocument = { asyncapi: '2.6.0', components: { schemas: { Qty: { type: 'integer' } } } };
    const { validate } = compileMessageValidator({ document: asyncDocument, schema: { type: 'object', required: ['qty'], properties: { qty: { $ref: '#/components/schemas/Qty' } } } });
    expect(validate({ qty: 1 })).toEqual([]);
    expect(validate({ qty: 'x' })[0]).toMatchObject({ pointer: '/qty', keyword: 'type' });
  });

  it("reads an AsyncAPI document's id as the application's identifier, not as a draft-04 schema id", () => {
    const asyncDocument = { asyncapi: '3.0.0', id: 'urn:com:example:retail:inventory:stock-events', components: { schemas: { Adjusted: { type: 'object', required: ['sku'], properties: { id: { type: 'string' }, sku: { type: 'string' } } } } } };
    const check = createSchemaCompiler({ document: asyncDocument }).compileAt('/components/schemas/Adjusted');
    expect(check({ id: 'e1', sku: 'ABC-1' })).toEqual([]);
    expect(check({ id: 'e1' })[0]).toMatchObject({ pointer: '/sku', keyword: 'required' });
  });

  it('coerces parameter strings when asked', () => {
    const check = createSchemaCompiler({ document, coerce: true }).compile({ type: 'object', properties: { limit: { type: 'integer', maximum: 10 } } });
    expect(check({ limit: '5' })).toEqual([]);
    expect(check({ limit: '50' })[0]).toMatchObject({ pointer: '/limit', keyword: 'maximum' });
  });
});
