import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { startTestApi, removeTestData, testGateway, testTokens, type TestApi } from '../../test/api.ts';
import { cypher, type Gateway } from '../db/gateway.ts';
import { EXPORT_FORMAT } from '../queries/export.ts';

const CreateNode = graphql(`
  mutation ScopeTest_Create($input: NodeInput!) {
    createNode(input: $input) { id version }
  }
`);
const UpdateNode = graphql(`
  mutation ScopeTest_Update($id: ID!, $version: Int!, $properties: JSON!) {
    updateNode(id: $id, version: $version, properties: $properties) { id title version }
  }
`);
const DeleteNode = graphql(`
  mutation ScopeTest_Delete($id: ID!, $version: Int!) {
    deleteNode(id: $id, version: $version) { deleted }
  }
`);
const CreateLink = graphql(`
  mutation ScopeTest_Link($input: LinkInput!) {
    createLink(input: $input) { id }
  }
`);
const Import = graphql(`
  mutation ScopeTest_Import($input: ImportInput!, $dryRun: Boolean) {
    importDocument(input: $input, dryRun: $dryRun) {
      committed
      created { id }
      faults { message }
    }
  }
`);
const History = graphql(`
  query ScopeTest_History($id: ID!) {
    history(id: $id, first: 100) { operation by }
  }
`);

const thurrockToken = 'thurrock-editor-token-for-tests-0001';
const admin = { token: testTokens.admin };
const thurrock = { token: thurrockToken };
const prefix = `test-scope-${Math.random().toString(36).slice(2, 8)}`;
const redbridgePlan = `${prefix}/redbridge`;
const thurrockPlan = `${prefix}/thurrock`;

let api: TestApi;
let gateway: Gateway;

/** A plan published by `organisation`, with one priority, made by the global admin. */
async function makePlan(id: string, organisation: string): Promise<void> {
  const plan = await api.execute(CreateNode, { input: { label: 'Plan', id, title: `Plan ${id}`, properties: { kind: 'STRATEGY', status: 'ADOPTED' } } }, admin);
  expect(plan.errors).toBeUndefined();
  const published = await api.execute(
    CreateLink,
    { input: { from: organisation, type: 'PUBLISHES', to: id, basis: 'CURATED', rationale: 'Published for the scope tests.' } },
    admin,
  );
  expect(published.errors).toBeUndefined();
  const priority = await api.execute(CreateNode, { input: { label: 'Priority', id: `${id}/p1`, title: 'First priority', parentId: id } }, admin);
  expect(priority.errors).toBeUndefined();
}

const versionOf = async (id: string) =>
  (await gateway.read(cypher('test.scopeVersion', 'MATCH (n:Entity {id: $id}) RETURN n.version AS version, n.title AS title'), { id }))[0] as
    | { version: number; title: string }
    | undefined;
// Read as the admin: who made each change is shown to signed-in readers only.
const historyOf = async (id: string) => (await api.execute(History, { id }, admin)).data!.history;

const exportFile = (name: string, nodes: object[], links: object[]) => ({
  fileName: `${name}.json`,
  content: JSON.stringify({ format: EXPORT_FORMAT, nodes, links }),
});
/** A graph export adding one priority under `plan`. */
const newPriorityUnder = (plan: string, name: string) =>
  exportFile(
    name,
    [{ label: 'Priority', id: `${plan}/${name}`, props: { id: `${plan}/${name}`, title: `Imported ${name}` } }],
    [{ type: 'HAS_PRIORITY', from: plan, to: `${plan}/${name}`, props: { basis: 'CURATED', rationale: 'Imported for the scope tests.' } }],
  );

beforeAll(async () => {
  api = await startTestApi({
    AUTH_TOKENS: `Test Editor:editor:${testTokens.editor},Test Admin:admin:${testTokens.admin},Thurrock Editor:editor:${thurrockToken}:org/thurrock-council`,
  });
  gateway = testGateway();
  await makePlan(redbridgePlan, 'org/redbridge-council');
  await makePlan(thurrockPlan, 'org/thurrock-council');
});
afterAll(async () => {
  await removeTestData(gateway, prefix);
  await api?.close();
  await gateway?.close();
});

