import type { Parser } from '@asyncapi/parser';
import { toJsonPointer, type Issue } from '../shared/index.js';
import { SpecRejection } from './spec-document.js';
import { validateAsyncApiSchema } from './validate-asyncapi-schema.js';

// These readers sort before the parser's own file/http/https readers and answer with an empty
// document, so that even a reference slipping past `inspectDocumentTree` never reaches the disk or
// the network.
const refuseExternal = (schema: string) => ({ schema, order: 0, canRead: true, read: () => '{}' });

let parser: Parser | undefined;

/**
 * Validates an AsyncAPI 2.x/3.0 document with the official parser; errors become `spec-invalid`.
 * The parser is loaded on first use: it takes a second to import, and only spec workers need it.
 */
export async function validateAsyncApi(document: object, version: string): Promise<Issue[]> {
  const structural = await validateAsyncApiSchema(document, version);
  if (structural.length > 0) throw rejection(structural);
  const { Parser, DiagnosticSeverity } = await import('@asyncapi/parser');
  parser ??= new Parser({
    // Structure was checked above with a schema compiled once; the parser's own structure rules
    // would recompile it on every document. Its semantic rules (channel parameters, servers,
    // operation messages, …) still run.
    ruleset: { core: true, recommended: false, rules: { 'asyncapi-document-resolved': 'off', 'asyncapi-document-unresolved': 'off' } } as never,
    __unstable: { resolver: { cache: false, resolvers: ['file', 'http', 'https'].map(refuseExternal) } },
  });
  const { diagnostics } = await parser.parse(document as never);
  const issueOf = (d: (typeof diagnostics)[number]): Issue => ({
    pointer: toJsonPointer(d.path.map((s) => (typeof s === 'number' ? s : String(s)))),
    message: d.message,
    code: String(d.code),
  });
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map(issueOf);
  if (errors.length > 0) throw rejection(errors);
  return diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).slice(0, 50).map(issueOf);
}

function rejection(issues: Issue[]): SpecRejection {
  const first = issues[0]!;
  return new SpecRejection('spec-invalid', `the document is not a valid AsyncAPI description: ${first.message} (at ${first.pointer || '/'})`, issues.slice(0, 50));
}
