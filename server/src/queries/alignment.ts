/**
 * The alignment family: a matrix between two sets of nodes (the priorities of two plans, plans ×
 * authorities, themes × plans). Each element stands for itself and everything under it (a plan's
 * hierarchy, an Act's provisions); a cell lists the links joining two elements, the authorities
 * both give effect to and the themes both concern. Where a row or column is an authority or a
 * theme, the other side's links to it are the cell's links: each item of a plan that gives effect
 * to the Care Act adds one to the plan's cell under the Act.
 *
 * Only a link covers: two items sharing an authority or a theme are about the same thing, which
 * does not say one delivers the other, so the three are kept apart in every cell and every row.
 */
import { z } from 'zod';
import { cypher, type Gateway, type Statement } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type {
  AlignmentAxisEntry,
  AlignmentCell,
  AlignmentConnection,
  AlignmentMatrix,
  AlignmentSet,
  AlignmentSetInput,
  AlignmentSetKind,
  GraphEdge,
  GraphNode,
} from '../generated/graphql.ts';
import { PLAN_AND_PROVISION_HIERARCHY, PLAN_HIERARCHY, placing } from '../../../schema/graph-model.ts';
import { annotateAsAt, COUNTED_LINK_AT, PLAN_IN_FORCE } from './as-at.ts';
import { nodesById } from './nodes.ts';
import { EDGE, NODE, toEdge, toNode } from './shapes.ts';

/** Largest number of rows or columns a matrix may have. */
export const MAX_AXIS = 300;

const ORDERED = `RETURN ${NODE('n')} AS node`;

const BY_TITLE = (label: string, where = '') => `MATCH (n:${label}) ${where} WITH n ORDER BY n.title ${ORDERED}`;
const sets: Record<AlignmentSetKind, Statement> = {
  PLAN_PRIORITIES: cypher('alignment.planPriorities', `MATCH (:Plan {id: $planId})-[:HAS_PRIORITY]->(n:Priority) WITH n ORDER BY n.position ${ORDERED}`),
  PLAN_ACTIONS: cypher(
    'alignment.planActions',
    `MATCH (n:Action {planId: $planId})
     OPTIONAL MATCH (parent)-[:HAS_ACTION]->(n)
     OPTIONAL MATCH (grandparent)-[:${placing('Priority', 'Objective')}]->(parent)
     WITH n ORDER BY grandparent.position, parent.position, n.position, n.id ${ORDERED}`,
  ),
  PLANS: cypher('alignment.plans', BY_TITLE('Plan')),
  AUTHORITIES: cypher('alignment.authorities', BY_TITLE('Authority')),
  THEMES: cypher('alignment.themes', BY_TITLE('Theme')),
};
/** The chosen ones (`$ids`) of a set, by the id index rather than among all of their label. */
const chosen: Partial<Record<AlignmentSetKind, Statement>> = {
  PLANS: cypher('alignment.plansChosen', BY_TITLE('Plan', 'WHERE n.id IN $ids')),
  AUTHORITIES: cypher('alignment.authoritiesChosen', BY_TITLE('Authority', 'WHERE n.id IN $ids')),
  THEMES: cypher('alignment.themesChosen', BY_TITLE('Theme', 'WHERE n.id IN $ids')),
};

// Links that join two elements directly. A GIVES_EFFECT_TO or CONCERNS link joins two elements
// only when its authority or theme is one of them; an authority or theme reached from both
// sides is listed as shared instead, so no connection is counted twice.
const JOINING = 'CONTRIBUTES_TO|UNDERMINES|RESPONDS_TO|SUPERSEDES|INFORMED_BY|CITES|GIVES_EFFECT_TO|CONCERNS';

