import { Markdown } from './markdown.tsx';
import { isObject, resolveRef, type Json, type JsonObject } from './resolve-ref.ts';

const MAX_DEPTH = 6;

const typeOf = (schema: JsonObject): string => {
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : typeof schema.type === 'string' ? schema.type : schema.properties ? 'object' : schema.items ? 'array' : '';
  const items = isObject(schema.items) ? schema.items : undefined;
  const itemType = items ? (typeof items.$ref === 'string' ? items.$ref.split('/').pop() : typeof items.type === 'string' ? items.type : '') : '';
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
  return `${type === 'array' && itemType ? `array of ${itemType}` : type || 'any'}${format}`;
};

/** A schema as a nested list of properties: name, type, required, constraints and description. */
export function SchemaView({ document, schema, depth = 0, seen = new Set<string>() }: { document: JsonObject; schema: Json | undefined; depth?: number; seen?: ReadonlySet<string> }) {
  const resolved = resolveRef(document, schema, seen);
  const name = resolved.ref?.split('/').pop();
  if (resolved.cycle) return <span className="muted">{name} (see above)</span>;
  if (!isObject(resolved.value)) return <span className="muted">no schema</span>;
  const node = resolved.value;
  const nextSeen = resolved.ref ? new Set([...seen, resolved.ref]) : seen;
  const required = new Set(Array.isArray(node.required) ? node.required.filter((r): r is string => typeof r === 'string') : []);
  const properties = isObject(node.properties) ? Object.entries(node.properties) : [];
  const items = node.type === 'array' || node.items ? node.items : undefined;
  const variants = (['oneOf', 'anyOf', 'allOf'] as const).flatMap((k) => (Array.isArray(node[k]) ? [[k, node[k] as Json[]] as const] : []));
  return (
    <div className="schema">
      <p className="schema-type">
        {name && <strong className="mono">{name} </strong>}
        <span className="mono">{typeOf(node)}</span>
        {Array.isArray(node.enum) && <span className="muted"> one of {node.enum.map((v) => JSON.stringify(v)).join(', ')}</span>}
      </p>
      <Markdown text={node.description} />
      {depth < MAX_DEPTH && properties.length > 0 && (
        <ul className="schema-properties">
          {properties.map(([property, value]) => {
            const inner = resolveRef(document, value, nextSeen);
            const child = isObject(inner.value) ? inner.value : {};
            const nested = isObject(child) && (child.properties || child.items || child.oneOf || child.anyOf || child.allOf);
            return (
              <li key={property}>
                <span className="mono property-name">{property}</span> <span className="mono muted">{inner.cycle ? inner.ref?.split('/').pop() : typeOf(child)}</span>
                {required.has(property) && <span className="badge level-warn">required</span>}
                {child.deprecated === true && <span className="badge">deprecated</span>}
                <Markdown text={child.description} />
                {nested && !inner.cycle && <SchemaView document={document} schema={value} depth={depth + 1} seen={nextSeen} />}
              </li>
            );
          })}
        </ul>
      )}
      {depth < MAX_DEPTH && items !== undefined && properties.length === 0 && isObject(resolveRef(document, items, nextSeen).value) && (resolveRef(document, items, nextSeen).value as JsonObject).properties ? (
        <SchemaView document={document} schema={items} depth={depth + 1} seen={nextSeen} />
      ) : null}
      {depth < MAX_DEPTH &&
        variants.map(([kind, list]) => (
          <div key={kind} className="schema-variants">
            <p className="muted">{kind === 'allOf' ? 'All of' : kind === 'oneOf' ? 'One of' : 'Any of'}:</p>
            {list.map((variant, i) => <SchemaView key={i} document={document} schema={variant} depth={depth + 1} seen={nextSeen} />)}
          </div>
        ))}
      {node.example !== undefined && <Example value={node.example} />}
    </div>
  );
}

export function Example({ value, title = 'Example' }: { value: Json | undefined; title?: string }) {
  if (value === undefined) return null;
  return (
    <figure className="example">
      <figcaption>{title}</figcaption>
      <pre>{typeof value === 'string' ? value : JSON.stringify(value, null, 2)}</pre>
    </figure>
  );
}
