import { GraphQLError } from 'graphql';
import { isConnectionFailure } from '../db/index.js';
import { AccordError } from '../shared/index.js';

/**
 * A refusal as a GraphQL error: `extensions.code` is the problem type REST answers for the same
 * refusal (`forbidden`, `publish-blocked` ...), with the JSON pointers of what was wrong and the
 * domain facts the error carries (the findings that blocked a publish). Anything else is masked:
 * its message could leak a statement or a path, so it is logged and answered as `internal-error`.
 */
export function graphqlErrorOf(error: unknown, { onUnexpected }: { onUnexpected: (error: unknown) => void }): GraphQLError {
  const original = isGraphqlError(error) ? (error.originalError ?? undefined) : error;
  const path = isGraphqlError(error) ? error.path : undefined;
  // Errors of the request itself (syntax, validation, limits) are already safe and clear.
  if (isGraphqlError(error) && original === undefined) return error;
  if (isGraphqlError(original)) return original;
  const accord = original instanceof AccordError ? original : isConnectionFailure(original) ? new AccordError('database-unavailable', 'the database cannot be reached right now; try again shortly') : undefined;
  if (!accord) {
    onUnexpected(original);
    return new GraphQLError('Accord failed to handle this request; the error was logged', { path, extensions: { code: 'internal-error' } });
  }
  const details = Object.fromEntries(Object.entries(accord.details).filter(([key]) => key !== 'code'));
  return new GraphQLError(accord.message, {
    path,
    extensions: {
      code: accord.code,
      ...(accord.issues.length > 0 && { errors: accord.issues.map(({ message, ...rest }) => ({ ...rest, detail: message })) }),
      ...details,
    },
  });
}

// By name too: a GraphQLError raised by a library holding another copy of graphql is still one.
const isGraphqlError = (error: unknown): error is GraphQLError => error instanceof GraphQLError || (error instanceof Error && error.name === 'GraphQLError');
