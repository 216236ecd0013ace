import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { testTokens, apiForThisFile } from '../../test/api.ts';
import { cypher } from '../db/gateway.ts';
import { seedDir } from '../import/seed.ts';

const CreateNode = graphql(`
  mutation ApiTest_CreateNode($input: NodeInput!, $why: String) {
    createNode(input: $input, why: $why) { id label title planId properties }
  }
`);
const UpdateNode = graphql(`
  mutation ApiTest_UpdateNode($id: ID!, $version: Int!, $properties: JSON!, $why: String) {
    updateNode(id: $id, version: $version, properties: $properties, why: $why) { id title properties version changedBy }
  }
`);
const DeleteNode = graphql(`
  mutation ApiTest_DeleteNode($id: ID!, $version: Int!, $force: Boolean) {
    deleteNode(id: $id, version: $version, force: $force, why: "Tidying up") { deleted dependents { id } }
  }
`);
const CreateLink = graphql(`
  mutation ApiTest_CreateLink($input: LinkInput!) {
    createLink(input: $input, why: "Test") { id type basis rationale by }
  }
`);
const History = graphql(`
  query ApiTest_History($id: ID!) {
    history(id: $id) { operation by summary why before after }
  }
`);
const Suggest = graphql(`
  mutation ApiTest_Suggest($id: ID!) {
    suggestLinks(id: $id, first: 20) { score reason target { id label } edge { type basis } }
  }
`);
const Accept = graphql(`
  mutation ApiTest_Accept($from: ID!, $type: LinkType!, $to: ID!) {
    acceptSuggestion(from: $from, type: $type, to: $to) { basis rationale by }
  }
`);
const Reject = graphql(`
  mutation ApiTest_Reject($from: ID!, $type: LinkType!, $to: ID!) {
    rejectSuggestion(from: $from, type: $type, to: $to, why: "Not this one")
  }
`);
const StatutoryGaps = graphql(`
  query ApiTest_StatutoryGaps($planId: ID!) {
    gaps(scope: { planId: $planId }, codes: ["ACTION_WITHOUT_STATUTORY_BASIS"]) { rules { findings { node { id } } } }
  }
`);
const Import = graphql(`
  mutation ApiTest_Import($input: ImportInput!, $dryRun: Boolean) {
    importDocument(input: $input, dryRun: $dryRun) {
      dryRun
      committed
      document { id }
      created { id label title code }
      updated { id }
      createdLinks { type from to basis }
      unchanged
      notUnderstood { line text message }
      faults { line path message }
    }
  }
`);
const Export = graphql(`
  query ApiTest_Export($planId: ID, $format: ExportFormat!) {
    exportGraph(planId: $planId, format: $format) { fileName mediaType content }
  }
`);

const prefix = `test-authoring-${Math.random().toString(36).slice(2, 8)}`;
const editor = { token: testTokens.editor };
const admin = { token: testTokens.admin };
const harness = apiForThisFile(prefix);

const count = async () => (await harness.gateway.read(cypher('test.count', 'MATCH (n) RETURN count(n) AS nodes')))[0]!.nodes as number;

/** A plan of the test's own with one priority. */
async function makePlan(name: string) {
  const plan = await harness.api.execute(
    CreateNode,
    { input: { label: 'Plan', id: `${prefix}/${name}`, title: `Test plan ${name}`, properties: { kind: 'STRATEGY', status: 'DRAFT' } } },
    editor,
  );
  expect(plan.errors).toBeUndefined();
  const priority = await harness.api.execute(
    CreateNode,
    { input: { label: 'Priority', parentId: `${prefix}/${name}`, title: 'Young people leaving care', properties: { code: 'P1' } } },
    editor,
  );
  expect(priority.errors).toBeUndefined();
  return { planId: `${prefix}/${name}`, priorityId: priority.data!.createNode.id };
}

