import type { Issue } from '../shared/index.js';
import type { ReportedFinding } from './reported-finding.js';

/**
 * What the specification's schema refuses in a document accepted under the `syntax` validity
 * level, as warnings: the document is kept and compared, and its errors stay visible in the same
 * report a reviewer reads for the breaking changes. Here rather than in lint, so that `accord
 * diff` does not load the policy engine to report them.
 */
export function schemaErrorFindings(issues: readonly Issue[], { kind }: { kind: 'openapi' | 'asyncapi' }): ReportedFinding[] {
  const standard = kind === 'openapi' ? 'OpenAPI' : 'AsyncAPI';
  return issues.map((issue): ReportedFinding => ({
    id: 'document-schema-error',
    level: 'warn',
    message: `${issue.message} (the ${standard} schema refuses this)`,
    why: `Tools that validate against the ${standard} schema (code generators, gateways, documentation renderers) may refuse or misread the document; it was accepted because the validity level is "syntax".`,
    operations: [],
    ...(issue.pointer !== undefined && { pointer: issue.pointer }),
  }));
}
