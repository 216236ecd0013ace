/**
 * The impact family: everything downstream of a node, what a change to it would touch. A node
 * depends on another when it gives effect to, contributes to, is informed by, responds to or
 * cites it, or when it sits under it in a hierarchy (an action under a priority, a measure of an
 * action). Walked breadth first, one step per statement, so the nearest dependents come first and
 * the walk stops as soon as the node limit is reached, however widely a node is depended on.
 *
 * A plan that only cites an Act, or was informed by a review, is listed as depending on it, but
 * the walk goes no further from it: mentioning a source does not make every item of the plan
 * rest on it. What items do rest on it, they say with links of their own.
 *
 * Dependents are also grouped by plan: a node's plan is its own planId, a plan is its own group,
 * and a node with neither (a measure of an action) joins the group of the node it was reached from.
 *
 * Asked as at a date (as-at.ts), the walk follows only links that held then and leaves out what
 * belongs to a plan not in force then, apart from the plan of the node asked about; law repealed
 * by then is marked, not left out.
 */
import { z } from 'zod';
import { cypher, int, type Gateway } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { GraphEdge, GraphNode, Impact, ImpactPlanGroup, LabelCount } from '../generated/graphql.ts';
import { HIERARCHY } from '../../../schema/graph-model.ts';
import { annotateAsAt, COUNTED_LINK_AT, IN_FORCE } from './as-at.ts';
import { suspectAmong } from './law-review.ts';
import { EDGE, NODE, toEdge, toNode } from './shapes.ts';

export const MAX_DEPTH = 6;
export const MAX_NODES = 2_000;

/** Links that name a source without resting on it: what they reach is not walked on from. */
const MENTIONS: ReadonlySet<string> = new Set(['CITES', 'INFORMED_BY']);

export const statements = {
  root: cypher('impact.root', `MATCH (n:Entity {id: $id}) RETURN ${NODE('n')} AS node`),
  // One step downstream from every node of the frontier: against a dependency link (the
  // dependent points at what it relies on) or along a hierarchy link (the parent points down).
  step: cypher(
    'impact.step',
    `UNWIND $frontier AS id
     MATCH (x:Entity {id: id})
     CALL (x) {
       MATCH (x)<-[r:GIVES_EFFECT_TO|CONTRIBUTES_TO|INFORMED_BY|RESPONDS_TO|CITES]-(y:Entity)
       WHERE ${COUNTED_LINK_AT('r')}
       RETURN r, y
       UNION
       MATCH (x)-[r:${HIERARCHY}|MEASURED_BY]->(y:Entity)
       RETURN r, y
     }
     WITH r, y WHERE NOT y.id IN $seen AND ($asAt IS NULL OR coalesce(y.planId, y.id) = $ownPlanId OR ${IN_FORCE('y')})
     RETURN ${EDGE('r')} AS edge, ${NODE('y')} AS node
     LIMIT $limit`,
  ),
  plans: cypher('impact.plans', `MATCH (p:Plan) WHERE p.id IN $ids RETURN ${NODE('p')} AS node`),
};

const StepRow = z.object({ edge: z.unknown(), node: z.unknown() });

/**
 * What depends on the node with that id, within `maxDepth` steps (1 to MAX_DEPTH), nearest first;
 * with `asAt` (YYYY-MM-DD), as on that day.
 */
export async function impact(gateway: Gateway, id: string, maxDepth: number, asAt: string | null = null): Promise<Impact> {
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > MAX_DEPTH) {
    throw new ExpectedError('BAD_USER_INPUT', `maxDepth must be a whole number from 1 to ${MAX_DEPTH}.`, { field: 'maxDepth' });
  }
  return gateway.readTransaction(async (tx) => {
    const [found] = await tx.run(statements.root, { id });
    if (!found) throw new ExpectedError('NOT_FOUND', `No node has the id ${id}.`, { field: 'id' });
    const root = toNode(found.node);
    const ownPlanId = root.planId ?? root.id;
    const reached = new Map<string, GraphNode>();
    // The plan each reached node belongs to (null for none), decided when it is first reached.
    const planOf = new Map<string, string | null>();
    const edges: GraphEdge[] = [];
    let frontier = [root.id];
    let truncated = false;
    for (let depth = 1; depth <= maxDepth && frontier.length && !truncated; depth += 1) {
      const room = MAX_NODES - reached.size;
      const rows = await tx.run(statements.step, { frontier, seen: [root.id, ...reached.keys()], limit: int(room * 4 + 1), asAt, ownPlanId });
      const reachedNow = new Set<string>();
      const next = new Set<string>();
      for (const row of rows.map((raw) => StepRow.parse(raw))) {
        const node = toNode(row.node);
        const edge = toEdge(row.edge);
        if (!reached.has(node.id)) {
          if (reached.size === MAX_NODES) {
            truncated = true;
            break;
          }
          reached.set(node.id, node);
          reachedNow.add(node.id);
          const from = edge.from === node.id ? edge.to : edge.from;
          planOf.set(node.id, node.planId ?? (node.label === 'Plan' ? node.id : (planOf.get(from) ?? null)));
        }
        // A node reached in this step by any link that rests on its source is walked on from.
        if (reachedNow.has(node.id) && !MENTIONS.has(edge.type)) next.add(node.id);
        edges.push(edge);
      }
      frontier = [...next];
    }
    const kept = new Set([root.id, ...reached.keys()]);
    const planIds = [...new Set([...planOf.values()].filter((planId): planId is string => planId !== null))];
    const planNodes = (await tx.run(statements.plans, { ids: planIds })).map((row) => toNode(row.node));
    const plans = new Map((await annotateAsAt(tx, planNodes, asAt)).map((plan) => [plan.id, plan]));
    const members = new Map<string | null, GraphNode[]>();
    for (const node of reached.values()) {
      // A planId naming no plan (a half-made import) counts as no plan.
      const named = planOf.get(node.id) ?? null;
      const planId = named !== null && plans.has(named) ? named : null;
      members.set(planId, [...(members.get(planId) ?? []), node]);
    }
    const byPlan: ImpactPlanGroup[] = [...members.entries()]
      .map(([planId, nodes]) => ({
        plan: planId === null ? null : plans.get(planId)!,
        count: nodes.length,
        countsByLabel: countByLabel(nodes),
        nodeIds: nodes.map(({ id }) => id),
      }))
      .sort((a, b) => Number(a.plan === null) - Number(b.plan === null) || b.count - a.count);
    const drawn = [...new Map(edges.filter(({ from, to }) => kept.has(from) && kept.has(to)).map((edge) => [edge.id, edge])).values()];
    // Links to the law put in doubt by a change in it, so the answer says which dependents to review.
    const suspect = await suspectAmong(tx, [...kept]);
    const [shownRoot, ...shown] = await annotateAsAt(tx, [root, ...reached.values()], asAt);
    return {
      root: shownRoot!,
      subgraph: { nodes: [shownRoot!, ...shown], edges: drawn },
      suspectLinkIds: drawn.filter(({ id }) => suspect.has(id)).map(({ id }) => id),
      countsByLabel: countByLabel([...reached.values()]),
      byPlan,
      truncated,
    };
  });
}

function countByLabel(nodes: readonly GraphNode[]): LabelCount[] {
  const counts = new Map<GraphNode['label'], number>();
  for (const node of nodes) counts.set(node.label, (counts.get(node.label) ?? 0) + 1);
  return [...counts.entries()].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
}
