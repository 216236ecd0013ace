import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

const action = {
  id: 'redbridge-people-strategy-2024/sp2/w3',
  title: 'Improve the outcomes for care leavers by implementing the Care Leavers Covenant',
};
// Both Caring for Redbridge (2018-2023) and the People Strategy (2024-2029) serve it.
const councilPriority = 'redbridge-corporate-plan/quality-of-life-and-civic-pride';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});
afterAll(() => browser?.close());

const asAtField = () => page.getByLabel('As at', { exact: true });
const asAtParam = () => new URL(page.url()).searchParams.get('asAt');
const planRows = async () => page.getByRole('table', { name: 'Dependent items by plan' }).getByRole('rowheader').allTextContents();

describe('a view as at a date', () => {
  it('sets the date of a trace, keeps it in the address and says it in words, and a reload keeps it', async () => {
    await page.goto(`${inject('appUrl')}/trace?id=${encodeURIComponent(action.id)}`);
    await page.getByRole('heading', { level: 1, name: action.title }).waitFor();
    await page.getByText('Showing the trace as at today.').waitFor();
    expect(asAtParam()).toBeNull();

    await asAtField().fill('2019-04-01');
    await page.getByText('as at 1 April 2019', { exact: true }).waitFor();
    expect(asAtParam()).toBe('2019-04-01');
    expect(new URL(page.url()).searchParams.get('id')).toBe(action.id);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: action.title }).waitFor();
    await page.getByText('as at 1 April 2019', { exact: true }).waitFor();
    expect(await asAtField().inputValue()).toBe('2019-04-01');
    expect(asAtParam()).toBe('2019-04-01');
    await page.locator('.trace-summary').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'trace-as-at');

    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await page.getByText('Showing the trace as at today.').waitFor();
    expect(asAtParam()).toBeNull();
    expect(await asAtField().inputValue()).toBe('');
  });

  it('asks impact as at the date: before the People Strategy, only Caring for Redbridge serves the council priority', async () => {
    await page.goto(`${inject('appUrl')}/impact?id=${encodeURIComponent(councilPriority)}`);
    await page.getByRole('table', { name: 'Dependent items by plan' }).waitFor();
    expect((await planRows()).some((row) => row.startsWith('Redbridge People Strategy'))).toBe(true);

    await asAtField().fill('2019-04-01');
    await page.getByText('as at 1 April 2019', { exact: true }).waitFor();
    expect(asAtParam()).toBe('2019-04-01');
    await expect.poll(async () => (await planRows()).some((row) => row.startsWith('Redbridge People Strategy')), { timeout: 60_000 }).toBe(false);
    expect((await planRows()).some((row) => row.startsWith('Caring for Redbridge'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says when the date in the address is not a date, and shows today', async () => {
    await page.goto(`${inject('appUrl')}/alignment?asAt=1-4-2019`);
    await page.getByText('Showing the alignment as at today (“1-4-2019” is not a date written YYYY-MM-DD).').waitFor();
    expect(await asAtField().inputValue()).toBe('');
  });
});
