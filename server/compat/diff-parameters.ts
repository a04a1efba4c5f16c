import type { ParameterLocation } from './change.js';
import { compareSchemas } from './compare-schemas.js';
import type { DiffContext, OperationPair, OperationSide } from './diff-context.js';
import { directionOf } from './direction-of.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { readSunset } from './read-sunset.js';
import { childPointer, resolveRef } from './resolve-ref.js';

const LOCATIONS: readonly string[] = ['query', 'path', 'header', 'cookie'];

interface Parameter {
  location: ParameterLocation;
  name: string;
  required: boolean;
  node: JsonObject;
  pointer: string;
}

/** Parameters added, removed, made required or optional, deprecated, and their schemas. */
export function diffParameters(context: DiffContext, pair: OperationPair): void {
  const { key, base, head } = pair;
  const direction = directionOf(pair, 'request');
  const from = parametersOf(context.base, base);
  const to = parametersOf(context.head, head);
  for (const [id, parameter] of from) {
    const { location, name, pointer, required } = parameter;
    const other = to.get(id);
    if (!other) {
      context.changes.push({ kind: 'parameter.removed', operation: key, direction, location, name, pointer, required });
      continue;
    }
    const site = { operation: key, direction, location, name: other.name, pointer: other.pointer };
    if (!required && other.required) context.changes.push({ kind: 'parameter.became-required', ...site });
    if (required && !other.required) context.changes.push({ kind: 'parameter.became-optional', ...site });
    if (parameter.node.deprecated !== true && other.node.deprecated === true) {
      const { sunset } = readSunset(other.node);
      context.changes.push({ kind: 'parameter.deprecated', ...site, ...(sunset !== undefined && { sunset }) });
    }
    compareSchemas({
      comparison: context.comparison,
      operation: key,
      direction,
      base: { doc: context.base, ...schemaOf(parameter) },
      head: { doc: context.head, ...schemaOf(other) },
    });
  }
  for (const [id, { location, name, pointer, required }] of to) {
    if (!from.has(id)) context.changes.push({ kind: 'parameter.added', operation: key, direction, location, name, pointer, required });
  }
}

/** The parameters in effect: the path item's, overridden by the operation's own. */
function parametersOf(doc: JsonObject, side: OperationSide): Map<string, Parameter> {
  const found = new Map<string, Parameter>();
  const lists: [unknown, string][] = [
    [side.pathItem.parameters, childPointer(side.pathItemPointer, 'parameters')],
    [side.operation.parameters, childPointer(side.pointer, 'parameters')],
  ];
  for (const [list, listPointer] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, index) => {
      const { node, pointer } = resolveRef(doc, raw, childPointer(listPointer, index));
      if (!isJsonObject(node) || typeof node.name !== 'string' || typeof node.in !== 'string' || !LOCATIONS.includes(node.in)) return;
      const location = node.in as ParameterLocation;
      const parameter = { location, name: node.name, required: location === 'path' || node.required === true, node, pointer };
      found.set(identity(parameter, side.path), parameter);
    });
  }
  return found;
}

// Path parameters are matched by their position in the template, so renaming `{id}` is no change;
// header names are case-insensitive.
function identity({ location, name }: Pick<Parameter, 'location' | 'name'>, path: string): string {
  if (location === 'path') {
    const position = [...path.matchAll(/\{([^}]*)\}/g)].findIndex((match) => match[1] === name);
    return position >= 0 ? `path #${position}` : `path ${name}`;
  }
  return `${location} ${location === 'header' ? name.toLowerCase() : name}`;
}

/** A parameter's schema, either direct or inside its single `content` entry. */
function schemaOf({ node, pointer }: Parameter): { node: unknown; pointer: string } {
  if (node.schema !== undefined || !isJsonObject(node.content)) return { node: node.schema ?? {}, pointer: childPointer(pointer, 'schema') };
  const [mediaType, media] = Object.entries(node.content)[0] ?? [];
  if (mediaType === undefined || !isJsonObject(media)) return { node: {}, pointer: childPointer(pointer, 'schema') };
  return { node: media.schema ?? {}, pointer: childPointer(pointer, 'content', mediaType, 'schema') };
}
