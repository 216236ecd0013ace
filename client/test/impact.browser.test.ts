import type { Core } from 'cytoscape';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

const act = { id: 'authority/children-and-social-work-act-2017', title: 'Children and Social Work Act 2017' };

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
});
afterAll(() => browser?.close());

const laidOutCount = () => page.evaluate(() => performance.getEntriesByName('graph:laid-out').length);

/** Reads the drawing: Cytoscape keeps its instance on the container as `_cyreg`. */
function inGraph<T>(read: (cy: Core) => T): Promise<T> {
  return page.evaluate(`(${read.toString()})(document.querySelector('.graph-canvas')._cyreg.cy)`) as Promise<T>;
}

describe('what depends on an Act', () => {
  it('counts, draws and lists everything downstream of it', async () => {
    await page.goto(new URL(`/impact?id=${encodeURIComponent(act.id)}`, inject('appUrl')).href);
    await page.getByRole('heading', { level: 1, name: `What depends on ${act.title}` }).waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('graph:laid-out').length > 0);

    const summary = (await page.locator('.impact-summary').textContent()) ?? '';
    const dependents = Number(/^([\d,]+) items depend on it/.exec(summary)?.[1]?.replaceAll(',', ''));
    expect(dependents).toBeGreaterThan(0);

    const counts = page.getByRole('table', { name: 'Dependent items by kind' });
    const actions = Number(
      await counts
        .getByRole('row', { name: /^Action/ })
        .getByRole('cell')
        .textContent(),
    );
    expect(actions).toBeGreaterThan(0);
    const total = (await counts.locator('tbody td').allTextContents()).reduce((sum, cell) => sum + Number(cell.replaceAll(',', '')), 0);
    expect(total).toBe(dependents);
    expect(await page.locator('.impact-notice').count()).toBe(0);

    expect(await inGraph((cy) => cy.nodes().length)).toBe(dependents + 1);
    expect(await inGraph((cy) => cy.nodes('[?root]').map((node) => node.id()))).toEqual([act.id]);
    const overlapping = await inGraph((cy) => {
      const boxes = cy.nodes().map((node) => node.boundingBox({ includeLabels: true, includeOverlays: false }));
      return boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2)).length;
    });
    expect(overlapping).toBe(0);

    const items = page.getByRole('region', { name: /^Items in this graph/ });
    expect(await items.getByRole('heading', { name: 'Actions' }).count()).toBe(1);
    expect(await items.locator('.node-button').count()).toBe(dependents + 1);
    await saveScreenshot(page, 'impact');
  });

  it('follows fewer links when asked, keeping the choice in the URL', async () => {
    const before = await laidOutCount();
    await page.getByLabel('Links to follow downstream').selectOption('1');
    await page.waitForFunction((count) => performance.getEntriesByName('graph:laid-out').length > count, before);
    expect(new URL(page.url()).searchParams.get('depth')).toBe('1');
    expect(await page.locator('.impact-summary').textContent()).toMatch(/ within one link[.,]/);
    const direct = await inGraph((cy) => cy.nodes().length);
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('depth') === null);
    await page.getByRole('heading', { level: 1, name: `What depends on ${act.title}` }).waitFor();
    await page.waitForFunction((count) => count < document.querySelectorAll('.node-button').length, direct);
  });

  it('keeps the focused item and its ring on the drawing in view while the keyboard walks a long list', async () => {
    await page.goto(new URL('/impact?id=authority/care-act-2014', inject('appUrl')).href);
    await page.waitForFunction(() => performance.getEntriesByName('graph:laid-out').length > 0);
    await page.locator('.node-button').first().waitFor();
    // Drawn grouped by plan at first: open every plan, then every level group left.
    for (const toggle of await page.getByRole('button', { name: /^Show each item of / }).all()) {
      const before = await laidOutCount();
      await toggle.click();
      await page.waitForFunction((count) => performance.getEntriesByName('graph:laid-out').length > count, before);
    }
    for (let group = page.locator('.node-button[data-node-id^="group:"]').first(); (await group.count()) > 0; ) {
      const before = await laidOutCount();
      await group.click();
      await page.waitForFunction((count) => performance.getEntriesByName('graph:laid-out').length > count, before);
    }
    const items = await page.locator('.node-button').count();
    expect(items).toBeGreaterThan(50);
    await page.locator('.node-button[tabindex="0"]').focus();
    for (const key of ['End', 'ArrowUp', 'ArrowUp', 'Home', 'End']) {
      await page.keyboard.press(key);
      // The drawing pans to the focused item: wait for the pan to end.
      await page.waitForFunction(
        () => !(document.querySelector('.graph-canvas') as unknown as { _cyreg: { cy: { animated(): boolean } } })._cyreg.cy.animated(),
      );
      const seen = await page.evaluate(`(() => {
        const cy = document.querySelector('.graph-canvas')._cyreg.cy;
        const canvas = document.querySelector('.graph-canvas').getBoundingClientRect();
        const focused = document.activeElement;
        const at = cy.getElementById(focused.getAttribute('data-node-id')).renderedPosition();
        const button = focused.getBoundingClientRect();
        const inView = (top, bottom) => top >= 0 && bottom <= innerHeight;
        return { ring: inView(canvas.top + at.y, canvas.top + at.y) && at.y >= 0 && at.y <= canvas.height, button: inView(button.top, button.bottom) };
      })()`);
      expect(seen, key).toEqual({ ring: true, button: true });
    }
  });

  it('has no accessibility violations (axe-core, WCAG 2.2 AA)', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });
});
