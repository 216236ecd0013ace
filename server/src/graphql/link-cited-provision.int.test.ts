// Linking an item to a provision the graph does not hold yet, over HTTP: search offers it, the
// mutation adds it under its Act (and the Act from the catalogue) and links to it in one write,
// a second link reuses it, a scoped editor may do it for their own item, and bad citations or
// another council's item are refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { removeTestData, startTestApi, testGateway, testTokens, type TestApi } from '../../test/api.ts';
import { cypher, type Gateway } from '../db/gateway.ts';

const Search = graphql(`
  query LinkCitedProvisionTest_Search($text: String!, $labels: [NodeLabel!]) {
    search(text: $text, labels: $labels, first: 10) {
      hits { node { id } }
      missingProvisions { citation code id authorityId authorityTitle authorityHeld legislationId }
    }
  }
`);
const Link = graphql(`
  mutation LinkCitedProvisionTest_Link($from: ID!, $citation: String!, $rationale: String!, $why: String) {
    linkToCitedProvision(from: $from, citation: $citation, rationale: $rationale, why: $why) {
      provision { id label title }
      link { type from to basis rationale by }
      createdProvision
      createdAuthority
    }
  }
`);
const CreateNode = graphql(`
  mutation LinkCitedProvisionTest_Create($input: NodeInput!) {
    createNode(input: $input) { id }
  }
`);
const CreateLink = graphql(`
  mutation LinkCitedProvisionTest_CreateLink($input: LinkInput!) {
    createLink(input: $input) { id }
  }
`);
const History = graphql(`
  query LinkCitedProvisionTest_History($id: ID!) {
    history(id: $id, first: 50) { operation by summary why }
  }
`);

const thurrockToken = 'thurrock-editor-token-for-tests-0002';
const admin = { token: testTokens.admin };
const editor = { token: testTokens.editor };
const thurrock = { token: thurrockToken };
const run = Math.random().toString(36).slice(2, 8);
const prefix = `test-cited-provision-${run}`;
const redbridgePlan = `${prefix}/redbridge`;
const thurrockPlan = `${prefix}/thurrock`;
// A section no graph holds: a number beyond the Act's and letters, fresh on every run.
const section = `${900 + Math.floor(Math.random() * 99)}ZZ`;
const act = 'authority/children-act-1989';
const provisionId = `${act}/s${section.toLowerCase()}`;
const citation = `s.${section} of the Children Act 1989`;

let api: TestApi;
let gateway: Gateway;
/** Whether the graph held the Act before the tests (then it is left as it was). */
let actHeldBefore = false;

const read = async (statement: string, params: Record<string, unknown>) => gateway.read(cypher('test.citedProvisionRead', statement), params);
const provisionsUnder = async (id: string) =>
  (await read('MATCH (:Authority {id: $id})-[r:HAS_PROVISION]->(p:Provision) RETURN p.id AS id, p.code AS code, r.basis AS basis, r.rationale AS rationale', {
    id,
  })) as {
    id: string;
    code: string;
    basis: string;
    rationale: string;
  }[];
const linksTo = async (to: string) =>
  (await read('MATCH (a:Entity)-[r:GIVES_EFFECT_TO]->(:Entity {id: $to}) RETURN a.id AS from ORDER BY from', { to })).map((row) => row.from);
const changeCount = async () => Number((await read('MATCH (c:Change) RETURN count(c) AS n', {}))[0]!.n);

/** A plan published by `organisation`, with priorities p1 and p2, made by the admin. */
async function makePlan(id: string, organisation: string): Promise<void> {
  const plan = await api.execute(CreateNode, { input: { label: 'Plan', id, title: `Plan ${id}`, properties: { kind: 'STRATEGY', status: 'ADOPTED' } } }, admin);
  expect(plan.errors).toBeUndefined();
  const published = await api.execute(
    CreateLink,
    { input: { from: organisation, type: 'PUBLISHES', to: id, basis: 'CURATED', rationale: 'Published for the tests.' } },
    admin,
  );
  expect(published.errors).toBeUndefined();
  for (const priority of ['p1', 'p2']) {
    const made = await api.execute(
      CreateNode,
      { input: { label: 'Priority', id: `${id}/${priority}`, title: `Support children in need ${priority}`, parentId: id } },
      admin,
    );
    expect(made.errors).toBeUndefined();
  }
}

beforeAll(async () => {
  api = await startTestApi({
    AUTH_TOKENS: `Test Editor:editor:${testTokens.editor},Test Admin:admin:${testTokens.admin},Thurrock Editor:editor:${thurrockToken}:org/thurrock-council`,
  });
  gateway = testGateway();
  actHeldBefore = (await read('MATCH (a:Authority {id: $id}) RETURN a.id AS id', { id: act })).length > 0;
  await makePlan(redbridgePlan, 'org/redbridge-council');
  await makePlan(thurrockPlan, 'org/thurrock-council');
});

afterAll(async () => {
  // What the tests added to the law: the provision, and the Act if the graph did not hold it.
  await gateway.write(cypher('test.citedProvisionRemove', 'MATCH (p:Provision) WHERE p.id STARTS WITH $provision DETACH DELETE p'), { provision: provisionId });
  await gateway.write(cypher('test.citedProvisionChanges', 'MATCH (c:Change) WHERE c.subjectId = $provision DELETE c'), { provision: provisionId });
  if (!actHeldBefore) {
    await gateway.write(cypher('test.citedAuthorityRemove', 'MATCH (a:Authority {id: $id}) DETACH DELETE a'), { id: act });
    await gateway.write(cypher('test.citedAuthorityChanges', 'MATCH (c:Change) WHERE c.subjectId = $id DELETE c'), { id: act });
  }
  await removeTestData(gateway, prefix);
  await api?.close();
  await gateway?.close();
});

