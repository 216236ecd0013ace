import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formulaStarts, readCsvCell } from '../../../schema/csv.ts';
import { csvTemplateColumns } from '../../../schema/csv-template.ts';
import { graphql } from '../../test/generated/gql.ts';
import { startTestApi, testGateway, testTokens, type TestApi } from '../../test/api.ts';
import { cypher, type Gateway } from '../db/gateway.ts';

const Import = graphql(`
  mutation CsvExportTest_Import($input: ImportInput!) {
    importDocument(input: $input, dryRun: false) {
      committed
      document { id }
      created { id title }
      faults { line path message }
    }
  }
`);
const Export = graphql(`
  query CsvExportTest_Export($planId: ID, $format: ExportFormat!) {
    exportGraph(planId: $planId, format: $format) { fileName mediaType content }
  }
`);

let api: TestApi;
let gateway: Gateway;
let documentId: string | undefined;
const prefix = `test-csv-export-${Math.random().toString(36).slice(2, 8)}`;

/** Titles and texts a spreadsheet would run as formulas, as a hostile or careless source might write them. */
const formulas = {
  hyperlink: '=HYPERLINK("http://x","y")',
  command: "=cmd|' /C calc'!A0",
  plus: "+1+cmd|' /C calc'!A0",
  minus: "-2+3+cmd|' /C calc'!A0",
  at: "@SUM(1+1)*cmd|' /C calc'!A0",
  'full-width': '＝1+1',
};

const field = (text: string) => `"${text.replaceAll('"', '""')}"`;

beforeAll(async () => {
  api = await startTestApi();
  gateway = testGateway();
});
afterAll(async () => {
  await gateway.write(
    cypher('test.csvExport.cleanUp', 'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix OR n.documentId = $documentId OR n.id = $documentId DETACH DELETE n'),
    { prefix, documentId: documentId ?? null },
  );
  await gateway.write(cypher('test.csvExport.cleanUpChanges', 'MATCH (c:Change) WHERE c.subjectId STARTS WITH $prefix OR c.subjectId = $documentId DELETE c'), {
    prefix,
    documentId: documentId ?? null,
  });
  await api?.close();
  await gateway?.close();
});

describe('CSV export of imported formulas', () => {
  it('imports titles and texts starting with =, +, - and @ as they are, and exports none of them as a formula', async () => {
    const plan = `${prefix}/plan`;
    const rows = Object.entries(formulas).map(
      ([name, formula], index) => `${plan}/${name},${plan},Action,${field(formula)},${index + 1},We will,${field(formulas.command)}`,
    );
    const csv = [`id,parent,label,title,code,term,text`, `${plan},,Plan,${field(formulas.hyperlink)},,,${field(formulas.at)}`, ...rows, ''].join('\r\n');

    const imported = await api.execute(Import, { input: { fileName: `${prefix}.csv`, content: csv } }, { token: testTokens.editor });
    expect(imported.errors).toBeUndefined();
    expect(imported.data?.importDocument.faults).toEqual([]);
    expect(imported.data?.importDocument.committed).toBe(true);
    documentId = imported.data!.importDocument.document!.id;
    expect(imported.data!.importDocument.created).toEqual(
      expect.arrayContaining([{ id: plan, title: formulas.hyperlink }, ...Object.entries(formulas).map(([name, title]) => ({ id: `${plan}/${name}`, title }))]),
    );

    const { data, errors } = await api.execute(Export, { planId: plan, format: 'CSV' });
    expect(errors).toBeUndefined();
    const exported = data!.exportGraph;
    expect(exported.mediaType).toBe('text/csv');
    // Read as a spreadsheet reads it: plain RFC 4180, nothing undone.
    const [header, ...cells] = parse(exported.content, { relax_column_count: true }) as string[][];
    expect(header).toEqual([...csvTemplateColumns]);
    expect(cells.length).toBeGreaterThanOrEqual(Object.keys(formulas).length + 1);
    for (const cell of cells.flat())
      expect(
        formulaStarts.some((start) => cell.startsWith(start)),
        cell,
      ).toBe(false);

    const column = (name: (typeof csvTemplateColumns)[number]) => csvTemplateColumns.indexOf(name);
    const byId = new Map(cells.map((row) => [row[column('id')], row]));
    expect(byId.get(plan)?.[column('title')]).toBe(`'${formulas.hyperlink}`);
    expect(byId.get(plan)?.[column('text')]).toBe(`'${formulas.at}`);
    for (const [name, formula] of Object.entries(formulas)) {
      const row = byId.get(`${plan}/${name}`)!;
      expect(row[column('title')]).toBe(`'${formula}`);
      expect(row[column('text')]).toBe(`'${formulas.command}`);
      // The importer reads each cell back to what the graph holds.
      expect(readCsvCell(row[column('title')]!)).toBe(formula);
    }
  });
});
