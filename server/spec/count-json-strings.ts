import { SpecRejection } from './spec-document.js';

// A whole string, to its closing quote or, in malformed text, to the end (so no quote starts a
// second attempt and the scan stays linear), or one bracket.
const TOKEN = /"(?:[^"\\]|\\[^])*(?:"|\\?$)|[[\]{}]/g;

/**
 * How many strings (keys and values) JSON text spells, refusing nesting past `maxDepth` before
 * `JSON.parse` would allocate it. The regular expression engine steps over each string and the
 * scalars between brackets, so JavaScript sees one step per string or bracket. A parsed tree
 * holding fewer strings than its text spells lost a repeated key: `JSON.parse` keeps only the last.
 */
export function countJsonStrings(text: string, { maxDepth }: { maxDepth: number }): number {
  TOKEN.lastIndex = 0;
  let strings = 0;
  let depth = 0;
  while (TOKEN.test(text)) {
    const c = text.charCodeAt(TOKEN.lastIndex - 1);
    if (c === 0x22) strings++;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) throw new SpecRejection('document-too-deep', `the document is nested deeper than ${maxDepth} levels`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return strings;
}
