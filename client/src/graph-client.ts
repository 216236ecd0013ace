import { Client, cacheExchange, fetchExchange } from 'urql';
import { authorizationHeaders, readToken } from './features/authoring/session.ts';

/**
 * An urql client talking to the API on the same origin. Every request carries the signed-in
 * editor's bearer token, read afresh each time: writes need it, and reads show who changed what
 * only with it (main.tsx makes a new client, with an empty cache, on sign-in and sign-out).
 */
export function createGraphClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers: authorizationHeaders(readToken()) }),
  });
}
