import { describe, expect, it } from 'vitest';
import { ExpectedError } from '../errors.ts';
import { claimAt, claimValues, looksLikeJwt, parseRoleMapping, readOidcSettings, userFromClaims } from './oidc.ts';

const settings = readOidcSettings({
  OIDC_ISSUER: 'https://login.microsoftonline.com/0d1c2e3f-tenant/v2.0',
  OIDC_AUDIENCE: 'api-client-id',
  OIDC_ROLE_CLAIM: 'roles',
  OIDC_ROLES: 'Graph.Edit:editor,Graph.Admin:admin',
  OIDC_SCOPE_CLAIM: 'extn.organisations',
})!;

describe('the identity provider settings', () => {
  it('are absent without OIDC_ISSUER, and default the client id, scopes and cooldown', () => {
    expect(readOidcSettings({})).toBeUndefined();
    expect(settings).toMatchObject({ clientId: 'api-client-id', clientScopes: 'openid profile', roleClaim: 'roles', jwksCooldownMs: 30_000 });
  });

  it('name the variable at fault', () => {
    expect(() => readOidcSettings({ OIDC_ISSUER: 'http://login.example.net', OIDC_AUDIENCE: 'a', OIDC_ROLES: 'x:editor' })).toThrow(
      /^OIDC_ISSUER: must be an https:\/\//,
    );
    expect(() => readOidcSettings({ OIDC_ISSUER: 'http://127.0.0.1:8080', OIDC_AUDIENCE: 'a', OIDC_ROLES: 'x:editor' })).not.toThrow();
    expect(() => readOidcSettings({ OIDC_ISSUER: 'https://login.example.net', OIDC_ROLES: 'x:editor' })).toThrow(/^OIDC_AUDIENCE:/);
    expect(() => readOidcSettings({ OIDC_ISSUER: 'https://login.example.net', OIDC_AUDIENCE: 'a' })).toThrow(/^OIDC_ROLES:/);
  });

  it('map claim values to roles, values with colons included, and name a malformed entry', () => {
    expect([...parseRoleMapping('editors:editor, urn:council:admins:admin')]).toEqual([
      ['editors', 'editor'],
      ['urn:council:admins', 'admin'],
    ]);
    expect(() => parseRoleMapping('editors:editor,admins:owner')).toThrow('OIDC_ROLES entry 2: write it as claim-value:editor or claim-value:admin.');
    expect(() => parseRoleMapping('editors')).toThrow('OIDC_ROLES entry 1');
  });
});

describe('a verified token’s claims', () => {
  it('give the highest role any of the role claim’s values maps to, and the organisations the scope claim lists', () => {
    expect(userFromClaims({ name: 'Jane Smith', roles: ['Graph.Edit', 'Graph.Admin'], 'extn.organisations': ['org/a', 'org/b'] }, settings)).toEqual({
      name: 'Jane Smith',
      role: 'admin',
      scopes: ['org/a', 'org/b'],
    });
    expect(userFromClaims({ preferred_username: 'jane@council.gov.uk', roles: 'Graph.Edit' }, settings)).toEqual({
      name: 'jane@council.gov.uk',
      role: 'editor',
      scopes: [],
    });
  });

  it('carry no scopes when no scope claim is configured', () => {
    expect(userFromClaims({ sub: 'abc', roles: ['Graph.Edit'] }, { ...settings, scopeClaim: undefined })).toEqual({ name: 'abc', role: 'editor' });
  });

  it('refuse a person none of whose values has a role', () => {
    const refused = userFromClaims({ name: 'Sam', roles: ['Reader'] }, settings);
    expect(refused).toBeInstanceOf(ExpectedError);
    expect((refused as ExpectedError).extensions.code).toBe('FORBIDDEN');
  });

  it('are read by name, or through nested objects', () => {
    expect(claimAt({ realm_access: { roles: ['editors'] } }, 'realm_access.roles')).toEqual(['editors']);
    expect(claimAt({ 'extn.organisations': 'org/a' }, 'extn.organisations')).toBe('org/a');
    expect(claimValues('org/a org/b,org/c')).toEqual(['org/a', 'org/b', 'org/c']);
    expect(claimValues([1, 'x'])).toEqual(['x']);
    expect(claimValues(undefined)).toEqual([]);
  });
});

describe('telling a JWT from a static token', () => {
  it('goes by the three base64url parts of a JWT', () => {
    expect(looksLikeJwt('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl')).toBe(true);
    expect(looksLikeJwt('eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.')).toBe(true);
    expect(looksLikeJwt('editor-token-for-tests-0001')).toBe(false);
    expect(looksLikeJwt('a.b')).toBe(false);
    expect(looksLikeJwt('a.b.c.d')).toBe(false);
  });
});
