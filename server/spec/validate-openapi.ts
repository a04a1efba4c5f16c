import type { Issue } from '../shared/index.js';
import { SpecRejection } from './spec-document.js';

interface AjvLikeError {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * Validates an OpenAPI 2.0/3.0/3.1 document against the official schema and the structural rules
 * swagger-parser knows. The document is cloned because swagger-parser dereferences in place.
 * External resolution is switched off here as a second line of defence; `inspectDocumentTree` has
 * already refused every reference that leaves the document.
 */
export async function validateOpenApi(document: object): Promise<void> {
  // Loaded on first use, like the AsyncAPI parser: only spec workers need it.
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  try {
    await SwaggerParser.validate(structuredClone(document) as never, {
      resolve: { external: false },
      dereference: { circular: 'ignore' },
    });
  } catch (error) {
    const details = (error as { details?: AjvLikeError[] }).details;
    const issues: Issue[] = Array.isArray(details)
      ? details.slice(0, 50).map((d) => ({ pointer: d.instancePath ?? '', message: describeAjvError(d), code: 'spec-invalid' }))
      : [{ message: firstLine(error), code: 'spec-invalid' }];
    const first = issues[0]!;
    const where = first.pointer !== undefined ? ` (at ${first.pointer || '/'})` : '';
    throw new SpecRejection('spec-invalid', `the document is not a valid OpenAPI description: ${first.message}${where}`, issues);
  }
}

function describeAjvError(error: AjvLikeError): string {
  const extra = error.params?.additionalProperty ?? error.params?.missingProperty;
  return extra ? `${error.message ?? 'is invalid'} (${String(extra)})` : (error.message ?? 'is invalid');
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Validation failed\.\s*/, '').split('\n')[0]!.trim();
}
