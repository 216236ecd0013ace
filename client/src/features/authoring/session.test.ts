import { describe, expect, it } from 'vitest';
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
});
