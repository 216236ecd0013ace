/**
 * The trace family: from any item up to the authorities it gives effect to and the council
 * priorities it serves. A path climbs the item's own hierarchy (action → objective → priority →
 * plan) and follows GIVES_EFFECT_TO and CONTRIBUTES_TO links, never more than MAX_STEPS links.
 * A path whose first such link is the item's own is the item's own claim; one that first climbs
 * to a parent and uses the parent's link is inherited from that parent, and says so.
 */
import { z } from 'zod';
import { cypher, type Gateway } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import { authorityKinds, PLAN_AND_PROVISION_HIERARCHY, PLAN_HIERARCHY } from '../../../schema/graph-model.ts';
import type { GraphEdge, GraphNode, Trace, TraceEnd, TracePath } from '../generated/graphql.ts';
import { ANNOTATIONS, annotated, IN_FORCE, LINK_VALID_AT } from './as-at.ts';
import { distinctEdges, distinctNodes, EDGE, NODE, toEdge, toNode, weakestBasis } from './shapes.ts';

export const MAX_STEPS = 8;
const MAX_PATHS = 500;
/** The links that say what an item gives effect to or serves, as against the hierarchy it sits in. */
const ALIGNMENT_TYPES = new Set(['GIVES_EFFECT_TO', 'CONTRIBUTES_TO']);

// Paths are listed shortest first, and among those of one length the law before guidance and
// frameworks (the order of the model's authority kinds), so a trace reads and draws the same
// way every time.
const authorityKindRank = Object.fromEntries(authorityKinds.map((kind, rank) => [kind, rank]));

// One step up: along an alignment link in its own direction, or from a child to its parent.
// Nothing leads up from an authority (alignment links start at plans and their items, and an
// authority is nobody's child), so the walk does not step out of one: that spares reading the
// hundreds of links that lead into each authority. As at a date, only links that held then.
const STEP_UP = `(x)-[r:${PLAN_AND_PROVISION_HIERARCHY}|GIVES_EFFECT_TO|CONTRIBUTES_TO]-(y)
  WHERE NOT x:Authority
    AND ((r:GIVES_EFFECT_TO|CONTRIBUTES_TO AND startNode(r) = x) OR (r:${PLAN_AND_PROVISION_HIERARCHY} AND endNode(r) = x))
    AND ($includeSuggested OR coalesce(r.basis, 'STATED') <> 'SUGGESTED') AND ${LINK_VALID_AT('r')}`;

export const statements = {
  // The paths up, and what the trace view shows around the item: its line up to its plan, its
  // measures, the evidence it answers or that is about it, its owners and themes. One statement,
  // so one round trip to the database.
  trace: cypher(
    'trace.trace',
    `MATCH (start:Entity {id: $id})
     CALL (start) {
       OPTIONAL MATCH p = (start) (${STEP_UP}){1,${MAX_STEPS}} (end)
         WHERE (end:Authority OR (end:Priority AND end.corporate = true))
           // As at a date, a path through a plan not in force then is left out; the item's own plan is what was asked about.
           AND ($asAt IS NULL OR all(n IN nodes(p) WHERE coalesce(n.planId, n.id) = coalesce(start.planId, start.id) OR ${IN_FORCE('n')}))
       WITH p, end ORDER BY length(p), coalesce($authorityKindRank[end.kind], 99), end.title, end.id, [n IN nodes(p) | n.id]
       LIMIT ${MAX_PATHS}
       RETURN collect(CASE WHEN p IS NOT NULL THEN {
                nodes: [n IN nodes(p) | ${NODE('n')}],
                edges: [r IN relationships(p) | ${EDGE('r')}],
                reaches: CASE WHEN end:Authority THEN 'AUTHORITY' ELSE 'CORPORATE_PRIORITY' END
              } END) AS paths
     }
     CALL (start) {
       OPTIONAL MATCH line = (:Plan)-[:${PLAN_HIERARCHY}*1..6]->(start)
       RETURN [n IN coalesce(nodes(line), []) | ${NODE('n')}] AS lineNodes,
              [r IN coalesce(relationships(line), []) | ${EDGE('r')}] AS lineEdges
     }
     CALL (start) {
       OPTIONAL MATCH (start)-[r:MEASURED_BY|RESPONDS_TO|OWNED_BY|CONCERNS]->(m:Entity)
         WHERE $includeSuggested OR coalesce(r.basis, 'STATED') <> 'SUGGESTED'
       WITH r, m ORDER BY type(r), m.id
       RETURN collect(CASE WHEN m IS NOT NULL THEN {node: ${NODE('m')}, edge: ${EDGE('r')}} END) AS outgoing
     }
     CALL (start) {
       OPTIONAL MATCH (e:Evidence)-[r:ABOUT]->(start)
       WITH r, e ORDER BY e.id
       RETURN collect(CASE WHEN e IS NOT NULL THEN {node: ${NODE('e')}, edge: ${EDGE('r')}} END) AS about
     }
     WITH start, paths, lineNodes, lineEdges, outgoing + about AS around
     // What the date says of every node shown, in the same round trip.
     WITH start, paths, lineNodes, lineEdges, around,
          [start.id] + [n IN lineNodes | n.props.id] + reduce(ids = [], p IN paths | ids + [n IN p.nodes | n.props.id]) + [x IN around | x.node.props.id] AS shown
     ${ANNOTATIONS('shown')}
     RETURN ${NODE('start')} AS start, paths, lineNodes, lineEdges, around, annotations`,
  ),
};