describe('who may write', () => {
  it('refuses a write without a token, with a clear error, and writes nothing', async () => {
    const before = await count();
    const { data, errors } = await harness.api.execute(CreateNode, { input: { label: 'Theme', title: 'Anything' } });
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('bearer token') });
    expect(await count()).toBe(before);
  });

  it('refuses an unknown token', async () => {
    const { errors } = await harness.api.execute(CreateNode, { input: { label: 'Theme', title: 'Anything' } }, { token: 'not-a-real-token-000000' });
    expect(errors?.[0]).toMatchObject({ message: 'The bearer token is not recognised.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('lets anyone read without signing in', async () => {
    const { errors } = await harness.api.execute(History, { id: 'authority/care-act-2014' });
    expect(errors).toBeUndefined();
  });
});

describe('editing', () => {
  it('creates, edits and deletes nodes, recording who, when, what and why', async () => {
    const { planId, priorityId } = await makePlan('editing');
    const created = await harness.api.execute(
      CreateNode,
      { input: { label: 'Action', parentId: priorityId, title: 'Run a care leavers hub', properties: { term: 'We will' } }, why: 'Agreed at the board' },
      editor,
    );
    expect(created.data?.createNode).toMatchObject({ label: 'Action', planId, properties: { topPriorityId: priorityId } });
    const actionId = created.data!.createNode.id;

    const edited = await harness.api.execute(
      UpdateNode,
      {
        id: actionId,
        version: 1,
        properties: { title: 'Run a care leavers hub in Ilford', discretionary: true, discretionaryReason: 'A local choice' },
        why: 'Named the place',
      },
      editor,
    );
    expect(edited.data?.updateNode).toMatchObject({
      title: 'Run a care leavers hub in Ilford',
      version: 2,
      changedBy: 'Test Editor',
      properties: expect.objectContaining({ discretionary: true }),
    });

    const history = await harness.api.execute(History, { id: actionId }, editor);
    expect(history.data?.history.map(({ operation }) => operation)).toEqual(['UPDATE_NODE', 'CREATE_NODE']);
    expect(history.data?.history[0]).toMatchObject({ by: 'Test Editor', why: 'Named the place', before: { title: 'Run a care leavers hub' } });

    const deleted = await harness.api.execute(DeleteNode, { id: actionId, version: 2 }, editor);
    expect(deleted.data?.deleteNode).toEqual({ deleted: true, dependents: [] });
    expect((await harness.api.execute(History, { id: actionId })).data?.history[0]?.operation).toBe('DELETE_NODE');
  });

  it('names the field at fault and writes nothing', async () => {
    const before = await count();
    const wrongKind = await harness.api.execute(
      CreateNode,
      { input: { label: 'Plan', title: 'A plan', properties: { kind: 'NOT_A_KIND', status: 'DRAFT' } } },
      editor,
    );
    expect(wrongKind.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.properties.kind' } });
    const missing = await harness.api.execute(CreateNode, { input: { label: 'Plan', title: 'A plan', properties: { kind: 'STRATEGY' } } }, editor);
    expect(missing.errors?.[0]?.message).toBe('input.properties.status: is required for a Plan');
    const unknownParent = await harness.api.execute(CreateNode, { input: { label: 'Action', title: 'An action', parentId: 'no/such/parent' } }, editor);
    expect(unknownParent.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'input.parentId' } });
    const wrongParent = await harness.api.execute(
      CreateNode,
      { input: { label: 'Plan', title: 'A plan', parentId: 'authority/care-act-2014', properties: { kind: 'STRATEGY', status: 'DRAFT' } } },
      editor,
    );
    expect(wrongParent.errors?.[0]?.message).toMatch(/^input.parentId: a Plan does not sit under anything/);
    expect(await count()).toBe(before);
  });

  it('says what depends on a node before deleting it, and only an admin may force it', async () => {
    const { planId } = await makePlan('depended');
    const refused = await harness.api.execute(DeleteNode, { id: planId, version: 1 }, editor);
    expect(refused.data?.deleteNode.deleted).toBe(false);
    expect(refused.data?.deleteNode.dependents.map(({ id }) => id)).toEqual([`${planId}/young-people-leaving-care`]);
    const notAdmin = await harness.api.execute(DeleteNode, { id: planId, version: 1, force: true }, editor);
    expect(notAdmin.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const forced = await harness.api.execute(DeleteNode, { id: planId, version: 1, force: true }, admin);
    expect(forced.data?.deleteNode.deleted).toBe(true);
    const [left] = await harness.gateway.read(cypher('test.left', 'MATCH (n:Entity) WHERE n.id STARTS WITH $id RETURN count(n) AS count'), { id: planId });
    expect(left?.count).toBe(0);
  });

  it('links nodes with a basis, refusing a curated link without a rationale and links between the wrong kinds', async () => {
    const { priorityId } = await makePlan('linking');
    const noRationale = await harness.api.execute(
      CreateLink,
      { input: { from: priorityId, type: 'GIVES_EFFECT_TO', to: 'authority/care-act-2014', basis: 'CURATED' } },
      editor,
    );
    expect(noRationale.errors?.[0]?.message).toBe('input.rationale: a CURATED link needs a rationale');
    const wrongKinds = await harness.api.execute(
      CreateLink,
      { input: { from: priorityId, type: 'GIVES_EFFECT_TO', to: 'theme/care-leavers', basis: 'CURATED', rationale: 'x' } },
      editor,
    );
    expect(wrongKinds.errors?.[0]?.message).toMatch(/^to: a GIVES_EFFECT_TO link ends at a Authority or Provision, not a Theme/);
    const linked = await harness.api.execute(
      CreateLink,
      {
        input: {
          from: priorityId,
          type: 'GIVES_EFFECT_TO',
          to: 'authority/children-and-social-work-act-2017',
          basis: 'CURATED',
          rationale: 'Corporate parenting duties.',
        },
      },
      editor,
    );
    expect(linked.data?.createLink).toMatchObject({ type: 'GIVES_EFFECT_TO', basis: 'CURATED', by: 'Test Editor' });
  });
});

