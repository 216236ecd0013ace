/**
 * Links to the law that a change in the law has made suspect, and their review.
 *
 * A GIVES_EFFECT_TO link is suspect while an Effect loaded from legislation.gov.uk touches what
 * it points at, dates from after the link was last reviewed (`reviewedAt`, else when it was
 * written, `at`) and has not been named by a review of the link (`reviewedEffectIds`). An
 * effect touches a provision when it AFFECTS it (the loader joins an effect on s.17(6) to s.17
 * too), and an Act when it affects the Act as a whole (no provisions named): a link to a whole
 * Act is not put in doubt by every amendment of one of its sections.
 *
 * Suspicion is computed when read, never stored, so it cannot go stale: loading an effect, or
 * reviewing a link, changes the answer at once. The effects on each Act or provision are read
 * once, through the AFFECTS relationships the graph already holds, for all the links to it. A retired link
 * (`retiredAt`) is kept for history but counts for nothing and is never suspect.
 */
import { z } from 'zod';
import { cypher, int, type Gateway, type Tx } from '../db/gateway.ts';
import type { GraphEdge, GraphNode } from '../generated/graphql.ts';
import { naturalSort } from '../natural-order.ts';
import { EDGE, NODE, toEdge, toNode } from './shapes.ts';
import { planItemLabels } from '../../../schema/graph-model.ts';

/** When an effect counts from: its latest in-force date, else when the service last changed it, else when it was loaded. */
const EFFECT_DATE = (effect: string) =>
  `coalesce(reduce(latest = null, day IN coalesce(${effect}.inForceDates, []) | CASE WHEN latest IS NULL OR day > latest THEN day ELSE latest END), ${effect}.modified, ${effect}.changedAt)`;

/**
 * Cypher for the effects that may put links to `target` in doubt, latest first: every effect on a
 * provision, the whole-Act ones on an Act. Read once per target, however many links point at it
 * (an Act can have thousands of effects and hundreds of links).
 */
export const EFFECTS_ON = (target: string) =>
  `COLLECT {
     MATCH (${target})<-[:AFFECTS]-(effect:Effect)
     WHERE NOT ${target}:Authority OR size(coalesce(effect.affectedProvisionIds, [])) = 0
     WITH effect, ${EFFECT_DATE('effect')} AS date ORDER BY date DESC, effect.id
     RETURN effect {.*, date: date}
   }`;

/**
 * Cypher for those of `effects` (from EFFECTS_ON) that make link `link` suspect: dated after its
 * last review and named by none. Shared with the gap rule, so both always agree.
 */
export const UNREVIEWED = (link: string, effects: string) =>
  `[effect IN ${effects} WHERE ${link}.retiredAt IS NULL AND effect.date > coalesce(${link}.reviewedAt, ${link}.at, '')
     AND NOT effect.id IN coalesce(${link}.reviewedEffectIds, [])]`;

/** Cypher for the effects that make link `link` to `target` suspect: for a single link. */
export const UNREVIEWED_EFFECTS = (link: string, target: string) => UNREVIEWED(link, EFFECTS_ON(target));

/** A link that counts: not a suggestion nobody accepted, and not retired. */
export const LIVE_LINK = (link: string) => `coalesce(${link}.basis, 'STATED') <> 'SUGGESTED' AND ${link}.retiredAt IS NULL`;

/** The suspect links from the nodes `opening` binds to `x` (all when it binds none), those changed most recently first. */
const SUSPECT_LINKS = (opening: string) =>
  `${opening}
     MATCH (x:Entity)-[g:GIVES_EFFECT_TO]->(law:Entity)
     WHERE ${LIVE_LINK('g')}
     WITH law, collect([x, g]) AS links
     WITH law, links, ${EFFECTS_ON('law')} AS onLaw
     UNWIND links AS link
     WITH link[0] AS x, link[1] AS g, law, onLaw
     WITH x, g, law, ${UNREVIEWED('g', 'onLaw')} AS effects
     WHERE size(effects) > 0
     WITH x, g, law, effects ORDER BY effects[0].date DESC, x.id, law.id
     LIMIT $first
     RETURN ${EDGE('g')} AS edge, ${NODE('x')} AS source, ${NODE('law')} AS target,
            [(au:Authority)-[:HAS_PROVISION]->(law) | ${NODE('au')}][0] AS act, effects`;

