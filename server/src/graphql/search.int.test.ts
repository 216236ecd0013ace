// Search over HTTP on the seeded graph: ranking, close matches, citations and paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { startTestApi, testGateway, type TestApi } from '../../test/api.ts';
import { cypher, type Gateway } from '../db/gateway.ts';
import { loadBatch } from '../queries/load.ts';

const Search = graphql(`
  query SearchTest_Search($text: String!, $first: Int, $offset: Int) {
    search(text: $text, first: $first, offset: $offset) {
      hits { node { id label title text code } score excerpt }
      hasMore
      nextOffset
      closeMatches
      citations
    }
  }
`);

let api: TestApi;
let gateway: Gateway;
beforeAll(async () => {
  api = await startTestApi();
  gateway = testGateway();
});
afterAll(async () => {
  await api?.close();
  await gateway?.close();
});

async function search(text: string, first = 50, offset = 0) {
  const { data, errors } = await api.execute(Search, { text, first, offset });
  expect(errors).toBeUndefined();
  return data!.search;
}

const words = ({ node, excerpt }: { node: { title: string; text?: string | null; code?: string | null }; excerpt?: string | null }) =>
  `${node.code ?? ''} ${node.title} ${node.text ?? ''} ${excerpt ?? ''}`;

describe('ranking', () => {
  it('ranks the Care Leavers Covenant and the action implementing it first for "care leavers covenant"', async () => {
    const { hits, closeMatches } = await search('care leavers covenant');
    expect(closeMatches).toEqual([]);
    expect(
      hits
        .slice(0, 2)
        .map(({ node }) => node.id)
        .sort(),
    ).toEqual(['authority/care-leavers-covenant', 'redbridge-people-strategy-2024/sp2/w3']);
    expect(hits.map(({ score }) => score)).toEqual([...hits.map(({ score }) => score)].sort((a, b) => b - a));
  });
});

describe('close matches', () => {
  it('finds safeguarding items for "safegaurding" and says the word was matched closely', async () => {
    const { hits, closeMatches } = await search('safegaurding');
    expect(closeMatches).toEqual(['safegaurding']);
    expect(hits.length).toBeGreaterThan(5);
    for (const hit of hits.slice(0, 10)) expect(words(hit)).toMatch(/safeguard/i);
  });

  it('searches words found as typed exactly, with no note', async () => {
    const exact = await search('safeguarding');
    expect(exact.closeMatches).toEqual([]);
    for (const hit of exact.hits) expect(words(hit)).toMatch(/safeguard/i);
  });

  it('ranks exact matches of the other words above close matches of a misspelt one', async () => {
    const { hits, closeMatches } = await search('care leavers covnant');
    expect(closeMatches).toEqual(['covnant']);
    expect(
      hits
        .slice(0, 2)
        .map(({ node }) => node.id)
        .sort(),
    ).toEqual(['authority/care-leavers-covenant', 'redbridge-people-strategy-2024/sp2/w3']);
  });
});

describe('citations', () => {
  it('ranks the Act and its provision first for a citation, and does not match other 17s', async () => {
    const prefix = `test-search-${Math.random().toString(36).slice(2, 10)}`;
    const at = { basis: 'STATED', by: 'test', at: '2026-12-07' };
    await loadBatch(gateway, {
      nodes: [
        {
          label: 'Authority',
          id: `${prefix}/children-act-1989`,
          props: { title: 'Children Act 1989', kind: 'ACT', legislationId: 'ukpga/1989/41', year: 1989 },
        },
        { label: 'Provision', id: `${prefix}/children-act-1989/s17`, props: { title: 'Provision of services for children in need', code: 's.17' } },
        { label: 'Provision', id: `${prefix}/children-act-1989/s20`, props: { title: 'Provision of accommodation for children', code: 's.20' } },
        { label: 'Action', id: `${prefix}/a17`, props: { title: 'Open 17 family hubs across the borough' } },
        { label: 'Action', id: `${prefix}/cin`, props: { title: 'Assess every child in need under section 17 of the Children Act 1989 within 45 days' } },
      ],
      links: [
        { type: 'HAS_PROVISION', from: `${prefix}/children-act-1989`, to: `${prefix}/children-act-1989/s17`, props: at },
        { type: 'HAS_PROVISION', from: `${prefix}/children-act-1989`, to: `${prefix}/children-act-1989/s20`, props: at },
      ],
    });
    try {
      for (const text of ['section 17 of the Children Act 1989', 's.17 of the Children Act 1989', 's17 Children Act']) {
        const { hits, citations } = await search(text);
        expect(citations, text).toHaveLength(1);
        const ids = hits.map(({ node }) => node.id);
        // The provision, then the Act; another copy of the Act loaded meanwhile may stand beside it.
        expect(ids[0], text).toBe(`${prefix}/children-act-1989/s17`);
        const cited = hits.findIndex(({ node }) => node.label !== 'Authority' && node.label !== 'Provision');
        expect(ids.slice(1, cited === -1 ? undefined : cited), text).toContain(`${prefix}/children-act-1989`);
        expect(ids, text).toContain(`${prefix}/cin`);
        expect(ids, text).not.toContain(`${prefix}/a17`);
        expect(ids, text).not.toContain(`${prefix}/children-act-1989/s20`);
        for (const hit of hits.slice(cited)) expect(words(hit), text).toMatch(/children act/i);
      }
      // NOT before a citation leaves out what names the Act.
      const without = await search('assess every child NOT section 17 of the Children Act 1989', 100);
      expect(without.citations).toEqual([]);
      expect(without.hits.map(({ node }) => node.id)).not.toContain(`${prefix}/cin`);
      expect((await search('assess every child', 100)).hits.map(({ node }) => node.id)).toContain(`${prefix}/cin`);
      // With no Act named, a section is still not the bare number.
      const alone = await search('section 17', 100);
      expect(alone.citations).toEqual(['section 17 of any Act']);
      expect(alone.hits.map(({ node }) => node.id)).toContain(`${prefix}/cin`);
      expect(alone.hits.map(({ node }) => node.id)).not.toContain(`${prefix}/a17`);
      for (const hit of alone.hits) expect(words(hit)).toMatch(/\b(section 17|s\.? ?17)\b/i);
    } finally {
      await gateway.write(cypher('test.cleanUp', 'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n'), { prefix: `${prefix}/` });
    }
  });
});

describe('paging', () => {
  it('returns the next results without repeats, in the order of one long page', async () => {
    const whole = await search('care', 30);
    const first = await search('care', 15);
    expect(first).toMatchObject({ hasMore: true, nextOffset: 15 });
    const next = await search('care', 15, first.nextOffset!);
    const paged = [...first.hits, ...next.hits].map(({ node }) => node.id);
    expect(new Set(paged).size).toBe(30);
    expect(paged).toEqual(whole.hits.map(({ node }) => node.id));
  });

  it('says when there is no further page', async () => {
    const { hits, hasMore, nextOffset } = await search('covenant', 100);
    expect(hits.length).toBeLessThan(100);
    expect({ hasMore, nextOffset }).toEqual({ hasMore: false, nextOffset: null });
  });

  it('refuses an offset past the end of paging, naming the field', async () => {
    const { errors } = await api.execute(Search, { text: 'care', first: 10, offset: 5_000 });
    expect(errors?.[0]).toMatchObject({ message: 'offset must be at most 1,000.', extensions: { code: 'BAD_USER_INPUT', field: 'offset' } });
    const negative = await api.execute(Search, { text: 'care', first: 10, offset: -1 });
    expect(negative.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'offset' } });
  });
});
