import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import type { LinkType } from '../../test/generated/graphql.ts';
import { removeTestData, startTestApi, testGateway, testTokens, type TestApi } from '../../test/api.ts';
import { cypher, type Gateway } from '../db/gateway.ts';
import { EXPORT_FORMAT } from '../queries/export.ts';
import { storeSuggestion } from '../queries/suggestions.ts';

// What an editor scoped to Thurrock may do to suggestions, links, measures and their observations,
// and evidence: refused on Redbridge's plan, allowed on Thurrock's. Everything lives under PREFIX.
const CreateNode = graphql(`
  mutation ScopeWrites_Create($input: NodeInput!) {
    createNode(input: $input) { id version }
  }
`);
const UpdateNode = graphql(`
  mutation ScopeWrites_Update($id: ID!, $version: Int!, $properties: JSON!) {
    updateNode(id: $id, version: $version, properties: $properties) { id version }
  }
`);
const CreateLink = graphql(`
  mutation ScopeWrites_Link($input: LinkInput!) {
    createLink(input: $input) { id }
  }
`);
const DeleteLink = graphql(`
  mutation ScopeWrites_Unlink($from: ID!, $type: LinkType!, $to: ID!, $version: Int!) {
    deleteLink(from: $from, type: $type, to: $to, version: $version)
  }
`);
const Accept = graphql(`
  mutation ScopeWrites_Accept($from: ID!, $type: LinkType!, $to: ID!) {
    acceptSuggestion(from: $from, type: $type, to: $to) { basis by }
  }
`);
const Reject = graphql(`
  mutation ScopeWrites_Reject($from: ID!, $type: LinkType!, $to: ID!) {
    rejectSuggestion(from: $from, type: $type, to: $to, why: "Not this one")
  }
`);
const Import = graphql(`
  mutation ScopeWrites_Import($input: ImportInput!) {
    importDocument(input: $input, dryRun: false) {
      committed
      faults { message }
    }
  }
`);

const thurrockToken = 'thurrock-editor-token-for-scope-writes-01';
const admin = { token: testTokens.admin };
const thurrock = { token: thurrockToken };
const PREFIX = `test-scope-writes-${Math.random().toString(36).slice(2, 8)}`;
const redbridge = {
  plan: `${PREFIX}/redbridge`,
  item: `${PREFIX}/redbridge/p1`,
  measure: `${PREFIX}/redbridge-measure`,
  evidence: `${PREFIX}/redbridge-report`,
};
const thurrockOwn = {
  plan: `${PREFIX}/thurrock`,
  item: `${PREFIX}/thurrock/p1`,
  measure: `${PREFIX}/thurrock-measure`,
  evidence: `${PREFIX}/thurrock-report`,
};
const theme = `${PREFIX}/theme`;

let api: TestApi;
let gateway: Gateway;

const curated = (from: string, type: LinkType, to: string) => ({
  input: { from, type, to, basis: 'CURATED' as const, rationale: 'Drawn for the scope tests.' },
});

/** Runs a write as `who`, failing the test on any error. */
async function ok<T>(result: Promise<{ data?: T | null; errors?: { message: string }[] }>): Promise<T> {
  const { data, errors } = await result;
  expect(errors).toBeUndefined();
  return data!;
}

/** A plan published by `organisation`, with a priority, a measure and an inspection report of its own. */
async function makePlan(ids: typeof redbridge, organisation: string): Promise<void> {
  await ok(
    api.execute(CreateNode, { input: { label: 'Plan', id: ids.plan, title: `Plan ${ids.plan}`, properties: { kind: 'STRATEGY', status: 'ADOPTED' } } }, admin),
  );
  await ok(api.execute(CreateLink, curated(organisation, 'PUBLISHES', ids.plan), admin));
  await ok(api.execute(CreateNode, { input: { label: 'Priority', id: ids.item, title: 'First priority', parentId: ids.plan } }, admin));
  await ok(
    api.execute(
      CreateNode,
      { input: { label: 'Measure', id: ids.measure, title: 'Families helped', properties: { unit: 'families', polarity: 'HIGHER_IS_BETTER' } } },
      admin,
    ),
  );
  await ok(api.execute(CreateLink, curated(ids.item, 'MEASURED_BY', ids.measure), admin));
  await ok(
    api.execute(CreateNode, { input: { label: 'Evidence', id: ids.evidence, title: 'Inspection report', properties: { kind: 'INSPECTION_REPORT' } } }, admin),
  );
  await ok(api.execute(CreateLink, curated(ids.item, 'RESPONDS_TO', ids.evidence), admin));
}

