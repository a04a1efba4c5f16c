import { isUtf8 } from 'node:buffer';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { UsageError } from './cli-errors.js';
import { infoOf } from './info-of.js';

const MAX_TOTAL_BYTES = 10 * 1024 * 1024;

export interface BundledDocument {
  text: string;
  /** Files that were inlined, relative to the document's folder (`../common/x.yaml` above it). */
  included: string[];
  info: { title?: string; version?: string };
  /** Whether the document declares itself OpenAPI, Swagger or AsyncAPI at its top level. */
  isContract: boolean;
}

/** Contract files are UTF-8; anything else is named for what it is rather than mis-decoded. */
function utf8TextOf(file: string, bytes: Buffer): string {
  const [a, b, c, d] = bytes;
  const bom = a === 0xff && b === 0xfe ? (c === 0 && d === 0 ? 'UTF-32LE' : 'UTF-16LE') : a === 0xfe && b === 0xff ? 'UTF-16BE' : a === 0 && b === 0 && c === 0xfe && d === 0xff ? 'UTF-32BE' : undefined;
  if (bom) throw new UsageError(`${file} is ${bom} (it starts with a ${bom.slice(0, 6)} byte-order mark); Accord reads UTF-8 only: convert it, e.g. iconv -f ${bom} -t UTF-8`);
  // Checking first and then decoding is several times faster than a fatal TextDecoder on a
  // multi-megabyte file, and reads the same text: the decoder too drops a UTF-8 byte-order mark.
  if (!isUtf8(bytes)) throw new UsageError(`${file} is not valid UTF-8; save it as UTF-8`);
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface BundleOptions {
  /**
   * The caller parses the text itself right after (`loadDocument` ingests it), or sends it to a
   * server that does (`publish`), so a YAML document whose every `$ref` points inside it is not
   * parsed here: on a 9 MB YAML file that parse took as long as the caller's and doubled the
   * command's memory. Its `info` and `isContract` are then read when asked: `isContract` from a
   * top-level `openapi`, `swagger` or `asyncapi` line when there is one, otherwise by parsing.
   */
  parsedByCaller?: boolean;
  /**
   * The folder references may reach: by default the git work tree the document is in, otherwise
   * the current directory when the document is under it, otherwise the document's own folder.
   */
  refRoot?: string;
}

/**
 * Makes a contract that is split over several files (`$ref: ../common/messages.yaml`) into one
 * self-contained document, because the server accepts nothing else and never reads a file. Only
 * files under the reference root may be read (symbolic links and absolute paths are followed to
 * their real place before that check); remote references are refused rather than fetched. A
 * document without external references is sent exactly as written.
 */
export async function bundleDocument(file: string, { refRoot, parsedByCaller = false }: BundleOptions = {}): Promise<BundledDocument> {
  const path = resolve(file);
  let text: string;
  try {
    if ((await stat(path)).size > MAX_TOTAL_BYTES) throw new UsageError(`${file} is larger than 10 MiB, the most Accord reads; move large examples out of it or split the contract`);
    text = utf8TextOf(file, await readFile(path));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (/^\s*\{/.test(text) && !EXTERNAL_JSON_REF.test(text)) return describedLazily(text, () => parseJsonOrUndefined(text) ?? null);
  if (parsedByCaller && onlyInternalYamlRefs(text)) return describedLazily(text, () => parseYamlOrJson(file, text), TOP_LEVEL_CONTRACT_FIELD.test(text));
  const doc = parseYamlOrJson(file, text);
  const { info, isContract } = descriptionOf(doc);
  if (!hasExternalRef(doc)) return { text, included: [], info, isContract };

  const root = await referenceRoot(path, refRoot);
  const folder = await realpath(dirname(path));
  const included = new Set<string>();
  let total = Buffer.byteLength(text);
  // The ref parser replaces whatever a resolver throws with its own "Error reading file", so the
  // first refusal is kept here and reported instead of that.
  let refusal: UsageError | undefined;
  const refuse = (message: string) => (refusal ??= new UsageError(`${file}: ${message}`));
  const readLocal = async (url: string): Promise<string> => {
    const target = url.startsWith('file:') ? fileURLToPath(url) : url;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !isAbsolute(target)) {
      throw refuse(`the reference to ${url} is remote; Accord bundles files under ${root} only and never fetches URLs`);
    }
    const real = await realpath(target).catch(() => {
      throw refuse(`the referenced file ${relative(root, target)} does not exist`);
    });
    if (real !== root && !real.startsWith(root + sep)) {
      throw refuse(`the reference to ${target} leaves ${root}; only files under it are bundled (--ref-root names another folder)`);
    }
    const content = utf8TextOf(
      relative(root, real),
      await readFile(real).catch((error: NodeJS.ErrnoException) => {
        throw refuse(`cannot read the referenced file ${relative(root, real)}: ${error.code ?? error.message}`);
      }),
    );
    total += Buffer.byteLength(content);
    if (total > MAX_TOTAL_BYTES) throw refuse('the bundled document would be larger than 10 MiB');
    included.add(relative(folder, real).replaceAll(sep, '/'));
    return content;
  };

  let bundled: unknown;
  try {
    // Loaded only for a document that refers to other files: most need no bundling at all.
    const { default: $RefParser } = await import('@apidevtools/json-schema-ref-parser');
    bundled = await $RefParser.bundle(path, doc as never, {
      resolve: { file: false, http: false, external: true, local: { order: 1, canRead: true, read: (f: { url: string }) => readLocal(f.url) } } as never,
    });
  } catch (error) {
    if (refusal) throw refusal;
    if (error instanceof UsageError) throw error;
    const cause = (error as { errors?: unknown[] }).errors?.[0] ?? error;
    if (cause instanceof UsageError) throw cause;
    throw new UsageError(`${file}: cannot bundle its references: ${(cause as Error).message}`);
  }
  const json = extname(path).toLowerCase() === '.json';
  return { text: json ? JSON.stringify(bundled, null, 2) : stringify(bundled, { aliasDuplicateObjects: false, lineWidth: 0 }), included: [...included].sort(), info, isContract };
}

async function referenceRoot(document: string, given: string | undefined): Promise<string> {
  if (given !== undefined) {
    const root = await realpath(given).catch(() => {
      throw new UsageError(`--ref-root ${given} does not exist`);
    });
    if (!(await stat(root)).isDirectory()) throw new UsageError(`--ref-root ${given} is not a folder`);
    return root;
  }
  const folder = await realpath(dirname(document));
  const workTree = await gitWorkTreeOf(folder);
  if (workTree) return workTree;
  const cwd = await realpath(process.cwd());
  return folder === cwd || folder.startsWith(cwd + sep) ? cwd : folder;
}

/** The nearest folder at or above `folder` holding `.git` (a folder, or a file in a linked work tree). */
async function gitWorkTreeOf(folder: string): Promise<string | undefined> {
  for (let current = folder; ; current = dirname(current)) {
    if (await stat(join(current, '.git')).then(() => true, () => false)) return current;
    if (dirname(current) === current) return undefined;
  }
}

// `"$ref": "x"` with x not starting with `#`. A reference spelt with escapes slips past this, and
// then past nothing else: ingest refuses every reference that leaves the document.
const EXTERNAL_JSON_REF = /"\$ref"\s*:\s*"(?!#)/;

/**
 * Whether every `$ref` in a YAML text is a key whose value, on the same line, starts with `#`. Any
 * other spelling (a `$ref` in prose, a value on the next line) answers no, and the document is
 * parsed and bundled as before; as for JSON, a reference spelt with escapes is refused by ingest.
 */
function onlyInternalYamlRefs(text: string): boolean {
  const internal = /\$ref["']?[ \t]*:[ \t]*["']?#/y;
  for (let at = text.indexOf('$ref'); at !== -1; at = text.indexOf('$ref', at + 4)) {
    internal.lastIndex = at;
    if (!internal.test(text)) return false;
  }
  return true;
}

/**
 * A document with no file references, sent as written: `parse` runs only if its info is asked for
 * (`accord diff` never asks; parsing a JSON text here as well as in ingest was a tenth of a diff of
 * two 4 MB documents, and a YAML text costs far more). `looksLikeContract` may answer without it.
 */
function describedLazily(text: string, parse: () => unknown, looksLikeContract = false): BundledDocument {
  // Only what is read of the tree is kept: the tree itself (several times the text) would stay
  // alive through the upload that follows and set the command's peak memory.
  let described: Pick<BundledDocument, 'info' | 'isContract'> | undefined;
  const describe = () => (described ??= descriptionOf(parse()));
  return {
    text,
    included: [],
    get info() {
      return describe().info;
    },
    get isContract() {
      return looksLikeContract || describe().isContract;
    },
  };
}

// A key at the start of a line is a key of the root mapping: anything nested, or a block scalar's
// text, is indented. (A document whose root is a plain block scalar is not a contract; ingest says so.)
const TOP_LEVEL_CONTRACT_FIELD = /^(["']?)(openapi|swagger|asyncapi)\1[ \t]*:/m;

function parseYamlOrJson(file: string, text: string): unknown {
  try {
    // JSON through the native parser: the YAML parser takes seconds on a multi-megabyte JSON file.
    return parseJsonOrUndefined(text) ?? parse(text, { maxAliasCount: 100 });
  } catch (error) {
    // The parser's first line ends by pointing at a code excerpt on the next lines ("…, column 5:").
    throw new UsageError(`${file} is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]!.replace(/:\s*$/, '')}`);
  }
}

function descriptionOf(doc: unknown): Pick<BundledDocument, 'info' | 'isContract'> {
  return { info: infoOf(doc), isContract: ['openapi', 'swagger', 'asyncapi'].some((field) => typeof doc === 'object' && doc !== null && field in doc) };
}

function hasExternalRef(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' && typeof child === 'string' && !child.startsWith('#')) return true;
      stack.push(child);
    }
  }
  return false;
}


function parseJsonOrUndefined(text: string): unknown {
  if (!/^\s*[{[]/.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
