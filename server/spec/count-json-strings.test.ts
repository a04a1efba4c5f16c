import { describe, expect, it } from 'vitest';
import { countJsonStrings } from './count-json-strings.js';

const limits = { maxDepth: 16 };

describe('countJsonStrings', () => {
  it('counts keys and string values, not the quotes, brackets and escapes inside them', () => {
    expect(countJsonStrings('{"a":"}{,[]\\"","b":"\\\\","c":{"a":"x"}, "n": [1, true, null]}', limits)).toBe(8);
    expect(countJsonStrings('{"q\\"":1,"q\\"":2}', limits)).toBe(2);
    expect(countJsonStrings('[]', limits)).toBe(0);
  });

  it('refuses nesting past the limit before JSON.parse would allocate it, and not brackets inside strings', () => {
    expect(() => countJsonStrings('['.repeat(17) + ']'.repeat(17), limits)).toThrow(/nested deeper than 16 levels/);
    expect(countJsonStrings(`["${'['.repeat(100)}"]`, limits)).toBe(1);
    expect(countJsonStrings('['.repeat(16) + ']'.repeat(16), limits)).toBe(0);
  });

  it('ends on malformed text, an unterminated string or a trailing backslash included', () => {
    expect(countJsonStrings('{"a":1,"a', limits)).toBe(1);
    expect(countJsonStrings('}}]],,"', limits)).toBe(1);
    expect(countJsonStrings('["\\', limits)).toBe(0);
    expect(countJsonStrings(`"${'\\"'.repeat(50_000)}`, limits)).toBe(1);
  });
});
