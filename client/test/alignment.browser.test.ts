import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});
afterAll(() => browser?.close());

/** The uncovered rows the API reports for two plans' priorities, to check the page against. */
async function uncoveredRows(rowsPlan: string, columnsPlan: string): Promise<string[]> {
  const response = await fetch(`${inject('appUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query ($rows: ID!, $columns: ID!) { alignment(rows: {kind: PLAN_PRIORITIES, planId: $rows}, columns: {kind: PLAN_PRIORITIES, planId: $columns}) { uncoveredRows { title } } }',
      variables: { rows: rowsPlan, columns: columnsPlan },
    }),
  });
  const body = (await response.json()) as { data: { alignment: { uncoveredRows: { title: string }[] } } };
  return body.data.alignment.uncoveredRows.map(({ title }) => title);
}

const matrix = () => page.getByRole('table', { name: /\(rows\) against/ });
const details = () => page.locator('#cell-details');

describe('the alignment matrix', () => {
  it('shows Caring for Redbridge against the People Strategy by default, as a table of numbered cells', async () => {
    await page.goto(`${inject('appUrl')}/alignment`);
    await page.getByRole('heading', { level: 1, name: 'Alignment' }).waitFor();
    await matrix().waitFor();
    expect(await page.getByRole('table', { name: 'Priorities of Caring for Redbridge: Strategic Commissioning Framework for People 2018-2023 (rows) against priorities of Redbridge People Strategy (columns)' }).count()).toBe(1);
    expect(await matrix().getByRole('columnheader').count()).toBe(5);
    expect(await matrix().getByRole('rowheader').count()).toBe(5);
    expect(await matrix().getByRole('button', { name: /connections? between/ }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('opens a cell to show the authorities and themes behind it', async () => {
    const cell = matrix().getByRole('button', { name: '5 connections between Early Intervention and Prevention and Be Happy, Safe and Well' });
    await cell.click();
    await page.waitForURL((url) => url.searchParams.get('cell') === 'caring-for-redbridge-2018/so2|redbridge-people-strategy-2024/sp1');
    expect(await cell.getAttribute('aria-pressed')).toBe('true');
    await details().getByRole('heading', { name: 'What connects “Early Intervention and Prevention” and “Be Happy, Safe and Well”' }).waitFor();
    expect(await details().getAttribute('aria-live')).toBe('polite');
    expect(await details().textContent()).toContain('Strength 5');
    // No direct links here: all five connections are shared authorities and themes.
    expect(await details().getByRole('listitem').count()).toBe(5);
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'alignment-default-cell');
  });

  it('says when every row is covered', async () => {
    const heading = page.getByRole('heading', { name: /committed to that Redbridge People Strategy does not cover$/ });
    await heading.waitFor();
    expect(await page.getByText('Nothing: every row connects to at least one column.').count()).toBe(1);
  });

  it('lists what one plan committed to that the other does not cover, and the links behind a cell', async () => {
    await page.getByRole('group', { name: 'Rows' }).getByLabel('Plan').selectOption('redtg-action-plan');
    await page.waitForURL((url) => url.searchParams.get('rows') === 'PLAN_PRIORITIES:redtg-action-plan');
    const uncovered = page.getByRole('region', { name: 'What Redditch Economic Development Theme Group Action Plan committed to that Redbridge People Strategy does not cover' });
    await uncovered.getByRole('listitem').first().waitFor();
    const expected = await uncoveredRows('redtg-action-plan', 'redbridge-people-strategy-2024');
    expect(expected.length).toBeGreaterThan(0);
    expect(await uncovered.getByRole('button').allTextContents()).toEqual(expected);

    await page.getByRole('group', { name: 'Columns' }).getByLabel('Plan').selectOption('redditch-scs');
    await page.waitForURL((url) => url.searchParams.get('columns') === 'PLAN_PRIORITIES:redditch-scs');
    await matrix().getByRole('button', { name: /^2 connections between Skilled and / }).click();
    const link = details().getByRole('listitem').filter({ hasText: 'contributes to' });
    await link.waitFor();
    expect(await link.textContent()).toContain('Curated by a person');
    expect(await link.textContent()).toContain('Re-skilling and up-skilling');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'alignment-redtg-against-scs');
  });
});
