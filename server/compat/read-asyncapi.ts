import type { AsyncApiDocument, AsyncServer } from './asyncapi-document.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { readAsyncApi2Channels } from './read-asyncapi2-channels.js';
import { readAsyncApi3Channels } from './read-asyncapi3-channels.js';
import { childPointer, resolveRef } from './resolve-ref.js';

/** Reads an AsyncAPI 2.x or 3.0 document (parsed JSON, internal `$ref`s kept) into one model. */
export function readAsyncApi(raw: object): AsyncApiDocument {
  const doc = raw as JsonObject;
  const channels = String(doc.asyncapi).startsWith('2.') ? readAsyncApi2Channels(doc) : readAsyncApi3Channels(doc);
  return { doc, ...(typeof doc.defaultContentType === 'string' && { defaultContentType: doc.defaultContentType }), servers: readServers(doc), channels };
}

function readServers(doc: JsonObject): Map<string, AsyncServer> {
  const servers = new Map<string, AsyncServer>();
  for (const [name, raw] of Object.entries(isJsonObject(doc.servers) ? doc.servers : {})) {
    const { node, pointer } = resolveRef(doc, raw, childPointer('/servers', name));
    if (!isJsonObject(node)) continue;
    const host = hostOf(node);
    servers.set(name, {
      pointer,
      ...(typeof node.protocol === 'string' && { protocol: node.protocol }),
      ...(typeof node.protocolVersion === 'string' && { protocolVersion: node.protocolVersion }),
      ...(host !== undefined && { host }),
    });
  }
  return servers;
}

// 3.0 splits a server's location into `host` and `pathname`; 2.x writes a `url`, sometimes with a
// scheme that repeats the protocol. Without the scheme both read alike, so a migration is no move.
function hostOf(server: JsonObject): string | undefined {
  const location = typeof server.host === 'string' ? server.host + (typeof server.pathname === 'string' ? server.pathname : '') : typeof server.url === 'string' ? server.url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '') : undefined;
  return location?.replace(/\/+$/, '');
}
