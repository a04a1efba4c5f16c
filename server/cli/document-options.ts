import { isValidity, VALIDITY_LEVELS, type Validity } from '../spec/index.js';
import { UsageError } from './cli-errors.js';

/** The options of commands that read contract documents from files. */
export const documentOptions = {
  validity: { type: 'string' },
  'ref-root': { type: 'string' },
} as const;

export function readDocumentOptions(values: { validity?: string; 'ref-root'?: string }, { validity: fallback }: { validity: Validity }): { validity: Validity; refRoot: string | undefined } {
  const validity = values.validity ?? fallback;
  if (!isValidity(validity)) throw new UsageError(`--validity must be one of ${VALIDITY_LEVELS.join(', ')}`);
  return { validity, refRoot: values['ref-root'] };
}