export const statements = {
  suspectLinks: cypher('lawReview.suspectLinks', SUSPECT_LINKS('')),
  // One plan's: the plan and its items, each found by an index (by id, by planId) rather than by all the links.
  suspectLinksInPlan: cypher(
    'lawReview.suspectLinksInPlan',
    SUSPECT_LINKS(
      `CALL () {
         MATCH (x:Entity {id: $planId}) RETURN x
         ${planItemLabels.map((label) => `UNION MATCH (x:${label}) WHERE x.planId = $planId RETURN x`).join('\n         ')}
       }`,
    ),
  ),
  // Where each target's links may move: its Act, and the Acts whose effects touched it.
  moveActs: cypher(
    'lawReview.moveActs',
    `UNWIND $ids AS id
     MATCH (law:Entity {id: id})
     OPTIONAL MATCH (au:Authority)-[:HAS_PROVISION]->(law)
     WITH law, [a IN [coalesce(au, CASE WHEN law:Authority THEN law END)] WHERE a IS NOT NULL] AS own,
          COLLECT { MATCH (law)<-[:AFFECTS]-(e:Effect) WHERE e.affectingLegislationId IS NOT NULL RETURN DISTINCT e.affectingLegislationId } AS affecting
     RETURN law.id AS id, [a IN own | a.id] + COLLECT { MATCH (a:Authority) WHERE a.legislationId IN affecting RETURN a.id } AS actIds`,
  ),
  // Each Act with its provisions, read once however many links move within it.
  actProvisions: cypher(
    'lawReview.actProvisions',
    `UNWIND $ids AS id
     MATCH (act:Authority {id: id})
     RETURN act.id AS id, ${NODE('act')} AS act, [(act)-[:HAS_PROVISION]->(p:Provision) | ${NODE('p')}] AS provisions`,
  ),
  // Which of the links between these nodes are suspect, for answers that draw them (impact).
  suspectAmong: cypher(
    'lawReview.suspectAmong',
    `UNWIND $ids AS id
     MATCH (x:Entity {id: id})-[g:GIVES_EFFECT_TO]->(law:Entity)
     WHERE law.id IN $ids AND ${LIVE_LINK('g')} AND size(${UNREVIEWED_EFFECTS('g', 'law')}) > 0
     RETURN ${EDGE('g')} AS edge`,
  ),
  // The link under review with the effects that make it suspect; the caller holds the lock on its start node.
  link: cypher(
    'lawReview.link',
    `MATCH (x:Entity {id: $from})-[g:GIVES_EFFECT_TO]->(law:Entity {id: $to})
     RETURN properties(g) AS props, ${NODE('x')} AS source, ${NODE('law')} AS target,
            [(au:Authority)-[:HAS_PROVISION]->(law) | au.id][0] AS actId, ${UNREVIEWED_EFFECTS('g', 'law')} AS effects`,
  ),
  // The Act a node is, or is a provision of, and the legislation ids of the Acts that changed a target.
  actOf: cypher(
    'lawReview.actOf',
    `MATCH (n:Entity {id: $id})
     OPTIONAL MATCH (au:Authority)-[:HAS_PROVISION]->(n)
     RETURN ${NODE('n')} AS node, coalesce(au, CASE WHEN n:Authority THEN n END).id AS actId,
            coalesce(au, CASE WHEN n:Authority THEN n END).legislationId AS actLegislationId`,
  ),
  affectingActs: cypher(
    'lawReview.affectingActs',
    `MATCH (:Entity {id: $id})<-[:AFFECTS]-(e:Effect) WHERE e.affectingLegislationId IS NOT NULL
     RETURN collect(DISTINCT e.affectingLegislationId) AS ids`,
  ),
  review: cypher(
    'lawReview.review',
    `MATCH (:Entity {id: $from})-[g:GIVES_EFFECT_TO]->(:Entity {id: $to})
     SET g += $changes, g.by = $by, g.at = $at, g.version = coalesce(g.version, 0) + 1
     RETURN ${EDGE('g')} AS edge`,
  ),
};

const Effect = z.object({
  id: z.string(),
  type: z.string(),
  date: z.string().nullable(),
  inForceDates: z.array(z.string()).nullish(),
  affectedProvisions: z.string().nullish(),
  affectingLegislationId: z.string().nullish(),
  affectingTitle: z.string().nullish(),
  affectingProvisions: z.string().nullish(),
  applied: z.boolean().nullish(),
  prospective: z.boolean().nullish(),
  url: z.string().nullish(),
});

/** An effect on the law, as a review shows it. */
export interface LawEffect {
  id: string;
  type: string;
  /** The date it counts from: its latest in-force date, else when legislation.gov.uk last changed it. */
  date: string | null;
  inForceDates: string[];
  affectedProvisions: string | null;
  affectingLegislationId: string | null;
  affectingTitle: string | null;
  affectingProvisions: string | null;
  applied: boolean;
  prospective: boolean;
  url: string | null;
}

