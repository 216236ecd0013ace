import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphStats } from '../../server/src/queries/stats.ts';
import { testGateway } from '../../server/test/api.ts';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(() => browser?.close());

describe('the overview page', () => {
  it('loads and shows what the graph holds, counted by kind, from the database', async () => {
    const gateway = testGateway();
    const expected = await graphStats(gateway).finally(() => gateway.close());

    await page.goto(inject('appUrl'));
    await page.getByRole('heading', { name: 'What the graph holds' }).waitFor();
    const planRow = page.locator('tr[data-label="Plan"] td');
    await planRow.waitFor();
    const planCount = expected.labels.find(({ label }) => label === 'Plan')?.count;
    expect(planCount).toBeGreaterThan(0);
    expect(await planRow.textContent()).toBe(planCount!.toLocaleString('en-GB'));
    expect(await page.getByTestId('graph-totals').textContent()).toContain(expected.nodes.toLocaleString('en-GB'));
    await saveScreenshot(page, 'overview');
  });

  it('has no accessibility violations (axe-core, WCAG 2.2 AA)', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });
});
