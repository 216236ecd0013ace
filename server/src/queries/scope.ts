/**
 * Scope: which organisations a node belongs to, so a write by someone granted only some
 * organisations (User.scopes) is checked in the write's own transaction, after its locks, with
 * no other write able to commit until it has (organisationsOf).
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
import { isNodeLabel, type LinkKey } from '../../../schema/graph-model.ts';

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
  // The lock every write that changes data takes last, to stamp the graph's version (db/gateway.ts).
  lockGraph: cypher('scope.lockGraph', `MERGE (g:GraphState {id: 'graph'}) SET g.lockedForWrite = true REMOVE g.lockedForWrite`),
  labelsAndKinds: cypher('scope.labelsAndKinds', 'MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, labels(n) AS labels, n.kind AS kind'),
};

/**
 * The organisations each of `ids` belongs to (see the rule above), by id; an id no node has is
 * left out. Read inside a write's transaction, after the write's own locks and after taking the
 * lock on the graph's version node that every write takes to commit (db/gateway.ts): no write can
 * commit between this reading and the end of the write, so a change of publisher (or of anything
 * else the answer is read from) under way either commits first and is seen here, or waits.
 *
 * @remarks
 * Node locks alone would not do: Neo4j takes the locks of a relationship being deleted as the
 * deleting transaction commits, so a reader locking the plan or the link first is not kept from
 * reading the publisher the deletion is about to remove. The price is that a scoped write holds
 * that one lock from its check to its commit, so other writes wait to commit meanwhile; a
 * deadlock this may close is detected by Neo4j and the transaction tried again.
 */
export async function organisationsOf(tx: Tx, ids: readonly string[]): Promise<Map<string, Owner[]>> {
  if (!ids.length) return new Map();
  // A lock changes no answer.
  tx.changes({});
  await tx.run(statements.lockGraph);
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

/**
 * Whether a link makes its end belong to the start's organisations (the rule above): a plan
 * published or overseen, a measure an item is measured by, evidence an item responds to, or a
 * partnership joined. Such a link needs its end in scope too, or of no organisation yet
 * (requireInScope's `unowned`): otherwise linking one's own item to another council's measure or
 * report would make it one's own to change.
 */
export function handsOver(type: string, from: { label: string }, to: { kind?: unknown }): boolean {
  if (type === 'PART_OF' || type === 'PARTNERS_WITH') return from.label === 'Organisation' && to.kind === 'PARTNERSHIP';
  return type === 'PUBLISHES' || type === 'OVERSEES' || type === 'MEASURED_BY' || type === 'RESPONDS_TO';
}

/** A node's label and kind, as far as {@link handsOver} needs them. */
export type LabelAndKind = { label: string; kind?: unknown };

/**
 * The ends of `links` that the links hand to their start's organisations ({@link handsOver}), each
 * end's label and kind taken from `known` (the nodes a batch writes) or else read from the graph.
 */
export async function endsHandedOver(tx: Tx, links: readonly LinkKey[], known: ReadonlyMap<string, LabelAndKind>): Promise<string[]> {
  const unread = [...new Set(links.flatMap(({ from, to }) => [from, to]))].filter((id) => !known.has(id));
  const read = unread.length ? await tx.run(statements.labelsAndKinds, { ids: unread }) : [];
  const nodes = new Map<string, LabelAndKind>(known);
  for (const row of read) nodes.set(row.id as string, { label: (row.labels as string[]).find(isNodeLabel) ?? '', kind: row.kind });
  return links.filter(({ from, type, to }) => handsOver(type, nodes.get(from) ?? { label: '' }, nodes.get(to) ?? {})).map(({ to }) => to);
}

/** Whether `user` may write for at least one of `ids` that is in the graph (always, without scopes). */
export async function anyInScope(tx: Tx, user: User, ids: readonly string[]): Promise<boolean> {
  if (!user.scopes) return true;
  const granted = new Set(user.scopes);
  return [...(await organisationsOf(tx, ids)).values()].some((of) => of.some((owner) => granted.has(owner.id)));
}
