import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher, type Gateway } from '../../server/src/db/gateway.ts';
import { testGateway, testTokens } from '../../server/test/api.ts';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

// An editor links an action to a section of the Care Act 2014 (which the seed holds) that the
// graph does not hold yet: the add-link search offers it, and choosing it adds it and links to it.
const PREFIX = 'test-cited-provision-page-';
const PLAN = `${PREFIX}plan`;
const ACTION = `${PLAN}/a1`;
const ACTION_TITLE = 'Assess every carer who asks';
const ACT = 'authority/care-act-2014';
// A section no graph holds, fresh on every run.
const SECTION = `${900 + Math.floor(Math.random() * 99)}ZZ`;
const PROVISION = `${ACT}/s${SECTION.toLowerCase()}`;
const PROVISION_TITLE = `s.${SECTION} Care Act 2014`;

const cleanUp = cypher(
  'test.citedProvisionPage.cleanUp',
  `CALL () { MATCH (n:Entity) WHERE n.id STARTS WITH $prefix OR n.id = $provision DETACH DELETE n }
   CALL () { MATCH (c:Change) WHERE c.subjectId STARTS WITH $prefix OR c.subjectId = $provision DELETE c }`,
);
const stored = cypher(
  'test.citedProvisionPage.stored',
  `MATCH (act:Authority {id: $act})-[placed:HAS_PROVISION]->(p:Provision {id: $provision})
   OPTIONAL MATCH (item:Entity)-[link:GIVES_EFFECT_TO]->(p)
   RETURN p.code AS code, placed.basis AS basis, placed.rationale AS rationale, collect({from: item.id, basis: link.basis, rationale: link.rationale}) AS links`,
);

/** A request to the real API as Test Admin, to arrange the data; fails on any error. */
async function asAdmin(query: string, variables: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${inject('appUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${testTokens.admin}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map(({ message }) => message).join(' '));
}

let browser: Browser;
let page: Page;
let gateway: Gateway;

beforeAll(async () => {
  gateway = testGateway();
  await gateway.write(cleanUp, { prefix: PREFIX, provision: PROVISION });
  const create = 'mutation ($input: NodeInput!) { createNode(input: $input) { id } }';
  await asAdmin(create, { input: { label: 'Plan', id: PLAN, title: 'Test cited provision carers plan', properties: { kind: 'STRATEGY', status: 'DRAFT' } } });
  await asAdmin(create, { input: { label: 'Action', id: ACTION, title: ACTION_TITLE, parentId: PLAN, properties: { term: 'We will' } } });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  if (!gateway) return;
  try {
    await gateway.write(cleanUp, { prefix: PREFIX, provision: PROVISION });
  } finally {
    await gateway.close();
  }
});

const panel = () => page.locator('aside.detail-panel');

describe('linking an action to a section the graph does not hold yet', () => {
  it('offers the cited section when the search names it', async () => {
    await page.goto(`${inject('appUrl')}/plans?id=${encodeURIComponent(PLAN)}&node=${encodeURIComponent(ACTION)}`);
    await panel().getByRole('heading', { level: 2, name: ACTION_TITLE }).waitFor();
    await page.getByRole('button', { name: 'Sign in to edit' }).click();
    await page.getByLabel('Editing token').fill(testTokens.editor);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in', { exact: true }).waitFor();

    await panel().getByRole('button', { name: 'Add link' }).click();
    const form = panel().getByRole('form', { name: 'Add a link from this action' });
    await form.getByLabel('Link type').selectOption('GIVES_EFFECT_TO');
    await form.getByLabel('Find what it links to').fill(`section ${SECTION} of the Care Act 2014`);
    await form.getByRole('button', { name: 'Find' }).click();
    const offer = form.getByRole('radio', { name: `s.${SECTION} of the Care Act 2014 — not in the graph yet: add it and link to it` });
    await offer.waitFor();
    // The Act itself is found as well, and the offer says where the section goes.
    expect(await form.getByRole('radio', { name: /^Care Act 2014/ }).count()).toBe(1);
    expect(await offer.getAttribute('aria-describedby').then((id) => form.locator(`#${id}`).textContent())).toBe(
      'It is added under the Care Act 2014, as curated by you.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await offer.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'cited-provision-offer');
  });

  it('adds the section under its Act and links the action to it', async () => {
    const form = panel().getByRole('form', { name: 'Add a link from this action' });
    await form.getByRole('radio', { name: /not in the graph yet/ }).check();
    await form.getByLabel('Rationale').fill('The action carries out this duty of the Act.');
    await form.getByRole('button', { name: 'Add link' }).click();
    await panel()
      .getByRole('status')
      .filter({ hasText: `Added “${PROVISION_TITLE}” to the graph and linked: “${ACTION_TITLE}” gives effect to “${PROVISION_TITLE}”.` })
      .waitFor();
    const [row] = await gateway.read(stored, { act: ACT, provision: PROVISION });
    expect(row).toEqual({
      code: `s.${SECTION}`,
      basis: 'CURATED',
      rationale: `Cited as “s.${SECTION} of the Care Act 2014”.`,
      links: [{ from: ACTION, basis: 'CURATED', rationale: 'The action carries out this duty of the Act.' }],
    });
    await panel()
      .getByRole('table', { name: `Links in and out of ${ACTION_TITLE}` })
      .getByRole('row')
      .filter({ hasText: PROVISION_TITLE })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