describe('a citation of a provision the graph does not hold', () => {
  it('is offered by search, with the id the importer and the legislation update give it', async () => {
    const found = await api.execute(Search, { text: citation, labels: ['Authority', 'Provision'] });
    expect(found.errors).toBeUndefined();
    expect(found.data!.search.missingProvisions).toEqual([
      {
        citation,
        code: `s.${section}`,
        id: provisionId,
        authorityId: act,
        authorityTitle: 'Children Act 1989',
        authorityHeld: actHeldBefore,
        legislationId: `ukpga/1989/41/section/${section}`,
      },
    ]);
    // A search for other kinds of item offers no provision.
    const actions = await api.execute(Search, { text: citation, labels: ['Priority'] });
    expect(actions.data!.search.missingProvisions).toEqual([]);
  });

  it('is refused when it names no provision, several, or no known Act, and nothing is written', async () => {
    const before = await changeCount();
    for (const [text, words] of [
      ['the Children Act 1989', 'none of its provisions'],
      [`ss. ${section} and 20 of the Children Act 1989`, '2 provisions'],
      [`s.${section} of the Zq${run} Widgets Act 2091`, 'names no Act'],
      ['   ', 'must not be empty'],
    ] as const) {
      const refused = await api.execute(Link, { from: `${thurrockPlan}/p1`, citation: text, rationale: 'Delivers the duty.' }, editor);
      expect(refused.errors?.[0]?.extensions?.code, text).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.extensions?.field, text).toBe('citation');
      expect(refused.errors?.[0]?.message, text).toContain(words);
    }
    const noRationale = await api.execute(Link, { from: `${thurrockPlan}/p1`, citation, rationale: ' ' }, editor);
    expect(noRationale.errors?.[0]?.extensions?.field).toBe('rationale');
    expect(await changeCount()).toBe(before);
    expect((await provisionsUnder(act)).filter(({ id }) => id === provisionId)).toEqual([]);
  });

  it('is refused for a scoped editor linking another council’s item, and nothing is written', async () => {
    const before = await changeCount();
    const refused = await api.execute(Link, { from: `${redbridgePlan}/p1`, citation, rationale: 'Not theirs.' }, thurrock);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain(`${redbridgePlan}/p1 belongs to`);
    expect(await changeCount()).toBe(before);
    expect((await provisionsUnder(act)).filter(({ id }) => id === provisionId)).toEqual([]);
  });

  it('is added under its Act and linked by a scoped editor, for their own item, with history', async () => {
    const linked = await api.execute(
      Link,
      { from: `${thurrockPlan}/p1`, citation, rationale: 'The priority delivers this duty.', why: 'Linking to the new section.' },
      thurrock,
    );
    expect(linked.errors).toBeUndefined();
    const result = linked.data!.linkToCitedProvision;
    expect(result.provision).toEqual({ id: provisionId, label: 'Provision', title: `s.${section} Children Act 1989` });
    expect(result.link).toEqual({
      type: 'GIVES_EFFECT_TO',
      from: `${thurrockPlan}/p1`,
      to: provisionId,
      basis: 'CURATED',
      rationale: 'The priority delivers this duty.',
      by: 'Thurrock Editor',
    });
    expect(result.createdProvision).toBe(true);
    expect(result.createdAuthority).toBe(!actHeldBefore);

    // The provision is the person's, curated from what they cited, under the Act's id.
    expect((await provisionsUnder(act)).filter(({ id }) => id === provisionId)).toEqual([
      { id: provisionId, code: `s.${section}`, basis: 'CURATED', rationale: `Cited as “${citation}”.` },
    ]);
    expect(await linksTo(provisionId)).toEqual([`${thurrockPlan}/p1`]);
    // Its history: created under the Act, then linked to, both by the editor and why.
    const history = (await api.execute(History, { id: provisionId }, admin)).data!.history;
    expect(history).toEqual([
      expect.objectContaining({ operation: 'CREATE_LINK', by: 'Thurrock Editor', why: 'Linking to the new section.' }),
      expect.objectContaining({
        operation: 'CREATE_NODE',
        by: 'Thurrock Editor',
        summary: `Created Provision “s.${section} Children Act 1989” under Children Act 1989.`,
        why: 'Linking to the new section.',
      }),
    ]);
    // Search now finds it and offers nothing.
    const found = await api.execute(Search, { text: citation, labels: ['Authority', 'Provision'] });
    expect(found.data!.search.hits[0]!.node.id).toBe(provisionId);
    expect(found.data!.search.missingProvisions).toEqual([]);
  });

  it('is reused a second time, written another way', async () => {
    const before = await changeCount();
    const linked = await api.execute(
      Link,
      { from: `${thurrockPlan}/p2`, citation: `Children Act 1989, section ${section}`, rationale: 'Also delivers it.' },
      editor,
    );
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.linkToCitedProvision).toMatchObject({ provision: { id: provisionId }, createdProvision: false, createdAuthority: false });
    expect((await provisionsUnder(act)).filter(({ id }) => id === provisionId)).toHaveLength(1);
    expect(await linksTo(provisionId)).toEqual([`${thurrockPlan}/p1`, `${thurrockPlan}/p2`]);
    // Only the link is recorded.
    expect(await changeCount()).toBe(before + 1);
  });
});
