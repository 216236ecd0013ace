/** The node family: one node with its sources and neighbours. */
import { z } from 'zod';
import { cypher, int, type Gateway } from '../db/gateway.ts';
import type { GraphNode, NodeDetail, SourceExcerpt } from '../generated/graphql.ts';
import { LINK_VALID_AT } from './as-at.ts';
import { EDGE, NODE, toEdge, toNode } from './shapes.ts';

// A link retired after a change in the law (or that has ended) is not a neighbour: the node's
// history says when, by whom and why it was retired, and an export keeps it with those details.
const LIVE = LINK_VALID_AT('r');

export const statements = {
  byIds: cypher('nodes.byIds', `MATCH (n:Entity) WHERE n.id IN $ids RETURN ${NODE('n')} AS node`),
  detail: cypher(
    'nodes.detail',
    `MATCH (n:Entity {id: $id})
     OPTIONAL MATCH (plan:Plan {id: n.planId})
     CALL (n) {
       OPTIONAL MATCH (n)-[s:SOURCED_FROM]->(d:Document)
       RETURN collect(CASE WHEN d IS NOT NULL THEN {documentId: d.id, documentTitle: d.title, file: d.file, section: s.section, excerpt: s.excerpt, page: s.page} END) AS sources
     }
     CALL (n) {
       MATCH (n)-[r]-(m:Entity) WHERE NOT r:SOURCED_FROM AND ${LIVE}
       RETURN count(r) AS neighbourCount
     }
     CALL (n) {
       MATCH (n)-[r]-(m:Entity) WHERE NOT r:SOURCED_FROM AND ${LIVE}
       WITH r, m ORDER BY type(r), m.position, m.id LIMIT $first
       RETURN collect({direction: CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END, edge: ${EDGE('r')}, node: ${NODE('m')}}) AS neighbours
     }
     RETURN ${NODE('n')} AS node, CASE WHEN plan IS NULL THEN null ELSE ${NODE('plan')} END AS plan,
            sources, neighbours, neighbourCount`,
  ),
};

const Source = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  file: z.string(),
  section: z.string(),
  excerpt: z.string(),
  page: z.number().int().nullable(),
});
const Row = z.object({
  node: z.unknown(),
  plan: z.unknown(),
  sources: z.array(Source),
  neighbours: z.array(z.object({ direction: z.enum(['IN', 'OUT']), edge: z.unknown(), node: z.unknown() })),
  neighbourCount: z.number(),
});

/** The node with that id and what a detail panel shows of it, or null if there is none. */
export async function nodeDetail(gateway: Gateway, id: string, first: number): Promise<NodeDetail | null> {
  const [found] = await gateway.read(statements.detail, { id, first: int(first), asAt: null });
  if (!found) return null;
  const row = Row.parse(found);
  return {
    node: toNode(row.node),
    plan: row.plan ? toNode(row.plan) : null,
    sources: row.sources satisfies SourceExcerpt[],
    neighbours: row.neighbours.map(({ direction, edge, node }) => ({ direction, edge: toEdge(edge), node: toNode(node) })),
    neighbourCount: row.neighbourCount,
  };
}

/** The nodes with the given ids, keyed by id; ids no node has are left out. */
export async function nodesById(gateway: Gateway, ids: Iterable<string>): Promise<Map<string, GraphNode>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await gateway.read(statements.byIds, { ids: unique });
  return new Map(rows.map((row) => toNode(row.node)).map((node) => [node.id, node]));
}
