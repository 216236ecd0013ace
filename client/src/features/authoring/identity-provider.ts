/**
 * Signing in with the council's identity provider (OpenID Connect): the authorisation code flow
 * with PKCE, done by this page with oauth4webapi. The server says where to sign in
 * (`/auth/config`); the page goes there, comes back to `/auth/callback` with a code, and redeems
 * it at the provider's token endpoint with the code verifier.
 *
 * @remarks
 * Signing out also ends the person's session at the provider when its discovery document names
 * an end_session_endpoint (OpenID Connect RP-initiated logout): the page goes there with the ID
 * token as id_token_hint and comes back to its home page, `post_logout_redirect_uri`.
 *
 * The access token is kept in memory only (session.ts). Only the values of one round trip are
 * kept in sessionStorage, so they survive the page leaving for the provider and coming back: the
 * PKCE code verifier, state and nonce, which are no credential on their own and are removed
 * as soon as the page is back, whether the sign-in succeeds or not.
 */
import { useSyncExternalStore } from 'react';
import {
  allowInsecureRequests,
  AuthorizationResponseError,
  type AuthorizationServer,
  authorizationCodeGrantRequest,
  calculatePKCECodeChallenge,
  type Client,
  generateRandomCodeVerifier,
  generateRandomNonce,
  generateRandomState,
  None,
  processAuthorizationCodeResponse,
  ResponseBodyError,
  validateAuthResponse,
} from 'oauth4webapi';
import type { SignInConfig } from '../../../../schema/sign-in-config.ts';
import { signIn } from './session.ts';

/** The identity provider to offer: none configured, one to use, or one that cannot be reached now. */
export type ProviderAvailability = { kind: 'none' } | { kind: 'available'; config: SignInConfig } | { kind: 'unavailable'; message: string };

/** The path the provider sends people back to; register `<origin>/auth/callback` with it. */
export const CALLBACK_PATH = '/auth/callback';
const ROUND_TRIP_KEY = 'council-alignment-graph:sign-in-round-trip';

interface RoundTrip {
  config: SignInConfig;
  codeVerifier: string;
  state: string;
  nonce: string;
  /** The page to return to once signed in. */
  returnTo: string;
}

const authorizationServer = (config: SignInConfig): AuthorizationServer => ({
  issuer: config.issuer,
  authorization_endpoint: config.authorizationEndpoint,
  token_endpoint: config.tokenEndpoint,
});

// Plain http only for a provider on this machine (a developer's or the tests' own).
const insecureAllowed = (config: SignInConfig) => {
  const { protocol, hostname } = new URL(config.tokenEndpoint);
  return protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
};

let availability: Promise<ProviderAvailability> | undefined;

/** Asks the server, once per page, which identity provider to offer. */
export function loadProvider(): Promise<ProviderAvailability> {
  availability ??= fetch('/auth/config', { headers: { accept: 'application/json' } })
    .then(async (response): Promise<ProviderAvailability> => {
      const body = (await response.json()) as { identityProvider: SignInConfig | null; error?: string };
      if (body.identityProvider) return { kind: 'available', config: body.identityProvider };
      if (body.error) {
        // Asked again next time: the provider may answer by then.
        availability = undefined;
        return { kind: 'unavailable', message: body.error };
      }
      return { kind: 'none' };
    })
    .catch((): ProviderAvailability => {
      availability = undefined;
      return { kind: 'unavailable', message: 'Could not reach the server to find out how to sign in. Check your connection and try again.' };
    });
  return availability;
}

