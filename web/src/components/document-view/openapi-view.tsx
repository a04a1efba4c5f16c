import { Markdown } from './markdown.tsx';
import { SchemaList } from './schema-list.tsx';
import { Example, SchemaView } from './schema-view.tsx';
import { isObject, resolveRef, type Json, type JsonObject } from './resolve-ref.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'];

const entries = (value: Json | undefined): [string, Json][] => (isObject(value) ? Object.entries(value) : []);

function Parameters({ document, parameters }: { document: JsonObject; parameters: Json[] }) {
  const resolved = parameters.map((p) => resolveRef(document, p).value).filter(isObject);
  if (resolved.length === 0) return null;
  return (
    <>
      <h4>Parameters</h4>
      <table>
        <thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
        <tbody>
          {resolved.map((p, i) => {
            const schema = isObject(p.schema) ? resolveRef(document, p.schema).value : p;
            const type = isObject(schema) && typeof schema.type === 'string' ? schema.type : '';
            return (
              <tr key={`${String(p.in)}-${String(p.name)}-${i}`}>
                <td className="mono">{String(p.name)}{p.required === true && <span className="badge level-warn">required</span>}</td>
                <td>{String(p.in ?? '')}</td>
                <td className="mono">{type}{isObject(schema) && typeof schema.format === 'string' ? ` (${schema.format})` : ''}</td>
                <td><Markdown text={p.description} />{p.example !== undefined && <code>{JSON.stringify(p.example)}</code>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** Bodies of OpenAPI 3 (content per media type) and of Swagger 2.0 (a schema, or a body parameter). */
function Content({ document, holder }: { document: JsonObject; holder: JsonObject }) {
  if (isObject(holder.content)) {
    return (
      <>
        {entries(holder.content).map(([type, media]) => (
          <div key={type} className="media">
            <p className="mono muted">{type}</p>
            {isObject(media) && <SchemaView document={document} schema={media.schema} />}
            {isObject(media) && <Example value={media.example} />}
            {isObject(media) && entries(media.examples).map(([name, ex]) => <Example key={name} title={`Example: ${name}`} value={isObject(resolveRef(document, ex).value) ? ((resolveRef(document, ex).value as JsonObject).value ?? undefined) : undefined} />)}
          </div>
        ))}
      </>
    );
  }
  if (holder.schema !== undefined) return <SchemaView document={document} schema={holder.schema} />;
  return null;
}

function Operation({ document, method, path, operation, shared }: { document: JsonObject; method: string; path: string; operation: JsonObject; shared: Json[] }) {
  const parameters = [...shared, ...(Array.isArray(operation.parameters) ? operation.parameters : [])];
  const bodyParameter = parameters.map((p) => resolveRef(document, p).value).find((p) => isObject(p) && p.in === 'body') as JsonObject | undefined;
  const requestBody = isObject(operation.requestBody) ? resolveRef(document, operation.requestBody).value : bodyParameter;
  const id = `op-${method}-${path}`.replace(/[^\w-]/g, '_');
  return (
    <section className={`operation card${operation.deprecated === true ? ' deprecated' : ''}`} aria-labelledby={id}>
      <h3 id={id} className="operation-title">
        <span className={`method method-${method}`}>{method.toUpperCase()}</span> <span className="mono">{path}</span>
        {operation.deprecated === true && <span className="badge lifecycle-deprecated">deprecated</span>}
      </h3>
      {typeof operation.summary === 'string' && <p className="operation-summary">{operation.summary}</p>}
      <Markdown text={operation.description} />
      <Parameters document={document} parameters={parameters.filter((p) => !(isObject(resolveRef(document, p).value) && (resolveRef(document, p).value as JsonObject).in === 'body'))} />
      {isObject(requestBody) && (
        <>
          <h4>Request body</h4>
          <Markdown text={requestBody.description} />
          <Content document={document} holder={requestBody} />
        </>
      )}
      {entries(operation.responses).length > 0 && <h4>Responses</h4>}
      {entries(operation.responses).map(([status, raw]) => {
        const response = resolveRef(document, raw).value;
        return (
          <div key={status} className="response">
            <p><span className={`status status-${status[0]}`}>{status}</span></p>
            {isObject(response) && <Markdown text={response.description} />}
            {isObject(response) && <Content document={document} holder={response} />}
          </div>
        );
      })}
    </section>
  );
}

/** OpenAPI 2.0, 3.0, 3.1 and 3.2: operations grouped by their first tag, in the document's order. */
export function OpenApiView({ document }: { document: JsonObject }) {
  const operations = entries(document.paths).flatMap(([path, item]) => {
    if (!isObject(item)) return [];
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    return METHODS.flatMap((method) => (isObject(item[method]) ? [{ path, method, operation: item[method] as JsonObject, shared }] : []));
  });
  const groups = new Map<string, typeof operations>();
  for (const op of operations) {
    const tag = Array.isArray(op.operation.tags) && typeof op.operation.tags[0] === 'string' ? op.operation.tags[0] : 'Operations';
    groups.set(tag, [...(groups.get(tag) ?? []), op]);
  }
  const schemas = entries(isObject(document.components) ? document.components.schemas : document.definitions);
  return (
    <>
      {[...groups].map(([tag, ops]) => (
        <section key={tag} className="doc-group">
          <h2>{tag}</h2>
          {ops.map((op) => <Operation key={`${op.method} ${op.path}`} document={document} {...op} />)}
        </section>
      ))}
      <SchemaList document={document} schemas={schemas} />
    </>
  );
}