const toEffect = (raw: unknown): LawEffect => {
  const e = Effect.parse(raw);
  return {
    id: e.id,
    type: e.type,
    date: e.date,
    inForceDates: e.inForceDates ?? [],
    affectedProvisions: e.affectedProvisions ?? null,
    affectingLegislationId: e.affectingLegislationId ?? null,
    affectingTitle: e.affectingTitle ?? null,
    affectingProvisions: e.affectingProvisions ?? null,
    applied: e.applied ?? false,
    prospective: e.prospective ?? false,
    url: e.url ?? null,
  };
};

/** A suspect link: the link, what it joins, the Act of a provision, and the effects that put it in doubt. */
export interface SuspectLink {
  link: GraphEdge;
  from: GraphNode;
  to: GraphNode;
  act: GraphNode | null;
  effects: LawEffect[];
  /** Where the link may move: the Act and provisions of the target's Act and of the Acts that changed it, in natural order. */
  moveTargets: GraphNode[];
}

/** The suspect links (of one plan's items, or all), those changed most recently first. */
export async function suspectLinks(gateway: Gateway, planId: string | null, first: number): Promise<SuspectLink[]> {
  const rows = await gateway.read(planId === null ? statements.suspectLinks : statements.suspectLinksInPlan, { planId, first: int(first) });
  const targetIds = [...new Set(rows.map((row) => toNode(row.target).id))];
  const actsOf = new Map((await gateway.read(statements.moveActs, { ids: targetIds })).map((row) => [row.id as string, [...new Set(row.actIds as string[])]]));
  const inAct = new Map(
    (await gateway.read(statements.actProvisions, { ids: [...new Set([...actsOf.values()].flat())] })).map((row) => [
      row.id as string,
      [toNode(row.act), ...naturalSort((row.provisions as unknown[]).map(toNode), (node) => node.code ?? node.title)],
    ]),
  );
  const targets = new Map(targetIds.map((id) => [id, (actsOf.get(id) ?? []).flatMap((act) => inAct.get(act) ?? []).filter((node) => node.id !== id)]));
  return rows.map((row) => ({
    moveTargets: targets.get(toNode(row.target).id) ?? [],
    link: toEdge(row.edge),
    from: toNode(row.source),
    to: toNode(row.target),
    act: row.act ? toNode(row.act) : null,
    effects: (row.effects as unknown[]).map(toEffect),
  }));
}

/** The ids of the suspect links among those joining the given nodes. */
export async function suspectAmong(tx: Tx, ids: string[]): Promise<Set<string>> {
  const rows = await tx.run(statements.suspectAmong, { ids });
  return new Set(rows.map((row) => toEdge(row.edge).id));
}

/** The link under review, read under the lock its caller holds, or null when there is none. */
export async function readLink(
  tx: Tx,
  from: string,
  to: string,
): Promise<{ props: Record<string, unknown>; from: GraphNode; to: GraphNode; actId: string | null; effects: LawEffect[] } | null> {
  const [row] = await tx.run(statements.link, { from, to });
  if (!row) return null;
  return {
    props: row.props as Record<string, unknown>,
    from: toNode(row.source),
    to: toNode(row.target),
    actId: (row.actId as string | null) ?? null,
    effects: (row.effects as unknown[]).map(toEffect),
  };
}

/** A node with the Act it is (an Authority) or belongs to (a Provision), or null when there is no such node. */
export async function actOf(tx: Tx, id: string): Promise<{ node: GraphNode; actId: string | null; actLegislationId: string | null } | null> {
  const [row] = await tx.run(statements.actOf, { id });
  if (!row) return null;
  return { node: toNode(row.node), actId: (row.actId as string | null) ?? null, actLegislationId: (row.actLegislationId as string | null) ?? null };
}

/** The legislation ids of the Acts whose effects touch the node. */
export async function affectingActs(tx: Tx, id: string): Promise<string[]> {
  const [row] = await tx.run(statements.affectingActs, { id });
  return (row?.ids as string[] | undefined) ?? [];
}

/** Sets review properties on the link (null removes one), stamped as written by `by` at `at`, one version on. */
export async function setReview(tx: Tx, from: string, to: string, changes: Record<string, unknown>, stamp: { by: string; at: string }): Promise<GraphEdge> {
  tx.changes({ links: [{ from, type: 'GIVES_EFFECT_TO', to }] });
  const [row] = await tx.run(statements.review, { from, to, changes, ...stamp });
  return toEdge(row!.edge);
}
