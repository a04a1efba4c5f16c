import { AsyncApiView } from './asyncapi-view.tsx';
import { Markdown } from './markdown.tsx';
import { OpenApiView } from './openapi-view.tsx';
import { isObject, type Json } from './resolve-ref.ts';

/**
 * A contract document rendered by Accord itself: no third-party renderer gets to interpret a
 * hostile document, and nothing here fetches. Loaded lazily, outside the landing page's bundle.
 */
export default function DocumentView({ document }: { document: Json }) {
  if (!isObject(document)) return <p className="muted">This version has no document to show.</p>;
  const info = isObject(document.info) ? document.info : {};
  const servers: { name: string; url: string }[] = (isObject(document.servers) ? Object.entries(document.servers) : Array.isArray(document.servers) ? document.servers.map((s) => ['', s] as const) : []).flatMap(([name, s]) =>
    isObject(s) ? [{ name, url: `${String(s.url ?? s.host ?? '')}${typeof s.protocol === 'string' ? ` (${s.protocol})` : ''}` }] : [],
  );
  return (
    <article className="document-view">
      <header className="doc-header">
        <h2>{typeof info.title === 'string' ? info.title : 'Untitled'} <span className="muted mono">{typeof info.version === 'string' ? info.version : ''}</span></h2>
        <Markdown text={info.description} />
        {servers.length > 0 && (
          <ul className="servers" aria-label="Servers">
            {servers.map((s, i) => <li key={i} className="mono">{s.name && `${s.name}: `}{s.url}</li>)}
          </ul>
        )}
      </header>
      {'asyncapi' in document ? <AsyncApiView document={document} /> : <OpenApiView document={document} />}
    </article>
  );
}