const PathRow = z.object({ nodes: z.array(z.unknown()), edges: z.array(z.unknown()), reaches: z.enum(['AUTHORITY', 'CORPORATE_PRIORITY']) });
const TraceRow = z.object({
  start: z.unknown(),
  paths: z.array(PathRow),
  lineNodes: z.array(z.unknown()),
  lineEdges: z.array(z.unknown()),
  around: z.array(z.object({ node: z.unknown(), edge: z.unknown() })),
  annotations: z.unknown(),
});

/**
 * Traces the item with that id. Paths through SUGGESTED links are left out unless
 * `includeSuggested`: a suggestion is not a basis until a person accepts it. With `asAt`
 * (YYYY-MM-DD), the trace as on that day (as-at.ts): links that held then, plans in force then
 * apart from the item's own, and each node marked with whether its plan was in force and when
 * the law it is had been repealed.
 */
export async function trace(gateway: Gateway, id: string, includeSuggested: boolean, asAt: string | null = null): Promise<Trace> {
  const [row] = await gateway.read(statements.trace, { id, includeSuggested, authorityKindRank, asAt });
  if (!row) throw new ExpectedError('NOT_FOUND', `No node has the id ${id}.`, { field: 'id' });
  const { start, paths: rawPaths, ...context } = TraceRow.parse(row);

  const paths: TracePath[] = [];
  const nodes = [toNode(start), ...context.lineNodes.map(toNode)];
  const edges: GraphEdge[] = context.lineEdges.map(toEdge);
  for (const raw of rawPaths) {
    const pathNodes = raw.nodes.map(toNode);
    const pathEdges = raw.edges.map(toEdge);
    nodes.push(...pathNodes);
    edges.push(...pathEdges);
    // The first alignment link on the path is whose claim the path rests on: the item's own when
    // it starts there, otherwise the parent's it climbed to.
    const claim = pathEdges.findIndex(({ type }) => ALIGNMENT_TYPES.has(type));
    paths.push({
      nodes: pathNodes.map(({ id }) => id),
      edges: pathEdges.map(({ id }) => id),
      reaches: raw.reaches,
      basis: weakestBasis(pathEdges),
      inherited: claim > 0,
      via: claim > 0 ? pathNodes[claim]!.id : null,
    });
  }
  for (const { node, edge } of context.around) {
    nodes.push(toNode(node));
    edges.push(toEdge(edge));
  }

  const subgraph = { nodes: annotated(distinctNodes(nodes), context.annotations), edges: distinctEdges(edges) };
  const root = subgraph.nodes[0]!;
  const ends = traceEnds(paths, new Map(subgraph.nodes.map((node) => [node.id, node])));
  const endsOf = (target: TracePath['reaches']) => ends.filter(({ reaches }) => reaches === target).map(({ node }) => node);
  return { root, subgraph, paths, authorities: endsOf('AUTHORITY'), corporatePriorities: endsOf('CORPORATE_PRIORITY'), ends };
}

/**
 * Each end the paths reach, once, in the order of its first path, authorities first: whether a
 * path of the item's own reaches it, and the parents it is inherited from, nearest first.
 */
export function traceEnds(paths: TracePath[], nodes: Map<string, GraphNode>): TraceEnd[] {
  const ends = new Map<string, { node: GraphNode; reaches: TracePath['reaches']; own: boolean; via: Map<string, number> }>();
  for (const path of paths) {
    const id = path.nodes.at(-1)!;
    const end = ends.get(id) ?? { node: nodes.get(id)!, reaches: path.reaches, own: false, via: new Map<string, number>() };
    ends.set(id, end);
    if (!path.via) end.own = true;
    else end.via.set(path.via, Math.min(end.via.get(path.via) ?? Infinity, path.nodes.indexOf(path.via)));
  }
  const order: TracePath['reaches'][] = ['AUTHORITY', 'CORPORATE_PRIORITY'];
  return [...ends.values()]
    .sort((a, b) => order.indexOf(a.reaches) - order.indexOf(b.reaches))
    .map(({ node, reaches, own, via }) => ({
      node,
      reaches,
      own,
      inheritedFrom: [...via.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => nodes.get(id)!),
    }));
}
