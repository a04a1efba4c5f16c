import { relative } from 'node:path';
import type { LoadedDocument } from './load-document.js';
import { locatePointer, type TextPosition } from './locate-pointer.js';
import type { ReportFinding } from './render-report.js';

/** Where a finding lands: the file as the user names it, and the position of its pointer when known. */
export type FindingLocation = { uri: string } & Partial<TextPosition>;

/**
 * Where a finding's pointer lands, as a file, line and column: in the head document, or in the
 * base for what was removed. Bundled documents were rewritten, so their lines are not the file's.
 */
export function locateFindings(...documents: Pick<LoadedDocument, 'file' | 'bundled'>[]): (finding: ReportFinding) => FindingLocation | undefined {
  const locators = documents.map((doc) => ({ uri: relative(process.cwd(), doc.file).replaceAll('\\', '/'), position: doc.bundled.included.length === 0 ? lazy(() => locatePointer(doc.bundled.text)) : () => () => undefined }));
  return (finding) => {
    const [primary] = locators;
    if (!primary) return undefined;
    if (finding.pointer === undefined) return { uri: primary.uri };
    for (const locator of locators) {
      const position = locator.position()(finding.pointer);
      if (position !== undefined) return { uri: locator.uri, ...position };
    }
    return { uri: primary.uri };
  };
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