export const statements = {
  ...Object.fromEntries(Object.entries(sets).map(([kind, statement]) => [`set.${kind}`, statement])),
  ...Object.fromEntries(Object.entries(chosen).map(([kind, statement]) => [`chosen.${kind}`, statement])),
  footprints: cypher(
    'alignment.footprints',
    `UNWIND $ids AS id
     MATCH (e:Entity {id: id})
     OPTIONAL MATCH (e)-[:${PLAN_AND_PROVISION_HIERARCHY}*1..5]->(d)
     WITH e, [e] + collect(DISTINCT d) AS members
     UNWIND members AS m
     WITH e, m,
          [(m)-[g:GIVES_EFFECT_TO]->(law) WHERE ${COUNTED_LINK_AT('g')} | coalesce([(au:Authority)-[:HAS_PROVISION]->(law) | au.id][0], law.id)] AS authorities,
          [(m)-[c:CONCERNS]->(t:Theme) WHERE coalesce(c.basis, 'STATED') <> 'SUGGESTED' | t.id] AS themes
     RETURN e.id AS id, collect(m.id) AS members,
            reduce(all = [], list IN collect(authorities) | all + list) AS authorities,
            reduce(all = [], list IN collect(themes) | all + list) AS themes`,
  ),
  // Plans with priorities, to choose a pair from when nobody has chosen one: a whole-graph question.
  candidatePlans: cypher(
    'alignment.candidatePlans',
    `MATCH (p:Plan) WHERE EXISTS { (p)-[:HAS_PRIORITY]->() } AND ${PLAN_IN_FORCE('p')}
     CALL (p) {
       OPTIONAL MATCH (p)-[:${PLAN_HIERARCHY}*1..6]->(item)
       RETURN count(DISTINCT item) AS items
     }
     RETURN p.id AS id, p.title AS title, p.periodStart AS periodStart, items,
            EXISTS { (:Action {planId: p.id}) } AS hasActions,
            [(o:Organisation)-[:PUBLISHES]->(p) | o.id] AS publishers,
            [(p)-[r:SUPERSEDES]->(older:Plan) WHERE coalesce(r.basis, 'STATED') <> 'SUGGESTED' | older.id] AS supersedes
     ORDER BY p.id`,
  ),
  joiningLinks: cypher(
    'alignment.joiningLinks',
    `MATCH (a:Entity)-[r:${JOINING}]->(b:Entity)
     WHERE a.id IN $members AND b.id IN $members AND ${COUNTED_LINK_AT('r')}
     RETURN ${EDGE('r')} AS edge`,
  ),
};

const Footprint = z.object({ id: z.string(), members: z.array(z.string()), authorities: z.array(z.string()), themes: z.array(z.string()) });
type Footprint = { members: Set<string>; authorities: Set<string>; themes: Set<string> };

async function resolveSet(gateway: Gateway, axis: 'rows' | 'columns', input: AlignmentSetInput, asAt: string | null): Promise<GraphNode[]> {
  const needsPlan = input.kind === 'PLAN_PRIORITIES' || input.kind === 'PLAN_ACTIONS';
  if (needsPlan && !input.planId) {
    throw new ExpectedError('BAD_USER_INPUT', `${axis}.planId is required for ${input.kind}.`, { field: `${axis}.planId` });
  }
  const statement = (input.ids?.length && chosen[input.kind]) || sets[input.kind];
  const rows = await gateway.read(statement, { planId: input.planId ?? null, ids: input.ids?.length ? input.ids : null });
  if (rows.length > MAX_AXIS) {
    throw new ExpectedError('BAD_USER_INPUT', `${axis} has ${rows.length} entries; at most ${MAX_AXIS} fit a matrix. Narrow it with ids or planId.`, {
      field: axis,
    });
  }
  if (needsPlan && rows.length === 0) {
    throw new ExpectedError('NOT_FOUND', `${axis}.planId: no plan ${input.planId} with ${input.kind === 'PLAN_ACTIONS' ? 'actions' : 'priorities'}.`, {
      field: `${axis}.planId`,
    });
  }
  const nodes = await annotateAsAt(
    gateway,
    rows.map((row) => toNode(row.node)),
    asAt,
  );
  // Every plan, as at a date, means every plan in force then; plans named by id are shown, marked.
  return input.kind === 'PLANS' && !input.ids?.length ? nodes.filter(({ inForce }) => inForce !== false) : nodes;
}

const intersect = (a: Set<string>, b: Set<string>) => [...a].filter((id) => b.has(id));

/** The closest connection of a cell: a link before a shared authority before a shared theme. */
export function cellConnection(cell: { links: unknown[]; authorities: unknown[]; themes: unknown[] }): AlignmentConnection {
  return cell.links.length ? 'LINKED' : cell.authorities.length ? 'SHARED_AUTHORITY' : cell.themes.length ? 'SHARED_THEME' : 'NONE';
}

const closeness: AlignmentConnection[] = ['LINKED', 'SHARED_AUTHORITY', 'SHARED_THEME', 'NONE'];

/** Each entry of one axis with its closest connection to the other, from the listed cells. */
export function axisConnections(
  nodes: GraphNode[],
  cells: Pick<AlignmentCell, 'row' | 'column' | 'connection' | 'links' | 'sharedAuthorities' | 'sharedThemes'>[],
  axis: 'row' | 'column',
): AlignmentAxisEntry[] {
  const other = axis === 'row' ? 'column' : 'row';
  const byEntry = new Map<string, typeof cells>();
  for (const cell of cells) {
    const list = byEntry.get(cell[axis]);
    if (list) list.push(cell);
    else byEntry.set(cell[axis], [cell]);
  }
  return nodes.map((node) => {
    const own = byEntry.get(node.id) ?? [];
    const linkedTo = own.filter(({ links }) => links.length).map((cell) => cell[other]);
    const sharesAuthorityWith = own.filter(({ sharedAuthorities }) => sharedAuthorities.length).map((cell) => cell[other]);
    const sharesThemeWith = own.filter(({ sharedThemes }) => sharedThemes.length).map((cell) => cell[other]);
    const connection = closeness.find((kind) => own.some((cell) => cell.connection === kind)) ?? 'NONE';
    return { node, connection, linkedTo, sharesAuthorityWith, sharesThemeWith };
  });
}

