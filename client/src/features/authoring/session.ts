/**
 * Who is signed in, in this page only. The token is kept in memory (a module variable), never in
 * localStorage or sessionStorage, so a script injected into the page cannot read it from storage
 * and it is gone when the page is reloaded or closed. Reading the graph needs no token; every
 * write sends it as `Authorization: Bearer <token>` (see graph-client.ts).
 *
 * The token is either a static editing token an administrator gave (typed into the sign-in form)
 * or an access token from the identity provider (identity-provider.ts), which is forgotten when
 * it expires. A server with REQUIRE_SIGN_IN answers reads without one 401; graph-client.ts tells
 * signInRequired, and the page shows the sign-in panel.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

interface Session {
  token: string;
  /** When the token stops being accepted (milliseconds since 1970), if it says. */
  expiresAt?: number;
  /** Where signing out also ends the identity provider's session (identity-provider.ts), if it can. */
  endSession?: string;
}

let current: Session | null = null;
let expiry: ReturnType<typeof setTimeout> | undefined;

/** The token of this page, or null when nobody has signed in or the token has expired. */
export function readToken(): string | null {
  if (current?.expiresAt !== undefined && current.expiresAt <= Date.now()) return null;
  return current?.token ?? null;
}

function notify() {
  listeners.forEach((listener) => listener());
}

/**
 * Keeps the token for this page (surrounding spaces removed); with `expiresAt`, signs out then,
 * so the page stops offering writes the API would refuse; with `endSession`, signing out from
 * the page (signOutEverywhere) goes there to end the provider's session too.
 */
export function signIn(token: string, expiresAt?: number, endSession?: string): void {
  clearTimeout(expiry);
  current = { token: token.trim(), expiresAt, endSession };
  // A refusal was about the token before this one.
  if (required?.refusal) {
    required = { refusal: null };
    requiredListeners.forEach((listener) => listener());
  }
  // setTimeout takes at most 2^31 - 1 ms; a token lasting longer than that is checked on reading.
  if (expiresAt !== undefined) expiry = setTimeout(signOut, Math.min(Math.max(0, expiresAt - Date.now()), 2 ** 31 - 1));
  notify();
}

/** Forgets the token. */
export function signOut(): void {
  clearTimeout(expiry);
  current = null;
  notify();
}

/**
 * Forgets the token and, for a sign-in with an identity provider that can end its own session,
 * sends the browser there (it comes back to the home page). True when the page is leaving.
 */
export function signOutEverywhere(): boolean {
  const endSession = current?.endSession;
  signOut();
  if (!endSession) return false;
  window.location.assign(endSession);
  return true;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Whether this page holds a token; re-renders on sign-in and sign-out. */
export function useSignedIn(): boolean {
  return useSyncExternalStore(subscribe, () => readToken() !== null);
}

const requiredListeners = new Set<() => void>();

/** What the server said when it asked for a sign-in to read (REQUIRE_SIGN_IN), once it has. */
export interface SignInRequired {
  /** Why the token this page sent was refused; null when it sent none. */
  refusal: string | null;
}

let required: SignInRequired | null = null;

/**
 * Notes that the server answered 401: it asks everyone to sign in, to read as well. A token it
 * refused is forgotten, so the page asks for another instead of sending it again.
 */
export function signInRequired(refusal: string | null): void {
  required = { refusal };
  requiredListeners.forEach((listener) => listener());
  if (current) signOut();
}

/** Whether the server asks for a sign-in to read, and why a token was refused; null until it does. */
export function useSignInRequired(): SignInRequired | null {
  return useSyncExternalStore(
    (listener) => {
      requiredListeners.add(listener);
      return () => requiredListeners.delete(listener);
    },
    () => required,
  );
}

/** The headers a request needs to carry the token: none without one. */
export function authorizationHeaders(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Why a token cannot be used, or null when it can. The server asks for at least 16 characters. */
export function tokenProblem(token: string): string | null {
  const trimmed = token.trim();
  if (!trimmed) return 'Enter the editing token your administrator gave you';
  if (/\s/.test(trimmed)) return 'The editing token has no spaces in it: check you copied all of it and nothing else';
  if (trimmed.length < 16) return 'The editing token is at least 16 characters long: check you copied all of it';
  return null;
}
