/**
 * The graphs at a laptop's size (1366×768): labels large enough to read on arrival, the drawing
 * in view without scrolling, links named on focus and hover, and large impact answers grouped by
 * plan with counts that open into their items.
 */
import type { Core } from 'cytoscape';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

// The largest trace of the seed data (15 items).
const action = { id: 'caring-for-redbridge-2018/so2/ka1', title: 'Proactively creating opportunities and supporting people to enter employment' };
const careAct = { id: 'authority/care-act-2014', title: 'Care Act 2014' };
const minLabelPx = 12;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});
afterAll(() => browser?.close());

/** Reads the drawing: Cytoscape keeps its instance on the container as `_cyreg`. */
function inGraph<T>(read: (cy: Core) => T): Promise<T> {
  return page.evaluate(`(${read.toString()})(document.querySelector('.graph-canvas')._cyreg.cy)`) as Promise<T>;
}

const laidOutCount = () => page.evaluate(() => performance.getEntriesByName('graph:laid-out').length);
async function graphLaidOut(before = 0): Promise<void> {
  await page.waitForFunction((count) => performance.getEntriesByName('graph:laid-out').length > count, before);
  await page.waitForFunction(() => !(document.querySelector('.graph-canvas') as unknown as { _cyreg: { cy: { animated(): boolean } } })._cyreg.cy.animated());
}

/** Every label on the drawing as drawn on screen: its text and its height in CSS pixels (font size × zoom). */
const drawnLabels = () =>
  inGraph((cy) =>
    cy.nodes().map((node) => ({
      id: node.id(),
      text: String(node.style('label') ?? ''),
      px: (node as unknown as { pstyle(name: string): { pfValue: number } }).pstyle('font-size').pfValue * cy.zoom(),
    })),
  );

/** Whether part of the drawing (its nodes, inside the canvas) is on screen before any scrolling. */
const drawingOnScreen = () =>
  page.evaluate(`(() => {
    const element = document.querySelector('.graph-canvas');
    const canvas = element.getBoundingClientRect();
    const nodes = element._cyreg.cy.nodes().renderedBoundingBox({ includeLabels: false });
    const top = Math.max(canvas.top + nodes.y1, canvas.top, 0);
    const bottom = Math.min(canvas.top + nodes.y2, canvas.bottom, innerHeight);
    const left = Math.max(canvas.left + nodes.x1, canvas.left, 0);
    const right = Math.min(canvas.left + nodes.x2, canvas.right, innerWidth);
    return { scrollY, visibleHeight: Math.max(0, bottom - top), visibleWidth: Math.max(0, right - left), canvasTop: canvas.top };
  })()`) as Promise<{ scrollY: number; visibleHeight: number; visibleWidth: number; canvasTop: number }>;

/** The API's answer, asked the way any client would. */
async function apiImpact(id: string): Promise<{ total: number; byPlan: { plan: { id: string; title: string } | null; count: number; nodeIds: string[] }[] }> {
  const response = await fetch(new URL('/graphql', inject('appUrl')), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query ($id: ID!) { impact(id: $id) { subgraph { nodes { id } } byPlan { plan { id title } count nodeIds } } }',
      variables: { id },
    }),
  });
  const { data } = (await response.json()) as {
    data: { impact: { subgraph: { nodes: { id: string }[] }; byPlan: { plan: { id: string; title: string } | null; count: number; nodeIds: string[] }[] } };
  };
  return { total: data.impact.subgraph.nodes.length - 1, byPlan: data.impact.byPlan };
}

