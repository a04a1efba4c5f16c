import type { Parser } from '@asyncapi/parser';
import { toJsonPointer, type Issue } from '../shared/index.js';
import { SpecRejection } from './spec-document.js';

// These readers sort before the parser's own file/http/https readers and answer with an empty
// document, so that even a reference slipping past `inspectDocumentTree` never reaches the disk or
// the network.
const refuseExternal = (schema: string) => ({ schema, order: 0, canRead: true, read: () => '{}' });

let parser: Parser | undefined;

/**
 * Validates an AsyncAPI 2.x/3.0 document with the official parser; errors become `spec-invalid`.
 * The parser is loaded on first use: it takes a second to import, and only spec workers need it.
 */
export async function validateAsyncApi(document: object): Promise<Issue[]> {
  const { Parser, DiagnosticSeverity } = await import('@asyncapi/parser');
  parser ??= new Parser({
    __unstable: { resolver: { cache: false, resolvers: ['file', 'http', 'https'].map(refuseExternal) } },
  });
  const { diagnostics } = await parser.parse(structuredClone(document) as never);
  const issueOf = (d: (typeof diagnostics)[number]): Issue => ({
    pointer: toJsonPointer(d.path.map((s) => (typeof s === 'number' ? s : String(s)))),
    message: d.message,
    code: String(d.code),
  });
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map(issueOf);
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new SpecRejection('spec-invalid', `the document is not a valid AsyncAPI description: ${first.message} (at ${first.pointer || '/'})`, errors.slice(0, 50));
  }
  return diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).slice(0, 50).map(issueOf);
}
