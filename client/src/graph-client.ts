import { Client, cacheExchange, fetchExchange } from 'urql';

/** The one urql client of the app, talking to the API on the same origin. */
export function createGraphClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
  });
}
