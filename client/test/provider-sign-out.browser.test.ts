import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/src/main.ts';
import { startTestServer, testTokens } from '../../server/test/api.ts';
import { startTestIssuer, type TestIssuer } from '../../server/test/oidc-issuer.ts';
import { launchBrowser, saveScreenshot } from './browser.ts';

// Signing out of a sign-in made with the identity provider ends the provider's session too
// (RP-initiated logout), on a server that asks everyone to sign in, with a provider the test runs;
// and a person the provider signs in with no role is asked to sign in again, told why.
const AUDIENCE = 'api://council-graph-sign-out-test';
const CLIENT_ID = 'council-graph-spa-sign-out-test';

let issuer: TestIssuer;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  issuer = await startTestIssuer({ audience: AUDIENCE, clientId: CLIENT_ID, user: { sub: 'officer-9', name: 'Nia Officer', groups: ['editors-group'] } });
  server = await startTestServer({
    LOG_LEVEL: 'silent',
    REQUIRE_SIGN_IN: 'true',
    OIDC_ISSUER: issuer.url,
    OIDC_AUDIENCE: AUDIENCE,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_ROLE_CLAIM: 'groups',
    OIDC_ROLES: 'editors-group:editor',
  });
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await issuer?.stop();
});

const plansHeading = () => page.getByRole('heading', { level: 1, name: 'Plans' });
const signInRequiredHeading = () => page.getByRole('heading', { level: 1, name: 'Sign in to continue' });

describe('signing out', () => {
  it('signs in with the provider from the panel the page opens when sign-in is required', async () => {
    await page.goto(`${server.url}/plans`);
    await signInRequiredHeading().waitFor();
    await page.getByRole('button', { name: 'Sign in with your organisation account' }).click();
    await plansHeading().waitFor();
    await page.getByText('Signed in', { exact: true }).waitFor();
  });

  it("ends the provider's session too, naming it by the ID token, and comes back signed out", async () => {
    const loggingOut = page.waitForRequest((request) => request.url().startsWith(`${issuer.url}/logout`));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await loggingOut;
    await signInRequiredHeading().waitFor();
    expect(new URL(page.url()).href).toBe(`${server.url}/`);
    expect(issuer.logoutRequests).toHaveLength(1);
    expect(issuer.logoutRequests[0]).toMatchObject({ hintValid: true, postLogoutRedirectUri: `${server.url}/`, clientId: CLIENT_ID });
    expect(await page.getByText('Signed in', { exact: true }).count()).toBe(0);
    await saveScreenshot(page, 'provider-sign-out');
  });

  it('stays on the page, asking the provider nothing, for a sign-in with an editing token', async () => {
    await page.locator('#sign-in-panel').getByLabel('Editing token').fill(testTokens.editor);
    await page.locator('#sign-in-panel').getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInRequiredHeading().waitFor();
    expect(new URL(page.url()).href).toBe(`${server.url}/`);
    expect(issuer.logoutRequests).toHaveLength(1);
  });

  it('asks again, saying why, when the provider signs in someone it gives no role', async () => {
    issuer.user = { sub: 'visitor-2', name: 'Vic Visitor', groups: ['someone-else'] };
    await page.getByRole('button', { name: 'Sign in with your organisation account' }).click();
    const summary = page.locator('#sign-in-panel .error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Vic Visitor is signed in, but no value of the "groups" claim gives an editor or admin role');
    await signInRequiredHeading().waitFor();
    expect(await page.getByText('Signed in', { exact: true }).count()).toBe(0);
  });
});
