import { describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { testTokens, apiForThisFile } from '../../test/api.ts';
import { cypher } from '../db/gateway.ts';
import { planPdf } from './readers/test-documents.ts';

const Import = graphql(`
  mutation ImportChoicesTest_Import($input: ImportInput!, $dryRun: Boolean) {
    importDocument(input: $input, dryRun: $dryRun) {
      committed
      document { id }
      created { id label title }
      updated { id label }
      faults { message }
      outline { kind depth level title line target chosen became }
      choices
      choicesReused
    }
  }
`);

const prefix = `test-choices-${Math.random().toString(36).slice(2, 8)}`;
const editor = { token: testTokens.editor };
const harness = apiForThisFile(prefix);

const keptChoices = async (id: string) =>
  (await harness.gateway.read(cypher('test.keptImportChoices', 'MATCH (d:Document {id: $id}) RETURN d.importChoices AS choices'), { id }))[0]?.choices as
    | string
    | null
    | undefined;

describe('correcting an import before it is committed', () => {
  it('shows the outline with what each part became, re-reads it with a choice, keeps the choice with the document and reuses it on the next import', async () => {
    const pdf = await planPdf({
      title: `${prefix} Choices Plan 2025-2029`,
      priorities: [
        { title: 'Healthy lives', actions: ['Open a carers hub in every town by 2026'] },
        { title: 'Safe streets', actions: ['Light every underpass in the borough with new lamps'] },
        { title: 'Our finances', actions: ['Publish the budget consultation every autumn'] },
      ],
    });
    const input = { fileName: `${prefix}-plan.pdf`, contentBase64: Buffer.from(pdf).toString('base64') };
    const priorities = (result: { created: { label: string; title: string }[] }) =>
      result.created.filter(({ label }) => label === 'Priority').map(({ title }) => title);

    const first = (await harness.api.execute(Import, { input, dryRun: true }, editor)).data!.importDocument;
    expect(first.faults).toEqual([]);
    expect(priorities(first)).toEqual(['Healthy lives', 'Safe streets', 'Our finances']);
    const finances = first.outline.find((part) => part.kind === 'HEADING' && part.title === 'Our finances')!;
    expect(finances).toMatchObject({ target: 'section "Our finances"', chosen: null, became: expect.stringMatching(/^priority \S+\/p3$/) });
    expect(finances.line).toBeGreaterThan(1);
    expect(first.outline.find((part) => part.kind === 'LIST' && part.target === 'list "Key actions"')?.became).toMatch(/^1 action under “/);

    // The person says the finances section is context, and previews again.
    const choices = ['section "Our finances" = context'];
    const corrected = (await harness.api.execute(Import, { input: { ...input, choices }, dryRun: true }, editor)).data!.importDocument;
    expect(corrected.faults).toEqual([]);
    expect(priorities(corrected)).toEqual(['Healthy lives', 'Safe streets']);
    expect(corrected.created.map(({ title }) => title)).not.toContain('Publish the budget consultation every autumn');
    expect(corrected.outline.find((part) => part.title === 'Our finances')).toMatchObject({ chosen: 'context', became: 'context, skipped' });

    const committed = (await harness.api.execute(Import, { input: { ...input, choices }, dryRun: false }, editor)).data!.importDocument;
    expect(committed.committed).toBe(true);
    const documentId = committed.document!.id;
    expect(JSON.parse((await keptChoices(documentId))!)).toEqual(choices);

    // A new import of the same document with no choices reads it with the kept ones, and so changes nothing.
    const again = (await harness.api.execute(Import, { input, dryRun: false }, editor)).data!.importDocument;
    expect(again).toMatchObject({ committed: false, created: [], updated: [], choicesReused: true, choices });

    // Giving choices replaces them: none brings the section back, and clears what was kept.
    const cleared = (await harness.api.execute(Import, { input: { ...input, choices: [] }, dryRun: false }, editor)).data!.importDocument;
    expect(cleared.committed).toBe(true);
    expect(priorities(cleared)).toEqual(['Our finances']);
    expect(cleared.choicesReused).toBe(false);
    expect(await keptChoices(documentId)).toBeNull();
    await harness.gateway.write(cypher('test.removeChoicesImport', 'MATCH (n:Entity) WHERE n.documentId = $id OR n.id = $id DETACH DELETE n'), {
      id: documentId,
    });
    await harness.gateway.write(cypher('test.removeChoicesHistory', 'MATCH (c:Change) WHERE c.subjectId = $id OR c.objectId = $id DELETE c'), {
      id: documentId,
    });
  });

  it('refuses a choice that names nothing or cannot be read, naming it, and writes nothing', async () => {
    const pdf = await planPdf({
      title: `${prefix} Refused Plan 2025-2029`,
      priorities: [
        { title: 'Healthy lives', actions: ['Open a carers hub in every town by 2026'] },
        { title: 'Safe streets', actions: ['Light every underpass in the borough with new lamps'] },
      ],
    });
    const input = { fileName: `${prefix}-refused.pdf`, contentBase64: Buffer.from(pdf).toString('base64') };
    const unknown = (await harness.api.execute(Import, { input: { ...input, choices: ['section "Parks" = context'] }, dryRun: false }, editor)).data!
      .importDocument;
    expect(unknown).toMatchObject({
      committed: false,
      created: [],
      faults: [{ message: expect.stringMatching(/choice 1 \(section "Parks" = context\): the document has no heading "Parks"/) }],
    });
    // It comes with the outline read without choices, which names the targets the document has.
    expect(unknown.outline.map(({ target }) => target)).toContain('section "Safe streets"');
    const badKind = (await harness.api.execute(Import, { input: { ...input, choices: ['level 1 = goals'] }, dryRun: false }, editor)).data!.importDocument;
    expect(badKind.faults[0]?.message).toMatch(/choice 1 \("level 1 = goals"\): "goals" is not a kind/);
    const written = await harness.gateway.read(
      cypher('test.refusedChoicesWrote', 'MATCH (n:Entity) WHERE n.id CONTAINS $prefix AND n.id CONTAINS "refused" RETURN count(n) AS count'),
      {
        prefix,
      },
    );
    expect(Number(written[0]?.count)).toBe(0);
  });
});
