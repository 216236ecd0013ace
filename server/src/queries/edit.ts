/**
 * The editing family's data access: the statements that create, change and delete nodes and
 * links, and the record of every change (who, when, what, why), written in the transaction that
 * makes it. The rules a write must pass are services/editing.ts's; it calls these inside one
 * write transaction, so the graph is left unchanged if anything fails.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { User } from '../user.ts';
import { cypher, type GraphChange, int, type Gateway, type Tx } from '../db/gateway.ts';
import type { Change, GraphEdge, GraphNode } from '../generated/graphql.ts';
import { acyclicChains, HIERARCHY, nodeLabels, relationshipTypes, type NodeLabel, type RelationshipType } from '../../../schema/graph-model.ts';
import { EDGE, NODE, toEdge, toNode, UNPLACED_ITEM } from './shapes.ts';
import { STAMP_NODE } from './versions.ts';

// Which kinds a person may create is the editing service's rule; a statement per label.
const createNodeOf = Object.fromEntries(
  nodeLabels.map((label) => [
    label,
    cypher(`edit.createNode.${label}`, `CREATE (n:Entity:${label}) SET n = $props, ${STAMP_NODE('n')} RETURN ${NODE('n')} AS node`),
  ]),
) as Record<NodeLabel, ReturnType<typeof cypher>>;

// Callers hold the lock on the start node (lockNode), so two writers never MERGE the same link at once.
const mergeLink = Object.fromEntries(
  relationshipTypes.map((type) => [
    type,
    cypher(
      `edit.mergeLink.${type}`,
      `MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to})
       MERGE (a)-[r:${type}]->(b)
       WITH r, r.version AS version
       SET r = $props, r.version = coalesce(version, 0) + 1
       RETURN ${EDGE('r')} AS edge`,
    ),
  ]),
) as Record<RelationshipType, ReturnType<typeof cypher>>;

const DEPENDS = 'GIVES_EFFECT_TO|CONTRIBUTES_TO|UNDERMINES|RESPONDS_TO|INFORMED_BY|CITES|MEASURED_BY|SUPERSEDES';

export const statements = {
  ...Object.fromEntries(Object.entries(createNodeOf).map(([label, statement]) => [`createNode.${label}`, statement])),
  ...Object.fromEntries(Object.entries(mergeLink).map(([type, statement]) => [`mergeLink.${type}`, statement])),
  find: cypher('edit.find', `MATCH (n:Entity {id: $id}) RETURN ${NODE('n')} AS node`),
  documentText: cypher('edit.documentText', 'MATCH (d:Document {id: $id}) RETURN d.content AS content'),
  update: cypher('edit.update', `MATCH (n:Entity {id: $id}) SET n += $changes, ${STAMP_NODE('n')} RETURN ${NODE('n')} AS node`),
  dependents: cypher(
    'edit.dependents',
    `MATCH (n:Entity {id: $id})
     CALL (n) {
       MATCH (n)-[:${HIERARCHY}]->(child) RETURN child AS dependent
       UNION
       MATCH (n)<-[r:${DEPENDS}]-(other) WHERE NOT r:MEASURED_BY RETURN other AS dependent
       UNION
       MATCH (n:Measure)<-[:MEASURED_BY]-(other) RETURN other AS dependent
     }
     RETURN ${NODE('dependent')} AS node ORDER BY dependent.id LIMIT 200`,
  ),
  descendants: cypher(
    'edit.descendants',
    `MATCH (n:Entity {id: $id})
     OPTIONAL MATCH (n)-[:${HIERARCHY}*1..6]->(d)
     WITH n, collect(DISTINCT d) AS below
     UNWIND [n] + below AS gone
     OPTIONAL MATCH (gone)-[:HAS_OBSERVATION]->(o:Observation)
     RETURN collect(DISTINCT gone.id) + collect(DISTINCT o.id) AS ids`,
  ),
  delete: cypher('edit.delete', 'MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n'),
  linksOf: cypher(
    'edit.linksOf',
    `MATCH (n:Entity) WHERE n.id IN $ids
     OPTIONAL MATCH (n)-[r]-(:Entity)
     WITH n, collect(CASE WHEN r IS NOT NULL THEN {from: startNode(r).id, type: type(r), to: endNode(r).id} END) AS links
     RETURN collect(DISTINCT coalesce(n.planId, CASE WHEN n:Plan THEN n.id END)) AS plans,
            reduce(all = [], some IN collect(links) | all + some) AS links,
            any(x IN collect(n) WHERE ${UNPLACED_ITEM('x')}) AS unplaced`,
  ),
  findLink: cypher(
    'edit.findLink',
    `MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) WHERE type(r) = $type RETURN ${EDGE('r')} AS edge, properties(r) AS props`,
  ),
  deleteLink: cypher('edit.deleteLink', 'MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) WHERE type(r) = $type DELETE r'),
  idTaken: cypher('edit.idTaken', 'MATCH (n:Entity) WHERE n.id STARTS WITH $base RETURN collect(n.id) AS ids'),
  record: cypher(
    'edit.record',
    `UNWIND $changes AS change
     CREATE (c:Change)
     SET c = change, c.at = $at, c.by = $by, c.role = $role`,
  ),
  history: cypher(
    'edit.history',
    `CALL () {
       MATCH (c:Change {subjectId: $id}) RETURN c
       UNION
       MATCH (c:Change {objectId: $id}) RETURN c
     }
     RETURN c {.*} AS change ORDER BY c.at DESC, c.id LIMIT $first`,
  ),
};

export interface ChangeRecord {
  operation: string;
  subjectId: string;
  objectId?: string | null;
  /** The relationship type, for a change to a link. */
  linkType?: string | null;
  summary: string;
  why?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Records changes in the transaction that makes them, so the history and the graph never
 * disagree: one record per node or link changed, all with the same who and when.
 */
