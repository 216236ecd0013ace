import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, startTestApi, testGateway, testTokens, type TestApi } from '../../test/api.ts';
import { graphql } from '../../test/generated/gql.ts';
import { newKey, startTestIssuer, type TestIssuer } from '../../test/oidc-issuer.ts';
import type { Gateway } from '../db/gateway.ts';

const CreateNode = graphql(`
  mutation OidcTest_CreateNode($input: NodeInput!) {
    createNode(input: $input, why: "Arranging the sign-in tests") { id version }
  }
`);
const UpdateNode = graphql(`
  mutation OidcTest_UpdateNode($id: ID!, $version: Int!, $properties: JSON!) {
    updateNode(id: $id, version: $version, properties: $properties, why: "Signed in with the identity provider") { id title version changedBy }
  }
`);
const ReadNode = graphql(`
  query OidcTest_ReadNode($id: ID!) {
    node(id: $id) { node { id title version } }
  }
`);

const AUDIENCE = 'api://council-graph-test';
const CLIENT_ID = 'council-graph-spa-test';
const prefix = `test-oidc-${Math.random().toString(36).slice(2, 8)}`;
// The organisation the signed-in editor retitles: its own id is in the editor's scope claim.
const ORGANISATION = `${prefix}/council`;
const editorClaims = { sub: 'user-1', name: 'Priya Editor', groups: ['staff', 'editors-group'], orgs: [ORGANISATION] };

/** The API's settings for an identity provider at `issuerUrl`. */
const oidcSettings = (issuerUrl: string) => ({
  OIDC_ISSUER: issuerUrl,
  OIDC_AUDIENCE: AUDIENCE,
  OIDC_CLIENT_ID: CLIENT_ID,
  OIDC_CLIENT_SCOPES: `openid profile ${AUDIENCE}/edit`,
  OIDC_ROLE_CLAIM: 'groups',
  OIDC_ROLES: 'editors-group:editor,admins-group:admin',
  OIDC_SCOPE_CLAIM: 'orgs',
  // A token naming a key not seen before fetches the keys again at once, so rotation is seen
  // without waiting out the default 30 seconds.
  OIDC_JWKS_COOLDOWN_SECONDS: '0',
  // These tests present one refused token after another from one address on purpose.
  FAILED_SIGN_IN_LIMIT: '0',
});

let issuer: TestIssuer;
let api: TestApi;
let gateway: Gateway;

beforeAll(async () => {
  issuer = await startTestIssuer({ audience: AUDIENCE, clientId: CLIENT_ID, user: editorClaims });
  api = await startTestApi(oidcSettings(issuer.url));
  gateway = testGateway();
  const created = await api.execute(
    CreateNode,
    { input: { label: 'Organisation', id: ORGANISATION, title: 'Signed-in editing', properties: { kind: 'COUNCIL' } } },
    { token: testTokens.editor },
  );
  expect(created.errors).toBeUndefined();
});

afterAll(async () => {
  if (gateway) await removeTestData(gateway, prefix);
  await api?.close();
  await gateway?.close();
  await issuer?.stop();
});

const current = async () => (await api.execute(ReadNode, { id: ORGANISATION })).data!.node!.node;

/** Tries to retitle the theme with `token`; returns the answer and whether the graph changed. */
async function retitle(token: string, title: string) {
  const before = await current();
  const answer = await api.execute(UpdateNode, { id: ORGANISATION, version: before.version, properties: { title } }, { token });
  const after = await current();
  return { ...answer, changed: after.version !== before.version };
}

