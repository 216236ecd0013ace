/**
 * Questions asked as at a date: which plans were in force, which links held and which law had
 * been repealed on a day in the past, so an inspector sees what applied when the evidence was
 * produced. The one home of these rules: every query family that takes a date uses the Cypher
 * fragments here, each reading the date from the parameter `$asAt` (`YYYY-MM-DD`, or null for
 * today). With `$asAt` null every fragment is exactly the behaviour without a date: all plans,
 * every link not retired.
 *
 * @remarks
 * The rules, chosen because the graph holds years for a plan's period and its status as it is now:
 *
 * - **A plan is in force on a date** when the date's year falls within its period (`periodStart`
 *   to `periodEnd`, years, both ends included; a missing end is open) and it has been adopted.
 *   Its status is what it is now: a plan still DRAFT or out to CONSULTATION has not been adopted,
 *   so it was in force on no date; ADOPTED, EXPIRED and SUPERSEDED plans were adopted, and an
 *   UNKNOWN status is given the benefit of the doubt. A plan with no period at all is taken to
 *   be in force on every date: nothing says otherwise.
 * - **An item is in force** when its plan is (`planId`); nodes of no plan (law, themes,
 *   organisations, measures, evidence) are not limited by date.
 * - **A link holds on a date** from `validFrom`, when it has one, to `validTo` (else
 *   `retiredAt`), the end day excluded. A link without `validFrom` holds from the start: links
 *   the source document states hold as long as their plan, whose period is checked apart, and
 *   `at` says only when the link was loaded or written, not since when it was true. A link made
 *   to replace another (moved after a change in the law) carries the day it was made as
 *   `validFrom`.
 * - **A provision is repealed on a date** when an Effect from legislation.gov.uk of type
 *   "repealed" names it, or a provision it sits in, and has come into force (its latest in-force
 *   date) on or before the date; an Act, when a "repealed" effect names no provision of it. A
 *   repealed provision is shown as repealed, never left out: the answer says what the law was.
 */
import { z } from 'zod';
import { cypher, type Gateway, type Tx } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { GraphNode } from '../generated/graphql.ts';

const IsoDate = z.iso.date();

/**
 * Checks an `asAt` argument: null or missing means today; otherwise a calendar date written
 * `YYYY-MM-DD`. A bad one is refused naming the argument.
 */
export function parseAsAt(value: string | null | undefined, field = 'asAt'): string | null {
  if (value === null || value === undefined) return null;
  if (!IsoDate.safeParse(value).success) {
    throw new ExpectedError('BAD_USER_INPUT', `${field} must be a calendar date written YYYY-MM-DD, such as 2019-04-01; got "${value}".`, { field });
  }
  return value;
}

/** The year of `$asAt`, in Cypher. */
const AS_AT_YEAR = 'date($asAt).year';

/** Cypher: whether plan `plan` was in force on `$asAt` (true for every plan when `$asAt` is null). */
export const PLAN_IN_FORCE = (plan: string) =>
  `($asAt IS NULL OR (NOT coalesce(${plan}.status, 'UNKNOWN') IN ['DRAFT', 'CONSULTATION']
     AND coalesce(${plan}.periodStart, ${AS_AT_YEAR}) <= ${AS_AT_YEAR} AND ${AS_AT_YEAR} <= coalesce(${plan}.periodEnd, ${AS_AT_YEAR})))`;

/**
 * Cypher: whether node `node` was in force on `$asAt`: a plan by {@link PLAN_IN_FORCE}, an item
 * by its plan's; a node of no plan, or whose planId names no plan, always.
 */
export const IN_FORCE = (node: string) =>
  `($asAt IS NULL OR CASE WHEN ${node}:Plan THEN ${PLAN_IN_FORCE(node)}
     WHEN ${node}.planId IS NULL THEN true
     ELSE NOT EXISTS { MATCH (inForcePlan:Plan {id: ${node}.planId}) WHERE NOT ${PLAN_IN_FORCE('inForcePlan')} } END)`;

/**
 * Cypher: whether link `link` held on `$asAt`; with `$asAt` null, whether it holds now (it is
 * not retired), as every query read before dates were asked.
 */
