import type { CombinedError } from 'urql';
import { refusalMessage } from '../graphql/refusal-message.ts';

/** What a page shows while its query runs, or when it failed. */
export function QueryState({ fetching, error, what }: { fetching: boolean; error?: CombinedError | undefined; what: string }) {
  if (error) return <p role="alert" className="alert error">Could not load {what}: {refusalMessage(error)}</p>;
  if (fetching) return <p className="loading" role="status">Loading {what}…</p>;
  return null;
}
