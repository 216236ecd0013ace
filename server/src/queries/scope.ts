/**
 * Scope: which organisations a node belongs to, so a write by someone granted only some
 * organisations (User.scopes) is checked in the write's own transaction, after its locks.
 *
 * The rule, kept to what the graph states:
 * - an Organisation belongs to itself and to the organisations it is PART_OF, step by step up the
 *   chain (a directorate to its council), but never up into a partnership: a council that is
 *   part of a partnership is not the partnership's to change;
 * - a partnership (an Organisation of kind PARTNERSHIP) also belongs to its members: the
 *   organisations PART_OF or PARTNERS_WITH it;
 * - a Role belongs to the organisations it is PART_OF, as above;
 * - a Plan belongs to the organisations (and roles) that PUBLISH or OVERSEE it, as above;
 * - a priority, objective or action belongs to its plan's organisations (its `planId`);
 * - a Measure belongs to the organisations of the plans whose items are MEASURED_BY it;
 * - Evidence belongs to the organisations of the plans whose items RESPOND_TO it, and to the
 *   organisations or roles it, or the report it is a finding of, is ABOUT (and their plans).
 * Anything else (authorities and provisions, themes, documents, a measure or plan nothing links
 * yet) belongs to no organisation.
 */
import { cypher, type Tx } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { User } from '../user.ts';

/** An organisation a node belongs to. */
export interface Owner {
  id: string;
  title: string;
}

const statements = {
  organisationsOf: cypher(
    'scope.organisationsOf',
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     CALL (n) {
       WITH n,
            [x IN CASE WHEN n:Plan THEN [n.id] ELSE [] END
                + CASE WHEN n.planId IS NOT NULL THEN [n.planId] ELSE [] END
                + [(i:Entity)-[:MEASURED_BY|RESPONDS_TO]->(n) | coalesce(i.planId, CASE WHEN i:Plan THEN i.id END)]
              WHERE x IS NOT NULL] AS direct
       OPTIONAL MATCH (report:Evidence)-[:HAS_FINDING*0..]->(n:Evidence)
       OPTIONAL MATCH (report)-[:ABOUT]->(about:Entity)
       WITH n, direct,
            collect(coalesce(about.planId, CASE WHEN about:Plan THEN about.id END)) AS aboutPlans,
            collect(CASE WHEN about:Organisation OR about:Role THEN about END) AS aboutBodies
       OPTIONAL MATCH (body:Entity)-[:PUBLISHES|OVERSEES]->(p:Plan)
         WHERE p.id IN direct + aboutPlans AND (body:Organisation OR body:Role)
       WITH n, aboutBodies, collect(body) AS bodies
       UNWIND aboutBodies + bodies + CASE WHEN n:Organisation OR n:Role THEN [n] ELSE [] END AS anchor
       OPTIONAL MATCH chain = (anchor)-[:PART_OF*0..]->(up:Organisation)
         WHERE all(m IN nodes(chain)[1..] WHERE coalesce(m.kind, '') <> 'PARTNERSHIP')
       OPTIONAL MATCH (member:Organisation)-[:PART_OF|PARTNERS_WITH]->(anchor:Organisation {kind: 'PARTNERSHIP'})
       WITH collect(DISTINCT up) + collect(DISTINCT member) AS found
       UNWIND found AS owner
       WITH DISTINCT owner
       RETURN collect({ id: owner.id, title: coalesce(owner.title, owner.id) }) AS owners
     }
     RETURN n.id AS id, owners`,
  ),
};

/**
 * The organisations each of `ids` belongs to (see the rule above), by id; an id no node has is
 * left out. Read inside a write's transaction, after the write's locks are taken, so the answer
 * is the one the write is checked against.
 */
export async function organisationsOf(tx: Tx, ids: readonly string[]): Promise<Map<string, Owner[]>> {
  if (!ids.length) return new Map();
  const rows = await tx.run(statements.organisationsOf, { ids: [...new Set(ids)] });
  return new Map(rows.map((row) => [row.id as string, [...(row.owners as Owner[])].sort((a, b) => a.id.localeCompare(b.id))]));
}

const named = (owners: readonly Owner[]) =>
  owners.length ? owners.map(({ id, title }) => (title === id ? id : `${title} (${id})`)).join(', ') : 'no organisation';

/**
 * Refuses (FORBIDDEN) a write touching any of `ids` that `user` may not write: with scopes, a node
 * must belong to at least one of the organisations granted; without, the user may write anything.
 * The refusal names the first node out of scope and the organisations it belongs to (or "no
 * organisation"). Ids no node has are not checked: they are new, or the write refuses them itself.
 * With `unowned`, a node that belongs to no organisation passes too (the end of a link that hands
 * it to the start's organisation: a new plan being published).
 *
 * @example
 * await requireInScope(tx, user, [input.from]);
 * // FORBIDDEN: "caring-for-redbridge-2018/so1 belongs to Redbridge Council (org/redbridge-council),
 * //  not to an organisation Jane Smith may change (org/thurrock-council)."
 */
export async function requireInScope(
  tx: Tx,
  user: User,
  ids: readonly (string | null | undefined)[],
  { unowned = false }: { unowned?: boolean } = {},
): Promise<void> {
  if (!user.scopes) return;
  const granted = new Set(user.scopes);
  const owners = await organisationsOf(
    tx,
    ids.filter((id): id is string => typeof id === 'string'),
  );
  for (const [id, of] of owners) {
    if (of.some((owner) => granted.has(owner.id)) || (unowned && !of.length)) continue;
    throw new ExpectedError(
      'FORBIDDEN',
      `${id} belongs to ${named(of)}, not to an organisation ${user.name} may change (${user.scopes.join(', ') || 'none granted'}); nothing was written.`,
      { id, organisations: of.map((owner) => owner.id) },
    );
  }
}

/** Whether `user` may write for at least one of `ids` that is in the graph (always, without scopes). */
export async function anyInScope(tx: Tx, user: User, ids: readonly string[]): Promise<boolean> {
  if (!user.scopes) return true;
  const granted = new Set(user.scopes);
  return [...(await organisationsOf(tx, ids)).values()].some((of) => of.some((owner) => granted.has(owner.id)));
}
