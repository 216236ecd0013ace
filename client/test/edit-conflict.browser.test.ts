import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher, type Gateway } from '../../server/src/db/gateway.ts';
import { testGateway, testTokens } from '../../server/test/api.ts';
import { formatTimeOn } from '../src/features/authoring/history.ts';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

// Two people at once: the page is signed in as Test Editor; "meanwhile" writes go straight to the
// API as Test Admin, between the page reading a node and saving it. Everything lives under PREFIX.
const PREFIX = 'test-conflict-';
const PLAN = `${PREFIX}plan`;
const ACTION = `${PLAN}/a1`;
const SECOND = `${PLAN}/a2`;
const THEME = `${PREFIX}theme`;
const THEME_TITLE = 'Test conflict kinship carers';
const TIME_ZONE = 'Europe/London';

const ORIGINAL = 'Offer carers an assessment';
const THEIRS = 'Offer every carer an assessment';
const MINE = 'Offer unpaid carers an assessment within four weeks';
const MY_TEXT = 'Within four weeks of the carer asking.';

const cleanUp = cypher(
  'test.editConflict.cleanUp',
  `CALL () { MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n }
   CALL () { MATCH (c:Change) WHERE c.subjectId STARTS WITH $prefix DELETE c }`,
);

interface Node {
  id: string;
  title: string;
  term: string | null;
  text: string | null;
  version: number;
  changedBy: string | null;
  changedAt: string | null;
}

