/** The search family: full text over titles, statements and source excerpts. */
import { z } from 'zod';
import { cypher, int, type Gateway } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { SearchResult } from '../generated/graphql.ts';
import { isNodeLabel } from '../model.ts';
import { NODE, toNode } from './shapes.ts';

export const MAX_SEARCH_LENGTH = 500;
const MAX_WORDS = 12;

/**
 * Turns what a person typed into a safe Lucene query: only letters and digits survive, so no
 * input can inject Lucene syntax. Ranks the exact phrase first, then all words, then any word,
 * with the last word also matched as a prefix for search-as-you-type. AND, OR and NOT typed in
 * capitals are read as a search engine's operators, not words: AND and OR join words (all words
 * already rank above any one), and NOT leaves out what has the word after it. Returns the query
 * and the words left out, or null when the text has no words to search for.
 */
export function toLuceneQuery(text: string): { query: string; excluded: string[] } | null {
  if (text.length > MAX_SEARCH_LENGTH) {
    throw new ExpectedError('BAD_USER_INPUT', `text is too long: ${text.length} characters, at most ${MAX_SEARCH_LENGTH}.`, { field: 'text' });
  }
  const words: string[] = [];
  const excluded: string[] = [];
  let negated = false;
  for (const token of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (token === 'AND' || token === 'OR') continue;
    if (token === 'NOT') {
      negated = true;
      continue;
    }
    (negated ? excluded : words).push(token.toLowerCase());
    negated = false;
  }
  if (words.length === 0) return null;
  const searched = words.slice(0, MAX_WORDS);
  const last = searched.at(-1)!;
  const clauses = [`"${searched.join(' ')}"^4`, `(${searched.join(' AND ')})^2`, ...searched];
  if (last.length >= 3) clauses.push(`${last}*`);
  const query = clauses.join(' OR ');
  const left = excluded.slice(0, MAX_WORDS);
  return { query: left.length ? `+(${query}) -(${left.join(' ')})` : query, excluded: left };
}

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
       // A node found by an excerpt is left out too when its own words include one after NOT.
       AND none(word IN $excluded WHERE toLower(coalesce(node.title, '') + ' ' + coalesce(node.text, '')) =~ ('(?s).*\\\\b' + word + '\\\\b.*'))
     WITH node, max(score) AS score, head(collect(excerpt) ) AS excerpt
     ORDER BY score DESC, node.id
     LIMIT $first
     OPTIONAL MATCH (plan:Plan {id: node.planId})
     RETURN ${NODE('node')} AS node, score, excerpt, CASE WHEN plan IS NULL THEN null ELSE ${NODE('plan')} END AS plan`,
  ),
};

const Row = z.object({ node: z.unknown(), score: z.number(), excerpt: z.string().nullable(), plan: z.unknown() });

/** Search hits for `text`, best first, at most `first`, optionally only of the given labels. */
export async function search(gateway: Gateway, text: string, labels: string[] | null, first: number): Promise<SearchResult> {
  const unknown = labels?.filter((label) => !isNodeLabel(label)) ?? [];
  if (unknown.length) {
    throw new ExpectedError('BAD_USER_INPUT', `labels: unknown label ${unknown.join(', ')}`, { field: 'labels' });
  }
  const lucene = toLuceneQuery(text);
  if (!lucene) return { query: '', hits: [] };
  const { query, excluded } = lucene;
  // Each index offers a few more hits than asked for, as a node can be hit twice (its title and
  // an excerpt) and observations' excerpts are dropped; more when only some labels are wanted.
  const candidates = labels?.length ? first * 5 : first * 2;
  const rows = await gateway.read(statements.search, { query, excluded, labels: labels?.length ? labels : null, first: int(first), candidates: int(candidates) });
  return {
    query,
    hits: rows.map((row) => {
      const { node, score, excerpt, plan } = Row.parse(row);
      return { node: toNode(node), score, excerpt, plan: plan ? toNode(plan) : null };
    }),
  };
}
