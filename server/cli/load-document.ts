import { parseSpec, type SpecDocument } from '../spec/index.js';
import { bundleDocument, type BundledDocument } from './bundle-document.js';
import { UsageError } from './cli-errors.js';

export interface LoadedDocument {
  file: string;
  bundled: BundledDocument;
  spec: SpecDocument;
  document: object;
}

/**
 * Bundles and safely ingests one document; anything wrong with it is the user's input, exit 2.
 * `text` is a document read from elsewhere (a git revision, the registry) under the name `file`.
 */
export async function loadDocument(file: string, { text }: { text?: string } = {}): Promise<LoadedDocument> {
  const bundled = text === undefined ? await bundleDocument(file) : { text, included: [], info: {}, isContract: true }; // parseSpec below says what it is not
  const spec = await parseSpec(bundled.text);
  if (!spec.ok) {
    const where = spec.issues[0]?.pointer ? ` (at ${spec.issues[0].pointer})` : '';
    throw new UsageError(`${file}: ${spec.code}: ${spec.message}${spec.message.includes('(at ') ? '' : where}`);
  }
  return { file, bundled, spec, document: JSON.parse(spec.documentJson) as object };
}
