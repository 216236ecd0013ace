/**
 * The alignment family: a matrix between two sets of nodes (the priorities of two plans, plans ×
 * authorities, themes × plans). Each element stands for itself and everything under it (a plan's
 * hierarchy, an Act's provisions); a cell lists the links joining two elements, the authorities
 * both give effect to and the themes both concern. Where a row or column is an authority or a
 * theme, the other side's links to it are the cell's links: each item of a plan that gives effect
 * to the Care Act adds one to the plan's cell under the Act.
 */
import { z } from 'zod';
import { cypher, type Gateway, type Statement } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { AlignmentCell, AlignmentMatrix, AlignmentSetInput, AlignmentSetKind, GraphEdge, GraphNode } from '../generated/graphql.ts';
import { nodesById } from './nodes.ts';
import { EDGE, NODE, toEdge, toNode } from './shapes.ts';

/** Largest number of rows or columns a matrix may have. */
export const MAX_AXIS = 300;

const ORDERED = `RETURN ${NODE('n')} AS node`;

const sets: Record<AlignmentSetKind, Statement> = {
  PLAN_PRIORITIES: cypher('alignment.planPriorities', `MATCH (:Plan {id: $planId})-[:HAS_PRIORITY]->(n:Priority) WITH n ORDER BY n.position ${ORDERED}`),
  PLAN_ACTIONS: cypher(
    'alignment.planActions',
    `MATCH (n:Action {planId: $planId})
     OPTIONAL MATCH (parent)-[:HAS_ACTION]->(n)
     OPTIONAL MATCH (grandparent)-[:HAS_PRIORITY|HAS_OBJECTIVE]->(parent)
     WITH n ORDER BY grandparent.position, parent.position, n.position, n.id ${ORDERED}`,
  ),
  PLANS: cypher('alignment.plans', `MATCH (n:Plan) WHERE $ids IS NULL OR n.id IN $ids WITH n ORDER BY n.title ${ORDERED}`),
  AUTHORITIES: cypher('alignment.authorities', `MATCH (n:Authority) WHERE $ids IS NULL OR n.id IN $ids WITH n ORDER BY n.title ${ORDERED}`),
  THEMES: cypher('alignment.themes', `MATCH (n:Theme) WHERE $ids IS NULL OR n.id IN $ids WITH n ORDER BY n.title ${ORDERED}`),
};

// Links that join two elements directly. A GIVES_EFFECT_TO or CONCERNS link joins two elements
// only when its authority or theme is one of them; an authority or theme reached from both
// sides is listed as shared instead, so no connection is counted twice.
const JOINING = 'CONTRIBUTES_TO|UNDERMINES|RESPONDS_TO|SUPERSEDES|INFORMED_BY|CITES|GIVES_EFFECT_TO|CONCERNS';

export const statements = {
  ...Object.fromEntries(Object.entries(sets).map(([kind, statement]) => [`set.${kind}`, statement])),
  footprints: cypher(
    'alignment.footprints',
    `UNWIND $ids AS id
     MATCH (e:Entity {id: id})
     OPTIONAL MATCH (e)-[:HAS_PRIORITY|HAS_OBJECTIVE|HAS_ACTION|HAS_PROVISION*1..5]->(d)
     WITH e, [e] + collect(DISTINCT d) AS members
     UNWIND members AS m
     WITH e, m,
          [(m)-[g:GIVES_EFFECT_TO]->(law) WHERE coalesce(g.basis, 'STATED') <> 'SUGGESTED' | coalesce([(au:Authority)-[:HAS_PROVISION]->(law) | au.id][0], law.id)] AS authorities,
          [(m)-[c:CONCERNS]->(t:Theme) WHERE coalesce(c.basis, 'STATED') <> 'SUGGESTED' | t.id] AS themes
     RETURN e.id AS id, collect(m.id) AS members,
            reduce(all = [], list IN collect(authorities) | all + list) AS authorities,
            reduce(all = [], list IN collect(themes) | all + list) AS themes`,
  ),
  joiningLinks: cypher(
    'alignment.joiningLinks',
    `MATCH (a:Entity)-[r:${JOINING}]->(b:Entity)
     WHERE a.id IN $members AND b.id IN $members AND coalesce(r.basis, 'STATED') <> 'SUGGESTED'
     RETURN ${EDGE('r')} AS edge`,
  ),
};

