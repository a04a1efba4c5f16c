import { LineCounter, parseAllDocuments, type YAMLError } from 'yaml';
import { countOccurrences } from './count-occurrences.js';
import { countJsonStrings } from './count-json-strings.js';
import { findDuplicateYamlKeys } from './find-duplicate-yaml-keys.js';
import { SpecRejection, type SpecLimits } from './spec-document.js';

export type DocumentTree =
  | {
      value: unknown;
      format: 'json';
      /** The strings (keys and values) the text spells, for the caller to check no key was lost (see `countJsonStrings`). */
      strings: number;
    }
  | { value: unknown; format: 'yaml' };

// C0 controls other than tab, LF and CR are allowed in neither YAML nor raw JSON text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Parses document text as JSON when it is meant as JSON (fast path: native JSON.parse plus a
 * duplicate-key pass), otherwise as YAML 1.2 with a bounded alias budget, so an alias bomb is
 * refused before it is expanded.
 */
export function parseDocumentTree(text: string, limits: Pick<SpecLimits, 'maxAliasCount' | 'maxNodes' | 'maxDepth'>): DocumentTree {
  const trimmed = text.trimStart();
  if (trimmed === '') throw new SpecRejection('document-syntax', 'the document is empty');
  // `{"` or `[`: the author meant JSON, so a JSON syntax error is the answer even where YAML's
  // laxer flow syntax (trailing commas, single quotes) would have accepted the text.
  const json = /^(\{\s*["}]|\[)/.test(trimmed);
  // JSON.parse refuses every C0 control but tab, LF and CR itself, so JSON text is searched for
  // them only to explain a refusal, and for DEL, which a JSON string may hold.
  if (!json || text.includes('\u007f')) refuseControlCharacters(text);
  if (json) return { ...parseJson(text, limits), format: 'json' };
  return { value: parseYaml(text, limits), format: 'yaml' };
}

function parseJson(text: string, { maxNodes, maxDepth }: Pick<SpecLimits, 'maxNodes' | 'maxDepth'>): { value: unknown; strings: number } {
  // Every value but the last of each container is followed by a comma: a count of commas is a
  // near-exact bound that refuses a million-value document before any allocation.
  const commas = countOccurrences(text, ',');
  if (commas > maxNodes) throw new SpecRejection('too-many-nodes', `the document holds about ${commas} values; the limit is ${maxNodes}`);
  const strings = countJsonStrings(text, { maxDepth });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    refuseControlCharacters(text);
    throw new SpecRejection('document-syntax', `the document is not valid JSON: ${(error as Error).message}`);
  }
  return { value, strings };
}

function parseYaml(text: string, limits: Pick<SpecLimits, 'maxAliasCount' | 'maxNodes'>): unknown {
  // The YAML parser spends ~15 µs per node: count lines and commas (an upper bound on most of the
  // values a document can hold) first, so a million-item document is refused in milliseconds.
  const separators = countOccurrences(text, '\n') + countOccurrences(text, ',');
  if (separators > limits.maxNodes) {
    throw new SpecRejection('too-many-nodes', `the YAML holds about ${separators} values; the limit is ${limits.maxNodes}`);
  }
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema only: 1.1 would turn timestamps into Dates and enable merge keys, so the
  // same text could mean different things to Accord and to the tools reading it later.
  const docs = parseAllDocuments(text, { version: '1.2', schema: 'core', merge: false, uniqueKeys: false, strict: true, prettyErrors: false, lineCounter });
  if (!Array.isArray(docs) || docs.length === 0) throw new SpecRejection('document-syntax', 'the YAML stream holds no document');
  if (docs.length !== 1) {
    throw new SpecRejection('document-syntax', `the YAML stream holds ${docs.length} documents; a contract is exactly one`);
  }
  const doc = docs[0]!;
  const declared = doc.directives?.yaml;
  if (declared?.explicit && declared.version !== '1.2') {
    throw new SpecRejection('document-syntax', `the document declares %YAML ${declared.version}; Accord reads YAML 1.2 only`);
  }
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    if (/call stack/i.test(first.message)) throw new SpecRejection('document-too-deep', 'the document is nested too deeply to parse');
    const issues = doc.errors.slice(0, 20).map((e) => issueOf(e, lineCounter));
    throw new SpecRejection('document-syntax', `${issues[0]!.message} (line ${issues[0]!.line}, column ${issues[0]!.column})`, issues);
  }
  const duplicates = findDuplicateYamlKeys(doc.contents);
  if (duplicates.length > 0) {
    throw new SpecRejection('duplicate-key', `${duplicates[0]!.message} (at ${duplicates[0]!.pointer})`, duplicates);
  }
  try {
    return doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    if (error instanceof RangeError) throw new SpecRejection('document-too-deep', 'the document is nested too deeply to parse');
    if (error instanceof ReferenceError && /excessive alias/i.test(error.message)) {
      throw new SpecRejection('yaml-alias-limit', 'the YAML expands too many aliases (an alias bomb is refused, not expanded)');
    }
    if (error instanceof ReferenceError) throw new SpecRejection('document-syntax', error.message);
    throw error;
  }
}

function issueOf(error: YAMLError, lineCounter: LineCounter) {
  const pos = lineCounter.linePos(error.pos[0]);
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return { code: 'document-syntax', message, line: pos.line, column: pos.col };
}

function refuseControlCharacters(text: string): void {
  const control = CONTROL.exec(text);
  if (!control) return;
  const { line, column } = positionOf(text, control.index);
  const code = control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase();
  throw new SpecRejection('document-syntax', `the document contains the control character U+${code} (line ${line}, column ${column})`, [
    { message: `control character U+${code}`, line, column },
  ]);
}

function positionOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