describe('a trace at 1366×768', () => {
  it('opens with the drawing in view beside the answer and every label at least 12 px high', async () => {
    await page.goto(new URL(`/trace?id=${encodeURIComponent(action.id)}`, inject('appUrl')).href);
    await page.getByRole('heading', { level: 1, name: action.title }).waitFor();
    await graphLaidOut();
    const labels = await drawnLabels();
    expect(labels.length).toBe(15);
    for (const label of labels) {
      expect(label.text, label.id).not.toBe('');
      expect(label.px, label.id).toBeGreaterThanOrEqual(minLabelPx);
    }
    const onScreen = await drawingOnScreen();
    expect(onScreen.scrollY).toBe(0);
    // Most of the first screen's height below the header, not a sliver at its foot.
    expect(onScreen.canvasTop).toBeLessThan(768 / 2);
    expect(onScreen.visibleHeight).toBeGreaterThan(250);
    expect(onScreen.visibleWidth).toBeGreaterThan(250);
    // The item traced is on screen, inside the drawing.
    const root = await inGraph((cy) => cy.nodes('[?root]').first().renderedBoundingBox({ includeLabels: false }));
    const canvas = (await page.locator('.graph-canvas').boundingBox())!;
    expect(root.x1).toBeGreaterThanOrEqual(0);
    expect(root.x2).toBeLessThanOrEqual(canvas.width);
    expect(canvas.y + root.y2).toBeLessThanOrEqual(768);
    await saveScreenshot(page, 'trace-1366');
  });

  it('names a node’s links on the drawing and gives its full name when it is focused in the list', async () => {
    const button = page.locator(`.node-button[data-node-id="${action.id}"]`);
    await button.focus();
    const named = await inGraph((cy) =>
      cy
        .getElementById('caring-for-redbridge-2018/so2/ka1')
        .connectedEdges()
        .map((edge) => ({ label: String(edge.style('label') ?? ''), phrase: String(edge.data('phrase')) })),
    );
    expect(named.length).toBeGreaterThan(0);
    for (const { label, phrase } of named) expect(label).toBe(phrase);
    expect(named.map(({ label }) => label)).toContain('gives effect to');
    // Links of other nodes stay unnamed, so the drawing is not cluttered.
    expect(await inGraph((cy) => cy.edges().filter((edge) => String(edge.style('label') ?? '') !== '').length)).toBe(named.length);
    const caption = page.locator('.graph-caption');
    expect(await caption.textContent()).toContain(action.title);
    expect(await caption.textContent()).toContain('gives effect to');
    await button.blur();
  });

  it('gives the full name and the links of a node pointed at, however its label was shortened', async () => {
    const target = await inGraph((cy) => {
      const node = cy.nodes('[!root]').filter((candidate) => {
        const box = candidate.renderedBoundingBox({ includeLabels: false });
        return box.x1 > 0 && box.y1 > 0 && box.x2 < cy.width() && box.y2 < cy.height();
      })[0]!;
      return {
        id: node.id(),
        title: String(node.data('title')),
        at: node.renderedPosition(),
        phrases: node.connectedEdges().map((edge) => String(edge.data('phrase'))),
      };
    });
    const canvas = (await page.locator('.graph-canvas').boundingBox())!;
    await page.mouse.move(canvas.x + target.at.x, canvas.y + target.at.y);
    await page.locator('.graph-caption').filter({ hasText: target.title }).waitFor();
    const named = await inGraph((cy) =>
      cy
        .edges()
        .filter((edge) => String(edge.style('label') ?? '') !== '')
        .map((edge) => String(edge.style('label'))),
    );
    expect(named.sort()).toEqual(target.phrases.sort());
    await page.mouse.move(0, 0);
  });

  it('keeps labels at least 12 px when the trace grows towards 40 items', async () => {
    // The neighbours of the action's priority (9 more) and of one of its themes (14 more).
    for (const id of ['caring-for-redbridge-2018/so2', 'theme/employment-and-skills']) {
      await page.locator(`.node-button[data-node-id="${id}"]`).click();
      const before = await laidOutCount();
      await page.locator('.selection-bar').getByRole('button', { name: 'Expand neighbours' }).click();
      await graphLaidOut(before);
    }
    const labels = await drawnLabels();
    expect(labels.length).toBeGreaterThan(30);
    expect(labels.length).toBeLessThanOrEqual(40);
    for (const label of labels) expect(label.px, label.id).toBeGreaterThanOrEqual(minLabelPx);
  });

  it('has no accessibility violations (axe-core, WCAG 2.2 AA)', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('impact at 1366×768', () => {
  it('is in the main menu, and finds the item to look at by name', async () => {
    await page.goto(inject('appUrl'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Impact', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Impact/ }).waitFor();
    await page.getByLabel('Law, plan or priority').fill(careAct.title);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('link', { name: new RegExp(`^Act ${careAct.title}$`) }).click();
    await page.getByRole('heading', { level: 1, name: `What depends on ${careAct.title}` }).waitFor();
    expect(new URL(page.url()).searchParams.get('id')).toBe(careAct.id);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Impact', exact: true }).getAttribute('aria-current')).toBe('page');
  });

  it('breaks the Care Act’s dependents down by plan, with counts that add up to the API’s total', async () => {
    await graphLaidOut();
    const api = await apiImpact(careAct.id);
    expect(api.total).toBeGreaterThan(80);
    const rows = page.getByRole('table', { name: 'Dependent items by plan' }).locator('tbody tr');
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({ plan: tr.querySelector('th')!.textContent, count: Number(tr.querySelector('td')!.textContent!.replaceAll(',', '')) })),
    );
    expect(shown).toEqual(api.byPlan.map(({ plan, count }) => ({ plan: plan?.title ?? 'In no plan', count })));
    expect(shown.filter(({ plan }) => plan !== 'In no plan').length).toBeGreaterThanOrEqual(3);
    expect(shown.reduce((sum, { count }) => sum + count, 0)).toBe(api.total);
    expect(await page.locator('.impact-summary').textContent()).toMatch(
      new RegExp(`^${api.total} items depend on it within 4 links, in ${api.byPlan.filter(({ plan }) => plan).length} plans: `),
    );
  });

  it('draws a group per plan with its count, readable and in view, instead of every item', async () => {
    const api = await apiImpact(careAct.id);
    const groups = await inGraph((cy) => cy.nodes('[!root]').map((node) => String(node.data('display')).replaceAll('\n', ' ')));
    expect(groups).toHaveLength(api.byPlan.length);
    const counts = groups.map((label) => Number(/^Group of (\d+):/.exec(label)?.[1]));
    expect(counts).toEqual(api.byPlan.map(({ count }) => count));
    for (const label of await drawnLabels()) expect(label.px, label.id).toBeGreaterThanOrEqual(minLabelPx);
    const onScreen = await drawingOnScreen();
    expect(onScreen.scrollY).toBe(0);
    expect(onScreen.visibleHeight).toBeGreaterThan(100);
    await saveScreenshot(page, 'impact-grouped-1366');
  });

  it('opens a plan’s group into its levels and a level into its items', async () => {
    const api = await apiImpact(careAct.id);
    const largest = api.byPlan[0]!;
    const items = page.getByRole('region', { name: /^Items in this graph/ });
    let before = await laidOutCount();
    const group = items.getByRole('button', { name: new RegExp(`^Group of ${largest.count} ${largest.plan!.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
    expect(await group.textContent()).toMatch(/\(a group: shows what it holds\)$/);
    await group.click();
    await graphLaidOut(before);
    const drawn = async () => new Set(await inGraph((cy) => cy.nodes().map((node) => node.id())));
    let ids = await drawn();
    expect(ids.has(`group:plan:${largest.plan!.id}`)).toBe(false);
    const levelGroups = [...ids].filter((id) => id.startsWith(`group:plan:${largest.plan!.id}|`));
    expect(levelGroups.length).toBeGreaterThan(0);
    // Each of the plan's items is drawn, or stands in a level group whose count says so.
    const inLevels = await inGraph((cy) =>
      cy.nodes('[id ^= "group:plan:"][id *= "|"]').map((node) => Number(/^Group of (\d+)/.exec(String(node.data('display')))?.[1])),
    );
    expect(largest.nodeIds.filter((id) => ids.has(id)).length + inLevels.reduce((sum, count) => sum + count, 0)).toBe(largest.count);

    before = await laidOutCount();
    await page.locator(`.node-button[data-node-id="${levelGroups[0]}"]`).click();
    await graphLaidOut(before);
    ids = await drawn();
    expect(ids.has(levelGroups[0]!)).toBe(false);
    expect(largest.nodeIds.filter((id) => ids.has(id)).length).toBeGreaterThan(largest.count - inLevels.reduce((sum, count) => sum + count, 0));
    // Back to the group by the table's toggle.
    before = await laidOutCount();
    await page.getByRole('button', { name: `Show each item of ${largest.plan!.title} on the drawing` }).click();
    await graphLaidOut(before);
    expect((await drawn()).has(`group:plan:${largest.plan!.id}`)).toBe(true);
  });

  it('has no accessibility violations (axe-core, WCAG 2.2 AA)', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no accessibility violations where the item is chosen (axe-core, WCAG 2.2 AA)', async () => {
    await page.goto(new URL('/impact?find=care', inject('appUrl')).href);
    await page.getByRole('heading', { name: 'Matching items' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
