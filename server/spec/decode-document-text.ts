import { invalidUtf8Offset } from '../shared/index.js';
import { countOccurrences } from './count-occurrences.js';
import { SpecRejection, type SpecLimits } from './spec-document.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Turns uploaded bytes (or text that arrived inside a JSON request) into document text: enforces the
 * size limit, requires UTF-8 and drops a UTF-8 byte-order mark. UTF-16/32 documents are refused
 * rather than guessed at, because OpenAPI and AsyncAPI tooling assumes UTF-8.
 */
export function decodeDocumentText(input: string | Uint8Array, limits: Pick<SpecLimits, 'maxBytes'>): string {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > limits.maxBytes) {
    throw new SpecRejection('document-too-large', `the document is ${size} bytes; the limit is ${limits.maxBytes} bytes`);
  }
  let text: string;
  if (typeof input === 'string') {
    if (!input.isWellFormed()) {
      throw new SpecRejection('invalid-encoding', 'the document contains unpaired UTF-16 surrogates and cannot be encoded as UTF-8');
    }
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    if (startsWithUtf16Or32Bom(input)) {
      throw new SpecRejection('invalid-encoding', 'the document is UTF-16 or UTF-32; Accord accepts UTF-8 only');
    }
    try {
      text = utf8.decode(input);
    } catch {
      throw notUtf8(input);
    }
  }
  if (text.includes('\u0000') && countOccurrences(text, '\u0000') > text.length / 10) {
    throw new SpecRejection('invalid-encoding', 'the document is mostly NUL characters; it looks binary or UTF-16 without a byte-order mark');
  }
  return text;
}

/** Names where decoding failed, so the author can find the stray byte (often a pasted Windows-1252 character). */
function notUtf8(bytes: Uint8Array): SpecRejection {
  const offset = invalidUtf8Offset(bytes) ?? 0;
  const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
  const line = countNewlines(bytes.subarray(0, lineStart)) + 1;
  const column = utf8.decode(bytes.subarray(lineStart, offset)).length + 1;
  const message = `the document is not valid UTF-8: the byte sequence at byte offset ${offset} (line ${line}, column ${column}) is malformed`;
  return new SpecRejection('invalid-encoding', message, [{ message: 'not UTF-8', line, column }]);
}

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) count++;
  return count;
}

function startsWithUtf16Or32Bom(bytes: Uint8Array): boolean {
  const [a, b] = bytes;
  return (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x00);
}

