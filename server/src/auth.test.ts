import { describe, expect, it } from 'vitest';
import { createAuthenticator, parseTokens } from './auth.ts';

const token = 'a-token-of-sixteen-or-more';
const identify = (entries: string) =>
  createAuthenticator(parseTokens(entries)).identify(new Request('http://localhost/graphql', { headers: { authorization: `Bearer ${token}` } }));

describe('AUTH_TOKENS', () => {
  it('gives a token with no organisations every organisation (no scopes), as before', async () => {
    expect(await identify(`Jane Smith:editor:${token}`)).toEqual({ name: 'Jane Smith', role: 'editor' });
  });

  it('reads the organisations a token may write for, ids with slashes joined by +', async () => {
    expect(await identify(`Jane Smith:editor:${token}:org/thurrock-council+org/thurrock-family-hubs`)).toEqual({
      name: 'Jane Smith',
      role: 'editor',
      scopes: ['org/thurrock-council', 'org/thurrock-family-hubs'],
    });
    expect(await identify(`Ops:admin:${token}:org/thurrock-council`)).toMatchObject({ role: 'admin', scopes: ['org/thurrock-council'] });
  });

  it('refuses a malformed entry, naming it', () => {
    expect(() => parseTokens(`Jane:editor:${token}:org/thurrock-council:extra`)).toThrow('AUTH_TOKENS entry 1: write it as name:editor:token');
    expect(() => parseTokens(`Ops:admin:x${token},Jane:editor:${token}:Thurrock Council`)).toThrow(
      'AUTH_TOKENS entry 2 (Jane): the organisations must be ids such as org/thurrock-council, joined by +.',
    );
    expect(() => parseTokens(`Jane:editor:${token}:`)).toThrow('AUTH_TOKENS entry 1 (Jane)');
  });
});