const asSet = (input: AlignmentSetInput): AlignmentSet => ({ kind: input.kind, planId: input.planId ?? null, ids: input.ids?.length ? input.ids : null });

/**
 * The matrix between the two sets; only cells with a connection are listed. With neither set
 * given, the sets are chosen from the data ({@link chooseSets}); one without the other is refused.
 * With `asAt` (YYYY-MM-DD), as on that day (as-at.ts): links that held then, and plans chosen
 * from those in force then.
 */
export async function alignment(
  gateway: Gateway,
  rowsInput: AlignmentSetInput | null | undefined,
  columnsInput: AlignmentSetInput | null | undefined,
  asAt: string | null = null,
): Promise<AlignmentMatrix> {
  if (!rowsInput !== !columnsInput) {
    const missing = rowsInput ? 'columns' : 'rows';
    throw new ExpectedError('BAD_USER_INPUT', `${missing} is missing: give both rows and columns, or neither to have them chosen from the data.`, {
      field: missing,
    });
  }
  if (rowsInput && columnsInput) return { ...(await matrix(gateway, rowsInput, columnsInput, asAt)), chosenBecause: null };
  return chooseSets(gateway, asAt);
}

type Matrix = Omit<AlignmentMatrix, 'chosenBecause'>;

async function matrix(gateway: Gateway, rowsInput: AlignmentSetInput, columnsInput: AlignmentSetInput, asAt: string | null): Promise<Matrix> {
  const rows = await resolveSet(gateway, 'rows', rowsInput, asAt);
  const columns = await resolveSet(gateway, 'columns', columnsInput, asAt);
  const elements = [...new Set([...rows, ...columns].map(({ id }) => id))];

  const footprints = new Map<string, Footprint>();
  for (const raw of await gateway.read(statements.footprints, { ids: elements, asAt })) {
    const row = Footprint.parse(raw);
    footprints.set(row.id, { members: new Set(row.members), authorities: new Set(row.authorities), themes: new Set(row.themes) });
  }

  const members = [...new Set([...footprints.values()].flatMap(({ members: ids }) => [...ids]))];
  const links = (await gateway.read(statements.joiningLinks, { members, asAt })).map((row) => toEdge(row.edge));
  const linksBetween = (row: Footprint, column: Footprint): GraphEdge[] =>
    links.filter(({ from, to }) => (row.members.has(from) && column.members.has(to)) || (column.members.has(from) && row.members.has(to)));

  const cellIds: { row: string; column: string; links: GraphEdge[]; authorities: string[]; themes: string[] }[] = [];
  for (const row of rows) {
    for (const column of columns) {
      if (row.id === column.id) continue;
      const a = footprints.get(row.id)!;
      const b = footprints.get(column.id)!;
      const cell = {
        row: row.id,
        column: column.id,
        links: linksBetween(a, b),
        authorities: intersect(a.authorities, b.authorities),
        themes: intersect(a.themes, b.themes),
      };
      if (cell.links.length || cell.authorities.length || cell.themes.length) cellIds.push(cell);
    }
  }
  const axisIds = new Set(elements);
  const linkEnds = cellIds.flatMap(({ links: joining }) => joining.flatMap(({ from, to }) => [from, to])).filter((id) => !axisIds.has(id));
  const named = await nodesById(gateway, [...cellIds.flatMap(({ authorities, themes }) => [...authorities, ...themes]), ...linkEnds]);
  const cells: AlignmentCell[] = cellIds.map(({ row, column, links: joining, authorities, themes }) => ({
    row,
    column,
    links: joining,
    sharedAuthorities: authorities.map((id) => named.get(id)!).filter(Boolean),
    sharedThemes: themes.map((id) => named.get(id)!).filter(Boolean),
    connection: cellConnection({ links: joining, authorities, themes }),
  }));
  const rowConnections = axisConnections(rows, cells, 'row');
  const columnConnections = axisConnections(columns, cells, 'column');
  const uncovered = (entries: AlignmentAxisEntry[]) => entries.filter(({ connection }) => connection !== 'LINKED').map(({ node }) => node);
  return {
    rowSet: asSet(rowsInput),
    columnSet: asSet(columnsInput),
    rows,
    columns,
    cells,
    rowConnections,
    columnConnections,
    uncoveredRows: uncovered(rowConnections),
    uncoveredColumns: uncovered(columnConnections),
    linkedItems: [...new Set(linkEnds)].map((id) => named.get(id)!).filter(Boolean),
  };
}

