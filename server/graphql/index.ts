export { createGraphql, accordSchema, GRAPHQL_LIMITS, type GraphqlDeps } from './create-graphql.js';
