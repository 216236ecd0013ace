import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher, type Gateway } from '../../server/src/db/gateway.ts';
import { testGateway, testTokens } from '../../server/test/api.ts';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

// A new council's strategy, written here. The importer makes its ids from the title; everything
// this file creates lives under these two ids and is removed afterwards.
const PLAN = 'test-borough-adult-care-strategy-2025';
const DOCUMENT = 'document/test-borough-adult-care-strategy-2025-2030';
// The council the importer finds named in the strategy's opening lines.
const ORGANISATION = 'org/test-borough-council';
const PLAN_TITLE = 'Test Borough Adult Care Strategy 2025-2030';
const FILE_NAME = 'test-borough-adult-care.md';
const ASSESSMENT = "Offer every carer a carer's assessment, as the Care Act 2014 requires.";
const ASSESSMENT_EDITED = 'Offer every unpaid carer an assessment within four weeks, as the Care Act 2014 requires.';

const strategy = `# ${PLAN_TITLE}

Test Borough Council sets out how it will support adults who need care, and their carers.

## Our priorities

1. **Independent lives** so that people stay well at home.
2. **Support for carers** so that unpaid carers are recognised.

## Priority 1: Independent lives

We will:

* ${ASSESSMENT}
* Expand reablement so that people return home quickly after hospital.

## Priority 2: Support for carers

We will:

* Open a carers' hub in every town.

Contact us by telephone on 01234 567890.
`;

const markdownFile = { name: FILE_NAME, mimeType: 'text/markdown', buffer: Buffer.from(strategy, 'utf8') };

// Only this file's own data: the imported plan, what sits under it, its source document, and
// the history recorded about them.
const cleanUp = cypher(
  'test.authoring.cleanUp',
  `CALL () {
     MATCH (n:Entity) WHERE n.id IN [$plan, $document, $organisation] OR n.id STARTS WITH $plan + '/'
     DETACH DELETE n
   }
   CALL () {
     MATCH (c:Change) WHERE c.subjectId IN [$plan, $document, $organisation] OR c.subjectId STARTS WITH $plan + '/'
     DELETE c
   }`,
);
const remaining = cypher(
  'test.authoring.remaining',
  `RETURN COUNT { MATCH (n:Entity) WHERE n.id IN [$plan, $document, $organisation] OR n.id STARTS WITH $plan + '/' } AS nodes,
          COUNT { MATCH (c:Change) WHERE c.subjectId IN [$plan, $document, $organisation] OR c.subjectId STARTS WITH $plan + '/' } AS changes`,
);

let browser: Browser;
let page: Page;
let gateway: Gateway;

