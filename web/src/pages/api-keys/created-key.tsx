import { useState } from 'react';

/** The secret of a new key, shown this once: the server keeps only its hash. */
export function CreatedKey({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <section className="alert ok created-key" aria-labelledby="created-key-title" role="status">
      <h3 id="created-key-title">Key “{name}” created</h3>
      <p>Copy it now: this is the only time Accord shows it. Store it in your CI's secret store.</p>
      <p className="secret-line">
        <code aria-label="The new API key">{secret}</code>
        <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => setCopied(false))}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </p>
      <button type="button" className="button ghost" onClick={onDone}>I have stored it</button>
    </section>
  );
}
