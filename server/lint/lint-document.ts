import { Spectral, type ISpectralDiagnostic } from '@stoplight/spectral-core';
import type { Level } from '../compat/index.js';
import { InvalidInput, toJsonPointer } from '../shared/index.js';
import type { LintFinding } from './lint-finding.js';
import type { LintRuleset } from './lint-ruleset.js';
import { operationKeysAt } from './operation-keys-at.js';
import { internalRefResolver } from './internal-ref-resolver.js';
import { virtualSources } from './virtual-sources.js';

// Spectral's DiagnosticSeverity: 0 error, 1 warning, 2 information, 3 hint. A hint is information.
const LEVELS: readonly Level[] = ['error', 'warn', 'info', 'info'];

/** Why for what Spectral reports about the run itself rather than through a rule. */
const ENGINE_WHY: Readonly<Record<string, string>> = {
  'invalid-ref': 'Accord lints a contract on its own: references to other files or URLs are never followed, and a broken internal reference hides what it points at from every rule.',
  'unrecognized-format': 'No rule of this ruleset applies to this kind of document, so nothing was checked.',
  parser: 'The document could not be read the way the rules expect.',
};

/**
 * Lints a contract document (JSON text, as safe ingest stores it) with a loaded ruleset and
 * returns findings shaped like compatibility findings. A pure function of its inputs: nothing is
 * fetched or read (the resolver refuses every reference that leaves the document), so it can run
 * in a worker thread.
 */
export async function lintDocument(documentJson: string, ruleset: LintRuleset): Promise<LintFinding[]> {
  let data: unknown;
  try {
    data = JSON.parse(documentJson);
  } catch (error) {
    throw new InvalidInput(`the document to lint is not JSON: ${(error as Error).message}`, [{ pointer: '', message: (error as Error).message }], 'document-invalid');
  }
  const spectral = new Spectral({ resolver: internalRefResolver() });
  spectral.setRuleset(ruleset.spectral);
  // A pre-parsed document: Spectral's own parser would build a syntax tree of the whole text only
  // to compute ranges, which Accord does not use (reports locate pointers in the original file).
  const results = await spectral.run({
    source: virtualSources.document,
    parsed: { data, diagnostics: [], ast: {}, lineMap: [] } as never,
    getLocationForJsonPath: () => undefined,
  });
  const root = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return results.map((result) => toFinding(result, ruleset, root));
}

function toFinding(result: ISpectralDiagnostic, ruleset: LintRuleset, doc: Record<string, unknown>): LintFinding {
  const id = String(result.code);
  const path = result.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
  const operations = operationKeysAt(doc, path);
  const why = ruleset.spectral.rules[id]?.description ?? ENGINE_WHY[id] ?? result.message;
  return {
    id,
    level: LEVELS[result.severity] ?? 'info',
    message: result.message,
    why,
    ...(operations.length === 1 && { operation: operations[0] }),
    operations,
    ...(path.length > 0 && { pointer: toJsonPointer(path) }),
  };
}