/** A request to the real API over HTTP as the other person, Test Admin; fails on any error. */
async function asOtherPerson<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${inject('appUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${testTokens.admin}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map(({ message }) => message).join(' '));
  return body.data!;
}

const NODE_FIELDS = 'id title term text version changedBy changedAt';
const readNode = async (id: string) =>
  (await asOtherPerson<{ node: { node: Node } | null }>(`query ($id: ID!) { node(id: $id) { node { ${NODE_FIELDS} } } }`, { id })).node?.node ?? null;
const updateNode = async (id: string, version: number, properties: Record<string, unknown>) =>
  (
    await asOtherPerson<{ updateNode: Node }>(
      `mutation ($id: ID!, $version: Int!, $properties: JSON!) { updateNode(id: $id, version: $version, properties: $properties) { ${NODE_FIELDS} } }`,
      { id, version, properties },
    )
  ).updateNode;
const deleteNode = (id: string, version: number) =>
  asOtherPerson(`mutation ($id: ID!, $version: Int!) { deleteNode(id: $id, version: $version) { deleted } }`, { id, version });
const LINK_FIELDS = 'rationale by at version';
interface Link {
  rationale: string | null;
  by: string | null;
  at: string | null;
  version: number;
}
const writeLink = async (rationale: string, version?: number) =>
  (
    await asOtherPerson<{ createLink: Link }>(`mutation ($input: LinkInput!) { createLink(input: $input) { ${LINK_FIELDS} } }`, {
      input: { from: ACTION, type: 'CONCERNS', to: THEME, basis: 'CURATED', rationale, ...(version === undefined ? {} : { version }) },
    })
  ).createLink;
/** The action's CONCERNS link to the theme, as stored, or null. */
const readLink = async () => {
  const { node } = await asOtherPerson<{ node: { neighbours: { direction: string; edge: Link & { type: string }; node: { id: string } }[] } }>(
    `query ($id: ID!) { node(id: $id, first: 200) { neighbours { direction edge { type ${LINK_FIELDS} } node { id } } } }`,
    { id: ACTION },
  );
  return node.neighbours.find(({ direction, edge, node: other }) => direction === 'OUT' && edge.type === 'CONCERNS' && other.id === THEME)?.edge ?? null;
};

/** "Test Admin changed it at 16:42 on 7 December 2026", as the page writes it in its time zone. */
const at = (iso: string | null) => formatTimeOn(iso!, 'en-GB', TIME_ZONE);

let browser: Browser;
let page: Page;
let gateway: Gateway;

beforeAll(async () => {
  gateway = testGateway();
  await gateway.write(cleanUp, { prefix: PREFIX });
  await asOtherPerson(`mutation ($input: NodeInput!) { createNode(input: $input) { id } }`, {
    input: { label: 'Plan', id: PLAN, title: 'Test conflict carers strategy', properties: { kind: 'STRATEGY', status: 'DRAFT' } },
  });
  for (const [id, title] of [
    [ACTION, ORIGINAL],
    [SECOND, 'Open a carers’ hub in every town'],
  ] as const) {
    await asOtherPerson(`mutation ($input: NodeInput!) { createNode(input: $input) { id } }`, {
      input: { label: 'Action', id, title, parentId: PLAN, properties: { term: 'We will' } },
    });
  }
  await asOtherPerson(`mutation ($input: NodeInput!) { createNode(input: $input) { id } }`, { input: { label: 'Theme', id: THEME, title: THEME_TITLE } });
  browser = await launchBrowser();
  page = await browser.newPage({ timezoneId: TIME_ZONE, viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  if (!gateway) return;
  try {
    await gateway.write(cleanUp, { prefix: PREFIX });
  } finally {
    await gateway.close();
  }
});

const panel = () => page.locator('aside.detail-panel');
const errorSummary = () => panel().locator('.error-summary');

/**
 * Opens an item's page: the first time by loading the app, then inside it as its links do, since
 * reloading the page would sign out (the token is kept in memory only).
 */
async function openNode(id: string, title: string) {
  const href = `/plans?id=${encodeURIComponent(PLAN)}&node=${encodeURIComponent(id)}`;
  if (page.url().startsWith(inject('appUrl'))) {
    await page.evaluate((to) => {
      window.history.pushState(null, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, href);
  } else {
    await page.goto(`${inject('appUrl')}${href}`);
  }
  await panel().getByRole('heading', { level: 2, name: title }).waitFor();
}

describe('two people changing the same item: no edit is lost to the race', () => {
  it('signs in as an editor and shows the version of the item opened', async () => {
    await openNode(ACTION, ORIGINAL);
    await page.getByRole('button', { name: 'Sign in to edit' }).click();
    await page.getByLabel('Editing token').fill(testTokens.editor);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in', { exact: true }).waitFor();
    // Who changed it is shown to signed-in users only: the panel asks again once signed in.
    await panel().locator('.version-line', { hasText: 'last changed by' }).waitFor();
    const stored = (await readNode(ACTION))!;
    expect(await panel().locator('.version-line').textContent()).toBe(`Version ${stored.version}, last changed by Test Admin at ${at(stored.changedAt)}`);
  });

  it('refuses a save made from an old version, says who changed it and when, and saves the typed values again after a reload', async () => {
    await panel().getByRole('button', { name: 'Edit', exact: true }).click();
    await panel().getByLabel('Title', { exact: true }).fill(MINE);
    await panel().getByLabel('Full statement').fill(MY_TEXT);
    await panel().getByLabel('Why (optional)').fill('Agreed with the carers’ forum');

    // Meanwhile, the other person changes the title and the term of the same action.
    const read = (await readNode(ACTION))!;
    const theirs = await updateNode(ACTION, read.version, { title: THEIRS, term: 'Key action' });
    expect(theirs.version).toBe(read.version + 1);

    await panel().getByRole('button', { name: 'Save changes' }).click();
    await errorSummary().getByRole('heading', { name: 'Your changes were not saved' }).waitFor();
    expect(await errorSummary().getAttribute('role')).toBe('alert');
    expect(await errorSummary().locator('li').allTextContents()).toEqual([`Test Admin changed it at ${at(theirs.changedAt)}, after you opened it.`]);
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    // Nothing the person typed is gone, and nothing of theirs was written.
    expect(await panel().getByLabel('Title', { exact: true }).inputValue()).toBe(MINE);
    expect(await panel().getByLabel('Full statement').inputValue()).toBe(MY_TEXT);
    expect((await readNode(ACTION))!).toMatchObject({ title: THEIRS, version: theirs.version });
    expect(await axeViolations(page)).toEqual([]);
    await panel()
      .getByRole('heading', { name: 'Edit this action' })
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await saveScreenshot(page, 'edit-conflict-refused');

    await errorSummary().getByRole('button', { name: 'Reload the current version' }).click();
    const reloaded = panel().getByRole('region', { name: `Reloaded: you are now editing version ${theirs.version}` });
    await reloaded.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'edit-reloaded-heading');
    expect(await reloaded.textContent()).toContain(`Test Admin saved it at ${at(theirs.changedAt)}.`);
    const fields = reloaded.getByRole('list', { name: 'Changed while you were editing:' }).getByRole('listitem');
    expect(
      await fields.evaluateAll((items) =>
        items.map((item) => [item.querySelector('.meanwhile-field')?.textContent, ...[...item.querySelectorAll('dd')].map((dd) => dd.textContent)]),
      ),
    ).toEqual([
      ['Title', ORIGINAL, THEIRS, MINE],
      ['Term', 'We will', 'Key action', 'unchanged by you, so the form shows the new value'],
    ]);
    expect(await panel().getByLabel('Title', { exact: true }).inputValue()).toBe(MINE);
    expect(await panel().getByLabel('Full statement').inputValue()).toBe(MY_TEXT);
    expect(await panel().getByLabel('Term').inputValue()).toBe('Key action');
    expect(await panel().getByLabel('Why (optional)').inputValue()).toBe('Agreed with the carers’ forum');
    expect(await errorSummary().count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await panel()
      .getByRole('heading', { name: 'Edit this action' })
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await saveScreenshot(page, 'edit-conflict-reloaded');

    await panel().getByRole('button', { name: 'Save changes' }).click();
    await panel()
      .getByRole('status')
      .filter({ hasText: `Saved your changes to action “${MINE}”.` })
      .waitFor();
    await panel().getByRole('heading', { level: 2, name: MINE }).waitFor();

    // The person's values and the other person's term are both kept, in the next version.
    const saved = (await readNode(ACTION))!;
    expect(saved).toMatchObject({ title: MINE, text: MY_TEXT, term: 'Key action', version: theirs.version + 1, changedBy: 'Test Editor' });
    await panel()
      .locator('.version-line')
      .getByText(`Version ${saved.version}, last changed by Test Editor at ${at(saved.changedAt)}`)
      .waitFor();
  });

  it('changes a link that exists by the version read, and asks for a reload when the other person drew or changed it first', async () => {
    // Drawn after the panel read the action's links: the form does not know it exists.
    const first = await writeLink('Kinship carers are carers too.');
    await panel().getByRole('button', { name: 'Add link' }).click();
    const form = panel().getByRole('form', { name: 'Add a link from this action' });
    await form.getByLabel('Link type').selectOption('CONCERNS');
    await form.getByLabel('Find what it links to').fill(THEME_TITLE);
    await form.getByRole('button', { name: 'Find' }).click();
    await form.getByRole('radio', { name: new RegExp(`^${THEME_TITLE}`) }).check();
    expect(await form.locator('#link-existing').count()).toBe(0);
    const rationale = 'Kinship carers are offered the assessment as unpaid carers.';
    await form.getByLabel('Rationale').fill(rationale);
    await form.getByRole('button', { name: 'Add link' }).click();
    await errorSummary().getByRole('heading', { name: 'The link was not saved' }).waitFor();
    expect(await errorSummary().locator('li').allTextContents()).toEqual([`It already exists: Test Admin last changed it at ${at(first.at)}.`]);
    expect(await readLink()).toMatchObject({ rationale: 'Kinship carers are carers too.', version: first.version });

    await errorSummary().getByRole('button', { name: 'Reload the links' }).click();
    const notice = form.locator('#link-existing');
    await notice.getByText(/^Reloaded: this link already exists: Curated by a person, by Test Admin/).waitFor();
    expect(await notice.textContent()).toContain('“Kinship carers are carers too.”');
    await page.waitForFunction(() => document.activeElement?.id === 'link-existing');

    // Now it is known at version 1; the other person changes it before the person adds theirs.
    const theirs = await writeLink('Kinship carers look after a relative’s child.', first.version);
    await form.getByRole('button', { name: 'Add link' }).click();
    await errorSummary().getByRole('heading', { name: 'The link was not saved' }).waitFor();
    expect(await errorSummary().locator('li').allTextContents()).toEqual([`Test Admin changed it at ${at(theirs.at)}, after you opened it.`]);
    expect(await axeViolations(page)).toEqual([]);

    await errorSummary().getByRole('button', { name: 'Reload the links' }).click();
    await notice.getByText('“Kinship carers look after a relative’s child.”', { exact: false }).waitFor();
    expect(await form.getByLabel('Rationale').inputValue()).toBe(rationale);
    await form.getByRole('button', { name: 'Add link' }).click();
    await panel()
      .getByRole('status')
      .filter({ hasText: `Linked: “${MINE}” concerns “${THEME_TITLE}”.` })
      .waitFor();
    expect(await readLink()).toMatchObject({ rationale, by: 'Test Editor', version: theirs.version + 1 });
  });

  it('removes a link only at the version the person was asked about', async () => {
    const row = panel()
      .getByRole('table', { name: `Links in and out of ${MINE}` })
      .getByRole('row')
      .filter({ hasText: THEME_TITLE });
    await row.getByText('Kinship carers are offered the assessment as unpaid carers.').waitFor();
    await row.getByRole('button', { name: `Remove link: concerns ${THEME_TITLE}` }).click();

    const theirs = await writeLink('Kinship carers are family and friends who care for a child.', (await readLink())!.version);
    await row.getByRole('button', { name: `Yes, remove link: concerns ${THEME_TITLE}` }).click();
    const alert = row.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      `Not removed. Test Admin changed it at ${at(theirs.at)}, after you opened it. Reload it to see what changed, then decide again.`,
    );
    expect(await readLink()).toMatchObject({ version: theirs.version });
    // The row shows the link as it is now.
    await row.getByText('Kinship carers are family and friends who care for a child.').waitFor();

    await row.getByRole('button', { name: `Reload and ask again: concerns ${THEME_TITLE}` }).click();
    await row.getByRole('button', { name: `Yes, remove link: concerns ${THEME_TITLE}` }).click();
    await panel()
      .getByRole('status')
      .filter({ hasText: `Removed the link: concerns ${THEME_TITLE}.` })
      .waitFor();
    expect(await readLink()).toBeNull();
  });

  it('asks again before deleting an item changed since, and says who deleted it when the other person deleted it first', async () => {
    await panel().getByRole('button', { name: 'Delete', exact: true }).click();
    await panel()
      .getByRole('heading', { name: `Delete “${MINE}”?` })
      .waitFor();
    const changed = await updateNode(ACTION, (await readNode(ACTION))!.version, { title: THEIRS });
    await panel().getByRole('button', { name: 'Yes, delete it' }).click();
    const refusal = panel().locator('.confirm-box').getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.locator('p').textContent()).toBe(
      `Nothing was deleted. Test Admin changed it at ${at(changed.changedAt)}, after you opened it. Reload it to see what changed, then decide again.`,
    );
    expect(await panel().getByRole('button', { name: 'Yes, delete it' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await refusal.getByRole('button', { name: 'Reload and ask again' }).click();
    await panel()
      .getByRole('heading', { name: `Delete “${THEIRS}”?` })
      .waitFor();
    expect(await panel().locator('.confirm-box .notice').textContent()).toContain(
      `Reloaded: this is version ${changed.version}, saved by Test Admin at ${at(changed.changedAt)}.`,
    );

    await deleteNode(ACTION, changed.version);
    const deletion = (
      await gateway.read(cypher('test.editConflict.deletion', "MATCH (c:Change {subjectId: $id, operation: 'DELETE_NODE'}) RETURN c.at AS at"), { id: ACTION })
    )[0]!;
    await panel().getByRole('button', { name: 'Yes, delete it' }).click();
    await panel().getByRole('heading', { level: 2, name: 'Deleted' }).waitFor();
    expect(await panel().getByRole('alert').textContent()).toBe(
      `It was already deleted. Test Admin deleted it at ${at(deletion.at as string)}. The history keeps a record of it.`,
    );
  });

  it('does not offer to reapply an edit to an item the other person deleted', async () => {
    await openNode(SECOND, 'Open a carers’ hub in every town');
    await panel().getByRole('button', { name: 'Edit', exact: true }).click();
    await panel().getByLabel('Title', { exact: true }).fill('Open a carers’ hub in every town by 2027');
    await deleteNode(SECOND, (await readNode(SECOND))!.version);
    const deletion = (
      await gateway.read(cypher('test.editConflict.deletion', "MATCH (c:Change {subjectId: $id, operation: 'DELETE_NODE'}) RETURN c.at AS at"), { id: SECOND })
    )[0]!;

    await panel().getByRole('button', { name: 'Save changes' }).click();
    await panel().getByRole('heading', { level: 2, name: 'Deleted' }).waitFor();
    expect(await panel().getByRole('alert').textContent()).toBe(
      `Your changes were not saved. Test Admin deleted it at ${at(deletion.at as string)}. The history keeps a record of it.`,
    );
    expect(
      await panel()
        .getByRole('button', { name: /Reload/ })
        .count(),
    ).toBe(0);
    await page.waitForFunction(() => document.activeElement?.id === 'detail-heading');
    expect(await axeViolations(page)).toEqual([]);
    expect(await readNode(SECOND)).toBeNull();
  });
});
