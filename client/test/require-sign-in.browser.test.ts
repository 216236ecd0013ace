import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/src/main.ts';
import { startTestServer, testTokens } from '../../server/test/api.ts';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

// The app served with REQUIRE_SIGN_IN=true: the page loads, the API answers it 401, and the page
// asks for a sign-in instead of showing pages that failed.
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer({
    LOG_LEVEL: 'silent',
    REQUIRE_SIGN_IN: 'true',
  });
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const signInPanel = () => page.locator('#sign-in-panel');
const tokenField = () => signInPanel().getByLabel('Editing token');

describe('a service that asks everyone to sign in', () => {
  it('shows the sign-in panel, with the focus in it, instead of a page of failures', async () => {
    await page.goto(`${server.url}/plans`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to continue' }).waitFor();
    await signInPanel().getByRole('heading', { level: 2, name: 'Sign in' }).waitFor();
    expect(await signInPanel().textContent()).toContain('This service asks everyone to sign in, to read as well as to edit.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-token');
    expect(await page.getByRole('heading', { level: 1, name: 'Plans' }).count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(/error|unexpected|failed/i);
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'require-sign-in');
  });

  it('says why a token was refused, and asks again', async () => {
    await tokenField().fill('a-token-nobody-was-given-0001');
    await signInPanel().getByRole('button', { name: 'Sign in', exact: true }).click();
    const summary = signInPanel().locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('The bearer token is not recognised. This service asks everyone to sign in.');
    expect(await page.getByText('Signed in', { exact: true }).count()).toBe(0);
  });

  it('opens the page asked for once signed in, and asks again after signing out', async () => {
    await tokenField().fill(testTokens.editor);
    await signInPanel().getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Plans' }).waitFor();
    await page.getByText('Signed in', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to continue' }).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Plans' }).count()).toBe(0);
  });
});