const Footprint = z.object({ id: z.string(), members: z.array(z.string()), authorities: z.array(z.string()), themes: z.array(z.string()) });
type Footprint = { members: Set<string>; authorities: Set<string>; themes: Set<string> };

async function resolveSet(gateway: Gateway, axis: 'rows' | 'columns', input: AlignmentSetInput): Promise<GraphNode[]> {
  const needsPlan = input.kind === 'PLAN_PRIORITIES' || input.kind === 'PLAN_ACTIONS';
  if (needsPlan && !input.planId) {
    throw new ExpectedError('BAD_USER_INPUT', `${axis}.planId is required for ${input.kind}.`, { field: `${axis}.planId` });
  }
  const rows = await gateway.read(sets[input.kind], { planId: input.planId ?? null, ids: input.ids?.length ? input.ids : null });
  if (rows.length > MAX_AXIS) {
    throw new ExpectedError('BAD_USER_INPUT', `${axis} has ${rows.length} entries; at most ${MAX_AXIS} fit a matrix. Narrow it with ids or planId.`, { field: axis });
  }
  if (needsPlan && rows.length === 0) {
    throw new ExpectedError('NOT_FOUND', `${axis}.planId: no plan ${input.planId} with ${input.kind === 'PLAN_ACTIONS' ? 'actions' : 'priorities'}.`, { field: `${axis}.planId` });
  }
  return rows.map((row) => toNode(row.node));
}

const intersect = (a: Set<string>, b: Set<string>) => [...a].filter((id) => b.has(id));

/** The matrix between the two sets; only cells with a connection are listed. */
export async function alignment(gateway: Gateway, rowsInput: AlignmentSetInput, columnsInput: AlignmentSetInput): Promise<AlignmentMatrix> {
  const rows = await resolveSet(gateway, 'rows', rowsInput);
  const columns = await resolveSet(gateway, 'columns', columnsInput);
  const elements = [...new Set([...rows, ...columns].map(({ id }) => id))];

  const footprints = new Map<string, Footprint>();
  for (const raw of await gateway.read(statements.footprints, { ids: elements })) {
    const row = Footprint.parse(raw);
    footprints.set(row.id, { members: new Set(row.members), authorities: new Set(row.authorities), themes: new Set(row.themes) });
  }

  const members = [...new Set([...footprints.values()].flatMap(({ members: ids }) => [...ids]))];
  const links = (await gateway.read(statements.joiningLinks, { members })).map((row) => toEdge(row.edge));
  const linksBetween = (row: Footprint, column: Footprint): GraphEdge[] =>
    links.filter(({ from, to }) => (row.members.has(from) && column.members.has(to)) || (column.members.has(from) && row.members.has(to)));

  const cellIds: { row: string; column: string; links: GraphEdge[]; authorities: string[]; themes: string[] }[] = [];
  for (const row of rows) {
    for (const column of columns) {
      if (row.id === column.id) continue;
      const a = footprints.get(row.id)!;
      const b = footprints.get(column.id)!;
      const cell = { row: row.id, column: column.id, links: linksBetween(a, b), authorities: intersect(a.authorities, b.authorities), themes: intersect(a.themes, b.themes) };
      if (cell.links.length || cell.authorities.length || cell.themes.length) cellIds.push(cell);
    }
  }
  const shared = await nodesById(gateway, cellIds.flatMap(({ authorities, themes }) => [...authorities, ...themes]));
  const cells: AlignmentCell[] = cellIds.map(({ row, column, links: joining, authorities, themes }) => ({
    row,
    column,
    links: joining,
    sharedAuthorities: authorities.map((id) => shared.get(id)!).filter(Boolean),
    sharedThemes: themes.map((id) => shared.get(id)!).filter(Boolean),
    strength: joining.length + authorities.length + themes.length,
  }));
  const connected = (axis: 'row' | 'column') => new Set(cells.map((cell) => cell[axis]));
  return {
    rows,
    columns,
    cells,
    uncoveredRows: rows.filter(({ id }) => !connected('row').has(id)),
    uncoveredColumns: columns.filter(({ id }) => !connected('column').has(id)),
  };
}
