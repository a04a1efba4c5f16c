import { bothOpenApi32 } from './both-open-api32.js';
import type { DiffContext } from './diff-context.js';
import { childPointer } from './resolve-ref.js';

/** The document's 3.2 `$self` URI, compared as written, between two 3.2 documents. */
export function diffSelf({ base, head, changes }: DiffContext): void {
  if (!bothOpenApi32({ base, head })) return;
  const [from, to] = [text(base.$self), text(head.$self)];
  if (from === to) return;
  changes.push({ kind: 'document.self-changed', ...(from !== undefined && { from }), ...(to !== undefined && { to }), pointer: childPointer('', '$self'), operations: [] });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