/** Stores a suggestion as the link suggester does, through its own statement. */
const suggest = (from: string, type: 'CONTRIBUTES_TO' | 'CONCERNS', to: string) =>
  gateway.writeTransaction(
    (tx) =>
      storeSuggestion(tx, type, from, to, { basis: 'SUGGESTED', score: 0.5, rationale: 'Worded alike.', by: 'Link suggestions', at: new Date().toISOString() }),
    'test.scopeWrites.suggest',
  );

const linkOf = async (from: string, type: string, to: string) =>
  (
    await gateway.read(
      cypher(
        'test.scopeWrites.link',
        'MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) WHERE type(r) = $type RETURN r.basis AS basis, r.version AS version',
      ),
      { from, type, to },
    )
  )[0] as { basis: string; version: number } | undefined;
const nodeOf = async (id: string) =>
  (await gateway.read(cypher('test.scopeWrites.node', 'MATCH (n:Entity {id: $id}) RETURN n.version AS version, n.title AS title'), { id }))[0] as
    | { version: number; title: string }
    | undefined;

/** A graph export adding the given nodes and links. */
const exportFile = (name: string, nodes: object[], links: object[]) => ({
  input: { fileName: `${name}.json`, content: JSON.stringify({ format: EXPORT_FORMAT, nodes, links }) },
});
/** A graph export adding one observation of `measure`. */
const observationOf = (measure: string, period: string) =>
  exportFile(
    `observation-${period}`,
    [
      {
        label: 'Observation',
        id: `${measure}/${period}`,
        props: { id: `${measure}/${period}`, title: `Families helped: ${period}`, period, year: Number(period), value: 12, unit: 'families' },
      },
    ],
    [{ type: 'HAS_OBSERVATION', from: measure, to: `${measure}/${period}`, props: { basis: 'STATED' } }],
  );
/** A graph export adding a finding about `item`, in a report of its own. */
const reportAbout = (item: string, name: string) =>
  exportFile(
    name,
    [{ label: 'Evidence', id: `${PREFIX}/${name}`, props: { id: `${PREFIX}/${name}`, title: `Report ${name}`, kind: 'MONITORING_REPORT' } }],
    [{ type: 'ABOUT', from: `${PREFIX}/${name}`, to: item, props: { basis: 'CURATED', rationale: 'A report on it.' } }],
  );

/** The refusal every out-of-scope write gets: FORBIDDEN, naming the node and Redbridge. */
function expectRefused(errors: { message: string; extensions?: Record<string, unknown> }[] | undefined, id: string): void {
  expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(errors?.[0]?.message).toContain(`${id} belongs to`);
  expect(errors?.[0]?.extensions?.organisations).toEqual(['org/redbridge-council']);
}

beforeAll(async () => {
  api = await startTestApi({
    AUTH_TOKENS: `Test Admin:admin:${testTokens.admin},Thurrock Editor:editor:${thurrockToken}:org/thurrock-council`,
  });
  gateway = testGateway();
  await makePlan(redbridge, 'org/redbridge-council');
  await makePlan(thurrockOwn, 'org/thurrock-council');
  await ok(api.execute(CreateNode, { input: { label: 'Theme', id: theme, title: 'Short breaks' } }, admin));
  await suggest(redbridge.item, 'CONCERNS', theme);
  await suggest(thurrockOwn.item, 'CONCERNS', theme);
  await suggest(thurrockOwn.item, 'CONTRIBUTES_TO', redbridge.item);
});
afterAll(async () => {
  if (gateway) await removeTestData(gateway, PREFIX);
  await api?.close();
  await gateway?.close();
});

