import { describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { testTokens, apiForThisFile } from '../../test/api.ts';
import { cypher } from '../db/gateway.ts';

const CreateNode = graphql(`
  mutation VersionsTest_Create($input: NodeInput!) {
    createNode(input: $input) { id version changedBy }
  }
`);
const UpdateNode = graphql(`
  mutation VersionsTest_Update($id: ID!, $version: Int!, $properties: JSON!) {
    updateNode(id: $id, version: $version, properties: $properties) { id title version changedBy }
  }
`);
const DeleteNode = graphql(`
  mutation VersionsTest_Delete($id: ID!, $version: Int!) {
    deleteNode(id: $id, version: $version) { deleted }
  }
`);
const Node = graphql(`
  query VersionsTest_Node($id: ID!) {
    node(id: $id) { node { id title version changedBy changedAt } }
  }
`);
const CreateLink = graphql(`
  mutation VersionsTest_Link($input: LinkInput!) {
    createLink(input: $input) { id rationale version }
  }
`);
const DeleteLink = graphql(`
  mutation VersionsTest_Unlink($from: ID!, $type: LinkType!, $to: ID!, $version: Int!) {
    deleteLink(from: $from, type: $type, to: $to, version: $version)
  }
`);
const History = graphql(`
  query VersionsTest_History($id: ID!) {
    history(id: $id, first: 100) { operation by before after }
  }
`);

const prefix = `test-versions-${Math.random().toString(36).slice(2, 8)}`;
const editors = [{ token: testTokens.editor }, { token: testTokens.admin }];
const harness = apiForThisFile(prefix);

async function makeTheme(name: string): Promise<string> {
  const created = await harness.api.execute(CreateNode, { input: { label: 'Theme', id: `${prefix}/${name}`, title: `${name} 0` } }, editors[0]);
  expect(created.errors).toBeUndefined();
  expect(created.data?.createNode).toMatchObject({ version: 1, changedBy: 'Test Editor' });
  return created.data!.createNode.id;
}

describe('concurrent edits', () => {
  it('lets exactly one of twenty updates from the same version win; the rest get CONFLICT saying who and when', async () => {
    const id = await makeTheme('twenty');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        harness.api.execute(UpdateNode, { id, version: 1, properties: { title: `twenty ${index + 1}` } }, editors[index % 2]),
      ),
    );
    const won = results.filter(({ errors }) => !errors);
    const refused = results.filter(({ errors }) => errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(19);
    const winner = won[0]!.data!.updateNode;
    expect(winner.version).toBe(2);
    expect(refused[0]!.errors![0]).toMatchObject({
      message: expect.stringMatching(new RegExp(`changed by ${winner.changedBy} at \\d{4}-.*you read version 1; it is now version 2`)),
      extensions: { code: 'CONFLICT', readVersion: 1, currentVersion: 2, changedBy: winner.changedBy },
    });
    const stored = await harness.api.execute(Node, { id });
    expect(stored.data?.node?.node).toMatchObject({ title: winner.title, version: 2 });
  });

  it('keeps every acknowledged update when editors reload and reapply, and history chains before to after', async () => {
    const id = await makeTheme('chain');
    let acknowledged = 0;
    // Two editors each make ten edits, reloading whenever the other got in first.
    await Promise.all(
      editors.map(async (editor, who) => {
        for (let edit = 0; edit < 10; edit += 1) {
          for (;;) {
            const read = await harness.api.execute(Node, { id });
            const version = read.data!.node!.node.version;
            const result = await harness.api.execute(UpdateNode, { id, version, properties: { title: `chain ${who}-${edit}` } }, editor);
            if (!result.errors) {
              acknowledged += 1;
              break;
            }
            expect(result.errors[0]?.extensions?.code).toBe('CONFLICT');
          }
        }
      }),
    );
    expect(acknowledged).toBe(20);
    const final = (await harness.api.execute(Node, { id })).data!.node!.node;
    expect(final.version).toBe(21);
    const history = (await harness.api.execute(History, { id })).data!.history.filter(({ operation }) => operation === 'UPDATE_NODE').reverse();
    expect(history).toHaveLength(20);
    let previous = 'chain 0';
    for (const change of history) {
      expect((change.before as { title: string }).title).toBe(previous);
      previous = (change.after as { title: string }).title;
    }
    expect(previous).toBe(final.title);
  });

  it('refuses an update or delete that arrives after the node was deleted, naming who deleted it', async () => {
    const id = await makeTheme('deleted');
    const [deleted, ...late] = await Promise.all([
      harness.api.execute(DeleteNode, { id, version: 1 }, editors[1]),
      ...Array.from({ length: 4 }, (_, index) => harness.api.execute(UpdateNode, { id, version: 1, properties: { title: `late ${index}` } }, editors[0])),
    ]);
    const deleteWon = deleted.data?.deleteNode.deleted === true;
    const updatesWon = late.filter(({ errors }) => !errors).length;
    // Either the delete came first and every update is refused, or one update came first and the
    // delete (of version 1) is refused with the rest.
    expect(deleteWon ? updatesWon : updatesWon - 1).toBe(0);
    if (deleteWon) {
      for (const result of late) {
        expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', deleted: true, changedBy: 'Test Admin' } });
      }
    } else {
      expect((await harness.api.execute(DeleteNode, { id, version: 2 }, editors[1])).data?.deleteNode.deleted).toBe(true);
    }
    const after = await harness.api.execute(UpdateNode, { id, version: 1, properties: { title: 'too late' } }, editors[0]);
    expect(after.errors?.[0]?.message).toMatch(/was deleted by Test Admin at \d{4}-/);
    const [left] = await harness.gateway.read(cypher('test.left', 'MATCH (n:Entity {id: $id}) RETURN count(n) AS count'), { id });
    expect(left?.count).toBe(0);
  });

  it('refuses a stale delete and keeps the node', async () => {
    const id = await makeTheme('stale-delete');
    await harness.api.execute(UpdateNode, { id, version: 1, properties: { title: 'changed first' } }, editors[0]);
    const stale = await harness.api.execute(DeleteNode, { id, version: 1 }, editors[1]);
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', currentVersion: 2, changedBy: 'Test Editor' } });
    expect((await harness.api.execute(Node, { id })).data?.node?.node.title).toBe('changed first');
  });

  it('lets one of several racing creates of one id succeed; the others get CONFLICT', async () => {
    const id = `${prefix}/raced`;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) => harness.api.execute(CreateNode, { input: { label: 'Theme', id, title: `raced ${index}` } }, editors[index % 2])),
    );
    expect(results.filter(({ errors }) => !errors)).toHaveLength(1);
    for (const { errors } of results.filter(({ errors }) => errors)) {
      expect(errors?.[0]).toMatchObject({
        extensions: { code: 'CONFLICT', changedBy: expect.stringMatching(/^Test (Editor|Admin)$/) },
        message: expect.stringContaining(id),
      });
    }
  });

  it('versions links: a change needs the version read, a stale change or delete is refused', async () => {
    const from = await makeTheme('link-from');
    const plan = await harness.api.execute(
      CreateNode,
      { input: { label: 'Plan', id: `${prefix}/link-plan`, title: 'Link plan', properties: { kind: 'STRATEGY', status: 'DRAFT' } } },
      editors[0],
    );
    expect(plan.errors).toBeUndefined();
    const input = { from: `${prefix}/link-plan`, type: 'CONCERNS' as const, to: from, basis: 'CURATED' as const, rationale: 'first' };
    const racing = await Promise.all(Array.from({ length: 4 }, () => harness.api.execute(CreateLink, { input }, editors[0])));
    expect(racing.filter(({ errors }) => !errors)).toHaveLength(1);
    expect(racing.filter(({ errors }) => errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(3);
    const [links] = await harness.gateway.read(cypher('test.links', 'MATCH (:Entity {id: $from})-[r:CONCERNS]->(:Entity {id: $to}) RETURN count(r) AS count'), {
      from: input.from,
      to: from,
    });
    expect(links?.count).toBe(1);

    const changed = await harness.api.execute(CreateLink, { input: { ...input, rationale: 'second', version: 1 } }, editors[1]);
    expect(changed.data?.createLink).toMatchObject({ rationale: 'second', version: 2 });
    const stale = await harness.api.execute(CreateLink, { input: { ...input, rationale: 'third', version: 1 } }, editors[0]);
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', currentVersion: 2, changedBy: 'Test Admin' } });
    const staleDelete = await harness.api.execute(DeleteLink, { from: input.from, type: 'CONCERNS', to: from, version: 1 }, editors[0]);
    expect(staleDelete.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const removed = await harness.api.execute(DeleteLink, { from: input.from, type: 'CONCERNS', to: from, version: 2 }, editors[0]);
    expect(removed.data?.deleteLink).toBe(true);
    const late = await harness.api.execute(CreateLink, { input: { ...input, rationale: 'fourth', version: 2 } }, editors[1]);
    expect(late.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', deleted: true, changedBy: 'Test Editor' } });
  });
});
