import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidUtf8Offset } from './invalid-utf8-offset.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const decodes = (bytes: Uint8Array) => {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
};
const bytes = (...values: number[]) => Uint8Array.from(values);

describe('invalidUtf8Offset', () => {
  it('finds nothing in well-formed text, including four-byte characters', () => {
    expect(invalidUtf8Offset(new TextEncoder().encode('Grüße, 東京 🚀'))).toBeUndefined();
  });

  it('names the byte where the first ill-formed sequence starts', () => {
    expect(invalidUtf8Offset(bytes(0x54, 0xff))).toBe(1); // a byte that never occurs in UTF-8
    expect(invalidUtf8Offset(bytes(0x61, 0x62, 0x63, 0xe2, 0x82, 0x58))).toBe(3); // a sequence cut short by ASCII
    expect(invalidUtf8Offset(bytes(0x61, 0xe2, 0x82))).toBe(1); // truncated at the end
    expect(invalidUtf8Offset(bytes(0xc0, 0xaf))).toBe(0); // an overlong "/"
    expect(invalidUtf8Offset(bytes(0x41, 0xed, 0xa0, 0x80))).toBe(1); // an encoded surrogate
    expect(invalidUtf8Offset(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // above U+10FFFF
    expect(invalidUtf8Offset(bytes(0x80))).toBe(0); // a continuation byte without a lead
  });

  it('agrees with a fatal TextDecoder on every byte string, and the text before the offset decodes', () => {
    // Bytes drawn mostly from the interesting ranges, so well-formed multi-byte sequences occur too.
    const byte = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xbf }), fc.integer({ min: 0xc0, max: 0xff }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 24 }), fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 4 }), (raw, texts) => {
        const input = Uint8Array.from([...new TextEncoder().encode(texts.join('')), ...raw]);
        const offset = invalidUtf8Offset(input);
        expect(offset === undefined).toBe(decodes(input));
        if (offset !== undefined) expect(decodes(input.subarray(0, offset))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
