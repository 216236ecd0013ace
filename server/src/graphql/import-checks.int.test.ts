import { describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { testTokens, apiForThisFile } from '../../test/api.ts';
import { cypher } from '../db/gateway.ts';
import { EXPORT_FORMAT } from '../queries/export.ts';

const Import = graphql(`
  mutation ImportChecksTest_Import($input: ImportInput!, $dryRun: Boolean) {
    importDocument(input: $input, dryRun: $dryRun) {
      committed
      created { id }
      updated { id }
      faults { path message }
    }
  }
`);
const History = graphql(`
  query ImportChecksTest_History($id: ID!) {
    history(id: $id) { operation by summary before after }
  }
`);

const prefix = `test-importchecks-${Math.random().toString(36).slice(2, 8)}`;
const editor = { token: testTokens.editor };
const documentId = `${prefix}/document`;
const harness = apiForThisFile(prefix);

type Node = { label: string; id: string; props: Record<string, unknown> };
type Link = { type: string; from: string; to: string; props: Record<string, unknown> };
const node = (label: string, id: string, props: Record<string, unknown> = {}): Node => ({
  label,
  id,
  props: { id, title: `Title of ${id}`, documentId, ...props },
});
const link = (from: string, type: string, to: string): Link => ({ type, from, to, props: { basis: 'STATED', documentId } });
const exportFile = (name: string, nodes: Node[], links: Link[]) => ({
  fileName: `${name}.json`,
  content: JSON.stringify({ format: EXPORT_FORMAT, nodes, links }),
});

const plan = `${prefix}/plan`;
const sound = () =>
  exportFile(
    'sound',
    [
      node('Plan', plan, { kind: 'STRATEGY', status: 'ADOPTED' }),
      node('Priority', `${plan}/p1`, { position: 0 }),
      node('Priority', `${plan}/p1/p2`, { position: 0 }),
    ],
    [link(plan, 'HAS_PRIORITY', `${plan}/p1`), link(`${plan}/p1`, 'HAS_PRIORITY', `${plan}/p1/p2`)],
  );
const written = async () =>
  (await harness.gateway.read(cypher('test.written', 'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN count(n) AS count'), { prefix }))[0]!
    .count as number;

describe('importing a graph export runs the checks every write runs', () => {
  it('refuses a hierarchy cycle within the file, naming it, and writes nothing', async () => {
    const file = exportFile('cycle', (JSON.parse(sound().content) as { nodes: Node[] }).nodes, [
      link(`${plan}/p1`, 'HAS_PRIORITY', `${plan}/p1/p2`),
      link(`${plan}/p1/p2`, 'HAS_PRIORITY', `${plan}/p1`),
    ]);
    const result = (await harness.api.execute(Import, { input: file, dryRun: false }, editor)).data!.importDocument;
    expect(result.committed).toBe(false);
    expect(result.faults.map(({ message }) => message)).toEqual([expect.stringMatching(/^cycle: .*p1 → .*p2 → .*p1$/)]);
    expect(await written()).toBe(0);
  });

  it('refuses a link between labels its type does not join (a plan that publishes an Act)', async () => {
    const file = exportFile('retyped', [node('Plan', plan, { kind: 'STRATEGY', status: 'ADOPTED' })], [link(plan, 'PUBLISHES', 'authority/care-act-2014')]);
    const result = (await harness.api.execute(Import, { input: file, dryRun: false }, editor)).data!.importDocument;
    expect(result.faults).toEqual([
      {
        path: 'links[0].type',
        message: expect.stringContaining(`a PUBLISHES link joins Organisation to Plan or Document, not Plan ${plan} to Authority authority/care-act-2014`),
      },
    ]);
    expect(await written()).toBe(0);
  });

  it('refuses to change a node another document states, and a property the graph manages', async () => {
    const [seeded] = await harness.gateway.read(cypher('test.seeded', 'MATCH (n:Priority {id: $id}) RETURN properties(n) AS props'), {
      id: 'redbridge-people-strategy-2024/sp1',
    });
    const props = seeded!.props as Record<string, unknown>;
    const file = exportFile(
      'other',
      [{ label: 'Priority', id: 'redbridge-people-strategy-2024/sp1', props: { ...props, title: 'Taken over', documentId } }],
      [],
    );
    const result = (await harness.api.execute(Import, { input: file, dryRun: false }, editor)).data!.importDocument;
    expect(result.faults).toEqual([
      { path: 'nodes[0]', message: expect.stringContaining(`is stated by ${String(props.documentId)}; an import cannot change what another document states`) },
    ]);
    const moved = exportFile('moved', [{ label: 'Priority', id: 'redbridge-people-strategy-2024/sp1', props: { ...props, position: 7 } }], []);
    expect((await harness.api.execute(Import, { input: moved, dryRun: true }, editor)).data!.importDocument.faults).toEqual([
      { path: 'nodes[0].props.position', message: expect.stringContaining('managed by the graph') },
    ]);
    const [after] = await harness.gateway.read(cypher('test.after', 'MATCH (n:Priority {id: $id}) RETURN n.title AS title'), {
      id: 'redbridge-people-strategy-2024/sp1',
    });
    expect(after?.title).toBe(props.title);
  });

  it('writes a sound export with a history record for every node, and refuses a link that closes a cycle with the graph', async () => {
    const result = (await harness.api.execute(Import, { input: sound(), dryRun: false }, editor)).data!.importDocument;
    expect(result).toMatchObject({ committed: true, faults: [] });
    expect(result.created.map(({ id }) => id).sort()).toEqual([plan, `${plan}/p1`, `${plan}/p1/p2`]);
    const history = (await harness.api.execute(History, { id: `${plan}/p1/p2` }, editor)).data!.history;
    expect(history).toEqual([expect.objectContaining({ operation: 'IMPORT', by: 'Test Editor', summary: 'Created by the import of sound.json.' })]);
    const [placed] = await harness.gateway.read(cypher('test.placed', 'MATCH (n:Priority {id: $id}) RETURN n.planId AS planId, n.version AS version'), {
      id: `${plan}/p1/p2`,
    });
    expect(placed).toEqual({ planId: plan, version: 1 });

    const before = await written();
    const loop = exportFile('loop', [], [link(`${plan}/p1/p2`, 'HAS_PRIORITY', `${plan}/p1`)]);
    const refused = (await harness.api.execute(Import, { input: loop, dryRun: false }, editor)).data!.importDocument;
    expect(refused.committed).toBe(false);
    expect(refused.faults[0]?.message).toMatch(/would make a cycle/);
    const [links] = await harness.gateway.read(
      cypher('test.loop', 'MATCH (:Entity {id: $from})-[r:HAS_PRIORITY]->(:Entity {id: $to}) RETURN count(r) AS count'),
      {
        from: `${plan}/p1/p2`,
        to: `${plan}/p1`,
      },
    );
    expect(links?.count).toBe(0);
    expect(await written()).toBe(before);
  });
});
