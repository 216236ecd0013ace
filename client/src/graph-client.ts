import { Client, cacheExchange, fetchExchange } from 'urql';
import { authorizationHeaders, readToken, signInRequired } from './features/authoring/session.ts';

/**
 * The API's answer, after noting for the page a refusal that asks for a sign-in to read
 * (REQUIRE_SIGN_IN): a 401, or a 403 for a person the identity provider gave no role.
 */
async function fetchNotingSignIn(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  if (response.status !== 401 && response.status !== 403) return response;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { errors?: { message?: string; extensions?: { signInRequired?: boolean } }[] } | null;
  const [refusal] = body?.errors ?? [];
  if (response.status === 401 || refusal?.extensions?.signInRequired) {
    const sentToken = new Headers(init?.headers).has('authorization');
    signInRequired(sentToken ? (refusal?.message ?? 'The server did not accept the sign-in.') : null);
  }
  return response;
}

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
    fetch: fetchNotingSignIn,
  });
}