export async function recordChanges(tx: Tx, user: User, changes: ChangeRecord[], at = new Date().toISOString()): Promise<void> {
  if (changes.length === 0) return;
  // History changes no answer.
  tx.changes({});
  await tx.run(statements.record, {
    at,
    by: user.name,
    role: user.role,
    changes: changes.map((change) => ({
      id: randomUUID(),
      operation: change.operation,
      subjectId: change.subjectId,
      objectId: change.objectId ?? null,
      linkType: change.linkType ?? null,
      summary: change.summary,
      why: change.why ?? null,
      before: change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === undefined ? null : JSON.stringify(change.after),
    })),
  });
}

/** Records one change; see recordChanges. */
export const recordChange = (tx: Tx, user: User, change: ChangeRecord, at?: string) => recordChanges(tx, user, [change], at);

/** The node with this id, or null. */
export async function findNode(tx: Tx, id: string): Promise<GraphNode | null> {
  const [row] = await tx.run(statements.find, { id });
  return row ? toNode(row.node) : null;
}

/** The node with this id as committed, or null: read in a transaction of its own. */
export async function readNode(gateway: Gateway, id: string): Promise<GraphNode | null> {
  const [row] = await gateway.read(statements.find, { id });
  return row ? toNode(row.node) : null;
}

