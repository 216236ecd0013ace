import { describe, expect, it, vi } from 'vitest';
import { authorizationHeaders, readToken, signIn, signOut, tokenProblem } from './session.ts';

describe('the editing token', () => {
  it('is sent as a bearer token, and not at all when signed out', () => {
    expect(authorizationHeaders('abc')).toEqual({ authorization: 'Bearer abc' });
    expect(authorizationHeaders(null)).toEqual({});
  });

  it('is checked for the slips of copying it', () => {
    expect(tokenProblem('  ')).toBe('Enter the editing token your administrator gave you');
    expect(tokenProblem('short')).toMatch(/at least 16 characters/);
    expect(tokenProblem('editor-token for-tests')).toMatch(/no spaces/);
    expect(tokenProblem(' editor-token-for-tests-0001 ')).toBeNull();
  });

  it('is kept trimmed and forgotten on sign-out', () => {
    signIn(' editor-token-for-tests-0001 ');
    expect(readToken()).toBe('editor-token-for-tests-0001');
    signOut();
    expect(readToken()).toBeNull();
  });

  it('from the identity provider is forgotten when it expires', () => {
    vi.useFakeTimers();
    try {
      signIn('eyJhbGciOiJSUzI1NiJ9.e30.c2ln', Date.now() + 60_000);
      expect(readToken()).toBe('eyJhbGciOiJSUzI1NiJ9.e30.c2ln');
      vi.advanceTimersByTime(60_000);
      expect(readToken()).toBeNull();
      signIn('eyJhbGciOiJSUzI1NiJ9.e30.c2ln', Date.now() - 1);
      expect(readToken()).toBeNull();
    } finally {
      signOut();
      vi.useRealTimers();
    }
  });
});
