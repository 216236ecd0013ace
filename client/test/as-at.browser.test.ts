import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Gateway } from '../../server/src/db/gateway.ts';
import { folderSource } from '../../server/src/legislation/source.ts';
import { changesFeed } from '../../server/src/legislation/test-fixtures.ts';
import { updateEffects } from '../../server/src/legislation/update.ts';
import { loadBatch } from '../../server/src/queries/load.ts';
import { removeTestData, testGateway, removeTestEffects } from '../../server/test/api.ts';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

const action = {
  id: 'redbridge-people-strategy-2024/sp2/w3',
  title: 'Improve the outcomes for care leavers by implementing the Care Leavers Covenant',
};
// Both Caring for Redbridge (2018-2023) and the People Strategy (2024-2029) serve it.
const councilPriority = 'redbridge-corporate-plan/quality-of-life-and-civic-pride';

// A provision of an Act no real Act is, repealed from 1 June 2021, and an action that gives effect to it.
const prefix = `test-as-at-browser-${Math.random().toString(36).slice(2, 8)}`;
const actId = `ukpga/2098/${7000 + Math.floor(Math.random() * 999)}`;
const provision = { id: `${prefix}/act/s4`, title: 'Duty to run family hubs' };
const ownAction = { id: `${prefix}/plan/a1`, title: 'Open four family hubs' };
const feedPath = `changes/affected/${actId}/data.feed`;

let browser: Browser;
let page: Page;
let gateway: Gateway;
let folder: string;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  gateway = testGateway();
  folder = await mkdtemp(join(tmpdir(), 'as-at-browser-'));
  // Written before the repeal, so the repeal puts the link in doubt.
  const at = '2020-01-01T00:00:00.000Z';
  const plan = `${prefix}/plan`;
  await loadBatch(gateway, {
    nodes: [
      { label: 'Plan', id: plan, props: { title: 'Test family hubs plan', kind: 'STRATEGY', status: 'ADOPTED', periodStart: 2018, periodEnd: 2030 } },
      { label: 'Action', id: ownAction.id, props: { title: ownAction.title, planId: plan, topPriorityId: ownAction.id } },
      { label: 'Authority', id: `${prefix}/act`, props: { title: 'Test Family Hubs Act 2098', kind: 'ACT', legislationId: actId } },
      { label: 'Provision', id: provision.id, props: { title: provision.title, code: 's.4', legislationId: `${actId}/section/4` } },
    ],
    links: [
      { type: 'HAS_ACTION', from: plan, to: ownAction.id, props: { basis: 'STATED', by: 'test', at } },
      { type: 'HAS_PROVISION', from: `${prefix}/act`, to: provision.id, props: { basis: 'STATED', by: 'test', at } },
      { type: 'GIVES_EFFECT_TO', from: ownAction.id, to: provision.id, props: { basis: 'CURATED', rationale: 'The hubs duty.', by: 'test', at } },
    ],
  });
  await mkdir(dirname(join(folder, feedPath)), { recursive: true });
  await writeFile(
    join(folder, feedPath),
    changesFeed({
      path: feedPath,
      effects: [
        {
          effectId: `key-${prefix}-1`,
          type: 'repealed',
          affected: actId,
          affectedTitle: 'Test Family Hubs Act 2098',
          affectedProvisions: [{ path: 'section/4', text: 's. 4' }],
          affecting: 'ukpga/2021/97',
          affectingTitle: 'Test Hubs Reform Act 2021',
          affectingProvisions: [{ path: 'section/2', text: 's. 2' }],
          applied: true,
          inForce: [{ date: '2021-06-01', qualification: 'wholly in force' }],
        },
      ],
    }),
  );
  await updateEffects({ gateway, source: folderSource(folder), acts: [actId] });
});

afterAll(async () => {
  await browser?.close();
  if (gateway) await removeTestEffects(gateway, actId, prefix);
  if (gateway) await removeTestData(gateway, prefix);
  await gateway?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

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

  it('shows a provision as repealed after the repeal came into force and not before, and its links in doubt', async () => {
    await page.goto(`${inject('appUrl')}/impact?id=${encodeURIComponent(provision.id)}`);
    await page.getByRole('heading', { level: 1, name: `What depends on ${provision.title}` }).waitFor();
    await page.getByText('(repealed on 1 June 2021)').waitFor();
    const doubt = page.getByRole('region', { name: 'Links in doubt after a change in the law (1)' });
    await doubt.waitFor();
    expect(await doubt.getByRole('listitem').allTextContents()).toEqual([`${ownAction.title} gives effect to ${provision.title}`]);

    await asAtField().fill('2020-01-01');
    await page.getByText('as at 1 January 2020', { exact: true }).waitFor();
    await expect.poll(() => page.getByText('(repealed on 1 June 2021)').count(), { timeout: 60_000 }).toBe(0);
    await asAtField().fill('2022-01-01');
    await page.getByText('(repealed on 1 June 2021)').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('asks the gaps of a plan as at the date: the People Strategy, never adopted, has none of its own before it', async () => {
    await page.goto(`${inject('appUrl')}/gaps?plan=redbridge-people-strategy-2024`);
    const status = page.getByRole('status').filter({ hasText: 'in Redbridge People Strategy' });
    await status.waitFor();
    const gapsIn = async () => Number((await status.textContent())?.match(/^(\d+) gaps? in/)?.[1]);
    const gapsNow = await gapsIn();
    const unmeasured = page.getByRole('region', { name: 'Action with no outcome measure', exact: true });
    expect(await unmeasured.locator('tbody tr').count()).toBeGreaterThan(0);

    await asAtField().fill('2019-04-01');
    await page.getByText('as at 1 April 2019', { exact: true }).waitFor();
    expect(asAtParam()).toBe('2019-04-01');
    expect(new URL(page.url()).searchParams.get('plan')).toBe('redbridge-people-strategy-2024');
    // Only the council's inspection evidence, which belongs to no plan, is still checked.
    await unmeasured.getByText('No gaps: everything this rule checks here passes.').waitFor({ timeout: 60_000 });
    expect(await gapsIn()).toBeLessThan(gapsNow);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await expect.poll(gapsIn, { timeout: 60_000 }).toBe(gapsNow);
    expect(asAtParam()).toBeNull();
  });

  it('asks an evidence chain as at the date: responses of the People Strategy, never adopted, are not listed before it', async () => {
    await page.goto(`${inject('appUrl')}/evidence?id=${encodeURIComponent('ofsted-redbridge-2018/recommendation')}`);
    const responses = page.getByRole('region', { name: 'What the council does about it' }).locator('ul.responses > li');
    await responses.first().waitFor();
    const peopleStrategy = responses.filter({ hasText: 'People Strategy' });
    expect(await peopleStrategy.count()).toBeGreaterThan(0);
    const countNow = await responses.count();

    await asAtField().fill('2019-04-01');
    await page.getByText('as at 1 April 2019', { exact: true }).waitFor();
    expect(asAtParam()).toBe('2019-04-01');
    await expect.poll(() => peopleStrategy.count(), { timeout: 60_000 }).toBe(0);
    expect(await responses.count()).toBeLessThan(countNow);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says when the date in the address is not a date, and shows today', async () => {
    await page.goto(`${inject('appUrl')}/alignment?asAt=1-4-2019`);
    await page.getByText('Showing the alignment as at today (“1-4-2019” is not a date written YYYY-MM-DD).').waitFor();
    expect(await asAtField().inputValue()).toBe('');
  });
});
