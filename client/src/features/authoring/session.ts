/**
 * The editing token of this browser tab. It is kept in sessionStorage, not localStorage, so it is
 * forgotten when the tab closes and never shared with other tabs. Reading the graph needs no
 * token; every write sends it as `Authorization: Bearer <token>` (see graph-client.ts).
 */
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'council-alignment-graph:editing-token';

const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // Storage can be switched off; the session then lasts as long as the page.
    return null;
  }
}

let memory: string | null = null;

/** The token of this tab, or null when nobody has signed in. */
export function readToken(): string | null {
  return storage()?.getItem(STORAGE_KEY) ?? memory;
}

function notify() {
  listeners.forEach((listener) => listener());
}

/** Keeps the token for this tab (surrounding spaces removed). */
export function signIn(token: string): void {
  const trimmed = token.trim();
  memory = trimmed;
  storage()?.setItem(STORAGE_KEY, trimmed);
  notify();
}

/** Forgets the token. */
export function signOut(): void {
  memory = null;
  storage()?.removeItem(STORAGE_KEY);
  notify();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Whether this tab holds an editing token; re-renders on sign-in and sign-out. */
export function useSignedIn(): boolean {
  return useSyncExternalStore(subscribe, () => readToken() !== null);
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
