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
 * reviewing a link, changes the answer at once. It walks from each link to the effects on its
 * target, which the graph holds as relationships, so no index is needed. A retired link
 * (`retiredAt`) is kept for history but counts for nothing and is never suspect.
 */
import { z } from 'zod';
import { cypher, int, type Gateway, type Tx } from '../db/gateway.ts';
import type { GraphEdge, GraphNode } from '../generated/graphql.ts';
import { naturalSort } from '../natural-order.ts';
import { EDGE, NODE, toEdge, toNode } from './shapes.ts';

/** When an effect counts from: its latest in-force date, else when the service last changed it, else when it was loaded. */
const EFFECT_DATE = (effect: string) =>
  `coalesce(reduce(latest = null, day IN coalesce(${effect}.inForceDates, []) | CASE WHEN latest IS NULL OR day > latest THEN day ELSE latest END), ${effect}.modified, ${effect}.changedAt)`;

/**
 * Cypher for the list of effects that make link `link` to `target` suspect (empty when it is
 * not), latest first. Shared with the gap rule, so both always agree.
 */
export const UNREVIEWED_EFFECTS = (link: string, target: string) =>
  `COLLECT {
     MATCH (${target})<-[:AFFECTS]-(effect:Effect)
     WHERE ${link}.retiredAt IS NULL
       AND (NOT ${target}:Authority OR size(coalesce(effect.affectedProvisionIds, [])) = 0)
       AND ${EFFECT_DATE('effect')} > coalesce(${link}.reviewedAt, ${link}.at, '')
       AND NOT effect.id IN coalesce(${link}.reviewedEffectIds, [])
     WITH effect, ${EFFECT_DATE('effect')} AS date ORDER BY date DESC, effect.id
     RETURN effect {.*, date: date}
   }`;

/** A link that counts: not a suggestion nobody accepted, and not retired. */
export const LIVE_LINK = (link: string) => `coalesce(${link}.basis, 'STATED') <> 'SUGGESTED' AND ${link}.retiredAt IS NULL`;

export const statements = {
  suspectLinks: cypher(
    'lawReview.suspectLinks',
    `MATCH (x:Entity)-[g:GIVES_EFFECT_TO]->(law:Entity)
     WHERE ${LIVE_LINK('g')} AND ($planId IS NULL OR x.planId = $planId OR x.id = $planId)
     WITH x, g, law, ${UNREVIEWED_EFFECTS('g', 'law')} AS effects
     WHERE size(effects) > 0
     WITH x, g, law, effects ORDER BY effects[0].date DESC, x.id, law.id
     LIMIT $first
     RETURN ${EDGE('g')} AS edge, ${NODE('x')} AS source, ${NODE('law')} AS target,
            [(au:Authority)-[:HAS_PROVISION]->(law) | ${NODE('au')}][0] AS act, effects`,
  ),
  // Where each target's links may move: the Act and its provisions, and those of the Acts whose effects touched it.
  moveTargets: cypher(
    'lawReview.moveTargets',
    `UNWIND $ids AS id
     MATCH (law:Entity {id: id})
     OPTIONAL MATCH (au:Authority)-[:HAS_PROVISION]->(law)
     WITH law, [a IN [coalesce(au, CASE WHEN law:Authority THEN law END)] WHERE a IS NOT NULL] AS own,
          COLLECT { MATCH (law)<-[:AFFECTS]-(e:Effect) WHERE e.affectingLegislationId IS NOT NULL RETURN DISTINCT e.affectingLegislationId } AS affecting
     WITH law, own + COLLECT { MATCH (a:Authority) WHERE a.legislationId IN affecting RETURN a } AS acts
     RETURN law.id AS id, COLLECT {
       UNWIND acts AS act
       MATCH (act)-[:HAS_PROVISION*0..1]->(p:Entity) WHERE p <> law
       RETURN DISTINCT ${NODE('p')} AS node
     } AS targets`,
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
  const rows = await gateway.read(statements.suspectLinks, { planId, first: int(first) });
  const targetIds = [...new Set(rows.map((row) => toNode(row.target).id))];
  const targets = new Map(
    (await gateway.read(statements.moveTargets, { ids: targetIds })).map((row) => [
      row.id as string,
      naturalSort((row.targets as unknown[]).map(toNode), (node) => `${node.label === 'Authority' ? '' : (node.code ?? node.title)}`),
    ]),
  );
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
  const [row] = await tx.run(statements.review, { from, to, changes, ...stamp });
  return toEdge(row!.edge);
}
