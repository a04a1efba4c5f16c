import { readComparableSpec, type ComparableSpec, type Validity } from '../spec/index.js';
import { bundleDocument, type BundledDocument } from './bundle-document.js';
import { UsageError } from './cli-errors.js';
import { infoOf } from './info-of.js';

export interface LoadedDocument {
  file: string;
  bundled: BundledDocument;
  spec: ComparableSpec;
  document: Record<string, unknown>;
}

export interface LoadOptions {
  /** A document read from elsewhere (a git revision, the registry) under the name `file`. */
  text?: string;
  validity?: Validity;
  /** The folder relative references may reach (see `bundleDocument`). */
  refRoot?: string;
  /** False when the caller ignores the document's schema errors, which then need not be looked for. */
  reportSchemaErrors?: boolean;
}

/** Bundles and safely ingests one document; anything wrong with it is the user's input, exit 2. */
export async function loadDocument(file: string, { text, validity = 'full', refRoot, reportSchemaErrors = true }: LoadOptions = {}): Promise<LoadedDocument> {
  const read = text === undefined ? await bundleDocument(file, { refRoot, parsedByCaller: true }) : { text, included: [], info: {}, isContract: true }; // the ingest below says what it is not
  const spec = await readComparableSpec(read.text, { validity, reportSchemaErrors });
  if (!spec.ok) {
    const where = spec.issues[0]?.pointer ? ` (at ${spec.issues[0].pointer})` : '';
    const hint = spec.code === 'spec-invalid' && validity === 'full' ? '; --validity syntax accepts it and reports its schema errors as warnings' : '';
    throw new UsageError(`${file}: ${spec.code}: ${spec.message}${spec.message.includes('(at ') ? '' : where}${hint}`);
  }
  // A document sent as written is described by its ingested tree, the one parse of it; a bundled
  // one by its own root, as the bundler read it.
  const bundled = read.included.length === 0 ? { text: read.text, included: read.included, info: infoOf(spec.document), isContract: true } : read;
  return { file, bundled, spec, document: spec.document };
}
