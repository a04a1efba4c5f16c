import { checkInternalRefs } from './check-internal-refs.js';
import { contentHash } from './content-hash.js';
import { decodeDocumentText } from './decode-document-text.js';
import { detectSpecKind } from './detect-spec-kind.js';
import { indexOperations } from './index-operations.js';
import { inspectDocumentTree } from './inspect-document-tree.js';
import { parseDocumentTree } from './parse-document-tree.js';
import { defaultSpecLimits, SpecRejection, type SpecLimits, type SpecResult } from './spec-document.js';
import { validateAsyncApi } from './validate-asyncapi.js';
import { validateOpenApi } from './validate-openapi.js';

/**
 * Safe ingest: turns uploaded text into a `SpecDocument`, or a `SpecInvalid` naming what was wrong
 * and where. Pure apart from CPU and memory: no network, no file system, no clock. Runs inside the
 * spec worker pool in the server, and directly in the CLI.
 */
export async function parseSpec(input: string | Uint8Array, limits: SpecLimits = defaultSpecLimits): Promise<SpecResult> {
  try {
    const text = decodeDocumentText(input, limits);
    const tree = parseDocumentTree(text, limits);
    const { internalRefs } = inspectDocumentTree(tree.value, limits);
    const flavour = detectSpecKind(tree.value);
    checkInternalRefs(tree.value, internalRefs);
    const doc = tree.value as Record<string, unknown>;
    const info = (typeof doc.info === 'object' && doc.info !== null ? doc.info : {}) as Record<string, unknown>;
    // Everything Accord keeps is taken from the document before validation, because the
    // validators dereference it in place; that saves cloning a document of several megabytes.
    const kept = {
      title: withoutNul(typeof info.title === 'string' ? info.title : ''),
      infoVersion: withoutNul(typeof info.version === 'string' ? info.version : String(info.version ?? '')),
      documentJson: JSON.stringify(doc),
      operations: withoutNul(indexOperations(doc, flavour)),
      contentHash: contentHash(doc),
    };
    const warnings = flavour.kind === 'openapi' ? (await validateOpenApi(doc, flavour.family), []) : await validateAsyncApi(doc, flavour.specVersion);
    return {
      ok: true,
      kind: flavour.kind,
      specVersion: flavour.specVersion,
      format: tree.format,
      ...kept,
      sizeBytes: typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength,
      warnings,
    };
  } catch (error) {
    if (error instanceof SpecRejection) return { ok: false, code: error.code, message: error.message, issues: error.issues };
    // A parser giving up on a document it accepted (a stack overflow on a pathological shape, say)
    // is still an answer about that document, not a server failure.
    return { ok: false, code: 'spec-invalid', message: `the document could not be processed: ${(error as Error)?.message ?? String(error)}`, issues: [] };
  }
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000, which JSON may legally spell as `\u0000`. The
 * document itself is stored as `json` (kept verbatim), but the fields copied out of it into text
 * and jsonb columns get U+FFFD instead.
 */
function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [withoutNul(k), withoutNul(v)])) as T;
  return value;
}
