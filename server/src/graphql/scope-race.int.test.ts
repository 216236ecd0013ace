import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { removeTestData, startTestApi, testGateway, testTokens, type TestApi } from '../../test/api.ts';
import { cypher, type Gateway } from '../db/gateway.ts';

// A change of publisher that is committing while a scoped editor writes to the plan: the editor's
// scope check must see it, not the publisher it replaces. The change is made as every write makes
// one (the change, then the stamp of the graph's version, taken last) in a transaction of the
// test's own, held open before it commits, so the order of events is fixed, not left to timing.
const CreateNode = graphql(`
  mutation ScopeRace_Create($input: NodeInput!) {
    createNode(input: $input) { id }
  }
`);
const CreateLink = graphql(`
  mutation ScopeRace_Link($input: LinkInput!) {
    createLink(input: $input) { id }
  }
`);
const UpdateNode = graphql(`
  mutation ScopeRace_Update($id: ID!, $version: Int!, $properties: JSON!) {
    updateNode(id: $id, version: $version, properties: $properties) { title }
  }
`);

const thurrockToken = 'thurrock-editor-token-for-scope-race-001';
const admin = { token: testTokens.admin };
const PREFIX = `test-scope-race-${Math.random().toString(36).slice(2, 8)}`;
const plan = `${PREFIX}/plan`;
const item = `${plan}/p1`;

const handOver = cypher(
  'test.scopeRace.handOver',
  `MATCH (:Organisation {id: 'org/thurrock-council'})-[r:PUBLISHES]->(p:Plan {id: $plan}), (redbridge:Organisation {id: 'org/redbridge-council'})
   DELETE r
   CREATE (redbridge)-[:PUBLISHES {basis: 'CURATED', rationale: 'Handed over.', by: 'test', at: '2026-12-07', version: 1}]->(p)`,
);
const stampGraph = cypher('test.scopeRace.stamp', `MERGE (g:GraphState {id: 'graph'}) SET g.version = randomUUID()`);
const itemNow = cypher('test.scopeRace.item', 'MATCH (n:Entity {id: $id}) RETURN n.title AS title, n.version AS version');

let api: TestApi;
let gateway: Gateway;

beforeAll(async () => {
  api = await startTestApi({
    AUTH_TOKENS: `Test Admin:admin:${testTokens.admin},Thurrock Editor:editor:${thurrockToken}:org/thurrock-council`,
  });
  gateway = testGateway();
  for (const result of [
    await api.execute(
      CreateNode,
      { input: { label: 'Plan', id: plan, title: 'Plan handed over', properties: { kind: 'STRATEGY', status: 'ADOPTED' } } },
      admin,
    ),
    await api.execute(
      CreateLink,
      { input: { from: 'org/thurrock-council', type: 'PUBLISHES', to: plan, basis: 'CURATED', rationale: 'Thurrock publishes it, for now.' } },
      admin,
    ),
    await api.execute(CreateNode, { input: { label: 'Priority', id: item, title: 'First priority', parentId: plan } }, admin),
  ])
    expect(result.errors).toBeUndefined();
});
afterAll(async () => {
  if (gateway) await removeTestData(gateway, PREFIX);
  await api?.close();
  await gateway?.close();
});

describe('a scoped editor writing while the plan is handed to another council', () => {
  it('waits for the hand-over, then is refused; nothing is written', async () => {
    const before = (await gateway.read(itemNow, { id: item }))[0] as { title: string; version: number };
    let handedOver!: () => void;
    const changed = new Promise<void>((resolve) => (handedOver = resolve));
    let commit!: () => void;
    const committing = new Promise<void>((resolve) => (commit = resolve));
    // The hand-over is written and stamped, then held open until the editor's request has begun.
    const handOverDone = gateway.writeTransaction(async (tx) => {
      await tx.run(handOver, { plan });
      await tx.run(stampGraph);
      handedOver();
      await committing;
    }, 'test.scopeRace.handOverTransaction');
    await changed;

    const editing = api.execute(UpdateNode, { id: item, version: before.version, properties: { title: 'Changed by Thurrock' } }, { token: thurrockToken });
    // Long enough for the editor's check to have read the plan's publishers, had nothing held it back.
    const early = await Promise.race([editing.then(() => 'answered'), new Promise((wait) => setTimeout(() => wait('waiting'), 1_500))]);
    commit();
    await handOverDone;
    const answer = await editing;

    expect(early).toBe('waiting');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', organisations: ['org/redbridge-council'] });
    expect((await gateway.read(itemNow, { id: item }))[0]).toEqual(before);
  });
});
