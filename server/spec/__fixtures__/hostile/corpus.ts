/**
 * Hostile-input corpus for spec ingest.
 *
 * Static cases are small files next to this module (read lazily). Large cases are generated lazily by
 * `body()` and are never committed. Every rejection carries exactly one expected diagnostic code; where
 * the right code is debatable the description says why the stricter one was picked.
 *
 * Node >= 20, ESM, no dependencies beyond node: builtins.
 */
import { readFileSync } from 'node:fs';

export interface HostileCase {
  name: string;
  description: string;
  expect: { status: number; code?: string };
  body: () => Buffer;
}

type RejectCode =
  | 'document-too-large'
  | 'invalid-encoding'
  | 'document-syntax'
  | 'yaml-alias-limit'
  | 'document-too-deep'
  | 'too-many-nodes'
  | 'forbidden-key'
  | 'duplicate-key'
  | 'external-ref'
  | 'not-a-spec'
  | 'unsupported-spec-version'
  | 'spec-invalid';

const MiB = 1024 * 1024;
/** Default ingest size limit (bytes, not characters). */
export const HOSTILE_SIZE_LIMIT_BYTES = 10 * MiB;
/** Limits the corpus was designed against. */
export const HOSTILE_MAX_DEPTH = 128;
export const HOSTILE_MAX_NODES = 1_000_000;

const ACCEPTED = { status: 201 } as const;
function reject(code: RejectCode): { status: number; code: string } {
  return { status: code === 'document-too-large' ? 413 : 422, code };
}

function fixture(file: string): () => Buffer {
  return () => readFileSync(new URL(`./${file}`, import.meta.url));
}

type StaticEntry = [file: string, expect: { status: number; code?: string }, description: string];

