import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher, type Gateway } from '../../server/src/db/gateway.ts';
import { folderSource } from '../../server/src/legislation/source.ts';
import { changesFeed } from '../../server/src/legislation/test-fixtures.ts';
import { updateEffects } from '../../server/src/legislation/update.ts';
import { loadBatch } from '../../server/src/queries/load.ts';
import { removeTestData, testGateway, testTokens } from '../../server/test/api.ts';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

// Everything this test writes lives under PREFIX, and its Act has a number no real Act has.
const PREFIX = `test-law-review-page-${Math.random().toString(36).slice(2, 8)}`;
const ACT = `ukpga/2098/${7000 + Math.floor(Math.random() * 999)}`;
const PLAN = `${PREFIX}/plan`;
const AUTHORITY = `${PREFIX}/act`;
const SECTION = `${AUTHORITY}/s3`;
const KEPT = { id: `${PLAN}/a1`, title: 'Test review: run the carers’ helpline' };
const ENDED = { id: `${PLAN}/a2`, title: 'Test review: fund respite grants' };
const FEED = `changes/affected/${ACT}/data.feed`;

let browser: Browser;
let page: Page;
let gateway: Gateway;
let folder: string;

beforeAll(async () => {
  gateway = testGateway();
  const at = '2020-01-01T00:00:00.000Z';
  const item = { planId: PLAN, topPriorityId: `${PLAN}/p1` };
  await loadBatch(gateway, {
    nodes: [
      { label: 'Plan', id: PLAN, props: { title: 'Test review carers plan', kind: 'STRATEGY' } },
      { label: 'Priority', id: `${PLAN}/p1`, props: { title: 'Support carers', ...item } },
      { label: 'Action', id: KEPT.id, props: { title: KEPT.title, ...item } },
      { label: 'Action', id: ENDED.id, props: { title: ENDED.title, ...item } },
      { label: 'Authority', id: AUTHORITY, props: { title: 'Test Carers Act 2098', kind: 'ACT', legislationId: ACT } },
      { label: 'Provision', id: SECTION, props: { title: 'Support for carers', code: 's.3', legislationId: `${ACT}/section/3` } },
    ],
    links: [
      { type: 'HAS_PRIORITY', from: PLAN, to: `${PLAN}/p1`, props: { basis: 'STATED', by: 'test', at } },
      ...[KEPT, ENDED].map(({ id }) => ({ type: 'HAS_ACTION' as const, from: `${PLAN}/p1`, to: id, props: { basis: 'STATED', by: 'test', at } })),
      { type: 'HAS_PROVISION', from: AUTHORITY, to: SECTION, props: { basis: 'STATED', by: 'test', at } },
      ...[KEPT, ENDED].map(({ id }) => ({
        type: 'GIVES_EFFECT_TO' as const,
        from: id,
        to: SECTION,
        props: { basis: 'CURATED', rationale: 'Section 3 duty.', by: 'test', at },
      })),
    ],
  });
  // A repeal of the section, as legislation.gov.uk's changes feed gives it, loaded as `npm run legislation -- effects --from` does.
  folder = await mkdtemp(join(tmpdir(), 'law-review-page-'));
  await mkdir(dirname(join(folder, FEED)), { recursive: true });
  await writeFile(
    join(folder, FEED),
    changesFeed({
      path: FEED,
      effects: [
        {
          effectId: `key-${PREFIX}-1`,
          type: 'repealed',
          affected: ACT,
          affectedTitle: 'Test Carers Act 2098',
          affectedProvisions: [{ path: 'section/3', text: 's. 3' }],
          affecting: 'ukpga/2022/98',
          affectingTitle: 'Test Carers Reform Act 2022',
          affectingProvisions: [{ path: 'section/1', text: 's. 1' }],
          applied: true,
          inForce: [{ date: '2022-04-01', qualification: 'wholly in force' }],
        },
      ],
    }),
  );
  await updateEffects({ gateway, source: folderSource(folder), acts: [ACT] });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});

afterAll(async () => {
  await browser?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
  if (!gateway) return;
  try {
    await gateway.write(cypher('test.lawReviewPage.effects', 'MATCH (e:Effect) WHERE e.affectedLegislationId = $act DETACH DELETE e'), { act: ACT });
    await gateway.write(cypher('test.lawReviewPage.changes', 'MATCH (c:Change) WHERE c.subjectId STARTS WITH $effects DELETE c'), {
      effects: `effect/key-${PREFIX}`,
    });
    await removeTestData(gateway, PREFIX);
  } finally {
    await gateway.close();
  }
});

const card = (title: string) => page.locator('article.suspect-link').filter({ has: page.getByRole('heading', { level: 2, name: new RegExp(`^${title}`) }) });

describe('reviewing links after the law changed', () => {
  it('lists each link to the repealed section with what changed and when, reached from the menu', async () => {
    await page.goto(inject('appUrl'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Law changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Law changes to review' }).waitFor();
    await page.getByRole('button', { name: 'Sign in to edit' }).click();
    await page.getByLabel('Editing token').fill(testTokens.editor);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in', { exact: true }).waitFor();

    for (const { title } of [KEPT, ENDED]) {
      await card(title).waitFor();
      expect(await card(title).getByRole('heading', { level: 2 }).textContent()).toBe(`${title} gives effect to s.3 of the Test Carers Act 2098`);
      expect(await card(title).getByRole('list', { name: 'What changed' }).textContent()).toContain(
        'repealed by the Test Carers Reform Act 2022 s. 1 (s. 3), in force 1 April 2022',
      );
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it('retires one link with a reason, which then leaves the list, and says so', async () => {
    const description = `${ENDED.title} gives effect to s.3 of the Test Carers Act 2098`;
    await card(ENDED.title)
      .getByRole('button', { name: `Retire: ${description}` })
      .click();
    // An empty reason is refused before anything is sent.
    await card(ENDED.title).getByRole('button', { name: 'Retire link' }).click();
    await card(ENDED.title).getByRole('alert').getByText('Say why the link ends.').waitFor();
    await card(ENDED.title).getByLabel('Why the link ends (required)').fill('Respite grants are no longer made under s.3.');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'law-review-retire');
    await card(ENDED.title).getByRole('button', { name: 'Retire link' }).press('Enter');

    await page
      .getByRole('status')
      .filter({ hasText: `Retired: ${description}.` })
      .waitFor();
    await card(ENDED.title).waitFor({ state: 'detached' });
    expect(await card(KEPT.title).count()).toBe(1);
    const [stored] = await gateway.read(
      cypher(
        'test.lawReviewPage.link',
        'MATCH (:Entity {id: $from})-[g:GIVES_EFFECT_TO]->(:Entity {id: $to}) RETURN g.retiredBy AS by, g.retiredReason AS reason',
      ),
      { from: ENDED.id, to: SECTION },
    );
    expect(stored).toEqual({ by: 'Test Editor', reason: 'Respite grants are no longer made under s.3.' });
    expect(await axeViolations(page)).toEqual([]);
  });
});
