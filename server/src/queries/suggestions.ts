/**
 * The suggestions family's data access: the item a suggestion is for, the authorities it cites,
 * items worded like it (Neo4j's full-text index) with what they link to, and suggestions stored
 * as SUGGESTED links, which count for nothing until a person accepts them. Which candidates are
 * offered, and why, is services/suggestions.ts's.
 */
import { z } from 'zod';
import { cypher, type Gateway, type Tx } from '../db/gateway.ts';
import type { GraphEdge, GraphNode, Suggestion } from '../generated/graphql.ts';
import type { RelationshipType } from '../../../schema/graph-model.ts';
import { LIVE_LINK } from './law-review.ts';
import { STAMP_LINK } from './versions.ts';
import { EDGE, NODE, toEdge, toNode } from './shapes.ts';

/** Link type a suggestion makes, by what it points at. */
export type SuggestedType = Extract<RelationshipType, 'GIVES_EFFECT_TO' | 'CONTRIBUTES_TO' | 'CONCERNS' | 'RESPONDS_TO'>;
export const suggestedTypes: SuggestedType[] = ['GIVES_EFFECT_TO', 'CONTRIBUTES_TO', 'CONCERNS', 'RESPONDS_TO'];

/** A link that counts: accepted and not retired. */
const ACCEPTED = LIVE_LINK;

const storeLink = Object.fromEntries(
  suggestedTypes.map((type) => [
    type,
    cypher(
      `suggestions.store.${type}`,
      `MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to})
       MERGE (a)-[r:${type}]->(b)
       ON CREATE SET r = $props, r.version = 1
       RETURN ${EDGE('r')} AS edge`,
    ),
  ]),
) as Record<SuggestedType, ReturnType<typeof cypher>>;

export const statements = {
  ...Object.fromEntries(Object.entries(storeLink).map(([type, statement]) => [`store.${type}`, statement])),
  item: cypher(
    'suggestions.item',
    `MATCH (n:Entity {id: $id})
     RETURN ${NODE('n')} AS node,
            [(n)-[r]->(m:Entity) | m.id] AS linked,
            COLLECT { MATCH (c:Change {subjectId: $id}) WHERE c.operation = 'REJECT_SUGGESTION' RETURN c.objectId } AS rejected`,
  ),
  authorities: cypher('suggestions.authorities', `MATCH (a:Authority) WHERE a.id IN $ids OR a.legislationId IN $legislationIds RETURN ${NODE('a')} AS node`),
  similar: cypher(
    'suggestions.similar',
    `CALL db.index.fulltext.queryNodes('item_text', $query, {limit: 60}) YIELD node, score
     WHERE node.id <> $id AND (node:Priority OR node:Objective OR node:Action OR node:Theme OR node:Evidence)
     RETURN ${NODE('node')} AS node, score,
            [(node)-[g:GIVES_EFFECT_TO]->(a:Authority) WHERE ${ACCEPTED('g')} | ${NODE('a')}] AS authorities,
            [(node)-[c:CONTRIBUTES_TO]->(p:Priority) WHERE ${ACCEPTED('c')} AND p.corporate = true | ${NODE('p')}] AS priorities,
            [(node)-[c:CONCERNS]->(t:Theme) WHERE ${ACCEPTED('c')} | ${NODE('t')}] AS themes,
            [(node)-[r:RESPONDS_TO]->(e:Evidence) WHERE ${ACCEPTED('r')} | ${NODE('e')}] AS evidence`,
  ),
  // Suggestions an import made from a citation carry no score: a citation is the strongest reason.
  // A retired one is history, not a suggestion to accept.
  stored: cypher(
    'suggestions.stored',
    `MATCH (n:Entity {id: $id})-[r]->(target:Entity)
     WHERE r.basis = 'SUGGESTED' AND r.retiredAt IS NULL
     RETURN ${EDGE('r')} AS edge, ${NODE('target')} AS target, coalesce(r.score, 1.0) AS score
     ORDER BY score DESC`,
  ),
  accept: cypher(
    'suggestions.accept',
    `MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to})
     WHERE type(r) = $type AND r.basis = 'SUGGESTED' AND r.retiredAt IS NULL
     SET r.basis = 'CURATED', r.rationale = $rationale, r.by = $by, r.at = $at, r.suggestedBecause = r.rationale, ${STAMP_LINK('r')}
     RETURN ${EDGE('r')} AS edge`,
  ),
};

