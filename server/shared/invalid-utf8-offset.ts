/**
 * Where the first ill-formed UTF-8 sequence starts, as a byte offset, or undefined when every byte
 * belongs to a well-formed sequence. The same definition as a fatal `TextDecoder` (Unicode table
 * 3-7: no overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence); decode with
 * that first, and call this only to tell the client where decoding failed.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const form = SEQUENCES.find(([from, to]) => lead >= from && lead <= to);
    if (!form) return i;
    const [, , length, secondFrom, secondTo] = form;
    const second = bytes[i + 1];
    if (second === undefined || second < secondFrom || second > secondTo) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return undefined;
}

/** Lead byte range, sequence length, and the range its second byte must fall in. */
const SEQUENCES: readonly (readonly [number, number, number, number, number])[] = [
  [0xc2, 0xdf, 2, 0x80, 0xbf],
  [0xe0, 0xe0, 3, 0xa0, 0xbf],
  [0xe1, 0xec, 3, 0x80, 0xbf],
  [0xed, 0xed, 3, 0x80, 0x9f],
  [0xee, 0xef, 3, 0x80, 0xbf],
  [0xf0, 0xf0, 4, 0x90, 0xbf],
  [0xf1, 0xf3, 4, 0x80, 0xbf],
  [0xf4, 0xf4, 4, 0x80, 0x8f],
];