describe('an editor scoped to Thurrock, on suggestions and links', () => {
  it('cannot accept or reject a suggestion for a Redbridge item; it stays suggested', async () => {
    expectRefused((await api.execute(Accept, { from: redbridge.item, type: 'CONCERNS', to: theme }, thurrock)).errors, redbridge.item);
    expectRefused((await api.execute(Reject, { from: redbridge.item, type: 'CONCERNS', to: theme }, thurrock)).errors, redbridge.item);
    expect(await linkOf(redbridge.item, 'CONCERNS', theme)).toMatchObject({ basis: 'SUGGESTED' });
  });

  it("accepts and rejects suggestions for Thurrock's own item, one to a Redbridge priority included", async () => {
    expect((await ok(api.execute(Accept, { from: thurrockOwn.item, type: 'CONTRIBUTES_TO', to: redbridge.item }, thurrock))).acceptSuggestion).toMatchObject({
      basis: 'CURATED',
      by: 'Thurrock Editor',
    });
    expect((await ok(api.execute(Reject, { from: thurrockOwn.item, type: 'CONCERNS', to: theme }, thurrock))).rejectSuggestion).toBe(true);
    expect(await linkOf(thurrockOwn.item, 'CONCERNS', theme)).toBeUndefined();
  });

  it("cannot delete a Redbridge item's link, nor Redbridge's publishing of its plan; deletes its own", async () => {
    for (const [from, type, to] of [
      [redbridge.item, 'MEASURED_BY', redbridge.measure],
      ['org/redbridge-council', 'PUBLISHES', redbridge.plan],
    ] as const) {
      const before = await linkOf(from, type, to);
      expectRefused((await api.execute(DeleteLink, { from, type, to, version: before!.version }, thurrock)).errors, from);
      expect(await linkOf(from, type, to)).toEqual(before);
    }
    const own = await linkOf(thurrockOwn.item, 'CONTRIBUTES_TO', redbridge.item);
    expect(
      (await ok(api.execute(DeleteLink, { from: thurrockOwn.item, type: 'CONTRIBUTES_TO', to: redbridge.item, version: own!.version }, thurrock))).deleteLink,
    ).toBe(true);
    expect(await linkOf(thurrockOwn.item, 'CONTRIBUTES_TO', redbridge.item)).toBeUndefined();
  });
});

describe('an editor scoped to Thurrock, on measures and their observations', () => {
  const measure = `${PREFIX}/new-measure`;

  it('adds a measure of its own, and measures its own items by it but not a Redbridge item', async () => {
    await ok(
      api.execute(
        CreateNode,
        { input: { label: 'Measure', id: measure, title: 'Short breaks taken', properties: { unit: 'breaks', polarity: 'HIGHER_IS_BETTER' } } },
        thurrock,
      ),
    );
    expectRefused((await api.execute(CreateLink, curated(redbridge.item, 'MEASURED_BY', measure), thurrock)).errors, redbridge.item);
    expect(await linkOf(redbridge.item, 'MEASURED_BY', measure)).toBeUndefined();
    await ok(api.execute(CreateLink, curated(thurrockOwn.item, 'MEASURED_BY', measure), thurrock));
  });

  it("cannot change a Redbridge measure or give it an owner; changes Thurrock's", async () => {
    const before = await nodeOf(redbridge.measure);
    expectRefused(
      (await api.execute(UpdateNode, { id: redbridge.measure, version: before!.version, properties: { note: 'Taken over' } }, thurrock)).errors,
      redbridge.measure,
    );
    expectRefused((await api.execute(CreateLink, curated(redbridge.measure, 'OWNED_BY', 'org/thurrock-council'), thurrock)).errors, redbridge.measure);
    expect(await nodeOf(redbridge.measure)).toEqual(before);
    const own = await nodeOf(thurrockOwn.measure);
    await ok(api.execute(UpdateNode, { id: thurrockOwn.measure, version: own!.version, properties: { note: 'Counted each quarter.' } }, thurrock));
  });

  it("cannot import an observation of a Redbridge measure; imports one of Thurrock's", async () => {
    expectRefused((await api.execute(Import, observationOf(redbridge.measure, '2025'), thurrock)).errors, redbridge.measure);
    expect(await nodeOf(`${redbridge.measure}/2025`)).toBeUndefined();
    expect((await ok(api.execute(Import, observationOf(thurrockOwn.measure, '2025'), thurrock))).importDocument).toMatchObject({ committed: true, faults: [] });
    expect(await nodeOf(`${thurrockOwn.measure}/2025`)).toBeDefined();
  });
});