/** The refusal every out-of-scope write gets: FORBIDDEN, naming the node and Redbridge. */
function expectRefused(errors: { message: string; extensions?: Record<string, unknown> }[] | undefined, id: string): void {
  expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(errors?.[0]?.message).toContain(`${id} belongs to`);
  expect(errors?.[0]?.message).toContain('org/redbridge-council');
  expect(errors?.[0]?.extensions?.organisations).toEqual(['org/redbridge-council']);
}

describe('an editor scoped to Thurrock', () => {
  const item = `${redbridgePlan}/p1`;

  it('cannot change, link from, add under or delete a Redbridge item, and nothing is written', async () => {
    const before = await versionOf(item);
    const history = await historyOf(item);

    expectRefused((await api.execute(UpdateNode, { id: item, version: before!.version, properties: { title: 'Taken over' } }, thurrock)).errors, item);
    expectRefused(
      (
        await api.execute(
          CreateLink,
          { input: { from: item, type: 'CONTRIBUTES_TO', to: `${thurrockPlan}/p1`, basis: 'CURATED', rationale: 'Not theirs to draw.' } },
          thurrock,
        )
      ).errors,
      item,
    );
    expectRefused((await api.execute(CreateNode, { input: { label: 'Action', id: `${item}/a1`, title: 'An action', parentId: item } }, thurrock)).errors, item);
    expectRefused((await api.execute(DeleteNode, { id: item, version: before!.version }, thurrock)).errors, item);

    expect(await versionOf(item)).toEqual(before);
    expect(await versionOf(`${item}/a1`)).toBeUndefined();
    expect(await historyOf(item)).toEqual(history);
  });

  it('cannot claim a Redbridge plan by publishing it', async () => {
    const refused = await api.execute(
      CreateLink,
      { input: { from: 'org/thurrock-council', type: 'PUBLISHES', to: redbridgePlan, basis: 'CURATED', rationale: 'A takeover.' } },
      thurrock,
    );
    expectRefused(refused.errors, redbridgePlan);
  });

  it('cannot import over a Redbridge plan; the import writes nothing', async () => {
    const refused = await api.execute(Import, { input: newPriorityUnder(redbridgePlan, 'imported'), dryRun: false }, thurrock);
    expectRefused(refused.errors, redbridgePlan);
    expect(await versionOf(`${redbridgePlan}/imported`)).toBeUndefined();
  });

  it("can change, link from and import into Thurrock's own plan, and link to a Redbridge priority", async () => {
    const item = `${thurrockPlan}/p1`;
    const changed = await api.execute(
      UpdateNode,
      { id: item, version: (await versionOf(item))!.version, properties: { title: 'Changed by Thurrock' } },
      thurrock,
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.updateNode.title).toBe('Changed by Thurrock');
    const linked = await api.execute(
      CreateLink,
      { input: { from: item, type: 'CONTRIBUTES_TO', to: `${redbridgePlan}/p1`, basis: 'CURATED', rationale: 'Shared ambition across the two boroughs.' } },
      thurrock,
    );
    expect(linked.errors).toBeUndefined();
    const imported = await api.execute(Import, { input: newPriorityUnder(thurrockPlan, 'imported'), dryRun: false }, thurrock);
    expect(imported.errors).toBeUndefined();
    expect(imported.data?.importDocument).toMatchObject({ committed: true, faults: [] });
    expect(await versionOf(`${thurrockPlan}/imported`)).toMatchObject({ title: 'Imported imported' });
  });
});

describe('a global admin', () => {
  it('changes items of both councils', async () => {
    for (const item of [`${redbridgePlan}/p1`, `${thurrockPlan}/p1`]) {
      const changed = await api.execute(
        UpdateNode,
        { id: item, version: (await versionOf(item))!.version, properties: { title: 'Changed by the admin' } },
        admin,
      );
      expect(changed.errors).toBeUndefined();
      expect((await historyOf(item))[0]).toMatchObject({ operation: 'UPDATE_NODE', by: 'Test Admin' });
    }
  });
});