/** `base`, or `base-2`, `base-3`… whichever no node has yet. */
export async function freeId(tx: Tx, base: string): Promise<string> {
  const [row] = await tx.run(statements.idTaken, { base });
  const taken = new Set((row?.ids as string[]) ?? []);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Whole numbers are stored as integers, as the loader stores them. */
const storable = (props: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(props).map(([key, value]) => [key, typeof value === 'number' && Number.isInteger(value) ? int(value) : value]));

/** Who writes and when, as every write stamps it. */
export interface Stamp {
  by: string;
  at: string;
}

/**
 * Creates a node of `label` with `props`, stamped as version 1. A create racing another of the
 * same id fails on the uniqueness constraint: the gateway reports that as CONFLICT.
 */
export async function insertNode(tx: Tx, label: NodeLabel, props: Record<string, unknown>, stamp: Stamp): Promise<GraphNode> {
  tx.changes({ nodes: [String(props.id)] });
  const [row] = await tx.run(createNodeOf[label], { props: storable(props), ...stamp });
  return toNode(row!.node);
}

/**
 * Creates or replaces the link of `type` from `from` to `to` with `props`, one version on. Callers
 * hold the lock on the start node (lockNode), so two writers never MERGE the same link at once.
 */
export async function writeLink(tx: Tx, type: RelationshipType, from: string, to: string, props: Record<string, unknown>): Promise<GraphEdge> {
  tx.changes({ links: [{ from, type, to }] });
  const [row] = await tx.run(mergeLink[type], { from, to, props });
  return toEdge(row!.edge);
}

/** The text of the document with this id; null when there is no such document. */
export async function documentText(tx: Tx, id: string): Promise<string | null> {
  const [document] = await tx.run(statements.documentText, { id });
  return document ? String(document.content ?? '') : null;
}

/** Sets (or, with null, removes) properties of a node, one version on. */
export async function setProperties(tx: Tx, id: string, changes: Record<string, unknown>, stamp: Stamp): Promise<GraphNode> {
  tx.changes({ nodes: [id] });
  const [row] = await tx.run(statements.update, { id, changes: storable(changes), ...stamp });
  return toNode(row!.node);
}

/** What depends on a node (the items under it and what links to it), at most 200. */
export async function dependentsOf(tx: Tx, id: string): Promise<GraphNode[]> {
  return (await tx.run(statements.dependents, { id })).map((row) => toNode(row.node));
}

/** Deletes a node with everything under it and their observations; returns the ids deleted. */
export async function deleteWithDescendants(tx: Tx, id: string): Promise<string[]> {
  const [row] = await tx.run(statements.descendants, { id });
  const ids = (row?.ids as string[]) ?? [id];
  // What goes: the plans its items were in and every link the deleted nodes had. An item in no
  // plan is left unsaid, so the change counts as one to anything.
  const [gone] = await tx.run(statements.linksOf, { ids });
  if (!gone?.unplaced) tx.changes({ plans: gone?.plans as string[], links: gone?.links as GraphChange['links'] });
  await tx.run(statements.delete, { ids });
  return ids;
}

const LinkRow = z.object({ edge: z.unknown(), props: z.record(z.string(), z.unknown()) });

/** A link as it is stored: the link, and all its properties (its version bookkeeping too). */
export interface StoredLink {
  edge: GraphEdge;
  props: Record<string, unknown>;
}

/** The link of `type` from `from` to `to`, if there is one. */
export async function findLink(tx: Tx, from: string, type: string, to: string): Promise<StoredLink | null> {
  const [row] = await tx.run(statements.findLink, { from, to, type });
  if (!row) return null;
  const { edge, props } = LinkRow.parse(row);
  return { edge: toEdge(edge), props };
}

/** Deletes the link of `type` from `from` to `to`. */
export async function removeLink(tx: Tx, from: string, type: string, to: string): Promise<void> {
  tx.changes({ links: [{ from, type, to }] });
  await tx.run(statements.deleteLink, { from, to, type });
}

/** Links that form chains a plan cannot loop through: SUPERSEDES and PART_OF. */
export const acyclicViaEdit = [...acyclicChains.supersedes, ...acyclicChains.partOf] as const;
type AcyclicType = (typeof acyclicViaEdit)[number];
const reaches = Object.fromEntries(
  acyclicViaEdit.map((type) => [
    type,
    cypher(`edit.reaches.${type}`, `MATCH p = (:Entity {id: $from})-[:${type}*1..50]->(:Entity {id: $to}) RETURN length(p) AS steps LIMIT 1`),
  ]),
) as Record<AcyclicType, ReturnType<typeof cypher>>;

/** Whether `from` already leads to `to` through links of `type`. */
export async function leadsTo(tx: Tx, type: AcyclicType, from: string, to: string): Promise<boolean> {
  const [path] = await tx.run(reaches[type], { from, to });
  return Boolean(path);
}

const ChangeRow = z.object({
  id: z.string(),
  at: z.string(),
  by: z.string(),
  operation: z.string(),
  summary: z.string(),
  why: z.string().nullable().optional(),
  before: z.string().nullable().optional(),
  after: z.string().nullable().optional(),
});

/** The changes recorded for a node, newest first. */
export async function history(gateway: Gateway, id: string, first: number): Promise<Change[]> {
  const rows = await gateway.read(statements.history, { id, first: int(first) });
  return rows.map((row) => {
    const change = ChangeRow.parse(row.change);
    return {
      ...change,
      why: change.why ?? null,
      before: change.before ? JSON.parse(change.before) : null,
      after: change.after ? JSON.parse(change.after) : null,
    };
  });
}
