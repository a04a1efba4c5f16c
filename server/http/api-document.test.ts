import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../shared/index.js';
import { apiRoutes } from './index.js';

const document = parse(readFileSync(join(packageRoot(), 'specs', 'accord-api.yaml'), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string; parameters?: { $ref?: string; name?: string }[] }>>;
};
const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);
// Routes outside the route table: served by create-app itself.
const SERVED_BY_APP = ['GET /openapi.json', 'GET /healthz', 'GET /readyz', 'POST /v1/traces'];

describe("Accord's OpenAPI document", () => {
  // The handlers are never called; the table is only read.
  const routes = apiRoutes({ registry: {}, identity: {}, setup: {}, webhooks: {}, traffic: {}, runbooks: {} } as never).map((r) => `${r.method.toUpperCase()} ${r.path}`);
  const documented = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => METHODS.has(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );

  it('documents every route of the REST API', () => {
    expect(routes.filter((r) => !documented.includes(r))).toEqual([]);
  });

  it('documents no route that does not exist', () => {
    expect(documented.filter((d) => !routes.includes(d) && !SERVED_BY_APP.includes(d))).toEqual([]);
  });

  it('gives every operation a unique operationId', () => {
    const ids = Object.values(document.paths).flatMap((item) => Object.entries(item).filter(([m]) => METHODS.has(m)).map(([, op]) => op.operationId));
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