// ---------------------------------------------------------------------------------------------------------------------
// Static cases. The case name is the file name without its extension.
// ---------------------------------------------------------------------------------------------------------------------
const staticEntries: StaticEntry[] = [
  // ---- must be accepted ----
  ['accept-alias-small-reuse.yaml', ACCEPTED,
    'Legitimate YAML anchor reuse: one 500-response anchored once and aliased twice. Well under the alias budget; must not be mistaken for an alias bomb.'],
  ['accept-baseline-asyncapi2.yaml', ACCEPTED, 'Control: minimal valid AsyncAPI 2.6.0 document with an internal message $ref.'],
  ['accept-baseline-asyncapi3.yaml', ACCEPTED, 'Control: minimal valid AsyncAPI 3.0.0 document (channel, operation with action, internal $refs).'],
  ['accept-baseline-oas30.yaml', ACCEPTED, 'Control: minimal valid OpenAPI 3.0.3 document; the shape most hostile OpenAPI 3.0 cases are derived from.'],
  ['accept-baseline-oas31.yaml', ACCEPTED, 'Control: minimal valid OpenAPI 3.1.0 document (type arrays, license identifier).'],
  ['accept-baseline-swagger20.json', ACCEPTED, 'Control: minimal valid Swagger 2.0 JSON document with an internal #/definitions $ref.'],
  ['accept-bom-utf8.yaml', ACCEPTED, 'UTF-8 BOM (EF BB BF) followed by a valid OpenAPI 3.0 document. The BOM must be stripped, not rejected.'],
  ['accept-circular-internal-ref.yaml', ACCEPTED,
    'Valid document with circular internal refs (Node -> Node, A -> B -> A). Ingest must not dereference eagerly into an infinite structure.'],
  ['accept-cr-only-line-endings.json', ACCEPTED,
    'JSON document whose only line breaks are bare CR. CR is JSON whitespace (RFC 8259), so this is valid. NOTE: the `yaml` package rejects it, so JSON input must not be parsed with yaml alone (or lone CRs must be normalised first).'],
  ['accept-deep-schema-40.yaml', ACCEPTED,
    'Schema nested 40 levels through properties (about 84 container levels, below the 128 limit). Legal deep nesting must be accepted.'],
  ['accept-forbidden-words-as-values.yaml', ACCEPTED,
    '__proto__/constructor/prototype only as VALUES (enum, default, description) and as parts of longer or differently cased keys (x-constructor-id, __proto, proto__, Constructor, prototypeChain). Only exact key names are forbidden.'],
  ['accept-huge-numbers.json', ACCEPTED,
    'Huge but legal numbers in example/maximum: 1e308, 5e-324, 12345678901234567890123, a 29-digit negative integer, a 55-digit decimal, -0. Precision loss is fine; rejection or a crash is not.'],
  ['accept-json-escaped-control-chars.json', ACCEPTED,
    'JSON escapes \\u0000, \\u0007, \\u001b, \\u007f, \\u2028 in a description and \\u0000 in a path key. Escaped control characters are valid JSON and valid UTF-8. Trap: PostgreSQL jsonb/text cannot store U+0000, so storage must cope (e.g. keep the raw bytes) rather than 500.'],
  ['accept-json-escaped-internal-ref.json', ACCEPTED,
    'The key is written "\\u0024ref" and the value "\\u0023/components/schemas/Pet"; they decode to $ref and "#/...", an internal ref. Checks must run on decoded values.'],
  ['accept-property-named-ref.json', ACCEPTED,
    'A schema whose properties map has a property literally named "$ref" (its value is a schema object, not a string) next to a real internal $ref. A $ref key whose value is not a string is a property name, not a reference. The form with a string value, properties: {"$ref": "#/..."}, would fail the official schema, so it is not used.'],
  ['accept-redos-pattern.yaml', ACCEPTED,
    'ReDoS-shaped patterns (^(a+)+$ and a classic catastrophic e-mail regex) with adversarial examples. Ingest must never compile or evaluate schema patterns against examples.'],
  ['accept-unicode-emoji.yaml', ACCEPTED,
    'Emoji with ZWJ sequences and skin tones, RTL text and an RLO override, combining marks, zero-width characters, astral-plane characters, CJK in a path template and parameter name, and an emoji as a property name.'],
  ['accept-yaml-js-function-tag.yaml', ACCEPTED,
    'js-yaml style !!js/function, !!js/undefined and !!js/regexp tags. The yaml package (core schema) leaves unknown tags unresolved with a warning and keeps the plain strings, so nothing runs and the document is valid. Tag warnings must not be promoted to errors.'],
  ['accept-yaml-python-object-tag.yaml', ACCEPTED,
    'PyYAML !!python/object/apply:os.system, !!python/module and !!python/object tags inside x- extensions. They resolve harmlessly to plain sequences, strings and mappings (warnings only), so the document is valid.'],

  // ---- yaml-alias-limit ----
  ['alias-billion-laughs.yaml', reject('yaml-alias-limit'),
    'Classic billion laughs (9 levels x 9 aliases, about 3.9e8 strings) inside an x-lol extension of an otherwise valid OpenAPI document. Ambiguous because the document would be a valid spec; the stricter rejection is chosen.'],
  ['alias-block-mapping-schemas.yaml', reject('yaml-alias-limit'),
    'Exponential expansion disguised as schema reuse: components.schemas L1..L9 are each a mapping with 10 properties aliasing the previous level (1e9 leaves). Valid spec if expanded, so the stricter rejection is chosen.'],
  ['alias-in-keys.yaml', reject('yaml-alias-limit'),
    'Every anchor and alias sits in a mapping KEY (YAML complex keys `? &k1 [*k0, ...]`). Keys are expanded or stringified too, so the bomb must be caught there as well.'],
  ['alias-many-scalar-aliases.yaml', reject('yaml-alias-limit'),
    'Linear, not exponential: one anchored description scalar aliased 300 times in AsyncAPI channels. Over the 100-alias budget (yaml maxAliasCount: 100). A lenient implementation might accept it; the stricter rejection is chosen.'],
  ['alias-nested-sequences.yaml', reject('yaml-alias-limit'),
    'Nested sequences of aliases, flow and block style mixed (10 x 10 per level over 9 levels, 1e10 leaves) inside an x- extension.'],

  // ---- document-too-deep (static) ----
  ['deep-yaml-alias-cycle.yaml', reject('document-too-deep'),
    'A YAML-level cycle (`Node: &node {properties: {next: *node}}`): the yaml package builds a cyclic JS object with only one alias, so the alias budget is not hit. A depth-limited walk reaches depth 129 and must report document-too-deep, not recurse forever or crash in JSON.stringify. (yaml-alias-limit would also be defensible; too-deep is what a bounded walk naturally reports.)'],

  // ---- duplicate-key ----
  ['dup-json-deep.json', reject('duplicate-key'),
    'JSON duplicate "zip" seven levels deep (string with pattern, then integer). JSON.parse silently keeps the last one, so duplicates must be detected by the parser.'],
  ['dup-json-escaped-key.json', reject('duplicate-key'),
    'JSON keys "/admin" and "/\\u0061dmin" are identical once decoded. A reviewer sees a harmless GET, while a last-wins parser keeps the DELETE.'],
  ['dup-json-top-openapi.json', reject('duplicate-key'),
    'Top-level "openapi" appears twice ("3.0.3" then "3.1.0"): a parser differential between first-wins and last-wins consumers.'],
  ['dup-yaml-deep.yaml', reject('duplicate-key'),
    'YAML duplicate property "sku" deep inside components.schemas.Order.properties.lines.items.properties.'],
  ['dup-yaml-flow-mapping.yaml', reject('duplicate-key'),
    'Duplicate "minimum" inside a YAML flow mapping `{type: number, minimum: 0, ..., minimum: -1000000}`.'],
  ['dup-yaml-int-vs-string-key.yaml', reject('duplicate-key'),
    'Response codes written `200:` (int) and `\'200\':` (string) in the same mapping. Both become the key "200" in a JS object, so one response is silently lost. NOTE: yaml uniqueKeys:true does NOT flag this (the scalars differ in type); ingest must compare keys after string conversion. Stricter rejection chosen.'],
  ['dup-yaml-quoted-vs-plain.yaml', reject('duplicate-key'),
    'Top-level `paths:` and `"paths":`, plain and double-quoted spellings of the same key.'],
  ['dup-yaml-top-info.yaml', reject('duplicate-key'),
    'Top-level `info` block written twice with different title and version.'],

  // ---- invalid-encoding ----
  ['enc-invalid-utf8.bin', reject('invalid-encoding'),
    'Otherwise valid YAML with invalid UTF-8 bytes: C3 28 (bad continuation byte), lone continuation bytes 80 BF, and FF FE in the middle of a description.'],
  ['enc-json-escaped-lone-surrogate.json', reject('invalid-encoding'),
    'Valid UTF-8 bytes, but the JSON escape \\ud83d decodes to a lone high surrogate in info.title. Lone surrogates are invalid-encoding by definition (they cannot be re-encoded as UTF-8).'],
  ['enc-overlong-hash.bin', reject('invalid-encoding'),
    'Overlong UTF-8 encoding C0 A3 of "#" at the start of a $ref value. Lenient decoders might turn it into an internal ref; a strict UTF-8 decoder must reject it.'],
  ['enc-surrogate-utf8.bin', reject('invalid-encoding'),
    'CESU-8 / WTF-8 encoded surrogate pair (ED A0 BD ED B8 80) in info.title. UTF-8 forbids encoded surrogates.'],
  ['enc-truncated-multibyte.bin', reject('invalid-encoding'),
    'Document ends in the middle of a 4-byte sequence (F0 9F 98, a truncated emoji).'],
  ['enc-utf16be-bom.bin', reject('invalid-encoding'),
    'UTF-16BE with BOM (FE FF). Valid OpenAPI once transcoded, but only UTF-8 is accepted.'],
  ['enc-utf16le-bom.bin', reject('invalid-encoding'),
    'UTF-16LE with BOM (FF FE), as produced by Windows PowerShell redirection and Notepad "Unicode". Only UTF-8 is accepted.'],
  ['enc-utf16le-no-bom-nul-laden.bin', reject('invalid-encoding'),
    'NUL-laden file: UTF-16LE JSON without a BOM (every other byte is 00). Technically "valid UTF-8" full of U+0000, but the 00-byte pattern in the first four bytes identifies UTF-16 (the detection rule of RFC 4627 and YAML 1.2 section 5.2).'],
  ['enc-utf32le-bom.bin', reject('invalid-encoding'), 'UTF-32LE with BOM (FF FE 00 00). Only UTF-8 is accepted.'],
  ['enc-windows-1252.bin', reject('invalid-encoding'),
    'Windows-1252 / Latin-1 bytes (E9 for e-acute, 93/94 smart quotes, 80 euro sign) in a title, a very common real-world mis-encoding.'],
  ['enc-yaml-escaped-lone-surrogate.yaml', reject('invalid-encoding'),
    'YAML double-quoted escape "\\uDE00" decodes to a lone low surrogate in info.title.'],

  // ---- external-ref ----
  ['extref-asyncapi2-message-ftp.yaml', reject('external-ref'), 'AsyncAPI 2.6 channel message $ref to ftp:// with credentials in the userinfo.'],
  ['extref-asyncapi2-payload-data-uri.yaml', reject('external-ref'),
    'AsyncAPI 2.6 message payload $ref to a data: URI (base64 JSON). No network is needed, but it is still not an internal "#..." ref.'],
  ['extref-asyncapi3-channel-jar.yaml', reject('external-ref'), 'AsyncAPI 3.0 channel defined by a $ref to a jar:http://...!/ URL (Java resolvers fetch and unzip these).'],
  ['extref-asyncapi3-operation-channel-https.yaml', reject('external-ref'), 'AsyncAPI 3.0 operation.channel $ref to https://evil.example.'],
  ['extref-oas30-allof-protocol-relative.json', reject('external-ref'),
    'allOf item with the protocol-relative $ref "//attacker.example/schemas/pet.json" next to a legitimate internal one.'],
  ['extref-oas30-callback-localhost.yaml', reject('external-ref'), 'OpenAPI 3.0 callback $ref to http://127.0.0.1:6379/ (SSRF against a local Redis).'],
  ['extref-oas30-dot-dot-requestbody.yaml', reject('external-ref'), 'requestBody $ref "../../../../../../etc/passwd": relative path traversal.'],
  ['extref-oas30-leading-space.yaml', reject('external-ref'),
    '$ref " #/components/schemas/Pet" with a leading space. It does not start with "#", and a resolver that trims first might treat it differently, so it is external by the rule.'],
  ['extref-oas30-parameter-https.yaml', reject('external-ref'), 'Operation parameter $ref to https://evil.example/params.yaml#/limit.'],
  ['extref-oas30-pathitem-file-passwd.yaml', reject('external-ref'), 'Path item $ref to file:///etc/passwd (local file disclosure).'],
  ['extref-oas30-percent-encoded-hash.yaml', reject('external-ref'),
    '$ref "%23/components/schemas/Pet": a percent-encoded "#" is a relative URI path, not a fragment.'],
  ['extref-oas30-response-relative-path.yaml', reject('external-ref'), 'Response $ref to a sibling file "responses.yaml#/NotFound".'],
  ['extref-oas30-schema-imds.yaml', reject('external-ref'),
    'Schema $ref to the cloud metadata endpoint http://169.254.169.254/latest/meta-data/iam/security-credentials/ (SSRF credential theft).'],
  ['extref-oas30-urn.yaml', reject('external-ref'), 'Schema $ref to a URN (urn:uuid:...). Not an internal ref, even though no resolver can fetch it.'],
  ['extref-oas30-windows-unc.yaml', reject('external-ref'),
    'Schema $ref to a Windows UNC path \\\\attacker.example\\share\\owner.yaml (NTLM hash leak on Windows hosts).'],
  ['extref-oas31-id-relative-ref.json', reject('external-ref'),
    'OpenAPI 3.1 schema with $id https://evil.example/schemas/pet.json and a relative $ref "owner.json" that resolves against that $id.'],
  ['extref-oas31-webhook-mixed-case-scheme.yaml', reject('external-ref'),
    'OpenAPI 3.1 webhook path item $ref with the mixed-case scheme "HtTpS://" (defeats case-sensitive "https://" deny-lists).'],
  ['extref-swagger20-definitions-http-upper.yaml', reject('external-ref'), 'Swagger 2.0 definitions entry that is itself a $ref to "HTTP://EVIL.EXAMPLE/defs.json#/Pet" (upper-case scheme).'],
  ['extref-swagger20-parameter-relative.json', reject('external-ref'), 'Swagger 2.0 parameter $ref to the relative file "parameters.json#/limit".'],

  // ---- forbidden-key ----
  ['forbidden-constructor-json-extension.json', reject('forbidden-key'),
    '`constructor.prototype.isAdmin` inside an x-settings extension (prototype pollution through merge/assign helpers).'],
  ['forbidden-constructor-yaml-header-name.yaml', reject('forbidden-key'),
    'A response header named `constructor`, a legal key position in the spec (header names are map keys), but forbidden.'],
  ['forbidden-proto-json-escaped.json', reject('forbidden-key'), 'JSON key "\\u005f_proto__" inside info.x-meta decodes to __proto__. The check must run on decoded keys.'],
  ['forbidden-proto-json-quoted-top.json', reject('forbidden-key'),
    'Top-level "__proto__" key in JSON (JSON.parse creates an own property; naive object spreading pollutes). Also not allowed at the spec root, but forbidden-key is checked first, at parse time.'],
  ['forbidden-proto-schema-property.yaml', reject('forbidden-key'),
    'A schema property literally named __proto__ under properties. Legal JSON Schema, but forbidden anywhere by policy (stricter choice).'],
  ['forbidden-proto-yaml-escaped-quoted.yaml', reject('forbidden-key'),
    'YAML double-quoted key "\\x5f\\x5fproto\\x5f\\x5f" (decodes to __proto__) inside an example value.'],
  ['forbidden-proto-yaml-flow-in-sequence.yaml', reject('forbidden-key'), '__proto__ as a key in a flow mapping that is an item of a sequence inside an x- extension.'],
  ['forbidden-prototype-yaml-deep.yaml', reject('forbidden-key'), 'A schema property named `prototype` five schemas deep (also contains a harmless `toString` property).'],

  // ---- not-a-spec ----
  ['notaspec-empty-object.json', reject('not-a-spec'), 'The empty object {}.'],
  ['notaspec-json-schema.json', reject('not-a-spec'), 'A plain JSON Schema document ($schema, $id, properties), which has no openapi/swagger/asyncapi field.'],
  ['notaspec-k8s-manifest.yaml', reject('not-a-spec'), 'A Kubernetes Deployment whose metadata.name is "openapi" and that has an `openapi` label, but no top-level openapi field.'],
  ['notaspec-nested-openapi.yaml', reject('not-a-spec'), 'A full OpenAPI document wrapped under a top-level `spec:` key. Version fields are only recognised at the root.'],
  ['notaspec-package-json.json', reject('not-a-spec'), 'A package.json (with "openapi" only as a keyword value).'],
  ['notaspec-wrong-case-key.yaml', reject('not-a-spec'), '`OpenAPI:`, `Info:` and `Paths:` with the wrong case. Field names are case-sensitive.'],

  // ---- spec-invalid ----
  ['specinvalid-asyncapi2-channels-array.yaml', reject('spec-invalid'), 'AsyncAPI 2.6.0 whose channels is a sequence instead of a map.'],
  ['specinvalid-asyncapi3-operation-without-action.yaml', reject('spec-invalid'), 'AsyncAPI 3.0.0 operation without the required `action`.'],
  ['specinvalid-oas30-missing-paths.yaml', reject('spec-invalid'), 'OpenAPI 3.0.3 without `paths` (required in 3.0).'],
  ['specinvalid-oas30-paths-array.yaml', reject('spec-invalid'), 'OpenAPI 3.0.3 whose paths is a sequence of strings instead of an object.'],
  ['specinvalid-oas31-no-paths-components-webhooks.yaml', reject('spec-invalid'), 'OpenAPI 3.1.0 with none of paths, components or webhooks (3.1 requires at least one).'],
  ['specinvalid-oas31-title-number.json', reject('spec-invalid'), 'OpenAPI 3.1.0 where info.title is a number and info.version is the number 1.0.'],
  ['specinvalid-swagger20-missing-info.yaml', reject('spec-invalid'), 'Swagger 2.0 without the required `info` object.'],

  // ---- document-syntax ----
  ['syntax-bad-indentation.yaml', reject('document-syntax'), 'A mis-indented key (`   version:` under `  title:`).'],
  ['syntax-comments-only.yaml', reject('document-syntax'), 'Only comments and whitespace, which parse to an empty (null) document.'],
  ['syntax-control-characters.yaml', reject('document-syntax'),
    'Raw C0 control characters (01-04, ESC terminal sequences, BEL, BS, VT, FF, NUL) and DEL in scalars. YAML 1.2 (c-printable) and JSON both forbid them unescaped. NOTE: the `yaml` package accepts them silently, so ingest needs an explicit check. Stricter rejection chosen.'],
  ['syntax-cr-only-line-endings.yaml', reject('document-syntax'),
    'YAML document with bare-CR line endings (classic Mac). YAML 1.2 counts CR as a line break, but the `yaml` package reads the whole file as one line and errors. Stricter rejection chosen; an ingest that normalises CR to LF first would accept it.'],
  ['syntax-empty.yaml', reject('document-syntax'), 'Zero-byte document.'],
  ['syntax-json-trailing-comma.json', reject('document-syntax'),
    'JSON with trailing commas. Invalid JSON, but accepted as a YAML flow mapping by the `yaml` package. Ambiguous; the stricter rejection is chosen (JSON input must be parsed as strict JSON).'],
  ['syntax-json-truncated.json', reject('document-syntax'), 'JSON truncated mid-string (interrupted upload).'],
  ['syntax-multiple-documents.yaml', reject('document-syntax'), 'Two YAML documents separated by `---`. Which one would be the spec is ambiguous, so the stream is rejected.'],
  ['syntax-tab-indentation.yaml', reject('document-syntax'), 'Tabs used for indentation (forbidden in YAML).'],
  ['syntax-top-level-array.json', reject('document-syntax'),
    'A JSON array (containing a spec) at the top level. The top-level value is not an object, so this is document-syntax by definition rather than not-a-spec.'],
  ['syntax-top-level-null.json', reject('document-syntax'), 'The JSON literal null as the whole document (the top-level value is not an object).'],
  ['syntax-top-level-string.json', reject('document-syntax'), 'A bare JSON string "openapi: 3.0.3" (the top-level value is not an object).'],
  ['syntax-top-level-yaml-sequence.yaml', reject('document-syntax'), 'A YAML block sequence whose only item is a valid spec (the top-level value is not an object).'],
  ['syntax-trailing-document-marker.yaml', reject('document-syntax'),
    'A valid document followed by a trailing `---`, which starts a second (empty) document in the stream. The `yaml` package reports MULTIPLE_DOCS.'],
  ['syntax-unclosed-flow.yaml', reject('document-syntax'), 'A flow mapping `{title: ..., version: 1.0.0` that is never closed.'],
  ['syntax-undefined-alias.yaml', reject('document-syntax'), 'An alias *okResponse whose anchor is never defined.'],

  // ---- unsupported-spec-version ----
  ['unsupported-asyncapi-1.2.0.yaml', reject('unsupported-spec-version'), 'AsyncAPI 1.2.0 (topics/baseTopic era).'],
  ['unsupported-openapi-3.3.0.yaml', reject('unsupported-spec-version'), 'openapi: 3.3.0, a version past the supported 2.0/3.0/3.1/3.2 set.'],
  ['unsupported-openapi-4.0.0.yaml', reject('unsupported-spec-version'), 'openapi: 4.0.0.'],
  ['unsupported-openapi-float-3.1.yaml', reject('unsupported-spec-version'),
    'Unquoted `openapi: 3.1` parses as the NUMBER 3.1, not the string "3.1.x". A common authoring mistake.'],
  ['unsupported-openapi-number-3.yaml', reject('unsupported-spec-version'), '`openapi: 3` parses as the integer 3.'],
  ['unsupported-swagger-1.2.json', reject('unsupported-spec-version'), 'swagger: "1.2".'],
];