describe('link suggestions', () => {
  it('suggests the Children and Social Work Act 2017 for a care-leavers action, with the matching words; accepting it closes the gap', async () => {
    const { planId, priorityId } = await makePlan('suggestions');
    const action = await harness.api.execute(
      CreateNode,
      { input: { label: 'Action', parentId: priorityId, title: 'Improve the outcomes for care leavers through better support into work' } },
      editor,
    );
    const actionId = action.data!.createNode.id;
    const gapsBefore = await harness.api.execute(StatutoryGaps, { planId });
    expect(gapsBefore.data?.gaps.rules[0]?.findings.map(({ node }) => node.id)).toContain(actionId);

    const { data, errors } = await harness.api.execute(Suggest, { id: actionId }, editor);
    expect(errors).toBeUndefined();
    const act = data!.suggestLinks.find(({ target }) => target.id === 'authority/children-and-social-work-act-2017');
    expect(act).toMatchObject({ edge: { type: 'GIVES_EFFECT_TO', basis: 'SUGGESTED' } });
    expect(act!.reason).toMatch(/care/);
    expect(act!.reason).toMatch(/leaver/);
    expect(act!.score).toBeGreaterThan(0);

    // A suggestion is not a basis until a person accepts it.
    expect((await harness.api.execute(StatutoryGaps, { planId })).data?.gaps.rules[0]?.findings.map(({ node }) => node.id)).toContain(actionId);
    const accepted = await harness.api.execute(Accept, { from: actionId, type: 'GIVES_EFFECT_TO', to: 'authority/children-and-social-work-act-2017' }, editor);
    expect(accepted.data?.acceptSuggestion).toMatchObject({ basis: 'CURATED', by: 'Test Editor' });
    expect((await harness.api.execute(StatutoryGaps, { planId })).data?.gaps.rules[0]?.findings.map(({ node }) => node.id)).not.toContain(actionId);

    const other = data!.suggestLinks.find(({ target, edge }) => edge.type !== 'GIVES_EFFECT_TO' || target.id !== 'authority/children-and-social-work-act-2017');
    if (other) {
      expect((await harness.api.execute(Reject, { from: actionId, type: other.edge.type, to: other.target.id }, editor)).data?.rejectSuggestion).toBe(true);
      const again = await harness.api.execute(Suggest, { id: actionId }, editor);
      expect(again.data?.suggestLinks.some(({ target, edge }) => target.id === other.target.id && edge.type === other.edge.type)).toBe(false);
    }
  });
});

