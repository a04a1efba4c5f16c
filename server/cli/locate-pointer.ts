import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { parseJsonPointer } from '../shared/index.js';

// Locating costs a full syntax tree; beyond this size a report goes without line numbers.
const MAX_LOCATABLE_BYTES = 2 * 1024 * 1024;

/** A 1-based line and column in a text, as editors and SARIF count them. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Returns a function giving the position of a JSON pointer in a YAML or JSON text (the key that
 * holds the value, or the item of a list), or undefined where the pointer does not lead (a removal
 * points into the other document).
 */
export function locatePointer(text: string): (pointer: string) => TextPosition | undefined {
  if (text.length > MAX_LOCATABLE_BYTES) return () => undefined;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false, uniqueKeys: false });
  return (pointer) => {
    const path = parseJsonPointer(pointer);
    if (path === undefined) return undefined;
    let node: unknown = doc.contents;
    let keyNode: Node | undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === segment);
        if (!pair) return undefined;
        keyNode = isScalar(pair.key) ? pair.key : undefined;
        node = pair.value;
      } else if (isSeq(node)) {
        node = node.items[Number(segment)];
        keyNode = undefined;
        if (node === undefined) return undefined;
      } else return undefined;
    }
    const start = (keyNode ?? (node as Node | null))?.range?.[0];
    if (start === undefined) return undefined;
    const { line, col } = lines.linePos(start);
    return { line, column: col };
  };
}