// ---------------------------------------------------------------------------------------------------------------------
// Generators for large cases (lazy, never written to disk).
// ---------------------------------------------------------------------------------------------------------------------

/** Fill buf[start, end) by repeating `unit` (Buffer.fill repeats a multi-byte pattern). */
function fillRepeat(buf: Buffer, unit: string, start: number, end: number): void {
  if (end > start) buf.fill(unit, start, end, 'utf8');
}

/** Concatenate head + `unit` repeated to make the document exactly `total` bytes + tail. */
function padded(total: number, head: string, unit: string, tail: string): Buffer {
  const h = Buffer.from(head, 'utf8');
  const t = Buffer.from(tail, 'utf8');
  const buf = Buffer.alloc(total);
  h.copy(buf, 0);
  fillRepeat(buf, unit, h.length, total - t.length);
  t.copy(buf, total - t.length);
  return buf;
}

/** head + `unit` repeated exactly `count` times + tail (safe for multi-byte units). */
function repeated(head: string, unit: string, count: number, tail: string): Buffer {
  const total = Buffer.byteLength(head, 'utf8') + Buffer.byteLength(unit, 'utf8') * count + Buffer.byteLength(tail, 'utf8');
  return padded(total, head, unit, tail);
}

/**
 * A valid OpenAPI 3.0 YAML document of exactly `total` bytes: the bulk is a literal block-scalar description made of
 * 80-byte lines.
 */