/** Leaves for the provider's sign-in page; it sends the person back to CALLBACK_PATH. */
export async function startSignIn(config: SignInConfig, returnTo: string): Promise<void> {
  const roundTrip: RoundTrip = { config, codeVerifier: generateRandomCodeVerifier(), state: generateRandomState(), nonce: generateRandomNonce(), returnTo };
  sessionStorage.setItem(ROUND_TRIP_KEY, JSON.stringify(roundTrip));
  const url = new URL(config.authorizationEndpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', `${window.location.origin}${CALLBACK_PATH}`);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', config.scopes);
  url.searchParams.set('code_challenge', await calculatePKCECodeChallenge(roundTrip.codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', roundTrip.state);
  url.searchParams.set('nonce', roundTrip.nonce);
  window.location.assign(url.href);
}

/** The page the provider sends people back to after signing out; register it with the provider. */
export const SIGNED_OUT_PATH = '/';

/**
 * Where to send the browser to end the provider's session too (RP-initiated logout), or null when
 * the provider names no end_session_endpoint or gave no ID token to name the session by.
 *
 * @example
 * endSessionUrl({ ...config, endSessionEndpoint: 'https://login.example/logout' }, idToken, 'https://council.example')
 * // https://login.example/logout?id_token_hint=…&post_logout_redirect_uri=https%3A%2F%2Fcouncil.example%2F&client_id=…
 */
export function endSessionUrl(config: SignInConfig, idToken: string | undefined, origin: string): string | null {
  if (!config.endSessionEndpoint || !idToken) return null;
  const url = new URL(config.endSessionEndpoint);
  url.searchParams.set('id_token_hint', idToken);
  url.searchParams.set('post_logout_redirect_uri', `${origin}${SIGNED_OUT_PATH}`);
  url.searchParams.set('client_id', config.clientId);
  return url.href;
}

const failureListeners = new Set<() => void>();
let failure: string | null = null;

/** Why the last sign-in with the provider failed, or null; the sign-in control shows it. */
export function useSignInFailure(): string | null {
  return useSyncExternalStore(
    (listener) => {
      failureListeners.add(listener);
      return () => failureListeners.delete(listener);
    },
    () => failure,
  );
}

/** Forgets the failure once it has been shown and dealt with. */
export function clearSignInFailure(): void {
  failure = null;
  failureListeners.forEach((listener) => listener());
}

/** Words for a failed sign-in: what the provider said, never a token. */
function failureMessage(error: unknown): string {
  if (error instanceof AuthorizationResponseError || error instanceof ResponseBodyError) {
    return `The identity provider refused the sign-in: ${error.error_description ?? error.error}.`;
  }
  if (error instanceof TypeError) return 'Could not reach the identity provider to finish signing in. Check your connection and try again.';
  return `Signing in did not finish: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * On CALLBACK_PATH, redeems the code the provider sent back, keeps the access token in memory,
 * and puts the page back where the person started; anywhere else, does nothing. Call it before
 * the app first renders. A failure is kept for useSignInFailure.
 */
export async function completeSignIn(): Promise<void> {
  if (window.location.pathname !== CALLBACK_PATH) return;
  const stored = sessionStorage.getItem(ROUND_TRIP_KEY);
  sessionStorage.removeItem(ROUND_TRIP_KEY);
  const roundTrip = stored ? (JSON.parse(stored) as RoundTrip) : null;
  const callback = new URL(window.location.href);
  // The code and state leave the address bar (and the history) at once.
  window.history.replaceState(null, '', roundTrip?.returnTo ?? '/');
  if (!roundTrip) {
    failure = 'This sign-in was not started from this tab, or was already used. Sign in again.';
    return;
  }
  try {
    const as = authorizationServer(roundTrip.config);
    const client: Client = { client_id: roundTrip.config.clientId };
    const options = { [allowInsecureRequests]: insecureAllowed(roundTrip.config) };
    const parameters = validateAuthResponse(as, client, callback, roundTrip.state);
    const response = await authorizationCodeGrantRequest(
      as,
      client,
      None(),
      parameters,
      `${window.location.origin}${CALLBACK_PATH}`,
      roundTrip.codeVerifier,
      options,
    );
    const tokens = await processAuthorizationCodeResponse(as, client, response, { expectedNonce: roundTrip.nonce });
    signIn(
      tokens.access_token,
      tokens.expires_in === undefined ? undefined : Date.now() + tokens.expires_in * 1000,
      endSessionUrl(roundTrip.config, tokens.id_token, window.location.origin) ?? undefined,
    );
  } catch (error) {
    failure = failureMessage(error);
  }
}
