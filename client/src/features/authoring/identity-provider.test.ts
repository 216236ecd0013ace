import { describe, expect, it } from 'vitest';
import type { SignInConfig } from '../../../../schema/sign-in-config.ts';
import { endSessionUrl } from './identity-provider.ts';

const config: SignInConfig = {
  issuer: 'https://login.example/tenant',
  authorizationEndpoint: 'https://login.example/tenant/authorize',
  tokenEndpoint: 'https://login.example/tenant/token',
  clientId: 'council-graph',
  scopes: 'openid profile',
  endSessionEndpoint: 'https://login.example/tenant/logout?ui=plain',
};

describe('endSessionUrl', () => {
  it('names the session by its ID token and asks to come back to the home page', () => {
    const url = new URL(endSessionUrl(config, 'header.payload.signature', 'https://council.example')!);
    expect(url.origin + url.pathname).toBe('https://login.example/tenant/logout');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      ui: 'plain',
      id_token_hint: 'header.payload.signature',
      post_logout_redirect_uri: 'https://council.example/',
      client_id: 'council-graph',
    });
  });

  it('is null when the provider names no end-session endpoint or gave no ID token', () => {
    expect(endSessionUrl({ ...config, endSessionEndpoint: null }, 'header.payload.signature', 'https://council.example')).toBeNull();
    expect(endSessionUrl(config, undefined, 'https://council.example')).toBeNull();
  });
});
