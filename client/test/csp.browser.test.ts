// The client under the server's Content-Security-Policy: every main view loads and draws with
// no violation reported, and the policy is really enforced (an injected inline script does not run).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

/** Violations the page has reported since it loaded (collected by a listener installed before any page script). */
const reportedViolations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.splice(0));

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`));
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
});
afterAll(() => browser?.close());

const views: [path: string, heading: RegExp, draws: boolean][] = [
  ['/', /./, false],
  ['/search?q=care%20leavers', /Results for/, false],
  ['/plans', /Plans/, false],
  ['/trace?id=redbridge-people-strategy-2024%2Fsp2%2Fw3', /./, true],
  ['/gaps', /Gaps/, false],
  ['/alignment', /Alignment|alignment/, false],
  ['/evidence', /Evidence|evidence/, false],
  ['/impact?id=authority%2Fcare-act-2014', /./, true],
  ['/import', /Import a document/, false],
];

describe('the Content-Security-Policy', () => {
  it('is sent with the page and enforced: an inline script injected into the page does not run', async () => {
    const response = await page.goto(inject('appUrl'));
    const policy = (await response?.headerValue('content-security-policy')) ?? '';
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedScriptRan = true';
      document.body.append(script);
      return (window as unknown as { injectedScriptRan?: boolean }).injectedScriptRan === true;
    });
    expect(ran).toBe(false);
    await page.waitForFunction(() => (window as unknown as { cspViolations: string[] }).cspViolations.length > 0);
    expect(await reportedViolations()).toEqual([expect.stringMatching(/^script-src-elem blocked inline$/)]);
    consoleErrors.splice(0);
  });

  for (const [path, heading, draws] of views) {
    it(`lets ${path} load${draws ? ' and draw its graph' : ''} with no violation`, async () => {
      consoleErrors.splice(0);
      await page.goto(new URL(path, inject('appUrl')).href);
      await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
      if (draws) await page.waitForFunction(() => performance.getEntriesByName('graph:laid-out').length > 0);
      await page.waitForLoadState('networkidle');
      expect(await reportedViolations()).toEqual([]);
      expect(consoleErrors.filter((text) => /Content.Security.Policy|Refused to/i.test(text))).toEqual([]);
    });
  }
});