function yamlDocOfSize(total: number, title: string): Buffer {
  const head = `openapi: 3.0.3\ninfo:\n  title: ${title}\n  version: 1.0.0\n  description: |\n`;
  const tail = 'paths: {}\n';
  const line = `    ${'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor'.slice(0, 75)}\n`; // 80 bytes
  const h = Buffer.from(head, 'utf8');
  const t = Buffer.from(tail, 'utf8');
  const room = total - h.length - t.length;
  if (room < 160) throw new Error('yamlDocOfSize: too small');
  const buf = Buffer.alloc(total);
  h.copy(buf, 0);
  const fullLines = Math.floor(room / 80) - 1;
  fillRepeat(buf, line, h.length, h.length + fullLines * 80);
  // last line absorbs the remainder: 80..159 bytes, always "    <text>\n"
  const lastLen = room - fullLines * 80;
  const lastStart = h.length + fullLines * 80;
  buf.fill(' ', lastStart, lastStart + 4);
  buf.fill('x', lastStart + 4, lastStart + lastLen - 1);
  buf[lastStart + lastLen - 1] = 0x0a;
  t.copy(buf, total - t.length);
  return buf;
}

const JSON_HEAD = (title: string): string =>
  `{"openapi":"3.0.3","info":{"title":"${title}","version":"1.0.0"},"paths":{},`;
