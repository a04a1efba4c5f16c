import { describe, expect, it } from 'vitest';
import { findDuplicateJsonKeys } from './find-duplicate-json-keys.js';

const limits = { maxNodes: 1_000, maxDepth: 16 };
const pointers = (text: string) => findDuplicateJsonKeys(text, limits).map((issue) => issue.pointer);

describe('findDuplicateJsonKeys', () => {
  it('finds a repeated key wherever it is, by its pointer, however the JSON is spaced', () => {
    expect(pointers('{"a":1,"a":2}')).toEqual(['/a']);
    expect(pointers('{\n  "paths": {\n    "/x": {},\n    "/x" : {}\n  }\n}')).toEqual(['/paths/~1x']);
    expect(pointers('{"list":[{"k":1},{"k":1,"k":2}]}')).toEqual(['/list/1/k']);
    expect(pointers('[[], [{"a": {"b": 1, "b": 2}}]]')).toEqual(['/1/0/a/b']);
  });

  it('is not misled by brackets, commas, colons and quotes inside strings', () => {
    expect(pointers('{"a":"}{,[]\\"","b":"\\\\","c":{"a":"x"}}')).toEqual([]);
    expect(pointers('{"a":"}","a":"{"}')).toEqual(['/a']);
    expect(pointers('{"q\\"":1,"q\\"":2}')).toEqual(['/q"']);
  });

  it('compares keys as JSON reads them, escapes decoded', () => {
    expect(pointers('{"\\u0061":1,"a":2}')).toEqual(['/a']);
  });

  it('finds nothing in a document without repeated keys, equal keys in sibling objects included', () => {
    expect(pointers('{"a":{"id":1},"b":{"id":2},"c":[{"id":3},{"id":4}]}')).toEqual([]);
  });

  it('refuses nesting and value counts past the limits before JSON.parse would allocate them', () => {
    expect(() => findDuplicateJsonKeys('['.repeat(17) + ']'.repeat(17), limits)).toThrow(/nested deeper than 16 levels/);
    expect(() => findDuplicateJsonKeys(`[${'0,'.repeat(1_000)}0]`, limits)).toThrow(/more than 1000 values/);
  });

  it('ends on malformed text without looping', () => {
    expect(pointers('{"a":1,"a')).toEqual([]);
    expect(pointers('}}]],,"')).toEqual([]);
  });
});
