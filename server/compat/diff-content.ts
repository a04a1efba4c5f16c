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

/**
 * Compares two `content` maps: media types added or removed, and the schemas of those in both. A
 * media type counts as still offered when the other side names it with other parameters
 * (`application/json; charset=utf-8`) or covers it with a range such as `application/*`; it is
 * then compared with that entry.
 */
export function diffContent(context: DiffContext, { operation, direction, base, head, onMediaType }: ContentSides): void {
  const from = mediaTypes(base.content);
  const to = mediaTypes(head.content);
  // 3.2 sequential media types (`application/jsonl`, `text/event-stream`, …) describe each item
  // with `itemSchema`; it is compared like `schema`, item against item.
  const compare = (fromEntry: Entry, toEntry: Entry) => {
    for (const keyword of ['schema', 'itemSchema']) {
      const [fromSchema, toSchema] = [isJsonObject(fromEntry[1]) ? fromEntry[1][keyword] : undefined, isJsonObject(toEntry[1]) ? toEntry[1][keyword] : undefined];
      if (fromSchema === undefined && toSchema === undefined) continue;
      compareSchemas({
        comparison: context.comparison,
        operation,
        direction,
        base: { doc: context.base, node: fromSchema ?? {}, pointer: childPointer(base.pointer, 'content', fromEntry[0], keyword) },
        head: { doc: context.head, node: toSchema ?? {}, pointer: childPointer(head.pointer, 'content', toEntry[0], keyword) },
      });
    }
  };
  for (const [mediaType, entry] of from) {
    const other = counterpart(mediaType, to);
    if (other) compare(entry, other);
    else onMediaType('removed', entry[0], childPointer(base.pointer, 'content', entry[0]));
  }
  for (const [mediaType, entry] of to) {
    if (from.has(mediaType)) continue;
    const other = counterpart(mediaType, from);
    if (other) compare(other, entry);
    else onMediaType('added', entry[0], childPointer(head.pointer, 'content', entry[0]));
  }
}

type Entry = [original: string, media: unknown];

// Media types are case-insensitive; the original spelling is kept for pointers.
function mediaTypes(content: unknown): Map<string, Entry> {
  const found = new Map<string, Entry>();
  for (const [mediaType, media] of Object.entries(isJsonObject(content) ? content : {})) found.set(mediaType.toLowerCase().replace(/\s+/g, ''), [mediaType, media]);
  return found;
}

/** The entry standing for a media type on the other side: the same, the same without parameters, or a range covering it. */
function counterpart(mediaType: string, others: Map<string, Entry>): Entry | undefined {
  const exact = others.get(mediaType);
  if (exact) return exact;
  const essence = mediaType.split(';')[0]!;
  for (const [other, entry] of others) if (other.split(';')[0] === essence) return entry;
  const [type, subtype] = essence.split('/');
  if (subtype === '*' && type === '*') return undefined;
  return (subtype === '*' ? undefined : others.get(`${type}/*`)) ?? others.get('*/*');
}
