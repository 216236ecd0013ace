import { describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { testTokens, apiForThisFile } from '../../test/api.ts';
import { cypher } from '../db/gateway.ts';
import { planDocx, planPdf, samplePlan } from './readers/test-documents.ts';

const Import = graphql(`
  mutation BinaryImportTest_Import($input: ImportInput!, $dryRun: Boolean) {
    importDocument(input: $input, dryRun: $dryRun) {
      committed
      document { id }
      created { id label title }
      createdLinks { type from to }
      faults { message }
    }
  }
`);

const prefix = `test-binary-${Math.random().toString(36).slice(2, 8)}`;
const editor = { token: testTokens.editor };
const harness = apiForThisFile(prefix);

const planNamed = (name: string) => samplePlan(name, prefix);

const documentText = async (id: string) =>
  (await harness.gateway.read(cypher('test.documentContent', 'MATCH (d:Document {id: $id}) RETURN d.content AS content'), { id }))[0]?.content as
    | string
    | undefined;
const excerpts = async (documentId: string) =>
  (
    await harness.gateway.read(
      cypher(
        'test.importedExcerpts',
        'MATCH (:Entity)-[s:SOURCED_FROM]->(:Document {id: $documentId}) WHERE s.excerpt IS NOT NULL RETURN s.excerpt AS excerpt',
      ),
      { documentId },
    )
  ).map(({ excerpt }) => excerpt as string);

describe.each([
  ['pdf', planPdf],
  ['docx', planDocx],
] as const)('importing a %s plan through the API', (extension, make) => {
  it('previews its priorities and actions, commits them with the extracted text as the document, and adds nothing the second time', async () => {
    const plan = planNamed(extension);
    const input = { fileName: `${prefix}-plan.${extension}`, contentBase64: Buffer.from(await make(plan)).toString('base64') };
    const dry = await harness.api.execute(Import, { input, dryRun: true }, editor);
    expect(dry.errors).toBeUndefined();
    expect(dry.data?.importDocument.faults).toEqual([]);
    const created = dry.data!.importDocument.created;
    expect(created.filter(({ label }) => label === 'Priority').map(({ title }) => title)).toEqual(['Healthy lives', 'Safe streets']);
    expect(created.filter(({ label }) => label === 'Action').map(({ title }) => title)).toEqual(plan.priorities.flatMap(({ actions }) => actions));
    const links = dry.data!.importDocument.createdLinks;
    const safeStreets = created.find(({ title }) => title === 'Safe streets')!;
    const underpass = created.find(({ title }) => title.startsWith('Light every underpass'))!;
    expect(links).toContainEqual({ type: 'HAS_ACTION', from: safeStreets.id, to: underpass.id });

    const committed = await harness.api.execute(Import, { input, dryRun: false }, editor);
    expect(committed.data?.importDocument.committed).toBe(true);
    const documentId = committed.data!.importDocument.document!.id;
    const text = await documentText(documentId);
    expect(text).toContain('Open a carers hub in every town by 2026');
    const quoted = await excerpts(documentId);
    expect(quoted.length).toBeGreaterThan(3);
    for (const excerpt of quoted) expect(text!.replace(/\s+/g, ' ')).toContain(excerpt);

    const again = await harness.api.execute(Import, { input, dryRun: false }, editor);
    expect(again.data?.importDocument).toMatchObject({ committed: false, created: [] });
    await harness.gateway.write(cypher('test.removeImport', 'MATCH (n:Entity) WHERE n.documentId = $id OR n.id = $id DETACH DELETE n'), { id: documentId });
  });
});

describe('binary uploads', () => {
  it('refuses both or neither of content and contentBase64, bad base64, and bytes that are not the named format, writing nothing', async () => {
    const both = await harness.api.execute(Import, { input: { fileName: 'plan.md', content: '# Plan', contentBase64: 'IyBQbGFu' } }, editor);
    expect(both.errors?.[0]?.message).toMatch(/exactly one of content .* and contentBase64/);
    const neither = await harness.api.execute(Import, { input: { fileName: 'plan.md' } }, editor);
    expect(neither.errors?.[0]?.message).toMatch(/exactly one/);
    const bad = await harness.api.execute(Import, { input: { fileName: 'plan.pdf', contentBase64: 'not base64!' } }, editor);
    expect(bad.errors?.[0]?.message).toMatch(/contentBase64: is not base64/);
    const notPdf = await harness.api.execute(
      Import,
      { input: { fileName: 'plan.pdf', contentBase64: Buffer.from('hello').toString('base64') }, dryRun: false },
      editor,
    );
    expect(notPdf.data?.importDocument).toMatchObject({ committed: false, faults: [{ message: expect.stringMatching(/plan\.pdf: this is not a PDF/) }] });
  });
});
