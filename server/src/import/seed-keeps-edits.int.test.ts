import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { startTestApi, removeTestData, testGateway, testTokens, type TestApi } from '../../test/api.ts';
import { cypher, type Gateway } from '../db/gateway.ts';
import { planSeed, seedGraph } from './seed.ts';

const Node = graphql(`
  query SeedKeepsEditsTest_Node($id: ID!) {
    node(id: $id) { node { id title version changedBy } }
  }
`);
const UpdateNode = graphql(`
  mutation SeedKeepsEditsTest_Update($id: ID!, $version: Int!, $properties: JSON!) {
    updateNode(id: $id, version: $version, properties: $properties) { id version }
  }
`);
const DeleteNode = graphql(`
  mutation SeedKeepsEditsTest_Delete($id: ID!, $version: Int!) {
    deleteNode(id: $id, version: $version, why: "Not in our plan any more") { deleted }
  }
`);

const prefix = `test-seedkeep-${Math.random().toString(36).slice(2, 8)}`;
const editor = { token: testTokens.editor };
let dir: string;
let gateway: Gateway;

/** A seed folder holding one small plan with the test's ids; `priorityTitle` is what the seed says of p1. */
function writeSeed(priorityTitle: string, actionTitle = 'Open a youth hub') {
  const text = `Our plan. Priority one: ${priorityTitle}. Priority two: Homes for all. Action: ${actionTitle}.`;
  writeFileSync(join(dir, 'documents', 'plan.txt'), text);
  const source = (excerpt: string) => `    source: { section: "Plan", excerpt: "${excerpt}" }`;
  writeFileSync(
    join(dir, 'plan.yaml'),
    [
      'document:',
      `  id: ${prefix}/document`,
      '  title: Test plan',
      '  file: plan.txt',
      '  kind: STRATEGY',
      'curation: { by: Test curators, at: "2026-12-01" }',
      'nodes:',
      `  - id: ${prefix}/plan`,
      '    label: Plan',
      '    title: Our plan',
      '    kind: STRATEGY',
      '    status: ADOPTED',
      source('Our plan.'),
      `  - id: ${prefix}/plan/p1`,
      '    label: Priority',
      `    title: ${priorityTitle}`,
      `    parent: ${prefix}/plan`,
      source(`Priority one: ${priorityTitle}.`),
      `  - id: ${prefix}/plan/p2`,
      '    label: Priority',
      '    title: Homes for all',
      `    parent: ${prefix}/plan`,
      source('Priority two: Homes for all.'),
      `  - id: ${prefix}/plan/p2/a1`,
      '    label: Action',
      `    title: ${actionTitle}`,
      `    parent: ${prefix}/plan/p2`,
      source(`Action: ${actionTitle}.`),
      'links: []',
      '',
    ].join('\n'),
  );
}

/** Starts the app as `npm start` does (server, then the seed load), and returns it with the load's report. */
async function startApp(): Promise<{ api: TestApi; report: string[] }> {
  const api = await startTestApi();
  const report: string[] = [];
  await seedGraph(api.server.gateway, (line) => report.push(line), dir);
  return { api, report };
}

const snapshot = cypher(
  'test.snapshot',
  `MATCH (n:Entity) WHERE n.id STARTS WITH $prefix
   OPTIONAL MATCH (n)-[r]->(m)
   RETURN n.id AS id, properties(n) AS props, collect([type(r), m.id, properties(r)]) AS links ORDER BY id`,
);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'seed-keeps-edits-'));
  mkdirSync(join(dir, 'documents'));
  gateway = testGateway();
});
afterAll(async () => {
  await removeTestData(gateway, prefix);
  await gateway.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('seeding never overwrites people’s work', () => {
  it('keeps an edit and a delete across restarts, and a seed change under an edited node leaves the edit and names it', async () => {
    writeSeed('Safe streets');
    let { api, report } = await startApp();
    expect(report.join('\n')).toMatch(/1 new or changed/);

    // Signed in: who changed a node is shown to signed-in users only.
    const p1 = (await api.execute(Node, { id: `${prefix}/plan/p1` }, editor)).data!.node!.node;
    expect(p1).toMatchObject({ title: 'Safe streets', version: 1, changedBy: 'Seed data' });
    const edited = await api.execute(UpdateNode, { id: p1.id, version: 1, properties: { title: 'Safe and lively streets' } }, editor);
    expect(edited.errors).toBeUndefined();
    const deleted = await api.execute(DeleteNode, { id: `${prefix}/plan/p2/a1`, version: 1 }, editor);
    expect(deleted.data?.deleteNode.deleted).toBe(true);
    await api.close();

    // A restart with the seed unchanged writes nothing at all.
    const before = await gateway.read(snapshot, { prefix });
    ({ api, report } = await startApp());
    expect(report.join('\n')).toMatch(/0 new or changed[\s\S]*Nothing to load/);
    expect(await gateway.read(snapshot, { prefix })).toEqual(before);
    expect((await api.execute(Node, { id: p1.id })).data?.node?.node.title).toBe('Safe and lively streets');
    expect((await api.execute(Node, { id: `${prefix}/plan/p2/a1` })).data?.node).toBeNull();
    await api.close();

    // The seed file changes under the edited node and the deleted one: both people's changes stand.
    writeSeed('Safer streets', 'Open two youth hubs');
    ({ api, report } = await startApp());
    const text = report.join('\n');
    expect(text).toContain(`kept as changed: ${p1.id}, changed by Test Editor`);
    expect(text).toContain(`kept deleted: ${prefix}/plan/p2/a1, deleted by Test Editor`);
    expect((await api.execute(Node, { id: p1.id }, editor)).data?.node?.node).toMatchObject({
      title: 'Safe and lively streets',
      version: 2,
      changedBy: 'Test Editor',
    });
    expect((await api.execute(Node, { id: `${prefix}/plan/p2/a1` })).data?.node).toBeNull();
    await api.close();
  });

  it('replaces people’s changes only in a deliberate reset, after listing them', async () => {
    const plan = await planSeed(gateway, dir, true);
    expect(plan.personChanges.map(({ item, kind }) => `${kind} ${item}`).sort()).toEqual([`deleted ${prefix}/plan/p2/a1`, `edited ${prefix}/plan/p1`]);
    const report: string[] = [];
    await seedGraph(gateway, (line) => report.push(line), dir, { reset: true, plan });
    expect(report.join('\n')).toContain(`replaces ${prefix}/plan/p1, changed by Test Editor`);
    const [p1] = await gateway.read(cypher('test.p1', 'MATCH (n:Entity {id: $id}) RETURN n.title AS title, n.version AS version'), { id: `${prefix}/plan/p1` });
    expect(p1).toEqual({ title: 'Safer streets', version: 3 });
    const [restored] = await gateway.read(cypher('test.a1', 'MATCH (:Entity {id: $id})-[:HAS_ACTION]->(a:Action) RETURN a.title AS title'), {
      id: `${prefix}/plan/p2`,
    });
    expect(restored?.title).toBe('Open two youth hubs');
  });
});
