import { performance } from 'node:perf_hooks';
import { resolveJsonPointer } from '../shared/index.js';
import type { HttpContract, HttpOperation } from './compile-http-contract.js';
import type { TrafficRecorder, ViolationObservation } from './traffic-recorder.js';

export interface ProbeResult {
  operation: string;
  url: string;
  status?: number;
  error?: string;
  latencyMs: number;
  violations: ViolationObservation[];
  /** Why the operation was not probed: a path parameter with no example and no schema to make one from. */
  skipped?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const SAFE = new Set(['GET', 'HEAD']);

/**
 * One round of active checks: a request to each safe operation (GET, HEAD; others only when
 * `unsafe` names them) built from the contract's examples, or generated from its schemas, sent to
 * `baseUrl` and its answer validated like the proxy validates live traffic. Results go to the
 * recorder as the consumer "accord-probe", so a broken endpoint shows without live traffic.
 */
export async function probeContract({
  contract,
  document,
  baseUrl,
  recorder,
  unsafe = [],
  timeoutMs = 10_000,
  consumer = 'accord-probe',
}: {
  contract: HttpContract;
  document: Obj;
  baseUrl: string;
  recorder: TrafficRecorder;
  unsafe?: readonly string[];
  timeoutMs?: number;
  consumer?: string;
}): Promise<ProbeResult[]> {
  const base = baseUrl.replace(/\/+$/, '');
  const follow = (node: unknown): unknown => {
    for (let hops = 0; isObj(node) && typeof node.$ref === 'string' && hops < 16; hops++) node = resolveJsonPointer(document, node.$ref);
    return node;
  };
  const chosen = contract.operations.filter((op) => SAFE.has(op.method) || unsafe.includes(op.key));
  const results: ProbeResult[] = [];
  for (const operation of chosen) results.push(await probeOne(operation));
  return results;

  async function probeOne(operation: HttpOperation): Promise<ProbeResult> {
    const pathItem = follow(resolveJsonPointer(document, `/paths/${operation.path.replace(/~/g, '~0').replace(/\//g, '~1')}`));
    const parameters = [...(isObj(pathItem) && Array.isArray(pathItem.parameters) ? pathItem.parameters : []), ...(Array.isArray(operation.spec.parameters) ? operation.spec.parameters : [])].map(follow).filter(isObj);
    const query = new URLSearchParams();
    const headers: Record<string, string> = { accept: 'application/json, */*' };
    let path = operation.path;
    for (const p of parameters) {
      if (typeof p.name !== 'string') continue;
      const required = p.required === true || p.in === 'path';
      if (!required) continue;
      const value = exampleOf(p, follow);
      if (value === undefined) return { operation: operation.key, url: base + operation.path, latencyMs: 0, violations: [], skipped: `no example for the ${p.in} parameter ${p.name}` };
      const text = Array.isArray(value) ? value.map(String) : [String(value)];
      if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(text.join(',')));
      else if (p.in === 'query') for (const t of text) query.append(p.name, t);
      else if (p.in === 'header') headers[p.name.toLowerCase()] = text.join(',');
    }
    let body: string | undefined;
    const requestBody = follow(operation.spec.requestBody);
    if (!SAFE.has(operation.method) && isObj(requestBody) && isObj(requestBody.content)) {
      const [mediaType, media] = Object.entries(requestBody.content).find(([type]) => /json/i.test(type)) ?? [];
      if (mediaType && isObj(media)) {
        const value = isObj(media.examples) ? (follow(Object.values(media.examples)[0]) as Obj | undefined)?.value : media.example !== undefined ? media.example : exampleOf({ schema: media.schema }, follow);
        body = JSON.stringify(value);
        headers['content-type'] = mediaType;
      }
    }
    const url = `${base}${path}${query.size > 0 ? `?${query}` : ''}`;
    const started = performance.now();
    try {
      const response = await fetch(url, { method: operation.method, headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
      const buffer = Buffer.from(await response.arrayBuffer());
      const latencyMs = performance.now() - started;
      const responseHeaders = Object.fromEntries(response.headers);
      const violations = operation.checkResponse({ status: response.status, headers: responseHeaders, body: buffer }, operation.method);
      recorder.observe({ operation: operation.key, consumer, status: response.status, latencyMs, violations });
      return { operation: operation.key, url, status: response.status, latencyMs, violations };
    } catch (error) {
      const latencyMs = performance.now() - started;
      recorder.observe({ operation: operation.key, consumer, transportError: true, latencyMs });
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      return { operation: operation.key, url, error: cause, latencyMs, violations: [] };
    }
  }
}

/** A value for a parameter or media type: its examples first, then one made from its schema. */
function exampleOf(holder: Obj, follow: (node: unknown) => unknown): unknown {
  if (holder.example !== undefined) return holder.example;
  if (isObj(holder.examples)) {
    const first = follow(Object.values(holder.examples)[0]);
    if (isObj(first) && first.value !== undefined) return first.value;
  }
  const schema = follow(holder.schema ?? (holder.type ? holder : undefined));
  return isObj(schema) ? fromSchema(schema, follow, 0) : undefined;
}

function fromSchema(schema: Obj, follow: (node: unknown) => unknown, depth: number): unknown {
  if (depth > 8) return undefined;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const composed = (Array.isArray(schema.allOf) ? schema.allOf : Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : [])[0];
  if (composed !== undefined) return fromSchema(follow(composed) as Obj, follow, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'array': {
      const item = isObj(follow(schema.items)) ? fromSchema(follow(schema.items) as Obj, follow, depth + 1) : undefined;
      return item === undefined ? [] : [item];
    }
    case 'object': {
      const out: Obj = {};
      const properties = isObj(schema.properties) ? schema.properties : {};
      for (const name of Array.isArray(schema.required) ? (schema.required as string[]) : []) {
        const property = follow(properties[name]);
        if (isObj(property)) out[name] = fromSchema(property, follow, depth + 1);
      }
      return out;
    }
    case 'string':
      // A pattern says what a value looks like, but no generator here can be trusted to satisfy one.
      if (typeof schema.pattern === 'string') return undefined;
      if (schema.format === 'date-time') return '2026-01-01T00:00:00Z';
      if (schema.format === 'date') return '2026-01-01';
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      return 'example'.padEnd(typeof schema.minLength === 'number' ? schema.minLength : 0, 'x');
    default:
      return undefined;
  }
}
