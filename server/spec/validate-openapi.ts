import type { Issue } from '../shared/index.js';
import type { SpecFlavour } from './detect-spec-kind.js';
import { SpecRejection } from './spec-document.js';
import type { OpenApiFamily } from './openapi-schema-validator.js';
import { validateOpenApiSchema } from './validate-openapi-schema.js';

interface AjvLikeError {
  instancePath?: string;
  message?: string;
}

/**
 * Validates an OpenAPI 2.0/3.0/3.1 document against the official schema (compiled once). For
 * Swagger 2.0, swagger-parser's semantic rules follow (path parameters declared, unique
 * operationIds, body parameters); it has none for 3.x, where its pass would only dereference the
 * whole document (most of the time spent on a large one, measured) to prove what
 * `checkInternalRefs` already has. swagger-parser dereferences in place, so callers pass a
 * document they no longer need; external resolution is off as a second line of defence.
 */
export async function validateOpenApi(document: object, family: SpecFlavour['family']): Promise<void> {
  // Only OpenAPI documents come here: parse-spec routes AsyncAPI elsewhere by kind.
  const structural = await validateOpenApiSchema(document, family as OpenApiFamily);
  if (structural.length > 0) throw rejection(structural);
  if (family !== 'swagger-2.0') return;
  // Loaded on first use: only spec workers need it.
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  try {
    await SwaggerParser.validate(document as never, {
      resolve: { external: false },
      dereference: { circular: 'ignore' },
      validate: { schema: false, spec: true },
    });
  } catch (error) {
    const details = (error as { details?: AjvLikeError[] }).details;
    throw rejection(
      Array.isArray(details)
        ? details.slice(0, 50).map((d) => ({ pointer: d.instancePath ?? '', message: d.message ?? 'is invalid', code: 'spec-invalid' }))
        : [{ message: firstLine(error), code: 'spec-invalid' }],
    );
  }
}

function rejection(issues: Issue[]): SpecRejection {
  const first = issues[0]!;
  const where = first.pointer !== undefined ? ` (at ${first.pointer || '/'})` : '';
  return new SpecRejection('spec-invalid', `the document is not a valid OpenAPI description: ${first.message}${where}`, issues);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Validation failed\.\s*/, '').split('\n')[0]!.trim();
}