describe('an editor scoped to Thurrock, on evidence', () => {
  const report = `${PREFIX}/new-report`;

  it("cannot make a Redbridge item respond to evidence, nor add a finding to Redbridge's report; can to Thurrock's", async () => {
    await ok(
      api.execute(CreateNode, { input: { label: 'Evidence', id: report, title: 'Monitoring report', properties: { kind: 'MONITORING_REPORT' } } }, thurrock),
    );
    expectRefused((await api.execute(CreateLink, curated(redbridge.item, 'RESPONDS_TO', report), thurrock)).errors, redbridge.item);
    expectRefused(
      (
        await api.execute(
          CreateNode,
          { input: { label: 'Evidence', id: `${redbridge.evidence}/f1`, title: 'A finding', parentId: redbridge.evidence, properties: { kind: 'FINDING' } } },
          thurrock,
        )
      ).errors,
      redbridge.evidence,
    );
    expect(await nodeOf(`${redbridge.evidence}/f1`)).toBeUndefined();
    await ok(api.execute(CreateLink, curated(thurrockOwn.item, 'RESPONDS_TO', report), thurrock));
    await ok(
      api.execute(
        CreateNode,
        { input: { label: 'Evidence', id: `${thurrockOwn.evidence}/f1`, title: 'A finding', parentId: thurrockOwn.evidence, properties: { kind: 'FINDING' } } },
        thurrock,
      ),
    );
  });

  it('cannot link a report of no organisation to a Redbridge item; imports a new one about its own item', async () => {
    const unowned = `${PREFIX}/report-nobody-has`;
    await ok(
      api.execute(CreateNode, { input: { label: 'Evidence', id: unowned, title: 'Loose report', properties: { kind: 'MONITORING_REPORT' } } }, thurrock),
    );
    const refused = await api.execute(CreateLink, curated(unowned, 'ABOUT', redbridge.item), thurrock);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', id: unowned, organisations: [] });
    expect(await linkOf(unowned, 'ABOUT', redbridge.item)).toBeUndefined();

    expect((await ok(api.execute(Import, reportAbout(thurrockOwn.item, 'imported-about-thurrock'), thurrock))).importDocument).toMatchObject({
      committed: true,
      faults: [],
    });
  });

  // A node the import creates belongs to no organisation until its links are written: these are
  // checked once the batch is written, in the same transaction.
  it('cannot import a new report about a Redbridge item', async () => {
    const imported = await api.execute(Import, reportAbout(redbridge.item, 'imported-about-redbridge'), thurrock);
    expect(imported.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await nodeOf(`${PREFIX}/imported-about-redbridge`)).toBeUndefined();
  });

  it('cannot import a new body into Redbridge Council', async () => {
    const body = `${PREFIX}/redbridge-directorate`;
    const imported = await api.execute(
      Import,
      exportFile(
        'directorate',
        [{ label: 'Organisation', id: body, props: { id: body, title: 'A directorate', kind: 'DIRECTORATE' } }],
        [{ type: 'PART_OF', from: body, to: 'org/redbridge-council', props: { basis: 'CURATED', rationale: 'Part of it.' } }],
      ),
      thurrock,
    );
    expect(imported.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await nodeOf(body)).toBeUndefined();
  });
});

describe("an editor scoped to Thurrock, linking its own item to Redbridge's measure or report", () => {
  // MEASURED_BY and RESPONDS_TO make their end belong to the start's organisations too, so the
  // end must be the editor's already (or no one's), as for PUBLISHES and OVERSEES.
  it("cannot take Redbridge's measure by measuring its own item by it", async () => {
    const linked = await api.execute(CreateLink, curated(thurrockOwn.item, 'MEASURED_BY', redbridge.measure), thurrock);
    const before = await nodeOf(redbridge.measure);
    const changed = await api.execute(UpdateNode, { id: redbridge.measure, version: before!.version, properties: { note: 'Taken over' } }, thurrock);
    expect(changed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expectRefused(linked.errors, redbridge.measure);
  });

  it("cannot take Redbridge's report by making its own item respond to it", async () => {
    const linked = await api.execute(CreateLink, curated(thurrockOwn.item, 'RESPONDS_TO', redbridge.evidence), thurrock);
    const finding = `${redbridge.evidence}/taken`;
    const added = await api.execute(
      CreateNode,
      { input: { label: 'Evidence', id: finding, title: 'A finding', parentId: redbridge.evidence, properties: { kind: 'FINDING' } } },
      thurrock,
    );
    expect(added.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expectRefused(linked.errors, redbridge.evidence);
  });
});
