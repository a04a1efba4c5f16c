import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { InvalidInput, toJsonPointer, type Issue } from '../shared/index.js';

// A ruleset is configuration written by hand: a few kilobytes. Anything far larger is not one.
const MAX_RULESET_BYTES = 512 * 1024;
const MAX_ALIASES = 50;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface RulesetText {
  value: unknown;
  /** The issue for a path into the ruleset, with the line and column of the closest node that exists. */
  issue: (path: readonly (string | number)[], message: string, code?: string) => Issue;
}

/**
 * Parses a ruleset written in YAML or JSON (JSON is YAML) keeping the syntax tree, so every
 * refusal can name the line and column it is about.
 */
export function parseRulesetText(text: string, source: string): RulesetText {
  if (Buffer.byteLength(text) > MAX_RULESET_BYTES) throw new InvalidInput(`${source}: a ruleset may not be larger than ${MAX_RULESET_BYTES / 1024} KiB`, [{ pointer: '', message: 'too large' }], 'ruleset-invalid');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const issueAt = (offset: number | undefined, pointer: string, message: string, code?: string): Issue => {
    const pos = offset === undefined ? undefined : lines.linePos(offset);
    return { pointer, message: pos ? `${source}:${pos.line}:${pos.col}: ${message}` : `${source}: ${message}`, ...(code && { code }), ...(pos && { line: pos.line, column: pos.col }) };
  };
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((error) => issueAt(error.pos[0], '', error.message.split('\n')[0]!, 'ruleset-syntax'));
    throw new InvalidInput(`${source} is not valid YAML or JSON: ${issues[0]!.message}`, issues, 'ruleset-invalid');
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new InvalidInput(`${source}: ${(error as Error).message}`, [{ pointer: '', message: (error as Error).message }], 'ruleset-invalid');
  }

  const issue = (path: readonly (string | number)[], message: string, code?: string): Issue => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0];
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === String(segment));
        if (!pair) break;
        // A scalar is pointed at where it is written; a block under a key, at its key's line.
        const at = isScalar(pair.value) ? pair.value : (pair.key as Node | null);
        offset = at?.range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node)) {
        node = node.items[Number(segment)];
        if (node === undefined) break;
        offset = (node as Node).range?.[0] ?? offset;
      } else break;
    }
    return issueAt(offset, toJsonPointer(path), message, code);
  };

  const forbidden = findForbiddenKey(value);
  if (forbidden) {
    const found = issue(forbidden, `the key "${String(forbidden.at(-1))}" is not allowed`, 'forbidden-key');
    throw new InvalidInput(found.message, [found], 'ruleset-invalid');
  }
  return { value, issue };
}

function findForbiddenKey(value: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(key)) return [...path, key];
    const found = findForbiddenKey(child, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found) return found;
  }
  return undefined;
}
