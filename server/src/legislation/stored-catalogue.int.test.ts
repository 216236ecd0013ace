import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { startTestApi, type TestApi, testGateway, testTokens } from '../../test/api.ts';
import { cypher } from '../db/gateway.ts';
import { applyGraphSchema } from '../db/graph-schema.ts';
import { folderSource } from './source.ts';
import { listingFeed } from './test-fixtures.ts';
import { updateCatalogue } from './update.ts';

const Import = graphql(`
  mutation StoredCatalogueTest_Import($input: ImportInput!, $dryRun: Boolean) {
    importDocument(input: $input, dryRun: $dryRun) {
      committed
      document { id }
      created { id label title }
      createdLinks { type from to basis }
      faults { message }
    }
  }
`);

const run = Math.random().toString(36).slice(2, 8);
const prefix = `test-stored-catalogue-${run}`;
const gateway = testGateway();
let api: TestApi;
const editor = { token: testTokens.editor };
// A title and number no real Act has, so only the stored catalogue can know them.
const name = `Zq${run} Licensing Act 2097`;
const legislationId = `ukpga/2097/${9000 + Math.floor(Math.random() * 999)}`;
const authorityId = `authority/zq${run}-licensing-act-2097`;
let folder: string;

const plan = `# ${prefix} Safer Nights Plan 2025-2028

## Priority 1: Safe evenings

We will:

- Review every late-night licence under section 5 of the ${name} by 2026.
- Light every underpass in the town centre.
`;
const input = { fileName: `${prefix}-plan.md`, content: plan };

beforeAll(async () => {
  api = await startTestApi();
  await applyGraphSchema(gateway);
  folder = await mkdtemp(join(tmpdir(), 'stored-catalogue-'));
  await mkdir(join(folder, 'ukpga'), { recursive: true });
  await writeFile(join(folder, 'ukpga/data.feed'), listingFeed({ path: 'ukpga/data.feed', entries: [{ id: legislationId, title: name }] }));
});

afterAll(async () => {
  await gateway.write(cypher('test.removeStoredStatute', 'MATCH (s:StatuteEntry {legislationId: $legislationId}) DELETE s'), { legislationId });
  await gateway.write(
    cypher(
      'test.removeStoredCatalogueImport',
      `MATCH (n:Entity) WHERE n.id STARTS WITH $authorityId OR n.id STARTS WITH $document OR n.documentId STARTS WITH $document
       DETACH DELETE n`,
    ),
    { authorityId, document: `document/${prefix}` },
  );
  await gateway.write(cypher('test.removeStoredCatalogueChanges', 'MATCH (c:Change) WHERE c.subjectId STARTS WITH $authorityId DELETE c'), { authorityId });
  await rm(folder, { recursive: true, force: true });
  await api.close();
  await gateway.close();
});

describe('citation resolution with the stored statute catalogue', () => {
  it('resolves an Act only the stored catalogue knows once the catalogue update has stored it, with the provision cited', async () => {
    const before = await api.execute(Import, { input, dryRun: true }, editor);
    expect(before.data?.importDocument.faults).toEqual([]);
    expect(before.data!.importDocument.created.filter(({ label }) => label === 'Authority' || label === 'Provision')).toEqual([]);

    const { written } = await updateCatalogue({ gateway: gateway, source: folderSource(folder), types: ['ukpga'] });
    expect(written).toBe(1);

    const committed = await api.execute(Import, { input, dryRun: false }, editor);
    expect(committed.errors).toBeUndefined();
    expect(committed.data?.importDocument).toMatchObject({ committed: true, faults: [] });
    const { created, createdLinks } = committed.data!.importDocument;
    expect(created.filter(({ label }) => label === 'Authority' || label === 'Provision').map(({ id, label, title }) => `${label} ${id} ${title}`)).toEqual([
      `Authority ${authorityId} ${name}`,
      `Provision ${authorityId}/s5 s.5 ${name}`,
    ]);
    const review = created.find(({ title }) => title.startsWith('Review every late-night licence'))!;
    expect(createdLinks).toContainEqual({ type: 'HAS_PROVISION', from: authorityId, to: `${authorityId}/s5`, basis: 'STATED' });
    expect(createdLinks).toContainEqual({ type: 'GIVES_EFFECT_TO', from: review.id, to: `${authorityId}/s5`, basis: 'SUGGESTED' });

    const [stored] = await gateway.read(
      cypher(
        'test.storedCatalogueAuthority',
        `MATCH (a:Authority {id: $authorityId})-[:HAS_PROVISION]->(p:Provision)-[s:SOURCED_FROM]->(d:Document)
         RETURN a.legislationId AS legislationId, a.kind AS kind, p.code AS code, s.excerpt AS excerpt, d.id AS documentId`,
      ),
      { authorityId },
    );
    expect(stored).toEqual({
      legislationId,
      kind: 'ACT',
      code: 's.5',
      excerpt: `section 5 of the ${name}`,
      documentId: committed.data!.importDocument.document!.id,
    });
  });
});
