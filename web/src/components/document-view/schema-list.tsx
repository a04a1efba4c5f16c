import { SchemaView } from './schema-view.tsx';
import type { Json, JsonObject } from './resolve-ref.ts';

/** A document's named schemas, each folded under its name: the same for OpenAPI and AsyncAPI. */
export function SchemaList({ document, schemas }: { document: JsonObject; schemas: [string, Json][] }) {
  if (schemas.length === 0) return null;
  return (
    <section className="doc-group">
      <h2>Schemas</h2>
      {schemas.map(([name, schema]) => (
        <details key={name} className="card schema-card">
          <summary className="mono">{name}</summary>
          <SchemaView document={document} schema={schema} />
        </details>
      ))}
    </section>
  );
}
