/** The plans family: paged listings of plans and a plan's hierarchy, for browsing. */
import { z } from 'zod';
import { cypher, int, type Gateway } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { HierarchyItem, PlanPage } from '../generated/graphql.ts';
import { PLAN_HIERARCHY } from '../../../schema/graph-model.ts';
import { NODE, toNode } from './shapes.ts';

export const MAX_PAGE = 100;

/**
 * A plan with priorities, objectives or actions of its own; the rest are documents other plans
 * mention in passing (a name, sometimes a publisher, nothing in them), kept as references.
 * $references chooses which of the two a listing gives.
 */
const LISTED = (variable: string) => `EXISTS { (${variable})-[:${PLAN_HIERARCHY}]->() } <> $references`;

export const statements = {
  // Keyset paging on (title, id): the cursor is the id of the last plan already shown.
  page: cypher(
    'plans.page',
    `OPTIONAL MATCH (cursor:Plan {id: $after})
     MATCH (p:Plan)
     WHERE (cursor IS NULL OR p.title > cursor.title OR (p.title = cursor.title AND p.id > cursor.id)) AND ${LISTED('p')}
     WITH p ORDER BY p.title, p.id LIMIT $limit
     CALL (p) {
       OPTIONAL MATCH (p)-[:${PLAN_HIERARCHY}*1..6]->(item)
       RETURN count(DISTINCT item) AS itemCount
     }
     RETURN ${NODE('p')} AS plan, [(o:Organisation)-[:PUBLISHES]->(p) | ${NODE('o')}] AS publishers, itemCount`,
  ),
  count: cypher(
    'plans.count',
    `MATCH (p:Plan) WHERE ${LISTED('p')}
     RETURN count(p) AS totalCount, $after IS NULL OR EXISTS { MATCH (:Plan {id: $after}) } AS cursorKnown`,
  ),
  hierarchy: cypher(
    'plans.hierarchy',
    `MATCH (plan:Plan {id: $id})
     OPTIONAL MATCH path = (plan)-[:${PLAN_HIERARCHY}*1..6]->(item)
     WITH plan, path, item ORDER BY [n IN nodes(path)[1..] | coalesce(n.position, 0)]
     RETURN plan.id AS planId,
            collect(CASE WHEN item IS NOT NULL THEN {node: ${NODE('item')}, parentId: nodes(path)[-2].id, depth: length(path)} END) AS items`,
  ),
};

const PageRow = z.object({ plan: z.unknown(), publishers: z.array(z.unknown()), itemCount: z.number() });

/**
 * Plans in title order, `first` at a time; with `references`, the documents only mentioned in
 * passing instead. The cursor is the id of the last plan of the previous page.
 */
export async function plansPage(gateway: Gateway, first: number, after: string | null, references = false): Promise<PlanPage> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw new ExpectedError('BAD_USER_INPUT', `first must be a whole number from 1 to ${MAX_PAGE}.`, { field: 'first' });
  }
  const [counted] = await gateway.read(statements.count, { after, references });
  if (!counted?.cursorKnown) throw new ExpectedError('BAD_USER_INPUT', `after: no plan has the id ${after}.`, { field: 'after' });
  // One more than asked for tells whether there is a next page.
  const rows = (await gateway.read(statements.page, { limit: int(first + 1), after, references })).map((row) => PageRow.parse(row));
  const plans = rows.slice(0, first).map((row) => {
    const plan = toNode(row.plan);
    return {
      plan,
      publishers: row.publishers.map(toNode),
      periodStart: numberOrNull(plan.properties, 'periodStart'),
      periodEnd: numberOrNull(plan.properties, 'periodEnd'),
      itemCount: row.itemCount,
    };
  });
  return { plans, totalCount: Number(counted.totalCount), nextCursor: rows.length > first ? plans.at(-1)!.plan.id : null };
}

function numberOrNull(properties: unknown, key: string): number | null {
  const value = (properties as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : null;
}

const HierarchyRow = z.object({ planId: z.string(), items: z.array(z.object({ node: z.unknown(), parentId: z.string(), depth: z.number() })) });

/** The plan's priorities, objectives and actions in document order, each with its parent. */
export async function planHierarchy(gateway: Gateway, id: string): Promise<HierarchyItem[]> {
  const [found] = await gateway.read(statements.hierarchy, { id });
  if (!found) throw new ExpectedError('NOT_FOUND', `No plan has the id ${id}.`, { field: 'id' });
  return HierarchyRow.parse(found).items.map(({ node, parentId, depth }) => ({ node: toNode(node), parentId, depth }));
}
