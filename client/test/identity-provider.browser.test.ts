import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, type Gateway } from '../../server/src/db/gateway.ts';
import type { RunningServer } from '../../server/src/main.ts';
import { startTestServer, testGateway, testTokens } from '../../server/test/api.ts';
import { startTestIssuer, type TestIssuer } from '../../server/test/oidc-issuer.ts';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

// The app served with an identity provider the test runs itself: signing in goes through its
// authorisation endpoint and back with the code flow and PKCE. Everything lives under PREFIX.
const PREFIX = 'test-sign-in-';
const PLAN = `${PREFIX}plan`;
const ACTION = `${PLAN}/a1`;
const ORIGINAL = 'Publish a short breaks statement';
const EDITED = 'Publish a short breaks statement every year';
const AUDIENCE = 'api://council-graph-browser-test';
const CLIENT_ID = 'council-graph-spa-browser-test';
const person = { sub: 'officer-7', name: 'Olu Officer', groups: ['editors-group'] };

const cleanUp = cypher(
  'test.signIn.cleanUp',
  `CALL () { MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n }
   CALL () { MATCH (c:Change) WHERE c.subjectId STARTS WITH $prefix DELETE c }`,
);

let issuer: TestIssuer;
let server: RunningServer;
let gateway: Gateway;
let browser: Browser;
let page: Page;

/** A request to this test's API as an editor with a static token; fails on any error. */
async function api<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${testTokens.editor}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map(({ message }) => message).join(' '));
  return body.data!;
}

const createNode = (input: Record<string, unknown>) => api(`mutation ($input: NodeInput!) { createNode(input: $input) { id } }`, { input });

beforeAll(async () => {
  gateway = testGateway();
  await gateway.write(cleanUp, { prefix: PREFIX });
  issuer = await startTestIssuer({ audience: AUDIENCE, clientId: CLIENT_ID, user: person });
  server = await startTestServer({
    OIDC_ISSUER: issuer.url,
    OIDC_AUDIENCE: AUDIENCE,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SCOPES: `openid profile ${AUDIENCE}/edit`,
    OIDC_ROLE_CLAIM: 'groups',
    OIDC_ROLES: 'editors-group:editor',
  });
  await createNode({ label: 'Plan', id: PLAN, title: 'Test sign-in short breaks plan', properties: { kind: 'STRATEGY', status: 'DRAFT' } });
  await createNode({ label: 'Action', id: ACTION, title: ORIGINAL, parentId: PLAN, properties: { term: 'We will' } });
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await issuer?.stop();
  if (!gateway) return;
  try {
    await gateway.write(cleanUp, { prefix: PREFIX });
  } finally {
    await gateway.close();
  }
});

const panel = () => page.locator('aside.detail-panel');
const nodePage = `/plans?id=${encodeURIComponent(PLAN)}&node=${encodeURIComponent(ACTION)}`;

/** Every value the page keeps in web storage and cookies. */
const stored = () =>
  page.evaluate(() => ({
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
    cookies: document.cookie,
  }));

describe('signing in with the identity provider', () => {
  it('goes to the provider and back with the code flow and PKCE, to the page it left', async () => {
    const loaded = await page.goto(`${server.url}${nodePage}`);
    // The page may redeem the code at the provider, and nowhere else but its own server.
    expect(loaded?.headers()['content-security-policy']).toContain(`connect-src 'self' ${issuer.url};`);
    await panel().getByRole('heading', { level: 2, name: ORIGINAL }).waitFor();
    await page.getByRole('button', { name: 'Sign in to edit' }).click();
    const providerButton = page.getByRole('button', { name: 'Sign in with your organisation account' });
    await providerButton.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'identity-provider-sign-in');

    const authorisation = page.waitForRequest((request) => request.url().startsWith(`${issuer.url}/authorize`));
    await providerButton.click();
    const asked = new URL((await authorisation).url());
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      redirect_uri: `${server.url}/auth/callback`,
      response_type: 'code',
      code_challenge_method: 'S256',
      scope: `openid profile ${AUDIENCE}/edit`,
    });
    expect(asked.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);

    await page.getByText('Signed in', { exact: true }).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(nodePage);
    // The token endpoint was given the code verifier whose challenge the authorisation carried.
    expect(issuer.tokenRequests.at(-1)).toMatchObject({ grantType: 'authorization_code', accepted: true, codeVerifier: expect.stringMatching(/^[\w-]{43,}$/) });
    await panel().getByRole('heading', { level: 2, name: ORIGINAL }).waitFor();
  });

  it('makes an edit as the person the provider signed in, recorded by their name', async () => {
    await panel().getByRole('button', { name: 'Edit', exact: true }).click();
    await panel().getByLabel('Title', { exact: true }).fill(EDITED);
    await panel().getByRole('button', { name: 'Save changes' }).click();
    await panel().getByRole('heading', { level: 2, name: EDITED }).waitFor();
    const { node } = await api<{ node: { node: { title: string; changedBy: string } } }>(`query ($id: ID!) { node(id: $id) { node { title changedBy } } }`, {
      id: ACTION,
    });
    expect(node.node).toEqual({ title: EDITED, changedBy: 'Olu Officer' });
    await saveScreenshot(page, 'identity-provider-signed-in-edit');
  });

  it('keeps no token in localStorage, sessionStorage or cookies', async () => {
    expect(await stored()).toEqual({ local: [], session: [], cookies: '' });
  });

  it('signs out on reload, since the token lived in the page’s memory only', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Sign in to edit' }).waitFor();
    expect(await panel().getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
  });

  it('says why when the sign-in cannot be finished, and stays signed out', async () => {
    await page.goto(`${server.url}/auth/callback?code=made-up&state=not-from-this-tab`);
    const summary = page.locator('#sign-in-panel .error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('This sign-in was not started from this tab, or was already used. Sign in again.');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByText('Signed in', { exact: true }).count()).toBe(0);
    expect(await stored()).toEqual({ local: [], session: [], cookies: '' });
  });
});
