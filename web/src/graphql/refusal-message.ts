import type { CombinedError } from 'urql';

/** The problem type ids the server sends as `extensions.code`, said the way a person would. */
const PLAIN: Record<string, string> = {
  unauthenticated: 'Sign in first.',
  forbidden: 'You are not allowed to do this.',
  'not-found': 'It does not exist (any more).',
  conflict: 'It conflicts with what is already there.',
  'rate-limited': 'Too many attempts; wait a minute and try again.',
  'database-unavailable': 'Accord cannot reach its database right now; try again shortly.',
};

/** One sentence for a failed operation: the server's own message, which names what and where. */
export function refusalMessage(error: CombinedError): string {
  if (error.networkError && error.graphQLErrors.length === 0) return 'Accord cannot be reached; check your connection and try again.';
  const first = error.graphQLErrors[0];
  if (!first) return error.message;
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : undefined;
  const message = first.message.trim();
  if (!message || message === 'Unexpected error.') return (code && PLAIN[code]) ?? 'Something went wrong on the server.';
  return message.endsWith('.') ? message : `${message}.`;
}

/** The problem type id of a refusal, when the server named one. */
export const refusalCode = (error: CombinedError | undefined): string | undefined => {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
};