describe('writing with a JWT from the identity provider', () => {
  it('tells the browser where to sign in', async () => {
    const response = await fetch(`${api.url}/auth/config`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      identityProvider: {
        issuer: issuer.url,
        authorizationEndpoint: `${issuer.url}/authorize`,
        tokenEndpoint: `${issuer.url}/token`,
        clientId: CLIENT_ID,
        scopes: `openid profile ${AUDIENCE}/edit`,
        endSessionEndpoint: `${issuer.url}/logout`,
      },
    });
  });

  it('accepts a valid token whose group claim gives the editor role, and records the person by name', async () => {
    const { data, errors, changed } = await retitle(await issuer.sign(editorClaims), 'Edited through sign-in');
    expect(errors).toBeUndefined();
    expect(changed).toBe(true);
    expect(data?.updateNode).toMatchObject({ title: 'Edited through sign-in', changedBy: 'Priya Editor' });
  });

  it("keeps the editor to the organisations of the scope claim: another's is refused, naming it, and nothing is written", async () => {
    const { errors, changed } = await retitle(await issuer.sign({ ...editorClaims, orgs: ['org/thurrock-council'] }), 'Must not be written');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', id: ORGANISATION, organisations: [ORGANISATION] });
    expect(errors?.[0]?.message).toContain('not to an organisation Priya Editor may change (org/thurrock-council)');
    expect(changed).toBe(false);
  });

  it('still accepts the static tokens', async () => {
    const { errors, changed } = await retitle(testTokens.editor, 'Edited with a static token');
    expect(errors).toBeUndefined();
    expect(changed).toBe(true);
  });

  it.each([
    ['an expired token', () => issuer.sign(editorClaims, { expiresIn: -300 }), /^The sign-in token expired at \d{4}-.*: sign in again\.$/, 'expired'],
    [
      'a token for another audience',
      () => issuer.sign(editorClaims, { audience: 'api://another-app' }),
      /^The sign-in token is meant for "api:\/\/another-app", not for this API \(audience "api:\/\/council-graph-test"\)\.$/,
      'wrong audience',
    ],
    [
      'a token of another issuer',
      () => issuer.sign(editorClaims, { issuer: 'https://login.example.net/another-tenant/v2.0' }),
      /^The sign-in token was issued by "https:\/\/login\.example\.net\/another-tenant\/v2\.0", not by http:\/\/127\.0\.0\.1:\d+\.$/,
      'wrong issuer',
    ],
    [
      'a token signed with a key the issuer does not publish',
      async () => issuer.sign(editorClaims, { key: await newKey() }),
      /^The sign-in token is signed with a key \(kid "rs256-[0-9a-f]+"\) that http:\/\/127\.0\.0\.1:\d+ does not publish\.$/,
      'unknown key',
    ],
    [
      'a token signed with a shared secret (HS256)',
      () =>
        new SignJWT(editorClaims)
          .setProtectedHeader({ alg: 'HS256', kid: issuer.currentKey.kid })
          .setIssuer(issuer.url)
          .setAudience(AUDIENCE)
          .setExpirationTime('10m')
          .sign(new TextEncoder().encode(JSON.stringify(issuer.currentKey.publicJwk))),
      /^The sign-in token is signed with HS256; only RS256 and ES256 are accepted\.$/,
      'algorithm not allowed',
    ],
    [
      'an unsigned token (alg none)',
      async () => new UnsecuredJWT(editorClaims).setIssuer(issuer.url).setAudience(AUDIENCE).setExpirationTime('10m').encode(),
      /^The sign-in token is signed with none; only RS256 and ES256 are accepted\.$/,
      'algorithm not allowed',
    ],
  ])('refuses %s, saying so, and writes nothing', async (_what, token, message, reason) => {
    const { data, errors, changed } = await retitle(await token(), 'Must not be written');
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED', reason } });
    expect(changed).toBe(false);
  });

  it('refuses a tampered token: its signature does not match', async () => {
    const [header, , signature] = (await issuer.sign(editorClaims)).split('.');
    const payload = Buffer.from(JSON.stringify({ ...editorClaims, groups: ['admins-group'], iss: issuer.url, aud: AUDIENCE, exp: 4_000_000_000 })).toString(
      'base64url',
    );
    const { errors, changed } = await retitle(`${header}.${payload}.${signature}`, 'Must not be written');
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', reason: 'bad signature' } });
    expect(changed).toBe(false);
  });

  it('refuses a valid token whose claims give no role, naming the claim', async () => {
    const { errors, changed } = await retitle(await issuer.sign({ ...editorClaims, groups: ['staff'] }), 'Must not be written');
    expect(errors?.[0]).toMatchObject({
      message: 'Priya Editor is signed in, but no value of the "groups" claim gives an editor or admin role: ask your administrator to add you to OIDC_ROLES.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(changed).toBe(false);
  });

  it('lets anyone read with an expired token, as without one', async () => {
    const { data, errors } = await api.execute(ReadNode, { id: ORGANISATION }, { token: await issuer.sign(editorClaims, { expiresIn: -300 }) });
    expect(errors).toBeUndefined();
    expect(data?.node?.node.id).toBe(ORGANISATION);
  });

  it('accepts a token signed with the key the issuer rotates to, and no longer the retired one', async () => {
    const retired = issuer.currentKey;
    const readsBefore = issuer.jwksReads;
    await issuer.rotate();
    const rotated = await retitle(await issuer.sign(editorClaims), 'Edited after key rotation');
    expect(rotated.errors).toBeUndefined();
    expect(rotated.changed).toBe(true);
    expect(issuer.jwksReads).toBeGreaterThan(readsBefore);

    const old = await retitle(await issuer.sign(editorClaims, { key: retired }), 'Must not be written');
    expect(old.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', reason: 'unknown key' } });
    expect(old.changed).toBe(false);
  });
});

describe('an identity provider that goes away after start-up', () => {
  it('still accepts tokens signed with the keys it has fetched, and refuses a new key saying the keys cannot be read', async () => {
    const token = await issuer.sign(editorClaims);
    await issuer.stop();
    try {
      const cached = await retitle(token, 'Edited while the provider was away');
      expect(cached.errors).toBeUndefined();
      expect(cached.changed).toBe(true);
      const unseen = await retitle(await issuer.sign(editorClaims, { key: await newKey() }), 'Must not be written');
      expect(unseen.errors?.[0]).toMatchObject({
        message: `The sign-in token could not be checked against the keys of ${issuer.url} at the moment: try again shortly.`,
        extensions: { code: 'UNAUTHENTICATED', reason: 'keys unavailable' },
      });
      expect(unseen.changed).toBe(false);
    } finally {
      await issuer.start();
    }
  });
});

describe('an identity provider that cannot be reached at start-up', () => {
  it('starts the server all the same, refuses sign-in saying why, and accepts it once the provider answers', async () => {
    const late = await startTestIssuer({ audience: AUDIENCE, clientId: CLIENT_ID, user: editorClaims });
    await late.stop();
    const lateApi = await startTestApi(oidcSettings(late.url));
    try {
      expect((await fetch(`${lateApi.url}/ready`)).status).toBe(200);
      const config = await fetch(`${lateApi.url}/auth/config`);
      expect(config.status).toBe(503);
      expect(await config.json()).toEqual({
        identityProvider: null,
        error: `Signing in with ${late.url} is not available at the moment: its discovery document could not be read (it could not be reached). Try again shortly.`,
      });
      const token = await late.sign(editorClaims);
      const refused = await lateApi.execute(
        UpdateNode,
        { id: ORGANISATION, version: (await current()).version, properties: { title: 'Must not be written' } },
        { token },
      );
      expect(refused.errors?.[0]).toMatchObject({
        message: expect.stringContaining(`Signing in with ${late.url} is not available at the moment`),
        extensions: { code: 'UNAUTHENTICATED', reason: 'identity provider unavailable' },
      });

      await late.start();
      const deadline = Date.now() + 15_000;
      let answer = refused;
      while (answer.errors && Date.now() < deadline) {
        await new Promise((wait) => setTimeout(wait, 500));
        answer = await lateApi.execute(
          UpdateNode,
          { id: ORGANISATION, version: (await current()).version, properties: { title: 'Edited once the provider answered' } },
          { token },
        );
      }
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.updateNode.changedBy).toBe('Priya Editor');
    } finally {
      await lateApi.close();
      await late.stop();
    }
  });
});