const documentOf = (file: string) => readFileSync(join(seedDir, 'documents', file), 'utf8');

describe('importing documents', () => {
  it("recovers Thurrock's priorities A–E and 23 deliverables from plain text, and the same import twice adds nothing", async () => {
    const input = { fileName: `${prefix}-thurrock.txt`, content: documentOf('002_88537f17d4321af1.txt') };
    const before = await count();
    const dry = await harness.api.execute(Import, { input, dryRun: true }, editor);
    expect(dry.data?.importDocument.faults).toEqual([]);
    const deliverables = dry.data!.importDocument.created.filter(({ label, code }) => label === 'Action' && /^\d+$/.test(code ?? ''));
    expect(deliverables.map(({ code }) => code)).toEqual(Array.from({ length: 23 }, (_, index) => String(index + 1)));
    expect(await count(), 'a dry run writes nothing').toBe(before);

    const committed = await harness.api.execute(Import, { input, dryRun: false }, editor);
    expect(committed.data?.importDocument.committed).toBe(true);
    const after = await count();
    expect(after).toBeGreaterThan(before);
    const again = await harness.api.execute(Import, { input, dryRun: false }, editor);
    expect(again.data?.importDocument).toMatchObject({ committed: false, created: [], createdLinks: [] });
    expect(await count()).toBe(after);

    await harness.gateway.write(cypher('test.removeImport', 'MATCH (n:Entity) WHERE n.documentId = $id OR n.id = $id DETACH DELETE n'), {
      id: committed.data!.importDocument.document!.id,
    });
  });

  it('refuses bad input with the line or field at fault, and writes nothing', async () => {
    const before = await count();
    const cases: [name: string, content: string, expected: RegExp][] = [
      ['empty.txt', '   \n', /is empty/],
      ['binary.txt', 'PK\u0003\u0004\u0000\u0000', /binary file/],
      ['mojibake.txt', 'Priorities\n\uFFFD\uFFFD\n', /not valid UTF-8 \(line 2\)/],
      ['huge.txt', 'x'.repeat(2 * 1024 * 1024 + 1), /at most 2 MB/],
      ['plan.odt', 'PK', /\.odt cannot be imported/],
      ['parents.csv', 'id,parent,label,title\nt1,,Plan,A plan\nt2,no-such-parent,Priority,A priority\n', /unknown id no-such-parent/],
      ['cycle.csv', 'id,parent,label,title\nx/a,x/b,Priority,First\nx/b,x/a,Priority,Second\n', /cycle/],
      ['columns.csv', 'id,parent,label,title,colour\n', /line 1: unknown column colour/],
      ['seed.yaml', 'document: [unclosed\n', /./],
    ];
    for (const [fileName, content, expected] of cases) {
      const { data, errors } = await harness.api.execute(Import, { input: { fileName: `${prefix}-${fileName}`, content }, dryRun: false }, editor);
      expect(errors, fileName).toBeUndefined();
      expect(data?.importDocument.committed, fileName).toBe(false);
      expect(data?.importDocument.faults.map(({ message }) => message).join(' '), fileName).toMatch(expected);
    }
    const parents = await harness.api.execute(Import, { input: { fileName: 'parents.csv', content: cases[5]![1] } }, editor);
    expect(parents.data?.importDocument.faults[0]).toMatchObject({ line: 3 });
    expect(await count()).toBe(before);
  });

  it('imports the CSV template', async () => {
    const csv = `id,parent,label,title,code,term,themes\n${prefix}/csv,,Plan,A CSV plan,,,\n${prefix}/csv/p1,${prefix}/csv,Priority,"Support care leavers, with homes",1,Priority,theme/care-leavers\n${prefix}/csv/p1/a1,${prefix}/csv/p1,Action,"Find ""staying close"" homes",1.1,We will,\n`;
    const { data } = await harness.api.execute(Import, { input: { fileName: `${prefix}-plan.csv`, content: csv }, dryRun: true }, editor);
    expect(data?.importDocument.faults).toEqual([]);
    expect(data?.importDocument.created.map(({ id }) => id)).toEqual(expect.arrayContaining([`${prefix}/csv/p1`, `${prefix}/csv/p1/a1`]));
    expect(data?.importDocument.createdLinks.map(({ type }) => type)).toEqual(expect.arrayContaining(['HAS_PRIORITY', 'HAS_ACTION', 'CONCERNS']));
  });

  it('places an item imported under an existing priority in that priority’s plan', async () => {
    const id = `${prefix}/under-sp2`;
    const csv = `id,parent,label,title\n${id},redbridge-people-strategy-2024/sp2,Action,Find homes near college for care leavers\n`;
    const { data } = await harness.api.execute(Import, { input: { fileName: `${prefix}-extra.csv`, content: csv }, dryRun: false }, editor);
    expect(data?.importDocument).toMatchObject({ faults: [], committed: true });
    try {
      const [row] = await harness.gateway.read(
        cypher('test.placement', 'MATCH (a:Action {id: $id}) RETURN a.planId AS planId, a.topPriorityId AS topPriorityId'),
        {
          id,
        },
      );
      expect(row).toEqual({ planId: 'redbridge-people-strategy-2024', topPriorityId: 'redbridge-people-strategy-2024/sp2' });
    } finally {
      await harness.gateway.write(cypher('test.removeImport', 'MATCH (n:Entity) WHERE n.documentId = $id OR n.id = $id DETACH DELETE n'), {
        id: data!.importDocument.document!.id,
      });
      await harness.gateway.write(cypher('test.removeAction', 'MATCH (n:Entity {id: $id}) DETACH DELETE n'), { id });
    }
  });
});

