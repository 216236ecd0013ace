import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

const PEOPLE_STRATEGY = 'redbridge-people-strategy-2024';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ acceptDownloads: true });
});
afterAll(() => browser?.close());

/** Reads RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted && char === '"' && text[index + 1] === '"') {
      field += '"';
      index++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && char === '\r' && text[index + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      index++;
    } else {
      field += char;
    }
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

const ruleSection = (name: string) => page.getByRole('region', { name, exact: true });
const coverageRow = (rule: string) => page.getByRole('table', { name: 'By rule' }).getByRole('row', { name: rule });

describe('the gap catalogue, as a strategy author uses it', () => {
  it('opens on the whole graph with coverage by rule and by plan', async () => {
    await page.goto(`${inject('appUrl')}/gaps`);
    await page.getByRole('heading', { level: 1, name: 'Gaps' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'in the whole graph' }).waitFor();
    expect(await page.getByRole('table', { name: 'By rule' }).getByRole('row').count()).toBeGreaterThan(1);
    expect(
      await page
        .getByRole('table', { name: 'By plan' })
        .getByRole('row', { name: /Redbridge People Strategy/ })
        .count(),
    ).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows every rule, and says why, when a link names a rule that does not exist', async () => {
    await page.goto(`${inject('appUrl')}/gaps?rule=NO_SUCH_RULE`);
    await page.getByRole('status').filter({ hasText: 'No gap rule has the code “NO_SUCH_RULE”, so every rule is shown.' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'in the whole graph' }).waitFor();
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /^0 gaps/ })
        .count(),
    ).toBe(0);
    expect(await page.getByLabel('Rule').inputValue()).toBe('');
    await page.goto(`${inject('appUrl')}/gaps`);
  });

  it('says so when a link names a plan the graph does not have', async () => {
    await page.goto(`${inject('appUrl')}/gaps?plan=no-such-plan`);
    await page.getByRole('alert').filter({ hasText: 'No plan has the id “no-such-plan”, so there are no gaps to show.' }).waitFor();
    await page.getByLabel('Scope').locator('optgroup').first().waitFor({ state: 'attached' });
    expect(await page.locator('#gap-scope option:checked').textContent()).toBe('no-such-plan');
    expect(await page.getByText('scope.planId').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('alert').getByRole('link', { name: 'whole graph' }).click();
    await page.getByRole('status').filter({ hasText: 'in the whole graph' }).waitFor();
  });

  it('scopes to the People Strategy and finds 38 actions with no outcome measure', async () => {
    await page.getByLabel('Scope').selectOption(`plan:${PEOPLE_STRATEGY}`);
    await page.waitForURL((url) => url.searchParams.get('plan') === PEOPLE_STRATEGY);
    await page.getByRole('status').filter({ hasText: 'in Redbridge People Strategy' }).waitFor();

    expect(await coverageRow('Action with no outcome measure').textContent()).toContain('0 of 38 pass (0%)');
    const findings = ruleSection('Action with no outcome measure').getByRole('table');
    expect(await findings.locator('tbody tr').count()).toBe(38);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("counts the plan's items by plan and the council's inspection evidence by report, adding up to the list", async () => {
    const figure = async (table: string, row: RegExp) => {
      const text = (await page.getByRole('table', { name: table }).getByRole('row', { name: row }).textContent()) ?? '';
      const [, passing, checked] = /(\d+) of (\d+) checks pass/.exec(text) ?? [];
      return Number(checked) - Number(passing);
    };
    const planFailures = await figure('By plan', /Redbridge People Strategy/);
    const inspectionFailures = await figure('By inspection report', /Inspection of children’s social care services/);
    expect(inspectionFailures).toBeGreaterThan(0);
    const listed = (await page.getByRole('status').filter({ hasText: 'in Redbridge People Strategy' }).textContent()) ?? '';
    expect(Number(/^(\d+) gaps/.exec(listed)?.[1])).toBe(planFailures + inspectionFailures);

    await page.getByRole('table', { name: 'By inspection report' }).getByRole('link').click();
    await page.waitForURL((url) => url.searchParams.get('rule') === 'EVIDENCE_WITHOUT_RESPONSE');
    // The figure opens the report's own findings, read afresh, and brings them into view.
    await page.waitForFunction(() => document.activeElement?.id === 'findings-heading');
    expect(await ruleSection('Recommendation or area for improvement with no response').locator('tbody tr').count()).toBe(inspectionFailures);
    await page.goBack();
    await page.waitForURL((next) => next.searchParams.get('rule') === null);
  });

  it('follows a coverage figure to the gap list behind it', async () => {
    await coverageRow('Action with no statutory basis').getByRole('link', { name: '22 of 38 pass (58%)' }).click();
    await page.waitForURL((url) => url.searchParams.get('rule') === 'ACTION_WITHOUT_STATUTORY_BASIS');
    expect(new URL(page.url()).searchParams.get('plan')).toBe(PEOPLE_STRATEGY);
    expect(await page.locator('.gap-rule').count()).toBe(1);
    expect(await ruleSection('Action with no statutory basis').locator('tbody tr').count()).toBe(16);
    await page.goBack();
    await page.waitForURL((next) => next.searchParams.get('rule') === null);
  });

  it('filters to that rule and exports exactly those 38 findings as CSV', async () => {
    await page.getByLabel('Rule').selectOption('ACTION_WITHOUT_MEASURE');
    await page.waitForURL((url) => url.searchParams.get('rule') === 'ACTION_WITHOUT_MEASURE');
    await page.getByRole('status').filter({ hasText: '38 gaps in Redbridge People Strategy' }).waitFor();
    expect(await page.locator('.gap-rule').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export this list as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`gaps-${PEOPLE_STRATEGY}-action-without-measure.csv`);
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(['Rule code', 'Severity', 'Node id', 'Node title', 'Plan', 'Detail']);
    expect(rows).toHaveLength(38);
    for (const [code, severity, id, title, plan, detail] of rows as [string, string, string, string, string, string][]) {
      expect([code, severity, plan, detail]).toEqual(['ACTION_WITHOUT_MEASURE', 'MEDIUM', 'Redbridge People Strategy', 'No outcome measure.']);
      expect(id.startsWith(`${PEOPLE_STRATEGY}/`)).toBe(true);
      expect(title).not.toBe('');
    }
    expect(new Set(rows.map((row) => row[2])).size).toBe(38);
    await saveScreenshot(page, 'gaps-people-strategy-without-measure');
  });

  it('opens a finding in the detail panel and in the trace view', async () => {
    const firstRow = ruleSection('Action with no outcome measure').locator('tbody tr').first();
    const link = firstRow.getByRole('link');
    const id = new URL((await link.getAttribute('href'))!, inject('appUrl')).searchParams.get('id');
    expect(id?.startsWith(`${PEOPLE_STRATEGY}/`)).toBe(true);

    await firstRow.getByRole('button', { name: /^Details of / }).click();
    await page.waitForURL((url) => url.searchParams.get('node') === id);

    await link.click();
    await page.waitForURL((url) => url.pathname === '/trace');
    expect(new URL(page.url()).searchParams.get('id')).toBe(id);
  });
});
