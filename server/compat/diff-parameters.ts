import type { Direction, ParameterChange, ParameterLocation } from './change.js';
import { compareSchemas } from './compare-schemas.js';
import { diffContent } from './diff-content.js';
import type { DiffContext, OperationPair, OperationSide } from './diff-context.js';
import { directionOf } from './direction-of.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { readSunset } from './read-sunset.js';
import { recordSharedChange } from './record-shared-change.js';
import { removalNoticeOf } from './removal-notice-of.js';
import { childPointer, resolveRef } from './resolve-ref.js';
import { sunsetMove } from './sunset-move.js';

/** Where a parameter fact is seen, less the operations `recordSharedChange` gathers. */
type ParameterSite = Pick<ParameterChange, 'direction' | 'location' | 'name' | 'pointer'>;

const LOCATIONS: readonly string[] = ['query', 'querystring', 'path', 'header', 'cookie'];

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
      recordSharedChange(context, key, { kind: 'parameter.removed', direction, location, name, pointer, required, ...removalNoticeOf(parameter.node, context.options.now) });
      continue;
    }
    const site = { direction, location, name: other.name, pointer: other.pointer };
    if (!required && other.required) recordSharedChange(context, key, { kind: 'parameter.became-required', ...site });
    if (required && !other.required) recordSharedChange(context, key, { kind: 'parameter.became-optional', ...site });
    diffParameterLifecycle(context, key, site, parameter, other);
    compareParameterSchemas(context, { operation: key, direction }, parameter, other);
  }
  for (const [id, { location, name, pointer, required }] of to) {
    if (!from.has(id)) recordSharedChange(context, key, { kind: 'parameter.added', direction, location, name, pointer, required });
  }
}

/** Deprecation and the announced sunset, judged like an operation's (`diffLifecycle`). */
function diffParameterLifecycle(context: DiffContext, operation: string, site: ParameterSite, parameter: Parameter, other: Parameter): void {
  const { now, minDeprecationDays } = context.options;
  const newlyDeprecated = parameter.node.deprecated !== true && other.node.deprecated === true;
  const [from, to] = [readSunset(parameter.node, now), readSunset(other.node, now)];
  const policy = minDeprecationDays !== undefined && { minimumNoticeDays: minDeprecationDays };
  if (newlyDeprecated) {
    recordSharedChange(context, operation, { kind: 'parameter.deprecated', ...site, ...(to.sunset !== undefined && { sunset: to.sunset }), ...(to.daysLeft !== undefined && { noticeDays: to.daysLeft }), ...policy });
  }
  const moved = sunsetMove(from.sunset, to.sunset);
  // A parameter deprecated in the same step reports its first sunset with the deprecation.
  if (!moved || (moved === 'set' && newlyDeprecated)) return;
  recordSharedChange(context, operation, {
    kind: 'parameter.sunset-changed',
    ...site,
    ...(from.sunset !== undefined && { from: from.sunset }),
    ...(to.sunset !== undefined && { to: to.sunset }),
    moved,
    ...(moved === 'set' && to.daysLeft !== undefined && { noticeDays: to.daysLeft }),
    ...(moved === 'set' && policy),
  });
}

/**
 * A parameter's value schemas: `schema`, or under `content` the schema of every media type both
 * sides offer. The spec allows one `content` entry, so a media type swapped for another is a
 * serialisation change no parameter fact describes; it is left out.
 */
function compareParameterSchemas(context: DiffContext, site: { operation: string; direction: Direction }, parameter: Parameter, other: Parameter): void {
  const [from, to] = [parameter.node.content, other.node.content];
  if (parameter.node.schema === undefined && other.node.schema === undefined && isJsonObject(from) && isJsonObject(to)) {
    diffContent(context, {
      ...site,
      base: { content: from, pointer: parameter.pointer },
      head: { content: to, pointer: other.pointer },
      onMediaType: () => undefined,
    });
    return;
  }
  compareSchemas({ comparison: context.comparison, ...site, base: { doc: context.base, ...schemaOf(parameter) }, head: { doc: context.head, ...schemaOf(other) } });
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
// header names are case-insensitive; an operation has one `querystring`, whose name is not sent.
function identity({ location, name }: Pick<Parameter, 'location' | 'name'>, path: string): string {
  if (location === 'querystring') return location;
  if (location === 'path') {
    const position = [...path.matchAll(/\{([^}]*)\}/g)].findIndex((match) => match[1] === name);
    return position >= 0 ? `path #${position}` : `path ${name}`;
  }
  return `${location} ${location === 'header' ? name.toLowerCase() : name}`;
}

/** A parameter's schema, either direct or inside its first `content` entry, for a parameter that moved between the two. */
function schemaOf({ node, pointer }: Parameter): { node: unknown; pointer: string } {
  if (node.schema !== undefined || !isJsonObject(node.content)) return { node: node.schema ?? {}, pointer: childPointer(pointer, 'schema') };
  const [mediaType, media] = Object.entries(node.content)[0] ?? [];
  if (mediaType === undefined || !isJsonObject(media)) return { node: {}, pointer: childPointer(pointer, 'schema') };
  return { node: media.schema ?? {}, pointer: childPointer(pointer, 'content', mediaType, 'schema') };
}