export const LINK_VALID_AT = (link: string) =>
  `CASE WHEN $asAt IS NULL THEN ${link}.retiredAt IS NULL AND (${link}.validTo IS NULL OR left(${link}.validTo, 10) > toString(date()))
     ELSE coalesce(left(${link}.validFrom, 10) <= $asAt, true) AND coalesce(left(coalesce(${link}.validTo, ${link}.retiredAt), 10) > $asAt, true) END`;

/** Cypher: a link that counts on `$asAt`: not a suggestion nobody accepted, and holding then. */
export const COUNTED_LINK_AT = (link: string) => `coalesce(${link}.basis, 'STATED') <> 'SUGGESTED' AND ${LINK_VALID_AT(link)}`;

/**
 * Cypher: the day Act or provision `law` was repealed, if that is on or before `$asAt` (else
 * today); null when it was not, and for nodes that are not law.
 */
export const REPEALED_ON = (law: string) =>
  `CASE WHEN ${law}:Authority OR ${law}:Provision THEN COLLECT {
     MATCH (${law})<-[:AFFECTS]-(repeal:Effect)
     WHERE toLower(repeal.type) = 'repealed' AND size(coalesce(repeal.inForceDates, [])) > 0
       AND CASE WHEN ${law}:Authority THEN size(coalesce(repeal.affectedProvisionIds, [])) = 0
           ELSE any(named IN coalesce(repeal.affectedProvisionIds, []) WHERE ${law}.legislationId = named OR ${law}.legislationId STARTS WITH named + '/') END
     WITH reduce(latest = '', day IN repeal.inForceDates | CASE WHEN day > latest THEN day ELSE latest END) AS day
     WHERE day <= coalesce($asAt, toString(date()))
     RETURN day ORDER BY day LIMIT 1
   }[0] END`;

/**
 * Cypher: what a date says about each node whose id is in the list variable `ids`, as a list
 * `annotations` of {id, inForce, repealedOn}: whether its plan was in force, and when the law
 * it is was repealed. A statement that returns nodes can end with it and save annotateAsAt's read.
 */
export const ANNOTATIONS = (ids: string) =>
  `CALL (${ids}) {
     UNWIND ${ids} AS id
     WITH DISTINCT id
     MATCH (n:Entity {id: id})
     RETURN collect({
       id: n.id,
       inForce: CASE WHEN $asAt IS NOT NULL AND (n:Plan OR n.planId IS NOT NULL) THEN ${IN_FORCE('n')} END,
       repealedOn: ${REPEALED_ON('n')}
     }) AS annotations
   }`;

export const statements = {
  // What a date says about each node of an answer: whether its plan was in force, and when the law it is was repealed.
  annotate: cypher('asAt.annotate', `WITH $ids AS ids ${ANNOTATIONS('ids')} RETURN annotations`),
};

const Annotations = z.array(z.object({ id: z.string(), inForce: z.boolean().nullable(), repealedOn: z.string().nullable() }));

/** The nodes with the annotations a statement read for them (ANNOTATIONS). */
export function annotated<T extends GraphNode>(nodes: readonly T[], annotations: unknown): T[] {
  const byId = new Map(Annotations.parse(annotations).map((row) => [row.id, row]));
  return nodes.map((node) => ({ ...node, inForce: byId.get(node.id)?.inForce ?? null, repealedOn: byId.get(node.id)?.repealedOn ?? null }));
}

/**
 * The nodes with what `asAt` says about them: `inForce` for plans and their items when a date is
 * asked, `repealedOn` for law repealed by then (by today without a date). One read for them all,
 * through the gateway or in a transaction already open.
 */
export async function annotateAsAt<T extends GraphNode>(source: Gateway | Tx, nodes: readonly T[], asAt: string | null): Promise<T[]> {
  if (!nodes.length) return [];
  const params = { ids: [...new Set(nodes.map(({ id }) => id))], asAt };
  const [row] = 'run' in source ? await source.run(statements.annotate, params) : await source.read(statements.annotate, params);
  return annotated(nodes, row?.annotations ?? []);
}