const ItemRow = z.object({ node: z.unknown(), linked: z.array(z.string()), rejected: z.array(z.string().nullable()) });

/** The item, the ids it links to and those of the suggestions rejected for it; null if there is no such item. */
export async function suggestionItem(gateway: Gateway, id: string): Promise<{ item: GraphNode; linked: string[]; rejected: string[] } | null> {
  const [found] = await gateway.read(statements.item, { id });
  if (!found) return null;
  const { node, linked, rejected } = ItemRow.parse(found);
  return { item: toNode(node), linked, rejected: rejected.filter((value): value is string => value !== null) };
}

/** The authorities the graph holds with these catalogue ids or legislation.gov.uk ids. */
export async function authoritiesNamed(gateway: Gateway, ids: string[], legislationIds: string[]): Promise<GraphNode[]> {
  return (await gateway.read(statements.authorities, { ids, legislationIds })).map((row) => toNode(row.node));
}

const Similar = z.object({
  node: z.unknown(),
  score: z.number(),
  authorities: z.array(z.unknown()),
  priorities: z.array(z.unknown()),
  themes: z.array(z.unknown()),
  evidence: z.array(z.unknown()),
});

/** An item worded like another, with its full-text score and what it is linked to by accepted links. */
export interface SimilarItem {
  node: GraphNode;
  score: number;
  /** The targets of its links, by the type of link a suggestion would make to them. */
  linked: Record<SuggestedType, GraphNode[]>;
}

/** Priorities, objectives, actions, themes and evidence matching the Lucene `query`, except the item `id`. */
export async function similarItems(gateway: Gateway, id: string, query: string): Promise<SimilarItem[]> {
  return (await gateway.read(statements.similar, { id, query })).map((row) => {
    const similar = Similar.parse(row);
    return {
      node: toNode(similar.node),
      score: similar.score,
      linked: {
        GIVES_EFFECT_TO: similar.authorities.map(toNode),
        CONTRIBUTES_TO: similar.priorities.map(toNode),
        CONCERNS: similar.themes.map(toNode),
        RESPONDS_TO: similar.evidence.map(toNode),
      },
    };
  });
}

/** Stores a suggestion as a SUGGESTED link, unless a link of its type is there already. */
export async function storeSuggestion(tx: Tx, type: SuggestedType, from: string, to: string, props: Record<string, unknown>): Promise<GraphEdge> {
  tx.changes({ links: [{ from, type, to }] });
  const [row] = await tx.run(storeLink[type], { from, to, props });
  return toEdge(row!.edge);
}

const StoredRow = z.object({ edge: z.unknown(), target: z.unknown(), score: z.number() });

const toSuggestion = (row: unknown): Suggestion => {
  const { edge, target, score } = StoredRow.parse(row);
  const link = toEdge(edge);
  return { edge: link, target: toNode(target), score, reason: link.rationale ?? '' };
};

/** The stored suggestions for an item, strongest first. */
export async function storedSuggestions(gateway: Gateway, id: string): Promise<Suggestion[]> {
  return (await gateway.read(statements.stored, { id })).map(toSuggestion);
}

/** The stored suggestions for an item, read in the writer's transaction (after it locked the item). */
export async function storedSuggestionsIn(tx: Tx, id: string): Promise<Suggestion[]> {
  return (await tx.run(statements.stored, { id })).map(toSuggestion);
}

/** Makes a suggested link CURATED, with the rationale and who accepted it; the suggestion's reason is kept. */
export async function acceptLink(
  tx: Tx,
  link: { from: string; type: string; to: string },
  rationale: string,
  stamp: { by: string; at: string },
): Promise<GraphEdge> {
  tx.changes({ links: [link] });
  const [row] = await tx.run(statements.accept, { ...link, rationale, ...stamp });
  return toEdge(row!.edge);
}
