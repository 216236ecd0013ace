// The site as a whole: search from every page, addresses that name no page, and reflow on a narrow screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser } from './browser.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(() => browser?.close());

const open = (path: string) => page.goto(new URL(path, inject('appUrl')).href);
const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

describe('search', () => {
  it('explains how to search when there is nothing to search for', async () => {
    await open('/search?q=');
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Type words into the search box');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says a text is too long without asking the API, and keeps the page its width', async () => {
    await open(`/search?q=${'care '.repeat(1_000)}`);
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    expect(await page.locator('main').getByRole('status').textContent()).toMatch(/^The search text is 4,999 characters long; a search can be at most 500\./);
    expect(await pageWidth()).toBeLessThanOrEqual(1280);
  });

  it('cuts a long text short in the heading, without widening the page', async () => {
    const long = 'x'.repeat(300);
    await open(`/search?q=${long}`);
    await page.getByRole('heading', { level: 1, name: /^Results for “x+…”$/ }).waitFor();
    await page.getByText('Nothing matches').waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(1280);
  });

  it('leaves out what has the word after NOT', async () => {
    await open('/search?q=care+NOT+leavers');
    await page.getByRole('heading', { level: 1, name: 'Results for “care NOT leavers”' }).waitFor();
    await page.locator('.result-list li').first().waitFor();
    const titles = await page.locator('.result-list li .link-button').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.filter((title) => /leavers/i.test(title))).toEqual([]);
  });
});

describe('addresses that name no page', () => {
  it('says the page was not found and offers a way on', async () => {
    await open('/no-such-page?node=x');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.title()).toBe('Page not found – Council alignment graph');
    expect(await page.locator('main').textContent()).toContain('No page has the address /no-such-page.');
    await page.locator('main').getByRole('link', { name: 'plans' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plans' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has an icon for the browser tab', async () => {
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    const response = await page.request.get(new URL(href ?? '', inject('appUrl')).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/svg+xml');
  });
});

describe('the drawing code of graph views', () => {
  const graphChunkRequests = (path: string) => {
    const requested: string[] = [];
    const listener = (request: { url(): string }) => {
      if (/\/assets\/GraphView-[^/]*\.js$/.test(request.url())) requested.push(request.url());
    };
    page.on('request', listener);
    return {
      open: () => open(path),
      done: () => {
        page.off('request', listener);
        return requested;
      },
    };
  };

  it('is asked for with the first page when a link opens a graph view, and only once', async () => {
    const requests = graphChunkRequests('/trace?id=redbridge-people-strategy-2024%2Fsp2%2Fw3');
    await requests.open();
    await page.locator('.graph-canvas canvas').first().waitFor();
    expect(await page.locator('link[rel="modulepreload"][href*="/assets/GraphView-"]').count()).toBe(1);
    expect(requests.done()).toHaveLength(1);
  });

  it('is not fetched by the other pages', async () => {
    const requests = graphChunkRequests('/plans');
    await requests.open();
    await page.getByRole('heading', { level: 1, name: 'Plans' }).waitFor();
    expect(await page.locator('link[rel="modulepreload"]').count()).toBe(0);
    expect(requests.done()).toEqual([]);
  });
});

describe('a narrow screen (WCAG 2.2 reflow: 320 CSS pixels wide)', () => {
  it.each([
    '/',
    '/plans',
    '/search?q=care',
    '/trace?id=redbridge-people-strategy-2024/sp2/w3&node=authority/care-act-2014',
    '/gaps?plan=redbridge-people-strategy-2024',
    '/alignment?rows=PLANS:&columns=AUTHORITIES:',
    '/evidence?id=ofsted-redbridge-2018/recommendation',
    '/impact?id=authority/care-act-2014',
  ])('shows %s without scrolling the page sideways; wide tables scroll by themselves', async (path) => {
    const narrow = await browser.newPage({ viewport: { width: 320, height: 800 } });
    try {
      await narrow.goto(new URL(path, inject('appUrl')).href);
      await narrow.waitForLoadState('networkidle');
      await narrow.waitForFunction(() => !/Loading/.test(document.querySelector('main')?.textContent ?? 'Loading'));
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    } finally {
      await narrow.close();
    }
  });
});
