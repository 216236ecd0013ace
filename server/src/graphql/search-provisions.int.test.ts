// Search over HTTP for citations of provisions: several sections at once, Parts, regulations,
// subsections, and Acts only the stored statute catalogue knows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { startTestApi, testGateway, type TestApi } from '../../test/api.ts';
import { cypher, type Gateway } from '../db/gateway.ts';
import { applyGraphSchema } from '../db/graph-schema.ts';
import { loadBatch } from '../queries/load.ts';
import type { GraphNode } from '../graph-batch.ts';
import { titleKey, writeStatutes } from '../queries/legislation.ts';

const Search = graphql(`
  query SearchProvisionsTest_Search($text: String!) {
    search(text: $text, first: 20) {
      hits { node { id label } }
      citations
    }
  }
`);

const run = Math.random().toString(36).slice(2, 8);
const prefix = `test-search-provisions-${run}`;
const act = `${prefix}/children-act-1989`;
const care = `${prefix}/care-act-2014`;
const licensing = `${prefix}/licensing-act`;
const licensingTitle = `Zq${run} Licensing Act 2097`;
const licensingId = `ukpga/2097/${9000 + Math.floor(Math.random() * 999)}`;
let api: TestApi;
let gateway: Gateway;

beforeAll(async () => {
  api = await startTestApi();
  gateway = testGateway();
  await applyGraphSchema(gateway);
  const at = { basis: 'STATED', by: 'test', at: '2026-12-07' };
  const provision = (authority: string, slug: string, code: string): GraphNode => ({
    label: 'Provision',
    id: `${authority}/${slug}`,
    props: { title: `${code} provision`, code },
  });
  const nodes: GraphNode[] = [
    { label: 'Authority', id: act, props: { title: 'Children Act 1989', kind: 'ACT', legislationId: 'ukpga/1989/41', year: 1989 } },
    provision(act, 's17', 's.17'),
    provision(act, 's20', 's.20'),
    provision(act, 's47', 's.47'),
    { label: 'Authority', id: care, props: { title: 'Care Act 2014', kind: 'ACT', legislationId: 'ukpga/2014/23', year: 2014 } },
    provision(care, 'part1', 'Part 1'),
    provision(care, 's1', 's.1'),
    { label: 'Authority', id: licensing, props: { title: licensingTitle, kind: 'ACT', legislationId: licensingId, year: 2097 } },
    provision(licensing, 's5', 's.5'),
  ];
  await loadBatch(gateway, {
    nodes,
    links: nodes
      .filter(({ label }) => label === 'Provision')
      .map(({ id }) => ({ type: 'HAS_PROVISION', from: id.slice(0, id.lastIndexOf('/')), to: id, props: at })),
  });
});

afterAll(async () => {
  await gateway.write(cypher('test.removeSearchProvisions', 'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n'), { prefix: `${prefix}/` });
  await gateway.write(cypher('test.removeSearchStatute', 'MATCH (s:StatuteEntry {legislationId: $id}) DELETE s'), { id: licensingId });
  await api?.close();
  await gateway?.close();
});

async function cited(text: string) {
  const { data, errors } = await api.execute(Search, { text });
  expect(errors).toBeUndefined();
  const ids = data!.search.hits.map(({ node }) => node.id);
  return { ids, citations: data!.search.citations };
}

describe('citations of provisions', () => {
  it('finds every section a citation names, first', async () => {
    const { ids } = await cited('ss. 17 and 20 of the Children Act 1989');
    expect(ids.slice(0, 2)).toEqual([`${act}/s17`, `${act}/s20`]);
    expect(ids).not.toContain(`${act}/s47`);
  });

  it('finds a Part and a section by the forms editors type', async () => {
    expect((await cited('Part 1 of the Care Act')).ids[0]).toBe(`${care}/part1`);
    expect((await cited('s.1 Care Act 2014')).ids[0]).toBe(`${care}/s1`);
  });

  it('finds the section a cited subsection is in when the graph holds only the section', async () => {
    expect((await cited('section 47(1)(b) of the Children Act 1989')).ids[0]).toBe(`${act}/s47`);
  });

  it('resolves an Act only the stored statute catalogue knows', async () => {
    const text = `section 5 of the ${licensingTitle}`;
    // Before, the Act is unknown: only "section 5 of any Act" is read (its words are searched as words).
    expect((await cited(text)).citations).toEqual(['section 5 of any Act']);
    await writeStatutes(gateway, [
      { legislationId: licensingId, props: { title: licensingTitle, titleKey: titleKey(licensingTitle), type: 'ukpga', year: 2097, number: 1 } },
    ]);
    const after = await cited(text);
    expect(after.ids.slice(0, 2)).toEqual([`${licensing}/s5`, licensing]);
    expect(after.citations).toEqual([`section 5 of the ${licensingTitle}`]);
  });
});
