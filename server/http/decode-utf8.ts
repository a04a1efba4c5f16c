import { AccordError, invalidUtf8Offset, type Issue } from '../shared/index.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes request bytes as UTF-8, refusing any malformed sequence with `invalid-encoding` and the
 * byte offset where it starts. A replacing decoder would turn a stray byte into U+FFFD and store
 * text the client never sent; the same bytes uploaded as a raw document are refused, so they are
 * refused everywhere.
 */
export function decodeUtf8(bytes: Uint8Array, { what = 'the request body', issues = [] }: { what?: string; issues?: readonly Issue[] } = {}): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw invalidEncoding(invalidUtf8Offset(bytes) ?? 0, { what, issues });
  }
}

export function invalidEncoding(byteOffset: number, { what = 'the request body', issues = [] }: { what?: string; issues?: readonly Issue[] } = {}): AccordError {
  return new AccordError('invalid-encoding', `${what} is not valid UTF-8: the byte sequence at byte offset ${byteOffset} is malformed`, issues, { byteOffset });
}
