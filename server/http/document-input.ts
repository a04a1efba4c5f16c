import type { Request } from 'express';
import type { z } from 'zod';
import { AccordError } from '../shared/index.js';
import { validateInput } from './validate-input.js';

/** Media types accepted as a raw document upload (`?version=` then names the version). */
export const RAW_DOCUMENT_TYPES = [
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/x-yaml',
  'text/plain',
  'application/vnd.oai.openapi',
  'application/vnd.oai.openapi+json',
  'application/vnd.aai.asyncapi',
  'application/vnd.aai.asyncapi+json',
  'application/octet-stream',
];

/**
 * A document upload: `{"version", "document"}` as JSON, or the document itself in one of the raw
 * types with the version in the query. Publishing and checking share it.
 */
export function documentInput<V extends { version?: string }>(req: Request, schemas: { body: z.ZodType<V & { document: string }>; query: z.ZodType<V> }): V & { document: string | Uint8Array } {
  if (Buffer.isBuffer(req.body)) return { ...validateInput(schemas.query, req.query, 'query'), document: req.body };
  if (!req.is('application/json')) {
    throw new AccordError('unsupported-media-type', `send {"version", "document"} as application/json, or the document itself as one of ${RAW_DOCUMENT_TYPES.join(', ')} with ?version=`);
  }
  return validateInput(schemas.body, req.body);
}