const YAML_HEAD = (title: string): string => `openapi: 3.0.3\ninfo:\n  title: ${title}\n  version: 1.0.0\npaths: {}\n`;

/** `count` distinct, shortest-possible JSON object keys drawn from printable ASCII (no space, quote, backslash). */
function shortestKeys(count: number): string[] {
  const alphabet: string[] = [];
  for (let c = 0x21; c <= 0x7e; c++) if (c !== 0x22 && c !== 0x5c) alphabet.push(String.fromCharCode(c));
  const n = alphabet.length; // 92
  const skip = new Set(['$ref', '$id']);
  const out: string[] = [];
  for (let len = 1; out.length < count; len++) {
    const idx = new Array<number>(len).fill(0);
    for (;;) {
      let k = '';
      for (const i of idx) k += alphabet[i];
      if (!skip.has(k)) {
        out.push(k);
        if (out.length === count) return out;
      }
      let p = len - 1;
      while (p >= 0 && idx[p] === n - 1) idx[p--] = 0;
      if (p < 0) break;
      idx[p] = (idx[p] ?? 0) + 1;
    }
  }
  return out;
}

function jsonObjectOfKeys(keys: readonly string[]): string {
  return '{' + keys.map((k) => `"${k}":0`).join(',') + '}';
}

function zerosJsonArray(n: number): string {
  return n === 0 ? '[]' : '[' + '0,'.repeat(n - 1) + '0]';
}

