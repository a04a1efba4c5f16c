import { toJsonPointer, type Issue } from '../shared/index.js';
import { SpecRejection } from './spec-document.js';

type Frame = { type: 'object'; keys: Set<string>; key: string; expectKey: boolean } | { type: 'array'; index: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * `JSON.parse` silently keeps the last of two equal keys, so a document could say one thing to a
 * reviewer and another to a parser. This single pass over the text reports every repeated key with
 * its JSON pointer, and counts values and depth as it goes so an oversized or overly deep document
 * is refused before `JSON.parse` allocates it. It tolerates malformed input (JSON.parse reports syntax); it only
 * never loops.
 */
export function findDuplicateJsonKeys(text: string, { maxNodes, maxDepth }: { maxNodes: number; maxDepth: number }, maxIssues = 20): Issue[] {
  const issues: Issue[] = [];
  const stack: Frame[] = [];
  let values = 1;
  let i = 0;
  // Only quotes, brackets and commas matter here; the regular expression engine skips the
  // whitespace and scalars between them much faster than a loop over each character would.
  const structural = /["{}[\],]/g;
  while (i < text.length && issues.length < maxIssues) {
    structural.lastIndex = i;
    if (!structural.test(text)) break;
    i = structural.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = endOfString(text, i);
      const top = stack.at(-1);
      if (top?.type === 'object' && top.expectKey) {
        const key = decodeKey(text.slice(i, end + 1));
        if (top.keys.has(key)) {
          const pointer = pointerOf(stack.slice(0, -1), key);
          issues.push({ pointer, code: 'duplicate-key', message: `the key "${key}" appears more than once in the same object` });
        }
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if ((c === 0x7b || c === 0x5b) && stack.length >= maxDepth) {
      throw new SpecRejection('document-too-deep', `the document is nested deeper than ${maxDepth} levels`);
    }
    switch (c) {
      case 0x7b: // {
        values++;
        stack.push({ type: 'object', keys: new Set(), key: '', expectKey: true });
        break;
      case 0x5b: // [
        values++;
        stack.push({ type: 'array', index: 0 });
        break;
      case 0x7d: // }
      case 0x5d: // ]
        stack.pop();
        break;
      case 0x2c: {
        // ,
        if (++values > maxNodes) throw new SpecRejection('too-many-nodes', `the document holds more than ${maxNodes} values`);
        const top = stack.at(-1);
        if (top?.type === 'object') top.expectKey = true;
        else if (top?.type === 'array') top.index++;
        break;
      }
    }
    i++;
  }
  return issues;
}

function endOfString(text: string, start: number): number {
  let j = start;
  for (;;) {
    j = text.indexOf('"', j + 1);
    if (j === -1) return text.length - 1;
    let backslashes = 0;
    for (let k = j - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return j;
  }
}

function decodeKey(quoted: string): string {
  if (!quoted.includes('\\')) return quoted.slice(1, -1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}

function pointerOf(parents: Frame[], key: string): string {
  return toJsonPointer([...parents.map((f) => (f.type === 'object' ? f.key : f.index)), key]);
}
