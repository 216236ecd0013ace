import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../main.ts';
import { startTestApi, startTestServer, testTokens, type TestApi } from '../../test/api.ts';
import { startTestIssuer, type TestIssuer } from '../../test/oidc-issuer.ts';

// The same server twice over real HTTP: as it ships (reads public) and with REQUIRE_SIGN_IN=true,
// in production mode so the built client is served too, and with an identity provider.
const AUDIENCE = 'api://council-graph-require-sign-in-test';
const CLIENT_ID = 'council-graph-spa-require-sign-in-test';
const ALLOWED_ORIGIN = 'https://council.example';
const stats = '{ graphStats { nodes } }';
const exportQuery = '{ exportGraph(format: JSON) { fileName } }';

let open: TestApi;
let closed: RunningServer;
let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await startTestIssuer({ audience: AUDIENCE, clientId: CLIENT_ID });
  open = await startTestApi();
  closed = await startTestServer({
    LOG_LEVEL: 'silent',
    REQUIRE_SIGN_IN: 'true',
    CORS_ORIGINS: ALLOWED_ORIGIN,
    OIDC_ISSUER: issuer.url,
    OIDC_AUDIENCE: AUDIENCE,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_ROLE_CLAIM: 'groups',
    OIDC_ROLES: 'editors-group:editor',
  });
});
afterAll(async () => {
  await open?.close();
  await closed?.close();
  await issuer?.stop();
});

/** POSTs a GraphQL request, with a bearer token if given. */
const post = (url: string, query: string, token?: string) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function expectSignInRequired(response: Response, challenge = 'Bearer realm="council-alignment-graph"'): Promise<Body> {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe(challenge);
  const body = (await response.json()) as Body;
  expect(body.data).toBeUndefined();
  expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', signInRequired: true });
  return body;
}

describe('reads as the service ships (REQUIRE_SIGN_IN unset)', () => {
  it('answers queries and exports without a token', async () => {
    for (const query of [stats, exportQuery]) {
      const response = await post(open.url, query);
      expect(response.status).toBe(200);
      expect(((await response.json()) as Body).errors).toBeUndefined();
    }
  });
});

describe('with REQUIRE_SIGN_IN=true', () => {
  it('refuses queries and exports without a token: 401 UNAUTHENTICATED, with a Bearer challenge', async () => {
    for (const query of [stats, exportQuery]) {
      const body = await expectSignInRequired(await post(closed.url, query));
      expect(body.errors?.[0]?.message).toBe('This service asks everyone to sign in: send "Authorization: Bearer <token>".');
    }
    await expectSignInRequired(await fetch(`${closed.url}/graphql?query=${encodeURIComponent(stats)}`, { headers: { accept: 'application/json' } }));
  });

  it('refuses a token it does not recognise, saying so', async () => {
    const body = await expectSignInRequired(
      await post(closed.url, stats, 'not-a-token-this-server-knows'),
      'Bearer realm="council-alignment-graph", error="invalid_token"',
    );
    expect(body.errors?.[0]?.message).toBe('The bearer token is not recognised. This service asks everyone to sign in.');
    const expired = await issuer.sign({ sub: 'officer-1', name: 'Olu Officer', groups: ['editors-group'] }, { expiresIn: -3600 });
    expect(
      (await expectSignInRequired(await post(closed.url, stats, expired), 'Bearer realm="council-alignment-graph", error="invalid_token"')).errors?.[0]
        ?.message,
    ).toMatch(/^The sign-in token expired at /);
  });

  it('answers a static token and a token from the identity provider', async () => {
    const jwt = await issuer.sign({ sub: 'officer-1', name: 'Olu Officer', groups: ['editors-group'] });
    for (const token of [testTokens.editor, jwt]) {
      for (const query of [stats, exportQuery]) {
        const response = await post(closed.url, query, token);
        expect(response.status).toBe(200);
        const body = (await response.json()) as Body;
        expect(body.errors).toBeUndefined();
        expect(body.data).toBeTruthy();
      }
    }
  });

  it('refuses a person the provider signed in whose claims give no role: 403 FORBIDDEN', async () => {
    const jwt = await issuer.sign({ sub: 'visitor-1', name: 'Vic Visitor', groups: ['someone-else'] });
    const response = await post(closed.url, stats, jwt);
    expect(response.status).toBe(403);
    expect(((await response.json()) as Body).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', signInRequired: true });
  });

  it('keeps health, readiness, the sign-in settings and the client reachable, so the page can sign in', async () => {
    expect((await fetch(`${closed.url}/health`)).status).toBe(200);
    expect((await fetch(`${closed.url}/ready`)).status).toBe(200);
    const config = await fetch(`${closed.url}/auth/config`);
    expect(config.status).toBe(200);
    expect(((await config.json()) as { identityProvider: { issuer: string } }).identityProvider.issuer).toBe(issuer.url);
    // The built client (npm test builds it first).
    for (const path of ['/', '/plans']) {
      const page = await fetch(`${closed.url}${path}`);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type'), path).toContain('text/html');
    }
  });

  it('answers a CORS preflight from an allowed origin, which carries no token', async () => {
    const preflight = await fetch(`${closed.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
  });
});
