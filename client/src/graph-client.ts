import { Client, cacheExchange, fetchExchange } from 'urql';
import { authorizationHeaders, readToken } from './features/authoring/session.ts';

/**
 * The one urql client of the app, talking to the API on the same origin. Every request carries
 * the signed-in editor's bearer token, read afresh each time, so signing in or out needs no new
 * client; reads ignore it and writes need it.
 */
export function createGraphClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers: authorizationHeaders(readToken()) }),
  });
}
