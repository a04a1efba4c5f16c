import { Client, cacheExchange, fetchExchange } from 'urql';

/**
 * The one GraphQL client of the catalog. Operations go as JSON POSTs: the server refuses anything
 * a cross-site form could send, and GET is refused for mutations anyway. The session cookie rides
 * along; there is no token in the page for a script to steal.
 */
export const graphqlClient = new Client({
  url: '/graphql',
  preferGetMethod: false,
  fetchOptions: { credentials: 'same-origin', headers: { accept: 'application/graphql-response+json, application/json' } },
  exchanges: [cacheExchange, fetchExchange],
});
