import type { DiffContext } from './diff-context.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { pathItemOperations } from './path-item-operations.js';
import { pathItems } from './path-items.js';
import { childPointer, resolveRef } from './resolve-ref.js';

// `deviceAuthorizationUrl` belongs to 3.2's device authorization flow.
const FLOW_URLS = ['authorizationUrl', 'tokenUrl', 'refreshUrl', 'deviceAuthorizationUrl'] as const;

/**
 * Definitions in `components.securitySchemes` present in both documents that change how callers
 * get or present credentials. Each fact names the head operations whose effective security uses
 * the scheme; a scheme added or removed shows in those operations' requirements instead.
 */
export function diffSecuritySchemes(context: DiffContext): void {
  const from = schemes(context.base);
  const to = schemes(context.head);
  let users: Map<string, string[]> | undefined;
  for (const [scheme, { node: before }] of from) {
    const after = to.get(scheme);
    if (!after) continue;
    users ??= operationsByScheme(context.head);
    const site = { scheme, pointer: after.pointer, operations: users.get(scheme) ?? [] };
    const [fromType, toType] = [typeOf(before), typeOf(after.node)];
    if (fromType !== toType) {
      context.changes.push({ kind: 'security-scheme.type-changed', ...site, from: fromType, to: toType });
      continue;
    }
    if (before.type === 'apiKey') {
      const [fromPlace, toPlace] = [placeOf(before), placeOf(after.node)];
      if (fromPlace.toLowerCase() !== toPlace.toLowerCase() || (before.in !== 'header' && fromPlace !== toPlace)) context.changes.push({ kind: 'security-scheme.api-key-moved', ...site, from: fromPlace, to: toPlace });
    }
    if (before.type === 'openIdConnect') {
      const [fromUrl, toUrl] = [before.openIdConnectUrl, after.node.openIdConnectUrl];
      if (typeof fromUrl === 'string' && typeof toUrl === 'string' && fromUrl !== toUrl) context.changes.push({ kind: 'security-scheme.url-changed', ...site, flow: 'openIdConnect', url: 'openIdConnectUrl', from: fromUrl, to: toUrl });
    }
    if (before.type !== 'oauth2') continue;
    const [fromFlows, toFlows] = [objectAt(before.flows), objectAt(after.node.flows)];
    for (const [flow, raw] of Object.entries(fromFlows)) {
      const next = toFlows[flow];
      if (!isJsonObject(next)) {
        context.changes.push({ kind: 'security-scheme.flow-removed', ...site, flow });
        continue;
      }
      for (const url of FLOW_URLS) {
        const [fromUrl, toUrl] = [objectAt(raw)[url], next[url]];
        if (typeof fromUrl === 'string' && typeof toUrl === 'string' && fromUrl !== toUrl) context.changes.push({ kind: 'security-scheme.url-changed', ...site, flow, url, from: fromUrl, to: toUrl });
      }
    }
    for (const flow of Object.keys(toFlows)) if (!isJsonObject(fromFlows[flow])) context.changes.push({ kind: 'security-scheme.flow-added', ...site, flow });
  }
}

function schemes(doc: JsonObject): Map<string, { node: JsonObject; pointer: string }> {
  const found = new Map<string, { node: JsonObject; pointer: string }>();
  const map = objectAt(objectAt(doc.components).securitySchemes);
  for (const [name, raw] of Object.entries(map)) {
    const { node, pointer } = resolveRef(doc, raw, childPointer('/components/securitySchemes', name));
    if (isJsonObject(node)) found.set(name, { node, pointer });
  }
  return found;
}

/** Scheme name → the operations (sorted keys) whose effective security names it. */
function operationsByScheme(doc: JsonObject): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const item of pathItems(doc, doc.paths, '/paths').values()) {
    for (const { method, side } of pathItemOperations(item)) {
      const security = side.operation.security ?? doc.security;
      const names = new Set((Array.isArray(security) ? security : []).flatMap((requirement) => (isJsonObject(requirement) ? Object.keys(requirement) : [])));
      for (const name of names) users.set(name, [...(users.get(name) ?? []), `${method} ${item.path}`]);
    }
  }
  for (const list of users.values()) list.sort();
  return users;
}

// HTTP auth schemes are case-insensitive; `bearer` and `basic` ask callers for different credentials.
function typeOf(scheme: JsonObject): string {
  const type = String(scheme.type);
  return type === 'http' && typeof scheme.scheme === 'string' ? `http ${scheme.scheme.toLowerCase()}` : type;
}

function placeOf(scheme: JsonObject): string {
  return `${String(scheme.in)} ${String(scheme.name)}`;
}

function objectAt(value: unknown): JsonObject {
  return isJsonObject(value) ? value : {};
}
