/**
 * The impact family: everything downstream of a node, what a change to it would touch. A node
 * depends on another when it gives effect to, contributes to, is informed by, responds to or
 * cites it, or when it sits under it in a hierarchy (an action under a priority, a measure of an
 * action). Bounded in depth and in the number of nodes returned.
 */
import { z } from 'zod';
import { cypher, int, type Gateway } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { Impact } from '../generated/graphql.ts';
import { distinctEdges, distinctNodes, EDGE, NODE, toEdge, toNode } from './shapes.ts';

export const MAX_DEPTH = 6;
export const MAX_NODES = 2_000;

// One step downstream: against a dependency link (the dependent points at what it relies on),
// or along a hierarchy link (the parent points at what sits under it).
const STEP_DOWN = `(x)-[r:GIVES_EFFECT_TO|CONTRIBUTES_TO|INFORMED_BY|RESPONDS_TO|CITES|HAS_PRIORITY|HAS_OBJECTIVE|HAS_ACTION|HAS_PROVISION|HAS_FINDING|MEASURED_BY]-(y)
  WHERE ((r:GIVES_EFFECT_TO|CONTRIBUTES_TO|INFORMED_BY|RESPONDS_TO|CITES AND endNode(r) = x)
     OR (r:HAS_PRIORITY|HAS_OBJECTIVE|HAS_ACTION|HAS_PROVISION|HAS_FINDING|MEASURED_BY AND startNode(r) = x))
    AND coalesce(r.basis, 'STATED') <> 'SUGGESTED'`;

export const statements = {
  downstream: cypher(
    'impact.downstream',
    `MATCH (root:Entity {id: $id})
     // One shortest path per dependent: enough to show why it depends, and never an explosion.
     OPTIONAL MATCH p = SHORTEST 1 (root) (${STEP_DOWN}){1,${MAX_DEPTH}} (n)
       WHERE length(p) <= $maxDepth
     WITH root, n, p ORDER BY length(p)
     LIMIT $limit
     RETURN ${NODE('root')} AS root,
            collect(CASE WHEN n IS NOT NULL THEN ${NODE('n')} END) AS nodes,
            reduce(all = [], path IN collect(p) | all + [r IN relationships(path) | ${EDGE('r')}]) AS edges`,
  ),
};

const Row = z.object({ root: z.unknown(), nodes: z.array(z.unknown()), edges: z.array(z.unknown()) });

/** What depends on the node with that id, within `maxDepth` steps (1 to MAX_DEPTH). */
export async function impact(gateway: Gateway, id: string, maxDepth: number): Promise<Impact> {
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > MAX_DEPTH) {
    throw new ExpectedError('BAD_USER_INPUT', `maxDepth must be a whole number from 1 to ${MAX_DEPTH}.`, { field: 'maxDepth' });
  }
  const [found] = await gateway.read(statements.downstream, { id, maxDepth: int(maxDepth), limit: int(MAX_NODES + 1) });
  if (!found) throw new ExpectedError('NOT_FOUND', `No node has the id ${id}.`, { field: 'id' });
  const row = Row.parse(found);
  const root = toNode(row.root);
  const dependents = distinctNodes(row.nodes.map(toNode)).filter((node) => node.id !== root.id);
  const truncated = dependents.length > MAX_NODES;
  const kept = dependents.slice(0, MAX_NODES);
  const keptIds = new Set([root.id, ...kept.map(({ id: nodeId }) => nodeId)]);
  const edges = distinctEdges(row.edges.map(toEdge)).filter(({ from, to }) => keptIds.has(from) && keptIds.has(to));
  const counts = new Map<string, number>();
  for (const node of kept) counts.set(node.label, (counts.get(node.label) ?? 0) + 1);
  return {
    root,
    subgraph: { nodes: [root, ...kept], edges },
    countsByLabel: [...counts.entries()].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count),
    truncated,
  };
}
