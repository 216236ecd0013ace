/**
 * The evidence family: from an inspection judgement, finding or recommendation to the actions
 * that respond to it, their measures and data, and the priorities and statute behind them (the
 * three questions of self-evaluation: what do you know, how do you know, what are you doing).
 * From an action, the same chain for the evidence it answers or that is about it.
 */
import { z } from 'zod';
import { cypher, type Gateway } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { EvidenceChain, EvidenceResponse, GraphEdge, GraphNode, Inspection } from '../generated/graphql.ts';
import { annotateAsAt, COUNTED_LINK_AT, IN_FORCE } from './as-at.ts';
import { distinctEdges, distinctNodes, EDGE, NODE, toEdge, toNode } from './shapes.ts';
import { trace } from './trace.ts';

/** Most responses followed up with measures and a trace; more are listed without. */
const MAX_RESPONSES = 50;

export const statements = {
  inspections: cypher(
    'evidence.inspections',
    `MATCH (report:Evidence) WHERE report.kind IN ['INSPECTION_REPORT', 'MONITORING_REPORT']
     OPTIONAL MATCH path = (report)-[:HAS_FINDING*1..3]->(item:Evidence)
     WITH report, path, item ORDER BY report.title, [n IN nodes(path)[1..] | coalesce(n.position, 0)]
     RETURN ${NODE('report')} AS report,
            collect(CASE WHEN item IS NOT NULL THEN {node: ${NODE('item')}, parentId: nodes(path)[-2].id, depth: length(path)} END) AS items
     ORDER BY report.date DESC, report.title`,
  ),
  evidence: cypher(
    'evidence.chain',
    `MATCH (root:Entity {id: $id})
     CALL (root) {
       OPTIONAL MATCH path = (root)-[:HAS_FINDING*0..3]->(e:Evidence) WHERE root:Evidence
       // In the report's order: the root, then each judgement followed by what it found.
       WITH e, path ORDER BY [n IN nodes(path)[1..] | coalesce(n.position, 0)]
       RETURN collect(DISTINCT e) AS below
     }
     CALL (root) {
       OPTIONAL MATCH (root)-[:RESPONDS_TO]->(answered:Evidence)
       OPTIONAL MATCH (about:Evidence)-[:ABOUT]->(root)
       RETURN collect(DISTINCT answered) + collect(DISTINCT about) AS concerning
     }
     WITH root, CASE WHEN root:Evidence THEN below ELSE concerning END AS evidence
     CALL (evidence) {
       UNWIND evidence AS a
       MATCH (a)-[h:HAS_FINDING]->(b) WHERE b IN evidence
       RETURN collect(${EDGE('h')}) AS findingEdges
     }
     CALL (root, evidence) {
       UNWIND evidence AS e
       MATCH (x:Entity)-[r:RESPONDS_TO]->(e)
       WHERE ${COUNTED_LINK_AT('r')} AND ((root:Evidence AND ${IN_FORCE('x')}) OR x = root)
       WITH x, r, e ORDER BY x.id LIMIT ${MAX_RESPONSES}
       RETURN collect({action: ${NODE('x')}, edge: ${EDGE('r')}, evidence: e.id}) AS responses
     }
     RETURN ${NODE('root')} AS root, [e IN evidence | ${NODE('e')}] AS evidence, findingEdges, responses`,
  ),
  measures: cypher(
    'evidence.measures',
    `UNWIND $ids AS id
     MATCH (x:Entity {id: id})-[mb:MEASURED_BY]->(m:Measure)
     WHERE coalesce(mb.basis, 'STATED') <> 'SUGGESTED'
     RETURN id, ${EDGE('mb')} AS edge, ${NODE('m')} AS measure,
            [(m)-[:HAS_OBSERVATION]->(o) | o] AS observations`,
  ),
};

const ChainRow = z.object({
  root: z.unknown(),
  evidence: z.array(z.unknown()),
  findingEdges: z.array(z.unknown()),
  responses: z.array(z.object({ action: z.unknown(), edge: z.unknown(), evidence: z.string() })),
});
const MeasureRow = z.object({ id: z.string(), edge: z.unknown(), measure: z.unknown(), observations: z.array(z.record(z.string(), z.unknown())) });

/**
 * The evidence chain from the node with that id; with `asAt` (YYYY-MM-DD), as on that day: the
 * responses of plans in force then, each traced as on that day (as-at.ts).
 */
export async function evidenceChain(gateway: Gateway, id: string, asAt: string | null = null): Promise<EvidenceChain> {
  const [found] = await gateway.read(statements.evidence, { id, asAt });
  if (!found) throw new ExpectedError('NOT_FOUND', `No node has the id ${id}.`, { field: 'id' });
  const chain = ChainRow.parse(found);
  const root = toNode(chain.root);
  if (root.label !== 'Evidence' && root.label !== 'Action') {
    throw new ExpectedError('BAD_USER_INPUT', `id: ${id} is a ${root.label}; an evidence chain starts from inspection evidence or from an action.`, {
      field: 'id',
    });
  }
  const evidence = chain.evidence.map(toNode);
  const byId = new Map(evidence.map((node) => [node.id, node]));

  const actionIds = [...new Set(chain.responses.map(({ action }) => toNode(action).id))];
  const measureRows = (await gateway.read(statements.measures, { ids: actionIds })).map((row) => MeasureRow.parse(row));
  const traces = new Map(await Promise.all(actionIds.map(async (actionId) => [actionId, await trace(gateway, actionId, false, asAt)] as const)));

  const nodes: GraphNode[] = [root, ...evidence];
  const edges: GraphEdge[] = chain.findingEdges.map(toEdge);
  const responses: EvidenceResponse[] = chain.responses.map((raw) => {
    const action = toNode(raw.action);
    const edge = toEdge(raw.edge);
    const traced = traces.get(action.id)!;
    const measures = measureRows
      .filter((row) => row.id === action.id)
      .map((row) => {
        const measure = toNode(row.measure);
        edges.push(toEdge(row.edge));
        nodes.push(measure);
        const observations = row.observations
          .map((props) => toNode({ labels: ['Observation'], props }))
          .sort((a, b) => Number(a.properties && (a.properties as { position?: number }).position) - Number((b.properties as { position?: number }).position));
        return { measure, observations };
      });
    nodes.push(action, ...traced.subgraph.nodes);
    edges.push(edge, ...traced.subgraph.edges);
    const line = traced.subgraph.nodes.filter((node) => node.label === 'Priority' || node.label === 'Objective');
    return {
      action,
      evidence: byId.get(raw.evidence)!,
      edge,
      measures,
      priorities: distinctNodes([...line, ...traced.corporatePriorities]),
      authorities: traced.authorities,
      ends: traced.ends,
    };
  });
  const shown = await annotateAsAt(gateway, distinctNodes(nodes), asAt);
  return { root, evidence, responses, subgraph: { nodes: shown, edges: distinctEdges(edges) } };
}

const InspectionRow = z.object({ report: z.unknown(), items: z.array(z.object({ node: z.unknown(), parentId: z.string(), depth: z.number() })) });

/** Every inspection and monitoring report with what sits under it, newest first. */
export async function inspections(gateway: Gateway): Promise<Inspection[]> {
  const rows = await gateway.read(statements.inspections);
  return rows.map((raw) => {
    const row = InspectionRow.parse(raw);
    return { report: toNode(row.report), items: row.items.map(({ node, parentId, depth }) => ({ node: toNode(node), parentId, depth })) };
  });
}
