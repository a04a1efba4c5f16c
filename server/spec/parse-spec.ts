import type { Issue } from '../shared/index.js';
import { checkInternalRefs } from './check-internal-refs.js';
import { contentHash } from './content-hash.js';
import { decodeDocumentText } from './decode-document-text.js';
import { detectSpecKind, type SpecFlavour } from './detect-spec-kind.js';
import { findDuplicateJsonKeys } from './find-duplicate-json-keys.js';
import { indexOperations } from './index-operations.js';
import { inspectDocumentTree } from './inspect-document-tree.js';
import { parseDocumentTree } from './parse-document-tree.js';
import { defaultSpecLimits, SpecRejection, type ComparableSpec, type SpecInvalid, type SpecLimits, type SpecResult } from './spec-document.js';
import { validateAsyncApi } from './validate-asyncapi.js';
import { validateOpenApi } from './validate-openapi.js';
import { DEFAULT_VALIDITY, type Validity } from './validity.js';

export interface ParseSpecOptions {
  limits?: SpecLimits;
  /** `full` refuses schema errors; `syntax` reports them in `schemaErrors`; `none` skips the schema. */
  validity?: Validity;
}

/**
 * Safe ingest: turns uploaded text into a `SpecDocument`, or a `SpecInvalid` naming what was wrong
 * and where. Pure apart from CPU and memory: no network, no file system, no clock. Runs inside the
 * spec worker pool in the server, and directly in the CLI.
 */
export async function parseSpec(input: string | Uint8Array, { limits = defaultSpecLimits, validity = DEFAULT_VALIDITY }: ParseSpecOptions = {}): Promise<SpecResult> {
  try {
    const { doc, flavour, format } = readTree(input, limits);
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
    const { warnings, schemaErrors } = await validate(doc, flavour, validity);
    return {
      ok: true,
      kind: flavour.kind,
      specVersion: flavour.specVersion,
      format,
      ...kept,
      sizeBytes: typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength,
      warnings,
      schemaErrors,
    };
  } catch (error) {
    return invalid(error);
  }
}

/**
 * The same safe ingest for a document that is only compared (`accord diff`), not stored: it
 * returns the parsed tree and skips what a registry keeps (the JSON text, the operation index and
 * the content hash), which on a multi-megabyte document is a good part of the time.
 */
export async function readComparableSpec(
  input: string | Uint8Array,
  { limits = defaultSpecLimits, validity = DEFAULT_VALIDITY, reportSchemaErrors = true }: ParseSpecOptions & { reportSchemaErrors?: boolean } = {},
): Promise<ComparableSpec | SpecInvalid> {
  try {
    const { doc, flavour, format } = readTree(input, limits);
    // Under `syntax` an OpenAPI 3.x document's schema errors are only reported, never refused, so a
    // caller that does not report them (the base side of a diff) need not look for them.
    if (validity === 'syntax' && !reportSchemaErrors && flavour.family.startsWith('openapi-3')) {
      return { ok: true, kind: flavour.kind, specVersion: flavour.specVersion, format, document: doc, warnings: [], schemaErrors: [] };
    }
    // Swagger 2.0's semantic pass and the AsyncAPI parser work on the document in place, and the
    // caller keeps this one; OpenAPI 3.x is only read by the compiled schema validator.
    const checked = validity === 'none' || flavour.family.startsWith('openapi-3') ? doc : structuredClone(doc);
    const { warnings, schemaErrors } = await validate(checked, flavour, validity);
    return { ok: true, kind: flavour.kind, specVersion: flavour.specVersion, format, document: doc, warnings, schemaErrors };
  } catch (error) {
    return invalid(error);
  }
}

function readTree(input: string | Uint8Array, limits: SpecLimits): { doc: Record<string, unknown>; flavour: SpecFlavour; format: 'json' | 'yaml' } {
  const text = decodeDocumentText(input, limits);
  const tree = parseDocumentTree(text, limits);
  const { internalRefs, strings } = inspectDocumentTree(tree.value, limits);
  // JSON.parse keeps the last of two equal keys without a word, so a document could say one thing
  // to a reviewer and another to a parser. Only a tree holding fewer strings than its text spells
  // lost a key; the text is then searched key by key for where (most of a 4 MB document's ingest
  // when done every time).
  if (tree.format === 'json' && strings !== tree.strings) {
    const duplicates = findDuplicateJsonKeys(text, limits);
    if (duplicates.length > 0) throw new SpecRejection('duplicate-key', `${duplicates[0]!.message} (at ${duplicates[0]!.pointer})`, duplicates);
  }
  const flavour = detectSpecKind(tree.value);
  // A dangling reference is refused at every validity level: nothing could follow it.
  checkInternalRefs(tree.value, internalRefs);
  return { doc: tree.value as Record<string, unknown>, flavour, format: tree.format };
}

async function validate(doc: object, flavour: SpecFlavour, validity: Validity): Promise<{ warnings: Issue[]; schemaErrors: Issue[] }> {
  if (validity === 'none') return { warnings: [], schemaErrors: [] };
  try {
    const warnings = flavour.kind === 'openapi' ? (await validateOpenApi(doc, flavour.family), []) : await validateAsyncApi(doc, flavour.specVersion);
    return { warnings, schemaErrors: [] };
  } catch (error) {
    if (validity === 'syntax' && error instanceof SpecRejection && error.code === 'spec-invalid') return { warnings: [], schemaErrors: [...error.issues] };
    throw error;
  }
}

function invalid(error: unknown): SpecInvalid {
  if (error instanceof SpecRejection) return { ok: false, code: error.code, message: error.message, issues: error.issues };
  // A parser giving up on a document it accepted (a stack overflow on a pathological shape, say)
  // is still an answer about that document, not a server failure.
  return { ok: false, code: 'spec-invalid', message: `the document could not be processed: ${(error as Error)?.message ?? String(error)}`, issues: [] };
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
