import { readComparableSpec, type ComparableSpec, type Validity } from '../spec/index.js';
import { bundleDocument, type BundledDocument } from './bundle-document.js';
import { UsageError } from './cli-errors.js';

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
  const bundled = text === undefined ? await bundleDocument(file, { refRoot }) : { text, included: [], info: {}, isContract: true }; // the ingest below says what it is not
  const spec = await readComparableSpec(bundled.text, { validity, reportSchemaErrors });
  if (!spec.ok) {
    const where = spec.issues[0]?.pointer ? ` (at ${spec.issues[0].pointer})` : '';
    const hint = spec.code === 'spec-invalid' && validity === 'full' ? '; --validity syntax accepts it and reports its schema errors as warnings' : '';
    throw new UsageError(`${file}: ${spec.code}: ${spec.message}${spec.message.includes('(at ') ? '' : where}${hint}`);
  }
  return { file, bundled, spec, document: spec.document };
}
