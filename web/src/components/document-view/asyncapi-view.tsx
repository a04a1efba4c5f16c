import { Markdown } from './markdown.tsx';
import { SchemaList } from './schema-list.tsx';
import { Example, SchemaView } from './schema-view.tsx';
import { isObject, resolveRef, type Json, type JsonObject } from './resolve-ref.ts';

const entries = (value: Json | undefined): [string, Json][] => (isObject(value) ? Object.entries(value) : []);
const list = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : isObject(value) ? Object.values(value) : []);

function Message({ document, message }: { document: JsonObject; message: Json }) {
  const resolved = resolveRef(document, message);
  if (!isObject(resolved.value)) return null;
  const m = resolved.value;
  const variants = Array.isArray(m.oneOf) ? m.oneOf : undefined;
  if (variants) return <>{variants.map((v, i) => <Message key={i} document={document} message={v} />)}</>;
  const title = typeof m.title === 'string' ? m.title : typeof m.name === 'string' ? m.name : resolved.ref?.split('/').pop();
  return (
    <div className="message">
      <h4>Message{title ? `: ${title}` : ''}</h4>
      {typeof m.summary === 'string' && <p>{m.summary}</p>}
      <Markdown text={m.description} />
      {m.headers !== undefined && (<><p className="muted">Headers</p><SchemaView document={document} schema={m.headers} /></>)}
      <p className="muted">Payload{typeof m.contentType === 'string' ? ` (${m.contentType})` : ''}</p>
      <SchemaView document={document} schema={m.payload} />
      {list(m.examples).map((ex, i) => <Example key={i} title={isObject(ex) && typeof ex.name === 'string' ? `Example: ${ex.name}` : 'Example'} value={isObject(ex) ? (ex.payload ?? undefined) : undefined} />)}
    </div>
  );
}

function Parameters({ document, parameters }: { document: JsonObject; parameters: Json | undefined }) {
  const params = entries(parameters);
  if (params.length === 0) return null;
  return (
    <>
      <h4>Parameters</h4>
      <ul className="schema-properties">
        {params.map(([name, raw]) => {
          const p = resolveRef(document, raw).value;
          return <li key={name}><span className="mono property-name">{name}</span>{isObject(p) && <Markdown text={p.description} />}</li>;
        })}
      </ul>
    </>
  );
}

function OperationCard({ document, action, channel, operation, parameters, messages, id }: { document: JsonObject; action: string; channel: string; operation: JsonObject; parameters: Json | undefined; messages: Json[]; id: string }) {
  return (
    <section className="operation card" aria-labelledby={id}>
      <h3 id={id} className="operation-title">
        <span className={`method action-${action}`}>{action}</span> <span className="mono">{channel}</span>
      </h3>
      {typeof operation.summary === 'string' && <p className="operation-summary">{operation.summary}</p>}
      <Markdown text={operation.description} />
      <Parameters document={document} parameters={parameters} />
      {messages.map((message, i) => <Message key={i} document={document} message={message} />)}
    </section>
  );
}

/** AsyncAPI 2.x (publish/subscribe per channel) and 3.0 (operations referring to channels). */
export function AsyncApiView({ document }: { document: JsonObject }) {
  const v3 = typeof document.asyncapi === 'string' && document.asyncapi.startsWith('3.');
  const cards = v3
    ? entries(document.operations).flatMap(([name, raw]) => {
        const op = resolveRef(document, raw).value;
        if (!isObject(op)) return [];
        const channel = resolveRef(document, op.channel).value;
        const ch = isObject(channel) ? channel : {};
        const address = typeof ch.address === 'string' ? ch.address : name;
        const messages = Array.isArray(op.messages) && op.messages.length > 0 ? op.messages : list(ch.messages);
        return [{ key: name, action: String(op.action ?? ''), channel: address, operation: { ...op, description: op.description ?? ch.description ?? null }, parameters: ch.parameters, messages }];
      })
    : entries(document.channels).flatMap(([name, raw]) => {
        const ch = resolveRef(document, raw).value;
        if (!isObject(ch)) return [];
        return (['publish', 'subscribe'] as const).flatMap((action) => {
          const op = ch[action];
          if (!isObject(op)) return [];
          return [{ key: `${action} ${name}`, action, channel: name, operation: { ...op, description: op.description ?? ch.description ?? null }, parameters: ch.parameters, messages: op.message === undefined ? [] : [op.message] }];
        });
      });
  const schemas = entries(isObject(document.components) ? document.components.schemas : undefined);
  return (
    <>
      <section className="doc-group">
        <h2>{v3 ? 'Operations' : 'Channels'}</h2>
        {cards.map(({ key, ...card }) => <OperationCard key={key} document={document} id={`op-${key}`.replace(/[^\w-]/g, '_')} {...card} />)}
      </section>
      <SchemaList document={document} schemas={schemas} />
    </>
  );
}
