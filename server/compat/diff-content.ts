import type { Direction } from './change.js';
import { compareSchemas } from './compare-schemas.js';
import type { DiffContext } from './diff-context.js';
import { isJsonObject } from './json-object.js';
import { childPointer } from './resolve-ref.js';

export interface ContentSides {
  operation: string;
  direction: Direction;
  base: { content: unknown; pointer: string };
  head: { content: unknown; pointer: string };
  /** Reports a media type only one side offers, with its pointer in that side. */
  onMediaType: (event: 'added' | 'removed', mediaType: string, pointer: string) => void;
}

/** Compares two `content` maps: media types added or removed, and the schemas of those in both. */
export function diffContent(context: DiffContext, { operation, direction, base, head, onMediaType }: ContentSides): void {
  const from = mediaTypes(base.content);
  const to = mediaTypes(head.content);
  for (const [mediaType, [original, media]] of from) {
    const pointer = childPointer(base.pointer, 'content', original);
    const other = to.get(mediaType);
    if (!other) {
      onMediaType('removed', original, pointer);
      continue;
    }
    const headPointer = childPointer(head.pointer, 'content', other[0]);
    const fromSchema = isJsonObject(media) ? media.schema : undefined;
    const toSchema = isJsonObject(other[1]) ? other[1].schema : undefined;
    if (fromSchema === undefined && toSchema === undefined) continue;
    compareSchemas({
      comparison: context.comparison,
      operation,
      direction,
      base: { doc: context.base, node: fromSchema ?? {}, pointer: childPointer(pointer, 'schema') },
      head: { doc: context.head, node: toSchema ?? {}, pointer: childPointer(headPointer, 'schema') },
    });
  }
  for (const [mediaType, [original]] of to) {
    if (!from.has(mediaType)) onMediaType('added', original, childPointer(head.pointer, 'content', original));
  }
}

// Media types are case-insensitive; the original spelling is kept for pointers.
function mediaTypes(content: unknown): Map<string, [original: string, media: unknown]> {
  const found = new Map<string, [string, unknown]>();
  for (const [mediaType, media] of Object.entries(isJsonObject(content) ? content : {})) found.set(mediaType.toLowerCase().replace(/\s+/g, ''), [mediaType, media]);
  return found;
}
