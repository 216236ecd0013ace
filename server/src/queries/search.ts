/**
 * The search family's statements: full text over titles, statements and source excerpts, which
 * words the indexes hold, and the cited authorities with their provisions. What the search text
 * asks for, and the Lucene query it becomes, is services/search.ts's.
 */
import { z } from 'zod';
import { cypher, int, type Gateway } from '../db/gateway.ts';
import type { GraphNode, SearchHit } from '../generated/graphql.ts';
import { NODE, toNode } from './shapes.ts';

export const statements = {
  search: cypher(
    'search.fulltext',
    `CALL () {
       CALL db.index.fulltext.queryNodes('item_text', $query, {limit: $candidates}) YIELD node, score
       RETURN node, score, null AS excerpt
       UNION ALL
       CALL db.index.fulltext.queryRelationships('source_excerpt', $query, {limit: $candidates}) YIELD relationship, score
       RETURN startNode(relationship) AS node, score * 0.8 AS score, relationship.excerpt AS excerpt
     }
     WITH node, score, excerpt
     WHERE NOT node:Observation AND ($labels IS NULL OR any(label IN labels(node) WHERE label IN $labels))
       AND NOT node.id IN $pinned
       // A node found by an excerpt is left out too when its own words include one after NOT.
       AND none(word IN $excluded WHERE toLower(coalesce(node.title, '') + ' ' + coalesce(node.text, '')) =~ ('(?s).*\\\\b' + word + '\\\\b.*'))
     WITH node, max(score) AS score, head(collect(excerpt) ) AS excerpt
     ORDER BY score DESC, node.id
     LIMIT $first
     OPTIONAL MATCH (plan:Plan {id: node.planId})
     RETURN ${NODE('node')} AS node, score, excerpt, CASE WHEN plan IS NULL THEN null ELSE ${NODE('plan')} END AS plan`,
  ),
  // Which words either index holds as typed: the others are searched as close matches.
  wordsFound: cypher(
    'search.wordsFound',
    `UNWIND $probes AS probe
     CALL (probe) {
       CALL db.index.fulltext.queryNodes('item_text', probe.query, {limit: 1}) YIELD node
       RETURN count(node) AS found
       UNION ALL
       CALL db.index.fulltext.queryRelationships('source_excerpt', probe.query, {limit: 1}) YIELD relationship
       RETURN count(relationship) AS found
     }
     WITH probe, sum(found) AS found
     WHERE found > 0
     RETURN probe.word AS word`,
  ),
  // The cited authorities the graph holds, by catalogue id or legislation.gov.uk id, with their provisions.
  citedAuthorities: cypher(
    'search.citedAuthorities',
    `CALL () {
       MATCH (authority:Authority) WHERE authority.id IN $ids RETURN authority
       UNION
       MATCH (authority:Authority) WHERE authority.legislationId IN $legislationIds RETURN authority
     }
     OPTIONAL MATCH (authority)-[:HAS_PROVISION]->(provision:Provision)
     WITH authority, collect(provision) AS provisions
     RETURN ${NODE('authority')} AS authority, authority.id AS id, authority.legislationId AS legislationId,
       [provision IN provisions | {node: ${NODE('provision')}, code: provision.code}] AS provisions
     ORDER BY authority.id`,
  ),
};

const Row = z.object({ node: z.unknown(), score: z.number(), excerpt: z.string().nullable(), plan: z.unknown() });
const AuthorityRow = z.object({
  authority: z.unknown(),
  id: z.string(),
  legislationId: z.string().nullable(),
  provisions: z.array(z.object({ node: z.unknown(), code: z.string().nullable() })),
});

/** Of the words probed (each with the Lucene query that looks for it), those either index holds. */
export async function wordsHeld(gateway: Gateway, probes: { word: string; query: string }[]): Promise<Set<string>> {
  if (!probes.length) return new Set();
  return new Set((await gateway.read(statements.wordsFound, { probes })).map((row) => z.string().parse(row.word)));
}

/** A cited authority the graph holds, with its provisions and their codes. */
export interface CitedAuthority {
  authority: GraphNode;
  id: string;
  legislationId: string | null;
  provisions: { node: GraphNode; code: string | null }[];
}

/** The authorities the graph holds with these catalogue ids or legislation.gov.uk ids, by id. */
export async function citedAuthorities(gateway: Gateway, ids: string[], legislationIds: string[]): Promise<CitedAuthority[]> {
  return (await gateway.read(statements.citedAuthorities, { ids, legislationIds })).map((row) => {
    const { authority, id, legislationId, provisions } = AuthorityRow.parse(row);
    return { authority: toNode(authority), id, legislationId, provisions: provisions.map(({ node, code }) => ({ node: toNode(node), code })) };
  });
}

/** What one full-text search asks for; `first` and `candidates` are counts of hits. */
export interface FullTextSearch {
  /** The Lucene query. */
  query: string;
  /** Words whose presence in an item's title or text leaves it out. */
  excluded: string[];
  /** Only items of these labels; null for all. */
  labels: string[] | null;
  /** Ids already listed (cited items), left out here. */
  pinned: string[];
  first: number;
  /** How many hits each index offers before they are merged. */
  candidates: number;
}

/** The best `first` full-text hits, each node once with its best score and the excerpt that matched. */
export async function fullTextHits(gateway: Gateway, search: FullTextSearch): Promise<SearchHit[]> {
  const rows = await gateway.read(statements.search, { ...search, first: int(search.first), candidates: int(search.candidates) });
  return rows.map((row): SearchHit => {
    const { node, score, excerpt, plan } = Row.parse(row);
    return { node: toNode(node), score, excerpt, plan: plan ? toNode(plan) : null };
  });
}
