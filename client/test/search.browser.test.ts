// Search at a laptop's size: the page keeps the API's ranking, says when words were matched
// closely and loads further pages.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from './browser.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});
afterAll(() => browser?.close());

/** The ids of the API's hits for `text`, best first, from `offset`. */
async function apiRanking(text: string, first: number, offset = 0): Promise<string[]> {
  const response = await fetch(`${inject('appUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query ($text: String!, $first: Int!, $offset: Int!) { search(text: $text, first: $first, offset: $offset) { hits { node { id } } } }',
      variables: { text, first, offset },
    }),
  });
  const body = (await response.json()) as { data: { search: { hits: { node: { id: string } }[] } } };
  return body.data.search.hits.map(({ node }) => node.id);
}

const results = () => page.getByRole('list', { name: 'Search results, best first' }).locator(':scope > li');
const shownIds = () => results().evaluateAll((items) => items.map((item) => item.getAttribute('data-node-id')));

describe('search results', () => {
  it('lists "care leavers covenant" in the order the API ranks it, the action implementing the covenant near the top', async () => {
    await page.goto(`${inject('appUrl')}/search?q=${encodeURIComponent('care leavers covenant')}`);
    await results().first().waitFor();
    const ranking = await apiRanking('care leavers covenant', 50);
    expect(await shownIds()).toEqual(ranking);
    expect((await shownIds()).indexOf('redbridge-people-strategy-2024/sp2/w3')).toBeLessThan(2);
    const action = results().filter({ hasText: 'Improve the outcomes for care leavers by implementing the Care Leavers Covenant' }).first();
    expect(await action.isVisible()).toBe(true);
    expect((await action.boundingBox())!.y).toBeLessThan(768);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('loads the next results with "More results", without repeats and in the API\'s order', async () => {
    await page.goto(`${inject('appUrl')}/search?q=care`);
    await results().first().waitFor();
    expect(await results().count()).toBe(50);
    await page.getByRole('button', { name: 'More results' }).click();
    await results().nth(50).waitFor();
    const shown = await shownIds();
    expect(shown).toEqual([...(await apiRanking('care', 50)), ...(await apiRanking('care', 50, 50))]);
    expect(new Set(shown).size).toBe(shown.length);
    // Focus moves to the first new result, so a keyboard user reads on from there.
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-node-id'))).toBe(shown[50]);
  });

  it('narrows to one plan without changing the order', async () => {
    await page.goto(`${inject('appUrl')}/search?q=${encodeURIComponent('care leavers')}`);
    await results().first().waitFor();
    const all = await shownIds();
    await page.getByLabel('Show results from').selectOption({ value: 'redbridge-people-strategy-2024' });
    const narrowed = await shownIds();
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(all.length);
    expect(narrowed).toEqual(all.filter((id) => narrowed.includes(id)));
  });

  it('reads a citation as one, with the Act first', async () => {
    const text = 's.1 of the Care Act 2014';
    await page.goto(`${inject('appUrl')}/search?q=${encodeURIComponent(text)}`);
    await page.getByText('Read as a citation of section 1 of the Care Act 2014, not as separate words').waitFor();
    await results().first().waitFor();
    const shown = await shownIds();
    expect(shown).toEqual(await apiRanking(text, 50));
    expect(shown.slice(0, 2)).toContain('authority/care-act-2014');
  });

  it('says when nothing matches a misspelt word exactly, and shows the close matches', async () => {
    await page.goto(`${inject('appUrl')}/search?q=safegaurding`);
    await page.getByText('No exact matches for ‘safegaurding’; showing close matches.').waitFor();
    const titles = await results().locator('.link-button').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.some((title) => /safeguard/i.test(title))).toBe(true);
  });
});
