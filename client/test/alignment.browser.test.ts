import { readFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher, type Gateway } from '../../server/src/db/gateway.ts';
import { loadBatch } from '../../server/src/queries/load.ts';
import { testGateway } from '../../server/test/api.ts';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

const CARING = 'caring-for-redbridge-2018';
const PEOPLE = 'redbridge-people-strategy-2024';
const SAVINGS = 'Take a system approach to identifying savings in the future';

// Two plans of this file's own, with titles a spreadsheet would run as formulas. Removed afterwards.
const prefix = `test-alignment-${Date.now()}`;
const id = (name: string) => `${prefix}/${name}`;
const formulaTitles = { linked: '=HYPERLINK("http://example.com","click")', alone: '+SUM(1,2)', column: '@column' };

let browser: Browser;
let page: Page;
let gateway: Gateway;

beforeAll(async () => {
  gateway = testGateway();
  const at = { basis: 'STATED', by: 'test', at: '2026-12-07' };
  await loadBatch(gateway, {
    nodes: [
      { label: 'Plan', id: id('old'), props: { title: 'Test old plan' } },
      { label: 'Plan', id: id('new'), props: { title: 'Test new plan' } },
      { label: 'Priority', id: id('old/linked'), props: { title: formulaTitles.linked, planId: id('old'), topPriorityId: id('old/linked'), position: 0 } },
      { label: 'Priority', id: id('old/alone'), props: { title: formulaTitles.alone, planId: id('old'), topPriorityId: id('old/alone'), position: 1 } },
      { label: 'Priority', id: id('new/p1'), props: { title: formulaTitles.column, planId: id('new'), topPriorityId: id('new/p1'), position: 0 } },
    ],
    links: [
      { type: 'HAS_PRIORITY', from: id('old'), to: id('old/linked'), props: at },
      { type: 'HAS_PRIORITY', from: id('old'), to: id('old/alone'), props: at },
      { type: 'HAS_PRIORITY', from: id('new'), to: id('new/p1'), props: at },
      { type: 'INFORMED_BY', from: id('new/p1'), to: id('old/linked'), props: { ...at, basis: 'CURATED', rationale: 'Follows on.' } },
    ],
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
});
afterAll(async () => {
  await browser?.close();
  await gateway
    ?.write(cypher('test.alignment.cleanUp', 'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n'), { prefix: `${prefix}/` })
    .finally(() => gateway.close());
});

interface Entry {
  node: { id: string; title: string };
  connection: string;
}

/** The API's default matrix, to check the page against. */
async function defaultMatrix(): Promise<{ rowConnections: Entry[]; cells: { row: string; column: string }[]; rowSet: { kind: string; planId: string } }> {
  const response = await fetch(`${inject('appUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ alignment { rowSet { kind planId } rowConnections { node { id title } connection } cells { row column } } }' }),
  });
  return ((await response.json()) as { data: { alignment: Awaited<ReturnType<typeof defaultMatrix>> } }).data.alignment;
}

async function downloaded(button: ReturnType<Page['getByRole']>): Promise<{ download: Download; lines: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const text = await readFile(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return { download, lines: parseCsv(text.slice(1)) as string[][] };
}

const matrix = () => page.getByRole('table', { name: /\(rows\) against/ });
const details = () => page.locator('#cell-details');
const notCoveredRows = () => page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: /committed to that .* does not cover$/ }) });

describe('the alignment matrix', () => {
  it('opens on the pair the data suggests, at the level where the answer differs, and lists what is not covered', async () => {
    await page.goto(`${inject('appUrl')}/alignment`);
    await page.getByRole('heading', { level: 1, name: 'Alignment' }).waitFor();
    await matrix().waitFor();
    const api = await defaultMatrix();
    expect(api.rowSet).toEqual({ kind: 'PLAN_ACTIONS', planId: CARING });
    expect(await page.getByText('Chosen from the data:').textContent()).toBeTruthy();
    expect(await page.locator('.chosen-because').textContent()).toMatch(/Redbridge People Strategy supersedes Caring for Redbridge/);
    expect(await page.getByRole('group', { name: 'Rows' }).getByLabel('Show').inputValue()).toBe('PLAN_ACTIONS');
    expect(await page.getByRole('group', { name: 'Rows' }).getByLabel('Plan').inputValue()).toBe(CARING);

    // The not-covered list comes first, in columns of its own, those connected by nothing first.
    const section = notCoveredRows();
    expect(await section.getByRole('heading', { level: 2 }).textContent()).toMatch(
      /^What Caring for Redbridge.* committed to that Redbridge People Strategy does not cover$/,
    );
    expect(await section.getByRole('columnheader').allTextContents()).toEqual([
      'Not covered',
      'Closest connection',
      'Shares an authority with',
      'Shares a theme with',
    ]);
    const order = ['NONE', 'SHARED_THEME', 'SHARED_AUTHORITY'];
    const expected = order.flatMap((kind) => api.rowConnections.filter(({ connection }) => connection === kind).map(({ node }) => node.title));
    expect(api.rowConnections.some(({ connection }) => connection === 'NONE')).toBe(true);
    expect(await section.locator('tbody th button').allTextContents()).toEqual(expected);
    expect(
      await section
        .getByText(/^None of the \d+ actions is linked directly; \d+ shares? an authority but no link, \d+ shares? only a theme, and \d+ shares? nothing\.$/)
        .count(),
    ).toBe(1);
    const savings = section.getByRole('row').filter({ hasText: SAVINGS });
    expect(await savings.getByRole('cell').allTextContents()).toEqual(['Shares a theme only', '—', expect.stringContaining('Be Happy, Safe and Well')]);
    const firstRow = section.locator('tbody tr').first();
    expect(await firstRow.getByRole('cell').first().textContent()).toBe('Nothing connects it');
    // The first item not covered is in view on arrival at a laptop's size.
    const first = (await firstRow.boundingBox())!;
    expect(first.y + first.height).toBeLessThanOrEqual(768);
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'alignment-default');
  });

  it('shows a shared theme in the matrix as a theme, not as cover, and opens it', async () => {
    const cell = matrix().getByRole('button', { name: `1 shared theme between ${SAVINGS} and Be Happy, Safe and Well` });
    expect(await cell.getAttribute('class')).toContain('connection-shared_theme');
    await cell.click();
    await page.waitForURL((url) => url.searchParams.get('cell') === `${CARING}/so2/ka5|${PEOPLE}/sp1`);
    // Opening a cell keeps the axes that were shown.
    expect(new URL(page.url()).searchParams.get('rows')).toBe(`PLAN_ACTIONS:${CARING}`);
    await details()
      .getByRole('heading', { name: `What connects “${SAVINGS}” and “Be Happy, Safe and Well”` })
      .waitFor();
    expect(await details().textContent()).toContain('Shares a theme only: 1 shared theme. Without a link, the row is not covered by this column.');
    expect(await details().getByRole('button', { name: 'Prevention and early help' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('exports the matrix as CSV, one line per connected cell, each kind of connection in its own column', async () => {
    const api = await defaultMatrix();
    const { download, lines } = await downloaded(page.getByRole('button', { name: 'Export the matrix as CSV' }));
    expect(download.suggestedFilename()).toBe(`alignment-${CARING}-actions-by-${PEOPLE}-priorities.csv`);
    const [header, ...rows] = lines;
    expect(header).toEqual(['Row id', 'Row', 'Column id', 'Column', 'Connection', 'Links', 'Linked items', 'Shared authorities', 'Shared themes']);
    expect(rows.map(([row, , column]) => `${row}|${column}`).sort()).toEqual(api.cells.map(({ row, column }) => `${row}|${column}`).sort());
    expect(rows.find(([row, , column]) => row === `${CARING}/so2/ka5` && column === `${PEOPLE}/sp1`)).toEqual([
      `${CARING}/so2/ka5`,
      SAVINGS,
      `${PEOPLE}/sp1`,
      'Be Happy, Safe and Well',
      'Shares a theme only',
      '0',
      '',
      '',
      'Prevention and early help',
    ]);
  });

  it('exports what is not covered as CSV, in the order listed, with formula-like titles left inert', async () => {
    await page.goto(
      `${inject('appUrl')}/alignment?rows=PLAN_PRIORITIES:${encodeURIComponent(id('old'))}&columns=PLAN_PRIORITIES:${encodeURIComponent(id('new'))}`,
    );
    const section = notCoveredRows();
    await section.locator('tbody tr').first().waitFor();
    expect(await section.locator('tbody th button').allTextContents()).toEqual([formulaTitles.alone]);
    expect(await page.locator('.chosen-because').count()).toBe(0);

    const notCovered = await downloaded(section.getByRole('button', { name: 'Export this list as CSV' }));
    expect(notCovered.download.suggestedFilename()).toMatch(/-not-covered-rows\.csv$/);
    expect(notCovered.lines).toEqual([
      ['Id', 'Kind', 'Title', 'Connection', 'Shares an authority with', 'Authorities shared', 'Shares a theme with', 'Themes shared'],
      [id('old/alone'), 'Priority', `'${formulaTitles.alone}`, 'Nothing connects it', '', '', '', ''],
    ]);

    const whole = await downloaded(page.getByRole('button', { name: 'Export the matrix as CSV' }));
    expect(whole.lines.slice(1)).toEqual([
      [
        id('old/linked'),
        `'${formulaTitles.linked}`,
        id('new/p1'),
        `'${formulaTitles.column}`,
        'Linked directly',
        '1',
        `'${formulaTitles.column} informed by ${formulaTitles.linked} (Curated by a person)`,
        '',
        '',
      ],
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reflows the default view to 320 pixels, the wide tables scrolling by themselves', async () => {
    const narrow = await browser.newPage({ viewport: { width: 320, height: 800 } });
    try {
      await narrow.goto(`${inject('appUrl')}/alignment`);
      await narrow.locator('.uncovered-table').first().waitFor();
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    } finally {
      await narrow.close();
    }
  });

  it('lists what one plan committed to that the other does not cover, and the links behind a cell', async () => {
    await page.goto(`${inject('appUrl')}/alignment?rows=PLAN_PRIORITIES:redtg-action-plan&columns=PLAN_PRIORITIES:${PEOPLE}`);
    await page.getByRole('group', { name: 'Columns' }).getByLabel('Plan').selectOption('redditch-scs');
    await page.waitForURL((url) => url.searchParams.get('columns') === 'PLAN_PRIORITIES:redditch-scs');
    expect(new URL(page.url()).searchParams.get('rows')).toBe('PLAN_PRIORITIES:redtg-action-plan');
    await matrix()
      .getByRole('button', { name: /^\d+ links?.* between Skilled and The economy of Redditch/ })
      .click();
    const link = details().getByRole('listitem').filter({ hasText: 'contributes to' });
    await link.waitFor();
    expect(await link.textContent()).toContain('Curated by a person');
    expect(await link.textContent()).toContain('Re-skilling and up-skilling');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'alignment-redtg-against-scs');
  });
});
