import { relative } from 'node:path';
import type { LoadedDocument } from './load-document.js';
import { locatePointer } from './locate-pointer.js';
import type { ReportFinding } from './render-report.js';

/**
 * Where a finding's pointer lands, as a file and line for SARIF: in the head document, or in the
 * base for what was removed. Bundled documents were rewritten, so their lines are not the file's.
 */
export function locateFindings(...documents: Pick<LoadedDocument, 'file' | 'bundled'>[]): (finding: ReportFinding) => { uri: string; line?: number } | undefined {
  const locators = documents.map((doc) => ({ uri: relative(process.cwd(), doc.file).replaceAll('\\', '/'), line: doc.bundled.included.length === 0 ? lazy(() => locatePointer(doc.bundled.text)) : () => () => undefined }));
  return (finding) => {
    const [primary] = locators;
    if (!primary) return undefined;
    if (finding.pointer === undefined) return { uri: primary.uri };
    for (const locator of locators) {
      const line = locator.line()(finding.pointer);
      if (line !== undefined) return { uri: locator.uri, line };
    }
    return { uri: primary.uri };
  };
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
