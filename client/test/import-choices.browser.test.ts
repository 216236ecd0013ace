import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher, type Gateway } from '../../server/src/db/gateway.ts';
import { planPdf } from '../../server/src/import/readers/test-documents.ts';
import { testGateway, testTokens } from '../../server/test/api.ts';
import { axeViolations, launchBrowser, saveScreenshot } from './browser.ts';

// The importer makes every id from the title, so everything this file creates starts with these.
const PREFIX = 'test-outline-choices';
const DOCUMENT = `document/${PREFIX}-plan`;
const FILE_NAME = `${PREFIX}.pdf`;

const cleanUp = cypher(
  'test.importChoices.cleanUp',
  `CALL () {
     MATCH (n:Entity) WHERE n.id STARTS WITH $prefix OR n.id STARTS WITH $document OR n.documentId STARTS WITH $document
     DETACH DELETE n
   }
   CALL () {
     MATCH (c:Change) WHERE c.subjectId STARTS WITH $prefix OR c.subjectId STARTS WITH $document
     DELETE c
   }`,
);
const imported = cypher(
  'test.importChoices.imported',
  `MATCH (d:Document) WHERE d.id STARTS WITH $document
   RETURN d.importChoices AS choices,
          COLLECT { MATCH (p:Priority) WHERE p.documentId = d.id RETURN p.title } AS priorities`,
);

const safeStreetsId = cypher(
  'test.importChoices.safeStreets',
  `MATCH (p:Priority {title: 'Safe streets'}) WHERE p.documentId STARTS WITH $document RETURN p.id AS id`,
);

let browser: Browser;
let page: Page;
let gateway: Gateway;

beforeAll(async () => {
  gateway = testGateway();
  await gateway.write(cleanUp, { prefix: PREFIX, document: DOCUMENT });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});

afterAll(async () => {
  await browser?.close();
  if (!gateway) return;
  try {
    await gateway.write(cleanUp, { prefix: PREFIX, document: DOCUMENT });
  } finally {
    await gateway.close();
  }
});

describe('correcting an import in the import page', () => {
  it('shows the outline of an uploaded PDF, takes a part’s kind, previews again and imports with the choice kept', async () => {
    await page.goto(`${inject('appUrl')}/import`);
    await page.getByRole('heading', { level: 1, name: 'Import a document' }).waitFor();
    await page.getByRole('button', { name: 'Sign in to edit' }).click();
    await page.getByLabel('Editing token').fill(testTokens.editor);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in', { exact: true }).waitFor();

    const pdf = await planPdf({
      title: `${PREFIX} Plan 2025-2029`,
      priorities: [
        { title: 'Healthy lives', actions: ['Open a carers hub in every town by 2026'] },
        { title: 'Safe streets', actions: ['Light every underpass in the borough with new lamps'] },
        { title: 'Our finances', actions: ['Publish the budget consultation every autumn'] },
      ],
    });
    await page.getByLabel('Document', { exact: true }).setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByRole('heading', { level: 3, name: 'How the document was read' }).waitFor();

    // Each heading names what it became, with a control to say what it is.
    const outline = page.locator('.import-outline');
    const finances = page.getByRole('combobox', { name: 'This heading is Our finances' });
    expect(await finances.inputValue()).toBe('');
    expect(
      await outline
        .locator('li', { has: page.locator('strong', { hasText: /^Our finances$/ }) })
        .first()
        .textContent(),
    ).toMatch(/Became: priority \S+\/p3/);
    // A PDF's parts say the page they start on: the title page, then a page per priority.
    expect(
      await outline
        .locator('.outline-part', { has: page.locator('strong', { hasText: /^Safe streets$/ }) })
        .first()
        .textContent(),
    ).toMatch(/^Heading Safe streets \(p\. 3, line \d+\)Became/);
    expect(await page.getByRole('button', { name: 'Preview again' }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // By keyboard: focus the control and choose "Context, skip it".
    await finances.focus();
    await finances.selectOption('context');
    await page.getByText('You changed what parts are: preview again before importing.').waitFor();
    expect(await page.getByRole('button', { name: `Import ${FILE_NAME}` }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Preview again' }).click();
    await page.getByText('Read with your choices: section "Our finances" = context.', { exact: false }).waitFor();
    expect(
      await outline
        .locator('li', { has: page.locator('strong', { hasText: /^Our finances$/ }) })
        .first()
        .textContent(),
    ).toContain('Became: context, skipped');
    const preview = page.locator('.import-preview');
    expect(await preview.getByRole('cell', { name: 'Publish the budget consultation every autumn' }).count()).toBe(0);
    expect(await preview.getByRole('cell', { name: 'Safe streets', exact: true }).count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'import-outline-choices');

    await page.getByRole('button', { name: `Import ${FILE_NAME}` }).click();
    await page.getByRole('heading', { level: 2, name: `Imported ${FILE_NAME}` }).waitFor();
    const [row] = await gateway.read(imported, { document: DOCUMENT });
    expect(JSON.parse(row!.choices as string)).toEqual(['section "Our finances" = context']);
    expect((row!.priorities as string[]).sort()).toEqual(['Healthy lives', 'Safe streets']);

    // The imported priority's source names the page it was quoted from.
    const [safeStreets] = await gateway.read(safeStreetsId, { document: DOCUMENT });
    await page.goto(`${inject('appUrl')}/plans?node=${encodeURIComponent(safeStreets!.id as string)}`);
    const source = page.locator('figure.source').first();
    await source.waitFor();
    expect(await source.locator('figcaption').textContent()).toMatch(/, p\. 3$/);
  });
});
