import { readFile } from 'node:fs/promises';
import type { Core } from 'cytoscape';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

const action = {
  id: 'redbridge-people-strategy-2024/sp2/w3',
  title: 'Improve the outcomes for care leavers by implementing the Care Leavers Covenant',
};
const act = { id: 'authority/children-and-social-work-act-2017', title: 'Children and Social Work Act 2017' };

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
});
afterAll(() => browser?.close());

/** Waits until the graph has been laid out once more than `before` times (User Timing marks of GraphController). */
async function graphLaidOut(before = 0): Promise<void> {
  await page.waitForFunction((count) => performance.getEntriesByName('graph:laid-out').length > count, before);
}
const laidOutCount = () => page.evaluate(() => performance.getEntriesByName('graph:laid-out').length);

/**
 * Reads the drawing itself. Cytoscape keeps its instance on the container as `_cyreg`; the
 * test looks, it never changes anything through it.
 */
function inGraph<T>(read: (cy: Core) => T): Promise<T> {
  return page.evaluate(`(${read.toString()})(document.querySelector('.graph-canvas')._cyreg.cy)`) as Promise<T>;
}

const activeNodeId = () => page.evaluate(() => document.activeElement?.getAttribute('data-node-id') ?? null);

describe('tracing an action from search to the law and council priorities', () => {
  it('finds the action by searching and opens its trace', async () => {
    await page.goto(inject('appUrl'));
    const searchBox = page.getByRole('searchbox', { name: 'Search plans, actions, law and evidence' });
    await searchBox.fill('care leavers');
    await searchBox.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Results for “care leavers”' }).waitFor();

    const result = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: action.title, exact: true }) });
    await result.getByRole('link', { name: 'Trace', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: action.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/trace');
    expect(new URL(page.url()).searchParams.get('id')).toBe(action.id);
    await graphLaidOut();
  });

  it('says which Act and which Redbridge council priority it reaches, in the summary and the text alternative', async () => {
    const summary = page.locator('.trace-summary');
    expect(await summary.textContent()).toMatch(
      /^Gives effect to \d+ authorit(y|ies) itself( and inherits \d+)?; serves (no|\d+) council priorit(y|ies) itself( and inherits \d+)?\./,
    );
    const actLink = summary.getByRole('link', { name: act.title, exact: true });
    expect(new URL((await actLink.getAttribute('href')) ?? '', inject('appUrl')).searchParams.get('node')).toBe(act.id);
    const priorityLink = summary.getByRole('link', { name: 'Increase fairness and aspiration within the borough', exact: true });
    expect(new URL((await priorityLink.getAttribute('href')) ?? '', inject('appUrl')).searchParams.get('node')).toMatch(/^redbridge-corporate-plan\//);

    const items = page.getByRole('region', { name: /^Items in this graph/ });
    await items.getByRole('button', { name: new RegExp(`^Act ${act.title}`) }).waitFor();
    await items.getByRole('button', { name: /^Council priority Increase fairness and aspiration within the borough/ }).waitFor();
    const links = page.getByRole('region', { name: /^Links in this graph/ });
    const actRow = links.getByRole('row').filter({ hasText: `Act: ${act.title}` });
    expect(await actRow.getByRole('cell').allTextContents()).toEqual([
      `We will: ${action.title}`,
      'gives effect to',
      `Act: ${act.title}`,
      'Curated by a person',
      expect.stringMatching(/Children and Social Work Act 2017/),
    ]);

    const paths = page.getByRole('region', { name: /^Paths/ });
    expect(await paths.textContent()).toContain('Action → Priority → Council priority');
    expect(await page.getByRole('img', { name: new RegExp(`^Trace of ${action.title}: \\d+ items and \\d+ links`) }).count()).toBe(1);
  });

  it('draws every node, the item traced marked, with no label overlapping another', async () => {
    const drawn = await inGraph((cy) => ({
      ids: cy.nodes().map((node) => node.id()),
      root: cy.nodes('[?root]').map((node) => node.id()),
      boxes: cy.nodes().map((node) => node.boundingBox({ includeLabels: true, includeOverlays: false })),
    }));
    expect(drawn.ids).toEqual(expect.arrayContaining([action.id, act.id]));
    expect(drawn.root).toEqual([action.id]);
    const overlapping = drawn.boxes.flatMap((a, i) => drawn.boxes.slice(i + 1).filter((b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2));
    expect(overlapping).toEqual([]);
  });

  it('goes back to the search results with the back button, and forward again', async () => {
    const before = await laidOutCount();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Results for “care leavers”' }).waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search plans, actions, law and evidence' }).inputValue()).toBe('care leavers');
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: action.title }).waitFor();
    await graphLaidOut(before);
  });

  it('opens a node’s details, with its source excerpt, when the node is clicked on the graph', async () => {
    await page.locator('.graph-canvas').scrollIntoViewIfNeeded();
    const centre = await inGraph((cy) => cy.nodes('[?root]').first().renderedPosition());
    const canvas = await page.locator('.graph-canvas').boundingBox();
    await page.mouse.click(canvas!.x + centre.x, canvas!.y + centre.y);
    const panel = page.getByRole('complementary', { name: action.title });
    await panel.waitFor();
    expect(new URL(page.url()).searchParams.get('node')).toBe(action.id);
    expect(await panel.locator('blockquote.excerpt').first().textContent()).toBe(action.title);
    expect(await panel.locator('figcaption').first().textContent()).toContain('People Strategy');
    expect(await inGraph((cy) => cy.nodes('.selected').map((node) => node.id()))).toEqual([action.id]);
  });

  it('offers to trace from the selected node and to add its neighbours to the graph', async () => {
    await page.locator('.trace-summary').getByRole('link', { name: act.title, exact: true }).click();
    await page.getByRole('complementary', { name: act.title }).waitFor();
    const selection = page.locator('.selection-bar');
    expect(await selection.textContent()).toContain(`Selected: Act: ${act.title}`);

    const before = await laidOutCount();
    const shown = await inGraph((cy) => cy.nodes().length);
    await selection.getByRole('button', { name: 'Expand neighbours' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Added \d+ items? and \d+ links? next to Children and Social Work Act 2017/ })
      .waitFor();
    await graphLaidOut(before);
    expect(await inGraph((cy) => cy.nodes().length)).toBeGreaterThan(shown);
    const overlapping = await inGraph((cy) => {
      const boxes = cy.nodes().map((node) => node.boundingBox({ includeLabels: true, includeOverlays: false }));
      return boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2)).length;
    });
    expect(overlapping).toBe(0);
  });

  it('has no accessibility violations with the detail panel open (axe-core, WCAG 2.2 AA)', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the trace view by keyboard alone', () => {
  it('reaches a node with Tab, moves with the arrow keys, opens its details with Enter and closes them with Escape', async () => {
    await page.goto(new URL(`/trace?id=${encodeURIComponent(action.id)}`, inject('appUrl')).href);
    await page.getByRole('heading', { level: 1, name: action.title }).waitFor();
    await graphLaidOut();

    for (let presses = 0; presses < 80 && !(await activeNodeId()); presses++) await page.keyboard.press('Tab');
    const first = await activeNodeId();
    expect(first).toBe(action.id);
    expect(await inGraph((cy) => cy.nodes('.focused').map((node) => node.id()))).toEqual([action.id]);

    await page.keyboard.press('Home');
    const top = await activeNodeId();
    await page.keyboard.press('ArrowDown');
    const second = await activeNodeId();
    expect(second).not.toBe(top);
    expect(await inGraph((cy) => cy.nodes('.focused').map((node) => node.id()))).toEqual([second]);
    await page.keyboard.press('ArrowUp');
    expect(await activeNodeId()).toBe(top);
    expect(top).toBe(act.id);

    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: act.title });
    await panel.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'detail-heading');
    expect(await panel.locator('blockquote.excerpt').first().textContent()).toBe(act.title);

    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.has('node')).toBe(false);
    expect(await activeNodeId()).toBe(act.id);
  });

  it('exports the graph as a PNG download', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
    expect(download.suggestedFilename()).toBe('trace-redbridge-people-strategy-2024-sp2-w3.png');
    const image = await readFile((await download.path())!);
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    expect(image.length).toBeGreaterThan(10_000);
    await saveScreenshot(page, 'trace');
  });

  it('has no accessibility violations (axe-core, WCAG 2.2 AA)', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });
});
