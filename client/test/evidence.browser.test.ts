import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher, type Gateway } from '../../server/src/db/gateway.ts';
import { testGateway } from '../../server/test/api.ts';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

const RECOMMENDATION = 'ofsted-redbridge-2018/recommendation';
const CARE_LEAVERS_COVENANT_ACTION = 'redbridge-people-strategy-2024/sp2/w3';

// Data of this file's own, for what the seed does not have: a response with measured data, and
// a recommendation nothing answers. Removed afterwards.
const prefix = `test-evidence-${Date.now()}`;
const ids = { answered: `${prefix}/answered`, unanswered: `${prefix}/unanswered`, action: `${prefix}/action`, measure: `${prefix}/measure` };

const arrange = cypher(
  'test.evidence.arrange',
  `CREATE (answered:Entity:Evidence {id: $ids.answered, title: 'Test: improve placement stability', kind: 'RECOMMENDATION'})
   CREATE (:Entity:Evidence {id: $ids.unanswered, title: 'Test: nobody answers this', kind: 'RECOMMENDATION'})
   CREATE (action:Entity:Action {id: $ids.action, title: 'Test: recruit more foster carers'})
   CREATE (measure:Entity:Measure {id: $ids.measure, title: 'Test: children with three or more placements', unit: 'per cent', polarity: 'LOWER_IS_BETTER', area: 'Redbridge'})
   CREATE (action)-[:RESPONDS_TO {basis: 'CURATED', rationale: 'More carers give more stable placements.'}]->(answered)
   CREATE (action)-[:MEASURED_BY {basis: 'CURATED', rationale: 'Stability is what the action is for.'}]->(measure)
   WITH measure
   UNWIND $observations AS o
   CREATE (measure)-[:HAS_OBSERVATION]->(:Entity:Observation {id: $ids.measure + '/' + o.position, title: 'Test observation', period: o.period, value: o.value,
     unit: 'per cent', area: 'Redbridge', status: o.status, position: o.position})`,
);
const observations = [
  { period: '2019/20', value: 11.5, status: 'ACTUAL', position: 0 },
  { period: '2020/21', value: 10, status: 'ACTUAL', position: 1 },
  { period: '2021/22', value: 9.25, status: 'ACTUAL', position: 2 },
  { period: '2025/26', value: 7, status: 'PROJECTION', position: 3 },
];
const cleanUp = cypher('test.evidence.cleanUp', 'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n');

let browser: Browser;
let page: Page;
let gateway: Gateway;

beforeAll(async () => {
  gateway = testGateway();
  await gateway.write(arrange, { ids, observations });
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await gateway?.write(cleanUp, { prefix }).finally(() => gateway.close());
});

describe('evidence chains, as an inspector follows them', () => {
  it('lists the inspections with their judgements, findings and recommendations', async () => {
    await page.goto(`${inject('appUrl')}/evidence`);
    await page.getByRole('heading', { level: 1, name: 'Inspection evidence' }).waitFor();
    const report = page.getByRole('region', { name: /Inspection of children’s social care services/ });
    await report.getByText('Judged Outstanding').first().waitFor();
    expect(await report.getByRole('link', { name: 'Overall effectiveness' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("follows Ofsted's recommendation to the action that responds, its basis and the statute behind it", async () => {
    await page.getByRole('link', { name: 'Address the consistency of the quality of practice for all care leavers' }).click();
    await page.waitForURL((url) => url.pathname === '/evidence' && url.searchParams.get('id') === RECOMMENDATION);
    await page.getByRole('heading', { level: 1, name: 'Address the consistency of the quality of practice for all care leavers' }).waitFor();

    const response = page
      .locator('.response')
      .filter({ has: page.getByRole('link', { name: 'Improve the outcomes for care leavers by implementing the Care Leavers Covenant' }) });
    await response.waitFor();
    const trace = new URL((await response.getByRole('heading', { level: 3 }).getByRole('link').getAttribute('href'))!, inject('appUrl'));
    expect([trace.pathname, trace.searchParams.get('id')]).toEqual(['/trace', CARE_LEAVERS_COVENANT_ACTION]);
    expect(await response.getByText('Curated by a person').count()).toBe(1);
    expect(await response.textContent()).toContain('Care Leavers Covenant is the People Strategy');
    expect(await response.getByRole('button', { name: 'Children and Social Work Act 2017' }).count()).toBe(1);
    expect(await response.getByText('Council priority').count()).toBeGreaterThan(0);
    expect(await response.getByText('No measure: nobody can tell whether it works.').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'evidence-ofsted-recommendation');

    await response.getByRole('button', { name: 'Children and Social Work Act 2017' }).click();
    await page.waitForURL((url) => url.searchParams.get('node') === 'authority/children-and-social-work-act-2017');
  });

  it("charts a response's measured data, with the same figures in a table", async () => {
    await page.goto(`${inject('appUrl')}/evidence?${new URLSearchParams({ id: ids.answered })}`);
    const chart = page.getByRole('img', {
      name: /^Test: children with three or more placements: from 11\.5 per cent in 2019\/20 to 7 per cent in 2025\/26 \(projected\)\.$/,
    });
    await chart.waitFor();
    expect(await chart.locator('circle').count()).toBe(4);
    const figures = page.getByRole('table', { name: 'Figures of Test: children with three or more placements' });
    expect(await figures.locator('tbody tr').allTextContents()).toEqual([
      '2019/2011.5 per centActual',
      '2020/2110 per centActual',
      '2021/229.25 per centActual',
      '2025/267 per centProjection',
    ]);
    expect(await page.getByText('Lower is better.').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'evidence-measured-response');
  });

  it('says plainly when no action responds', async () => {
    await page.goto(`${inject('appUrl')}/evidence?${new URLSearchParams({ id: ids.unanswered })}`);
    await page.getByText('No action responds to this yet — this is a gap.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
