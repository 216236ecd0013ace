import { describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { apiForThisFile, testTokens } from '../../test/api.ts';
import { cypher } from '../db/gateway.ts';
import { planDocx, planPdf, samplePlan, type TestPlan } from './readers/test-documents.ts';

const Import = graphql(`
  mutation PagesImportTest_Import($input: ImportInput!, $dryRun: Boolean) {
    importDocument(input: $input, dryRun: $dryRun) {
      committed
      document { id }
      created { id label title }
      outline { kind title line page }
      faults { message }
    }
  }
`);

const Sources = graphql(`
  query PagesImportTest_Sources($id: ID!) {
    node(id: $id) {
      sources { documentId section excerpt page }
    }
  }
`);

const prefix = `test-pages-${Math.random().toString(36).slice(2, 8)}`;
const editor = { token: testTokens.editor };
const harness = apiForThisFile(prefix);

const planNamed = (name: string) => samplePlan(name, prefix);

async function imported(extension: 'pdf' | 'docx', make: (plan: TestPlan) => Promise<Uint8Array>) {
  const input = { fileName: `${prefix}-plan.${extension}`, contentBase64: Buffer.from(await make(planNamed(extension))).toString('base64') };
  const dry = await harness.api.execute(Import, { input, dryRun: true }, editor);
  expect(dry.errors).toBeUndefined();
  const committed = await harness.api.execute(Import, { input, dryRun: false }, editor);
  expect(committed.data?.importDocument).toMatchObject({ committed: true, faults: [] });
  const { document, created } = committed.data!.importDocument;
  const sourcesOf = async (title: string) => {
    const item = created.find((node) => node.title === title);
    expect(item, title).toBeDefined();
    const answer = await harness.api.execute(Sources, { id: item!.id });
    expect(answer.errors).toBeUndefined();
    return answer.data!.node!.sources.filter((source) => source.documentId === document!.id);
  };
  return { outline: dry.data!.importDocument.outline, documentId: document!.id, sourcesOf };
}

const remove = (documentId: string) =>
  harness.gateway.write(cypher('test.removePagedImport', 'MATCH (n:Entity) WHERE n.documentId = $id OR n.id = $id DETACH DELETE n'), { id: documentId });

describe('the pages of an imported PDF', () => {
  it('are on each imported item’s source through the API, and on each part of the outline the preview shows', async () => {
    const { outline, documentId, sourcesOf } = await imported('pdf', planPdf);
    const part = (kind: string, title: string) => outline.find((found) => found.kind === kind && found.title.startsWith(title));
    expect(part('HEADING', 'Healthy lives')?.page).toBe(2);
    expect(part('HEADING', 'Safe streets')).toMatchObject({ page: 3, line: expect.any(Number) });
    expect(part('LIST', 'Light every')?.page).toBe(3);

    expect(await sourcesOf('Open a carers hub in every town by 2026')).toEqual([
      { documentId, section: 'Key actions', excerpt: 'Open a carers hub in every town by 2026', page: 2 },
    ]);
    expect(await sourcesOf('Light every underpass in the borough with new lamps')).toEqual([
      { documentId, section: 'Key actions', excerpt: 'Light every underpass in the borough with new lamps', page: 3 },
    ]);
    const stored = await harness.gateway.read(
      cypher('test.pagedExcerpts', 'MATCH (:Entity)-[s:SOURCED_FROM]->(:Document {id: $documentId}) RETURN s.excerpt AS excerpt, s.page AS page'),
      { documentId },
    );
    expect(stored.length).toBeGreaterThan(3);
    for (const { excerpt, page } of stored) {
      expect(excerpt).not.toMatch(/<!--|page \d/);
      if (page !== null) expect(page).toBeGreaterThanOrEqual(1);
    }
    await remove(documentId);
  });

  it('are not made up for a document without pages (Word)', async () => {
    const { outline, documentId, sourcesOf } = await imported('docx', planDocx);
    expect(outline.length).toBeGreaterThan(0);
    for (const part of outline) expect(part.page).toBeNull();
    expect(await sourcesOf('Light every underpass in the borough with new lamps')).toEqual([
      { documentId, section: 'Key actions', excerpt: 'Light every underpass in the borough with new lamps', page: null },
    ]);
    await remove(documentId);
  });
});
