import { withArticle } from '../shared/index.js';
import { SpecRejection, type ContractKind } from './spec-document.js';

export type SpecFlavour = { kind: ContractKind; family: 'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1' | 'openapi-3.2' | 'asyncapi-2' | 'asyncapi-3'; specVersion: string };

const ASYNCAPI_2 = /^2\.[0-6]\.\d+$/;
// 3.1 changed no structure the readers rely on (new bindings, examples of any type), so 3.0 and 3.1 are one family.
const ASYNCAPI_3 = /^3\.[01]\.\d+$/;
const OPENAPI_30 = /^3\.0\.\d+(-rc\d+)?$/;
const OPENAPI_31 = /^3\.1\.\d+$/;
const OPENAPI_32 = /^3\.2\.\d+$/;

/** Decides which specification a parsed document claims to follow, or refuses it. */
export function detectSpecKind(value: unknown): SpecFlavour {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SpecRejection('document-syntax', `the document's top level is ${describe(value)}; a contract is a mapping (an object)`);
  }
  const doc = value as Record<string, unknown>;
  if ('openapi' in doc) {
    const v = doc.openapi;
    if (typeof v === 'string' && OPENAPI_30.test(v)) return { kind: 'openapi', family: 'openapi-3.0', specVersion: v };
    if (typeof v === 'string' && OPENAPI_31.test(v)) return { kind: 'openapi', family: 'openapi-3.1', specVersion: v };
    if (typeof v === 'string' && OPENAPI_32.test(v)) return { kind: 'openapi', family: 'openapi-3.2', specVersion: v };
    throw unsupported('openapi', v, 'OpenAPI 3.0.x, 3.1.x and 3.2.x (and Swagger 2.0)');
  }
  if ('swagger' in doc) {
    if (doc.swagger === '2.0') return { kind: 'openapi', family: 'swagger-2.0', specVersion: '2.0' };
    throw unsupported('swagger', doc.swagger, 'Swagger "2.0" (quoted), OpenAPI 3.0.x, 3.1.x and 3.2.x');
  }
  if ('asyncapi' in doc) {
    const v = doc.asyncapi;
    if (typeof v === 'string' && ASYNCAPI_2.test(v)) return { kind: 'asyncapi', family: 'asyncapi-2', specVersion: v };
    if (typeof v === 'string' && ASYNCAPI_3.test(v)) return { kind: 'asyncapi', family: 'asyncapi-3', specVersion: v };
    throw unsupported('asyncapi', v, 'AsyncAPI 2.0.0–2.6.0, 3.0.0 and 3.1.0');
  }
  throw new SpecRejection('not-a-spec', 'the document has no "openapi", "swagger" or "asyncapi" field', [
    { pointer: '', message: 'expected one of the fields openapi, swagger, asyncapi at the top level' },
  ]);
}

function unsupported(field: string, value: unknown, supported: string): SpecRejection {
  return new SpecRejection('unsupported-spec-version', `${field}: ${JSON.stringify(value)} is not supported; Accord reads ${supported}`, [
    { pointer: `/${field}`, message: `unsupported version ${JSON.stringify(value)}` },
  ]);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return withArticle(typeof value);
}
