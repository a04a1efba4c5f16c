import { swagger2SourcePointer } from '../compat/index.js';
import { resolveJsonPointer } from '../shared/index.js';
import type { ReportFinding } from './render-report.js';

const isSwagger2 = (document: object) => (document as { swagger?: unknown }).swagger === '2.0';

/**
 * Compatibility findings on a Swagger 2.0 document point into the OpenAPI 3.0 form the engine
 * compares; a user knows only the file they wrote. This points them (and the messages that quote
 * the pointer) back into it: into the first of `documents` (the head, then the base for what was
 * removed) where the pointer leads. Policy and version findings already speak of the file.
 */
export function mapFindingsToSource<F extends ReportFinding>(findings: readonly F[], ...documents: object[]): F[] {
  const sources = documents.filter(isSwagger2);
  if (sources.length === 0) return [...findings];
  return findings.map((finding) => {
    const { pointer } = finding;
    if (pointer === undefined || finding.source === 'policy' || finding.source === 'version') return finding;
    const mapped = sourcePointer(pointer, documents);
    return mapped === pointer ? finding : { ...finding, pointer: mapped, message: finding.message.replaceAll(pointer, mapped) };
  });
}

function sourcePointer(pointer: string, documents: object[]): string {
  let fallback: string | undefined;
  for (const document of documents) {
    if (!isSwagger2(document)) {
      if (resolveJsonPointer(document, pointer) !== undefined) return pointer;
      continue;
    }
    const mapped = swagger2SourcePointer(document as Record<string, unknown>, pointer);
    if (resolveJsonPointer(document, mapped) !== undefined) return mapped;
    fallback ??= mapped;
  }
  return fallback ?? pointer;
}
