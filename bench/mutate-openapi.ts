import { seededRandom, type Random } from './seeded-random.js';

type Json = Record<string, any>;

export interface Mutation {
  /** What a reader of the API would call the change, e.g. "required query parameter added". */
  kind: string;
  /** Where it happened, in the document's own words. */
  where: string;
  /** Whether a deployed client can break on it: the expectation the bench prints next to the findings. */
  breaking: boolean;
}

export interface MutateOpenApiOptions {
  seed?: number;
}

/**
 * A changed copy of a document from `generateLargeOpenApi`: about twenty edits of different kinds,
 * breaking and safe, in operations and in shared schemas, chosen by a seeded generator so every run
 * diffs the same pair. The input is left untouched.
 */
export function mutateOpenApi(document: object, { seed = 7 }: MutateOpenApiOptions = {}): { document: Json; mutations: Mutation[] } {
  // The generator shares objects (enums, Input and Patch properties) between schemas; a JSON round
  // trip, unlike structuredClone, unshares them, as the document on disk is, so one edit stays in one place.
  const doc = JSON.parse(JSON.stringify(document)) as Json;
  const random = seededRandom(seed);
  const mutations: Mutation[] = [];
  const paths = doc.paths as Json;
  const schemas = doc.components.schemas as Json;
  const note = (kind: string, where: string, breaking: boolean) => mutations.push({ kind, where, breaking });

  // Distinct resource collections per edit, so no two edits land on the same operation.
  const collections = shuffled(Object.keys(paths).filter((p) => !p.includes('{')), random);
  let next = 0;
  const take = () => {
    const base = collections[next++ % collections.length]!;
    const item = Object.keys(paths).find((p) => p.startsWith(`${base}/{`) && p.split('/').length === base.split('/').length + 1)!;
    const schema = refName(paths[base].get.responses['200'].content['application/json'].schema).replace(/Page$/, '');
    return { base, item, schema };
  };

  {
    const { item } = take();
    delete paths[item].delete;
    note('operation removed', `DELETE ${item}`, true);
  }
  {
    const { item } = take();
    delete paths[`${item}/history`];
    note('path removed', `${item}/history`, true);
  }
  {
    const { base } = take();
    paths[base].get.parameters.push({ name: 'region', in: 'query', required: true, schema: { type: 'string' } });
    note('required query parameter added', `GET ${base}`, true);
  }
  {
    const { base } = take();
    paths[base].get.parameters.push({ name: 'includeArchived', in: 'query', schema: { type: 'boolean', default: false } });
    note('optional query parameter added', `GET ${base}`, false);
  }
  {
    // AuditStamp sits in every resource's `created` and `updated`: one edit, hundreds of operations.
    schemas.AuditStamp.required = ['at'];
    delete schemas.AuditStamp.properties.by;
    note('required response property removed from a shared schema', 'AuditStamp.by', true);
  }
  {
    const { base } = take();
    const status = paths[base].get.parameters.find((p: Json) => p.name === 'status');
    status.schema.items.enum = status.schema.items.enum.filter((v: string) => v !== 'archived');
    note('request enum narrowed (query parameter)', `GET ${base} ?status`, true);
  }
  {
    const { schema } = take();
    const input = schemas[`${schema}Input`];
    input.properties.legalEntity = { type: 'string', description: 'The legal entity that owns the record.' };
    input.required = [...(input.required ?? []), 'legalEntity'];
    note('required request property added', `${schema}Input.legalEntity`, true);
  }
  {
    const { schema } = take();
    const fields = schemas[schema].properties as Json;
    const name = Object.keys(fields).find((k) => fields[k].type === 'integer' || fields[k].type === 'number' || fields[k].type === 'boolean');
    if (name) {
      fields[name] = { ...fields[name], type: 'string' };
      delete fields[name].format;
      delete fields[name].minimum;
      note('response property type changed', `${schema}.${name}`, true);
    }
  }
  {
    const { item } = take();
    const action = paths[`${item}/actions/{action}`].post;
    action.responses['202'] = { ...action.responses['200'], description: 'Accepted; the transition runs asynchronously.' };
    delete action.responses['202'].content;
    delete action.responses['200'];
    note('2xx response status removed (200 replaced by 202)', `POST ${item}/actions/{action}`, true);
  }
  {
    const { base } = take();
    doc.components.securitySchemes.apiKey = { type: 'apiKey', in: 'header', name: 'X-Api-Key' };
    paths[base].post.security = [{ bearer: [], apiKey: [] }];
    note('security requirement added', `POST ${base}`, true);
  }
  {
    const { schema } = take();
    schemas[schema].properties.status.enum = [...schemas[schema].properties.status.enum, 'suspended'];
    note('response enum value added', `${schema}.status`, true);
  }
  {
    schemas.PageInfo.properties.size = { ...schemas.PageInfo.properties.size, nullable: true };
    note('response property became nullable (shared schema)', 'PageInfo.size', true);
  }
  {
    doc.components.parameters.Sort.required = true;
    note('optional query parameter became required (shared parameter)', 'components/parameters/Sort', true);
  }
  {
    const { base } = take();
    const q = paths[base].get.parameters.find((p: Json) => p.name === 'q');
    q.schema.maxLength = 50;
    note('request maxLength tightened (query parameter)', `GET ${base} ?q`, true);
  }
  {
    const { schema } = take();
    schemas[`${schema}Patch`].additionalProperties = false;
    note('request additionalProperties became false', `${schema}Patch`, true);
  }
  {
    const { base } = take();
    const after = paths[base].get.parameters.find((p: Json) => p.name === 'createdAfter');
    after.schema.format = 'date';
    note('request parameter format changed', `GET ${base} ?createdAfter`, true);
  }
  {
    const { item } = take();
    paths[item].get.deprecated = true;
    note('operation deprecated', `GET ${item}`, false);
  }
  {
    const { base } = take();
    paths[`${base}/export`] = {
      get: { operationId: `export${pascal(base)}`, summary: 'Export as CSV', responses: { '200': { description: 'CSV file.', content: { 'text/csv': { schema: { type: 'string' } } } } } },
    };
    note('path added', `${base}/export`, false);
  }
  {
    const { base, schema } = take();
    paths[base].get.description = `${paths[base].get.description} Reworded for clarity.`;
    schemas[schema].description = `${schema}: ${schemas[schema].description}`;
    note('descriptions reworded', `GET ${base}, ${schema}`, false);
  }
  {
    const { schema } = take();
    const patch = schemas[`${schema}Patch`];
    delete patch.minProperties;
    note('request minProperties removed (relaxed)', `${schema}Patch`, false);
  }
  {
    const { item } = take();
    const put = paths[item].put;
    delete put.responses['200'].headers.ETag;
    note('optional response header removed', `PUT ${item} ETag`, false);
  }
  return { document: doc, mutations };
}

function refName(schema: Json): string {
  return String(schema.$ref).split('/').pop()!;
}

function pascal(path: string): string {
  return path.split(/[/-]/).filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function shuffled<T>(items: T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