beforeAll(async () => {
  gateway = testGateway();
  // A run stopped half-way leaves its import behind; start from nothing.
  await gateway.write(cleanUp, { plan: PLAN, document: DOCUMENT, organisation: ORGANISATION });
  browser = await launchBrowser();
  page = await browser.newPage({ acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  if (!gateway) return;
  try {
    await gateway.write(cleanUp, { plan: PLAN, document: DOCUMENT, organisation: ORGANISATION });
    const [left] = await gateway.read(remaining, { plan: PLAN, document: DOCUMENT, organisation: ORGANISATION });
    expect(left).toEqual({ nodes: 0, changes: 0 });
  } finally {
    await gateway.close();
  }
});

const panel = () => page.locator('aside.detail-panel');
const errorSummary = () => page.locator('.error-summary');

describe('authoring, as a strategy author uses it', () => {
  it('refuses a write without sign-in, with the API’s clear message', async () => {
    await page.goto(`${inject('appUrl')}/import`);
    await page.getByRole('heading', { level: 1, name: 'Import a document' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign in to edit' }).count()).toBe(1);
    expect(await page.getByText('You are not signed in.').count()).toBe(1);

    await page.getByLabel('Document', { exact: true }).setInputFiles(markdownFile);
    await page.getByRole('button', { name: 'Preview' }).click();
    await errorSummary()
      .getByText(/Writing needs a bearer token with an editor or admin role/)
      .waitFor();
    expect(await errorSummary().textContent()).toContain('Sign in to edit with the token your administrator gave you');
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    expect(await page.getByRole('region', { name: /^Preview of/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses, in the browser, a file that is not UTF-8, naming it', async () => {
    await page
      .getByLabel('Document', { exact: true })
      .setInputFiles({ name: 'latin-1-plan.txt', mimeType: 'text/plain', buffer: Buffer.from('Caf\xe9 strategy\n', 'latin1') });
    const message = page.locator('#import-fileName-error');
    await message.waitFor();
    expect(await message.textContent()).toContain('latin-1-plan.txt is not UTF-8 text');
    expect(await page.getByLabel('Document', { exact: true }).getAttribute('aria-describedby')).toContain('import-fileName-error');
    expect(await page.getByLabel('Document', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(
      await errorSummary()
        .getByRole('link', { name: /latin-1-plan\.txt is not UTF-8 text/ })
        .count(),
    ).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('signs in with the token, kept in the page’s memory only', async () => {
    await page.getByRole('button', { name: 'Sign in to edit' }).click();
    const token = page.getByLabel('Editing token');
    expect(await token.getAttribute('type')).toBe('password');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('#sign-in-token-error').waitFor();
    expect(await token.getAttribute('aria-invalid')).toBe('true');

    await token.fill(testTokens.editor);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    // Nothing in web storage for an injected script to read; a reload signs out.
    expect(await page.evaluate(() => [sessionStorage.length, localStorage.length])).toEqual([0, 0]);
  });

  it('previews a Markdown strategy: what it would create, its links and the lines not understood', async () => {
    // Still the import page signed in on: reloading it would sign out.
    await page.getByRole('heading', { level: 1, name: 'Import a document' }).waitFor();
    await page.getByText('Signed in', { exact: true }).waitFor();
    await page.getByLabel('Document', { exact: true }).setInputFiles(markdownFile);
    await page.getByRole('button', { name: 'Preview' }).click();

    const preview = page.getByRole('region', { name: `Preview of ${FILE_NAME}` });
    await preview.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'preview-heading');
    expect(await preview.getByText('Nothing has been written yet.').count()).toBe(1);
    expect(await preview.getByText('1 source document, 1 plan, 2 priorities, 3 actions and 1 organisation.').count()).toBe(1);

    const priorities = preview.getByRole('table', { name: 'Priorities (2)' });
    expect(await priorities.locator('tbody tr td:first-child').allTextContents()).toEqual(['Independent lives', 'Support for carers']);
    const actions = preview.getByRole('table', { name: 'Actions (3)' });
    expect(await actions.locator('tbody tr td:first-child').allTextContents()).toEqual([
      ASSESSMENT,
      'Expand reablement so that people return home quickly after hospital.',
      "Open a carers' hub in every town.",
    ]);
    expect(await actions.locator('tbody tr td:nth-child(3)').allTextContents()).toEqual([`${PLAN}/p1/w1`, `${PLAN}/p1/w2`, `${PLAN}/p2/w1`]);

    const citation = preview.getByRole('table', { name: /^Links/ }).getByRole('row', { name: /gives effect to/ });
    expect(await citation.textContent()).toContain('authority/care-act-2014');
    expect(await citation.textContent()).toContain('Suggested by the tool (not accepted)');

    const unread = preview.getByRole('table', { name: 'Lines not understood (2)' });
    expect(await unread.locator('tbody tr').allTextContents()).toEqual([
      'Line 3Test Borough Council sets out how it will support adults who need care, and their carers.narrative text outside any recognised priority, objective or list',
      'Line 23Contact us by telephone on 01234 567890.narrative text outside any recognised priority, objective or list',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'authoring-import-preview');
  });

  it('imports it on confirmation and links to the new plan and its gaps', async () => {
    await page.getByRole('button', { name: `Import ${FILE_NAME}` }).click();
    await page.getByRole('heading', { level: 2, name: `Imported ${FILE_NAME}` }).waitFor();
    expect(await page.getByRole('link', { name: `Gaps in ${PLAN_TITLE}` }).getAttribute('href')).toBe(`/gaps?plan=${PLAN}`);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: `Open the plan: ${PLAN_TITLE}` }).click();
    await page.waitForURL((url) => url.pathname === '/plans' && url.searchParams.get('id') === PLAN);
    await page.getByRole('heading', { level: 1, name: PLAN_TITLE }).waitFor();
    expect(await page.locator('.hierarchy button.link-button').allTextContents()).toEqual(
      expect.arrayContaining(['Independent lives', ASSESSMENT, "Open a carers' hub in every town."]),
    );
  });

  it('exports the new plan as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export this plan as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`${PLAN}.csv`);
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...rows] = text.trim().split(/\r?\n/);
    expect(header).toBe(
      'id,parent,label,title,code,term,text,kind,status,corporate,discretionary,owner,themes,period_start,period_end,legislation_id,unit,polarity',
    );
    expect(rows.some((row) => row.startsWith(`${PLAN}/p1/w1,${PLAN}/p1,Action,`))).toBe(true);
    await page
      .getByRole('status')
      .filter({ hasText: `Saved ${PLAN}.csv.` })
      .waitFor();
  });

  it('asks for suggestions on an action, accepts one with one click and rejects another', async () => {
    await page.getByRole('button', { name: ASSESSMENT }).click();
    await page.waitForURL((url) => url.searchParams.get('node') === `${PLAN}/p1/w1`);
    await panel().getByRole('heading', { level: 2, name: ASSESSMENT }).waitFor();

    const suggestions = panel().getByRole('list', { name: `Suggestions for ${ASSESSMENT}` });
    await suggestions.waitFor();
    // The importer already suggested the Act the action cites.
    const careAct = 'gives effect to Care Act 2014';
    expect(await suggestions.getByRole('button', { name: `Accept: ${careAct}` }).count()).toBe(1);

    await panel().getByRole('button', { name: 'Suggest links' }).click();
    await panel()
      .getByRole('status')
      .filter({ hasText: /The tool (suggested \d+ links?|found nothing new)/ })
      .waitFor();
    // The list is read again once the new suggestions are stored.
    await expect.poll(() => suggestions.getByRole('listitem').count()).toBeGreaterThan(2);
    const offered = await suggestions.getByRole('listitem').count();
    expect(await suggestions.locator('.suggestion-score').first().textContent()).toMatch(/^Score \d\.\d\d of 1$/);
    expect(await axeViolations(page)).toEqual([]);
    await panel()
      .getByRole('heading', { name: 'Suggested links' })
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await saveScreenshot(page, 'authoring-suggestions');

    const linkRow = panel()
      .getByRole('table', { name: `Links in and out of ${ASSESSMENT}` })
      .getByRole('row')
      .filter({ hasText: 'Care Act 2014' });
    expect(await linkRow.textContent()).toContain('Suggested by the tool (not accepted)');
    await suggestions.getByRole('button', { name: `Accept: ${careAct}` }).click();
    await panel()
      .getByRole('status')
      .filter({ hasText: `Accepted: “${careAct}” is now curated by a person.` })
      .waitFor();
    await linkRow.getByText('Curated by a person').waitFor();
    // The list and the links table are read again separately.
    await suggestions.getByRole('button', { name: `Accept: ${careAct}` }).waitFor({ state: 'detached' });

    const reject = suggestions.getByRole('button', { name: /^Reject: / }).first();
    const rejected = (await reject.getAttribute('aria-label'))!;
    await reject.click();
    await panel()
      .getByRole('status')
      .filter({ hasText: /^Rejected: / })
      .waitFor();
    await page.waitForFunction((name) => !document.querySelector(`[aria-label="${name}"]`), rejected);
    expect(await suggestions.getByRole('listitem').count()).toBe(offered - 2);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('adds a curated link to a theme, then removes it after asking', async () => {
    await panel().getByRole('button', { name: 'Add link' }).click();
    const form = panel().getByRole('form', { name: 'Add a link from this action' });
    await form.getByLabel('Link type').selectOption('CONCERNS');
    await form.getByRole('button', { name: 'Add link' }).click();
    await form.locator('#link-rationale-error').getByText('Enter why the link is right').waitFor();
    await form.getByLabel('Find what it links to').fill('care leavers');
    await form.getByRole('button', { name: 'Find' }).click();
    await form.getByRole('radio', { name: /^Care leavers/ }).check();
    await form.getByLabel('Rationale').fill('Care leavers who care for others are offered the assessment too.');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Add link' }).click();
    await panel()
      .getByRole('status')
      .filter({ hasText: `Linked: “${ASSESSMENT}” concerns “Care leavers”.` })
      .waitFor();

    const row = panel()
      .getByRole('table', { name: `Links in and out of ${ASSESSMENT}` })
      .getByRole('row')
      .filter({ hasText: 'Care leavers who care for others' });
    await row.getByText('Curated by a person').waitFor();
    await row.getByRole('button', { name: 'Remove link: concerns Care leavers' }).click();
    await row.getByRole('button', { name: 'Yes, remove link: concerns Care leavers' }).click();
    await panel().getByRole('status').filter({ hasText: 'Removed the link: concerns Care leavers.' }).waitFor();
    await row.waitFor({ state: 'detached' });
  });

  it('edits the action’s title, with inline errors, and lists the change in its history', async () => {
    await panel().getByRole('button', { name: 'Edit', exact: true }).click();
    const title = panel().getByLabel('Title', { exact: true });
    await title.fill('');
    await panel().getByRole('button', { name: 'Save changes' }).click();
    await panel().locator('#edit-title-error').getByText('Enter the title').waitFor();
    expect(await title.getAttribute('aria-describedby')).toContain('edit-title-error');
    expect(await axeViolations(page)).toEqual([]);

    await title.fill(ASSESSMENT_EDITED);
    await panel().getByLabel('Why (optional)').fill('Agreed at the adult care board');
    await panel().getByRole('button', { name: 'Save changes' }).click();
    await panel().getByRole('heading', { level: 2, name: ASSESSMENT_EDITED }).waitFor();
    await panel()
      .getByRole('status')
      .filter({ hasText: `Saved your changes to action “${ASSESSMENT_EDITED}”.` })
      .waitFor();
    // The panel reads the node again after the write, so the next write starts from this version.
    await panel()
      .locator('.version-line')
      .getByText(/^Version \d+, last changed by Test Editor at \d\d:\d\d on /)
      .waitFor();

    const history = panel().getByRole('region', { name: 'History' });
    const change = history.getByRole('listitem').filter({ hasText: `Changed title of “${ASSESSMENT}” (version ` });
    await change.waitFor();
    expect(await change.textContent()).toContain('Test Editor');
    expect(await change.textContent()).toContain('Why: Agreed at the adult care board');
    expect(await change.getByRole('row', { name: /title/ }).textContent()).toBe(`title${ASSESSMENT}${ASSESSMENT_EDITED}`);
    expect(
      await history
        .getByRole('listitem')
        .filter({ hasText: /Accepted|curated/i })
        .count(),
    ).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says what depends on a priority before deleting it, and deletes the action', async () => {
    await page.locator('.hierarchy').getByRole('button', { name: 'Independent lives', exact: true }).click();
    await panel().getByRole('heading', { level: 2, name: 'Independent lives' }).waitFor();
    await panel().getByRole('button', { name: 'Delete', exact: true }).click();
    await panel().getByRole('button', { name: 'Yes, delete it' }).click();
    await panel().getByRole('heading', { name: 'Nothing was deleted: 2 items depend on this priority' }).waitFor();
    expect(await panel().getByText('an admin can delete it together with everything under it').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await panel().locator('.dependents').getByRole('button', { name: ASSESSMENT_EDITED }).click();
    await page.waitForURL((url) => url.searchParams.get('node') === `${PLAN}/p1/w1`);
    await panel().getByRole('heading', { level: 2, name: ASSESSMENT_EDITED }).waitFor();
    await panel().getByRole('button', { name: 'Delete', exact: true }).click();
    await panel()
      .getByRole('heading', { name: `Delete “${ASSESSMENT_EDITED}”?` })
      .waitFor();
    await panel().getByRole('button', { name: 'Yes, delete it' }).click();
    await panel().getByRole('heading', { level: 2, name: 'Deleted' }).waitFor();
    expect(await panel().textContent()).toContain(`Deleted action “${ASSESSMENT_EDITED}”.`);
    await page.waitForFunction(
      (title) => ![...document.querySelectorAll('.hierarchy button')].some((button) => button.textContent === title),
      ASSESSMENT_EDITED,
    );
  });

  it('adds an item under a priority', async () => {
    await page.getByRole('button', { name: 'Add item under Independent lives' }).click();
    const form = page.getByRole('form', { name: 'Add an item under Independent lives' });
    expect(await form.getByLabel('Kind of item').inputValue()).toBe('Action');
    await form.getByRole('button', { name: 'Add action' }).click();
    await form.locator('#add-item-title-error').waitFor();
    await form.getByLabel('Title', { exact: true }).fill('Run a falls prevention service');
    await form.getByLabel('Term').fill('We will');
    await form.getByRole('button', { name: 'Add action' }).click();
    await page.waitForURL((url) => url.searchParams.get('node') === `${PLAN}/p1/run-a-falls-prevention-service`);
    await panel().getByRole('heading', { level: 2, name: 'Run a falls prevention service' }).waitFor();
    await page.locator('.hierarchy').getByRole('button', { name: 'Run a falls prevention service' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('signs out, after which the editing controls are gone', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in to edit' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await panel().getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Add item under/ }).count()).toBe(0);
  });
});