function nestedArrays(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

function deepSchemaYaml(levels: number): string {
  let s = 'openapi: 3.0.3\ninfo:\n  title: Deep schema\n  version: 1.0.0\npaths: {}\ncomponents:\n  schemas:\n    Deep:\n';
  let ind = '      ';
  for (let i = 1; i <= levels; i++) {
    s += `${ind}type: object\n${ind}properties:\n${ind}  c:\n`;
    ind += '    ';
  }
  return s + `${ind}type: string\n`;
}

const generated: HostileCase[] = [
  // ---- size ----
  {
    name: 'size-50mib-json',
    description: '50 MiB JSON document (valid OpenAPI with a 50 MiB description). Must be refused from its length alone, before parsing or buffering everything.',
    expect: reject('document-too-large'),
    body: () => padded(50 * MiB, '{"openapi":"3.0.3","info":{"title":"Huge","version":"1.0.0","description":"', 'a', '"},"paths":{}}'),
  },
  {
    name: 'size-11mib-yaml',
    description: '11 MiB valid YAML OpenAPI document (long literal block description), just over the 10 MiB limit.',
    expect: reject('document-too-large'),
    body: () => yamlDocOfSize(11 * MiB, 'Eleven MiB'),
  },
  {
    name: 'size-limit-plus-one-byte',
    description: 'Valid YAML document of exactly 10 MiB + 1 byte (10485761 bytes). Boundary: one byte over the limit.',
    expect: reject('document-too-large'),
    body: () => yamlDocOfSize(HOSTILE_SIZE_LIMIT_BYTES + 1, 'Limit plus one'),
  },
  {
    name: 'size-exactly-limit',
    description: 'Valid YAML document of exactly 10 MiB (10485760 bytes). Boundary: the limit applies to documents OVER 10 MiB, so this must be accepted.',
    expect: ACCEPTED,
    body: () => yamlDocOfSize(HOSTILE_SIZE_LIMIT_BYTES, 'Exactly the limit'),
  },
  {
    name: 'size-multibyte-chars-over-limit',
    description: 'About 12.6 MB of UTF-8 but only about 4.2 million UTF-16 code units (the description is 4.2 million "€", 3 bytes each). The limit counts bytes, not string length.',
    expect: reject('document-too-large'),
    body: () => repeated('{"openapi":"3.0.3","info":{"title":"Euros","version":"1.0.0","description":"', '€', 4_200_000, '"},"paths":{}}\n'),
  },
  {
    name: 'size-9mib-valid',
    description: '9 MiB valid-but-pointless OpenAPI document (a 9 MiB literal-block description) under the limit. Must be accepted within a reasonable time and memory budget.',
    expect: ACCEPTED,
    body: () => yamlDocOfSize(9 * MiB, 'Nine MiB of nothing'),
  },

  // ---- depth ----
  {
    name: 'deep-json-10000',
    description: '10,000 nested JSON arrays in an x-deep extension. Recursive parsers and walkers overflow the stack (the `yaml` package reports RESOURCE_EXHAUSTION). Must report document-too-deep.',
    expect: reject('document-too-deep'),
    body: () => Buffer.from(JSON_HEAD('Deep JSON') + '"x-deep":' + nestedArrays(10_000) + '}', 'utf8'),
  },
  {
    name: 'deep-yaml-flow-10000',
    description: '10,000 nested YAML flow mappings `{a: {a: ... 1}}` under x-deep.',
    expect: reject('document-too-deep'),
    body: () => Buffer.from(YAML_HEAD('Deep flow') + 'x-deep: ' + '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000) + '\n', 'utf8'),
  },
  {
    name: 'deep-yaml-block-10000',
    description: '10,000 nested YAML block sequences in compact form (`- - - - ... 1` on one line), about 20 KB. Block style without quadratic indentation growth.',
    expect: reject('document-too-deep'),
    body: () => Buffer.from(YAML_HEAD('Deep block') + 'x-deep:\n  ' + '- '.repeat(10_000) + '1\n', 'utf8'),
  },
  {
    name: 'deep-yaml-block-schema-70',
    description: 'Realistic block-style schema nested 70 levels through properties (about 145 container levels, over 128). Spec-valid apart from its depth.',
    expect: reject('document-too-deep'),
    body: () => Buffer.from(deepSchemaYaml(70), 'utf8'),
  },
  {
    name: 'deep-boundary-125-accepted',
    description: 'Boundary: x-deep holds 124 nested arrays, so with the root object the deepest container is at level 125 (124-126 depending on the counting convention). Under 128, so it must be accepted.',
    expect: ACCEPTED,
    body: () => Buffer.from(JSON_HEAD('Depth 125') + '"x-deep":' + nestedArrays(124) + '}', 'utf8'),
  },
  {
    name: 'deep-boundary-131-rejected',
    description: 'Boundary: x-deep holds 130 nested arrays, so with the root object the deepest container is at level 131 (130-132 depending on the counting convention). Over 128.',
    expect: reject('document-too-deep'),
    body: () => Buffer.from(JSON_HEAD('Depth 131') + '"x-deep":' + nestedArrays(130) + '}', 'utf8'),
  },

  // ---- node count ----
  {
    name: 'nodes-2m-keys-object',
    description: 'An object with 2,000,000 keys ("k0000000":0, about 28 MB). Over 10 MiB, so the size check fires first.',
    expect: reject('document-too-large'),
    body: () => {
      const parts: string[] = [];
      for (let i = 0; i < 2_000_000; i++) parts.push(`"k${String(i).padStart(7, '0')}":0`);
      return Buffer.from(JSON_HEAD('Two million keys') + '"x-keys":{' + parts.join(',') + '}}', 'utf8');
    },
  },
  {
    name: 'nodes-1.2m-keys-object',
    description: 'One JSON object with 1,200,000 distinct keys of 1-4 printable ASCII characters (about 10.0 MB, under the 10 MiB limit). More than 1,000,000 values. NOTE: yaml uniqueKeys checks are O(n^2) (about 12 s for 40k keys), so nodes must be counted and duplicates found with a hash set before or instead of yaml uniqueKeys, or this takes hours.',
    expect: reject('too-many-nodes'),
    body: () => {
      const doc = JSON_HEAD('1.2M tiny keys') + '"x-k":' + jsonObjectOfKeys(shortestKeys(1_200_000)) + '}';
      const buf = Buffer.from(doc, 'utf8');
      if (buf.length > HOSTILE_SIZE_LIMIT_BYTES) throw new Error(`nodes-1.2m-keys-object: ${buf.length} bytes exceeds limit`);
      return buf;
    },
  },
  {
    name: 'nodes-1.2m-zeros-json',
    description: 'x-zeros is a flat JSON array of 1,200,000 zeros (about 2.4 MB). More than 1,000,000 values with no depth.',
    expect: reject('too-many-nodes'),
    body: () => Buffer.from(JSON_HEAD('1.2M zeros') + '"x-zeros":' + zerosJsonArray(1_200_000) + '}', 'utf8'),
  },
  {
    name: 'nodes-1.2m-zeros-yaml',
    description: 'x-zeros is a YAML block sequence of 1,200,000 `- 0` items (about 4.8 MB).',
    expect: reject('too-many-nodes'),
    body: () => Buffer.from(YAML_HEAD('1.2M zeros (YAML)') + 'x-zeros:\n' + '- 0\n'.repeat(1_200_000), 'utf8'),
  },
  {
    name: 'nodes-900k-zeros-accepted',
    description: 'Control for the node limit: x-zeros holds 900,000 zeros (about 1.8 MB), under 1,000,000 values in any counting convention. Must be accepted.',
    expect: ACCEPTED,
    body: () => Buffer.from(JSON_HEAD('900k zeros') + '"x-zeros":' + zerosJsonArray(900_000) + '}', 'utf8'),
  },
  {
    name: 'nodes-150k-keys-accepted',
    description: 'A legal object with 150,000 distinct short keys (about 1.3 MB, about 300k nodes). Must be accepted. Algorithmic-complexity trap: yaml uniqueKeys:true is quadratic (minutes for this input); duplicate detection must be linear.',
    expect: ACCEPTED,
    body: () => Buffer.from(JSON_HEAD('150k keys') + '"x-k":' + jsonObjectOfKeys(shortestKeys(150_000)) + '}', 'utf8'),
  },
  {
    name: 'alias-wide-fanout',
    description: 'x-base: &z a flow sequence of 50,000 zeros; x-fan: 60 aliases of *z. yaml maxAliasCount:100 allows it (60 aliases x alias-weight 1; the budget ignores anchor size), but it expands to 3,000,000 values. Expected too-many-nodes: nodes must be counted over the alias-expanded tree. (yaml-alias-limit would be equally strict; too-many-nodes is what the documented yaml settings produce.)',
    expect: reject('too-many-nodes'),
    body: () =>
      Buffer.from(
        YAML_HEAD('Wide alias fan-out') + 'x-base: &z ' + zerosJsonArray(50_000) + '\nx-fan: [' + new Array<string>(60).fill('*z').join(', ') + ']\n',
        'utf8',
      ),
  },

  // ---- long lines ----
  {
    name: 'long-line-json-syntax-error',
    description: '8 MiB minified JSON on ONE line with the closing brace missing at the very end. Error reporting must not echo the line or build context snippets quadratically.',
    expect: reject('document-syntax'),
    body: () => padded(8 * MiB, '{"openapi":"3.0.3","info":{"title":"One line","version":"1.0.0","description":"', 'b', '"},"paths":{}'),
  },
  {
    name: 'long-line-yaml-plain-scalar',
    description: 'A single 6 MiB line: one plain (unquoted) YAML scalar as info.description. Valid; must be accepted.',
    expect: ACCEPTED,
    body: () => padded(6 * MiB, 'openapi: 3.0.3\ninfo:\n  title: Long line\n  version: 1.0.0\n  description: ', 'z', '\npaths: {}\n'),
  },
];

const staticCases: HostileCase[] = staticEntries
  .map(([file, expect, description]): HostileCase => ({
    name: file.replace(/\.(yaml|json|bin)$/, ''),
    description,
    expect,
    body: fixture(file),
  }))
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

export const hostileCases: HostileCase[] = [...staticCases, ...generated];