const CandidatePlan = z.object({
  id: z.string(),
  title: z.string(),
  periodStart: z.number().nullable(),
  items: z.number(),
  hasActions: z.boolean(),
  publishers: z.array(z.string()),
  supersedes: z.array(z.string()),
});
export type CandidatePlan = z.infer<typeof CandidatePlan>;

/** An earlier and a later plan to line up, and why them; null when fewer than two plans have priorities. */
export function choosePlanPair(plans: CandidatePlan[]): { earlier: CandidatePlan; later: CandidatePlan; because: string } | null {
  const byId = new Map(plans.map((plan) => [plan.id, plan]));
  const start = (plan: CandidatePlan) => plan.periodStart ?? Number.NEGATIVE_INFINITY;
  // The most recent succession: the later plan that starts last, then the earlier that starts last.
  const successions = plans
    .flatMap((later) => later.supersedes.filter((id) => byId.has(id) && id !== later.id).map((id) => ({ later, earlier: byId.get(id)! })))
    .sort((a, b) => start(b.later) - start(a.later) || start(b.earlier) - start(a.earlier) || a.later.id.localeCompare(b.later.id));
  const succession = successions[0];
  if (succession) return { ...succession, because: `${succession.later.title} supersedes ${succession.earlier.title}` };

  // Else the two plans with most items of the publisher whose two largest plans hold most.
  const publishers = [...new Set(plans.flatMap(({ publishers: ids }) => ids))].sort();
  const pairs = publishers.flatMap((publisher) => {
    const largest = plans.filter((plan) => plan.publishers.includes(publisher)).sort((a, b) => b.items - a.items || a.id.localeCompare(b.id));
    return largest.length >= 2 ? [[largest[0]!, largest[1]!] as const] : [];
  });
  pairs.sort(([a1, a2], [b1, b2]) => b1.items + b2.items - (a1.items + a2.items));
  const pair = pairs[0];
  if (!pair) return null;
  const [earlier, later] = start(pair[0]) <= start(pair[1]) ? pair : [pair[1], pair[0]];
  return { earlier, later, because: `${earlier.title} and ${later.title} are the two largest plans of one publisher` };
}

const connectionWords: Record<AlignmentConnection, string> = {
  LINKED: 'by a direct link',
  SHARED_AUTHORITY: 'through a shared authority and no direct link',
  SHARED_THEME: 'through a shared theme only',
  NONE: 'by nothing',
};

/**
 * Chooses what to line up when nobody has said: an earlier plan against a later one
 * ({@link choosePlanPair}), the earlier plan's priorities as rows and the later plan's as
 * columns. Where every priority of the earlier plan connects the same way, that level tells
 * nothing apart (typically: every row shares a theme, so nothing looks uncovered), and the rows
 * become the earlier plan's actions, if they tell more apart.
 */
async function chooseSets(gateway: Gateway, asAt: string | null): Promise<AlignmentMatrix> {
  const plans = (await gateway.read(statements.candidatePlans, { asAt })).map((row) => CandidatePlan.parse(row));
  const pair = choosePlanPair(plans);
  if (!pair) {
    const plansAgainstLaw = await matrix(gateway, { kind: 'PLANS' }, { kind: 'AUTHORITIES' }, asAt);
    return {
      ...plansAgainstLaw,
      chosenBecause: `Fewer than two plans${asAt ? ' in force then' : ''} have priorities, so every plan is set against every authority.`,
    };
  }
  const columns: AlignmentSetInput = { kind: 'PLAN_PRIORITIES', planId: pair.later.id };
  const byPriority = await matrix(gateway, { kind: 'PLAN_PRIORITIES', planId: pair.earlier.id }, columns, asAt);
  const kinds = (result: Matrix) => new Set(result.rowConnections.map(({ connection }) => connection));
  const alike = kinds(byPriority);
  if (alike.size === 1 && pair.earlier.hasActions) {
    const byAction = await matrix(gateway, { kind: 'PLAN_ACTIONS', planId: pair.earlier.id }, columns, asAt);
    if (kinds(byAction).size > 1) {
      const [only] = alike;
      return {
        ...byAction,
        chosenBecause: `${pair.because}. Every priority of the earlier plan connects to the later one the same way (${connectionWords[only!]}), so the rows are the earlier plan's actions, where the answer differs.`,
      };
    }
  }
  return { ...byPriority, chosenBecause: `${pair.because}: the priorities of the earlier plan (rows) against those of the later one (columns).` };
}