describe('export', () => {
  it('exports a plan as JSON that re-imports as nothing new, and as CSV and GraphML', async () => {
    const json = await harness.api.execute(Export, { planId: 'redbridge-people-strategy-2024', format: 'JSON' });
    const file = json.data!.exportGraph;
    expect(file.fileName).toBe('redbridge-people-strategy-2024.json');
    const parsed = JSON.parse(file.content) as { nodes: { id: string }[]; links: unknown[] };
    expect(parsed.nodes.map(({ id }) => id)).toEqual(
      expect.arrayContaining(['redbridge-people-strategy-2024/sp2/w3', 'authority/children-and-social-work-act-2017']),
    );
    const reimport = await harness.api.execute(Import, { input: { fileName: file.fileName, content: file.content }, dryRun: true }, editor);
    expect(reimport.data?.importDocument).toMatchObject({ faults: [], created: [], updated: [], createdLinks: [] });
    expect(reimport.data?.importDocument.unchanged).toBe(parsed.nodes.length + parsed.links.length);

    const csv = (await harness.api.execute(Export, { planId: 'redbridge-people-strategy-2024', format: 'CSV' })).data!.exportGraph;
    expect(csv.content.split('\r\n')[0]).toBe(
      'id,parent,label,title,code,term,text,kind,status,corporate,discretionary,owner,themes,period_start,period_end,legislation_id,unit,polarity',
    );
    const graphml = (await harness.api.execute(Export, { planId: 'redbridge-people-strategy-2024', format: 'GRAPHML' })).data!.exportGraph;
    expect(graphml.content).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<graphml /);
    expect(graphml.content).toContain('<node id="redbridge-people-strategy-2024/sp2/w3">');
  });
});
