/**
 * The editing family: create, change and delete nodes and links. Every write is checked first
 * (labels, properties, link label pairs, basis), runs in one transaction together with the record
 * of the change (who, when, what, why), and leaves the graph unchanged if anything fails.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { User } from '../auth.ts';
import { cypher, int, type Gateway, type Row, type Tx } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { Change, DeleteResult, GraphEdge, GraphNode, LinkInput, NodeInput } from '../generated/graphql.ts';
import { nodeSchemas } from '../import/seed-format.ts';
import {
  acyclicChains,
  HIERARCHY,
  hierarchyRuleOf,
  isNodeLabel,
  linkRuleOf,
  linkRules,
  planItemLabels,
  relationshipTypes,
  type NodeLabel,
  type RelationshipType,
} from '../../../schema/graph-model.ts';
import { normaliseWhitespace } from '../text.ts';
import { EDGE, managedByGraph, NODE, toEdge, toNode, versionOf } from './shapes.ts';
import { deletedMeanwhile, idTaken, lastDeletion, lastLinkDeletion, lockNode, STAMP_NODE, staleVersion } from './versions.ts';

// Kinds a person can create; documents and observations arrive only by import.
type EditableLabel = keyof typeof nodeSchemas;
const editable = Object.keys(nodeSchemas) as EditableLabel[];

// Fields of the seed format that become links or nodes of their own, not properties.
const managed = ['id', 'label', 'title', 'source', 'parent', 'owner', 'themes', 'observations'] as const;

/** What a person may set on a node of each kind, all optional, unknown keys refused. */
function propertySchema(label: EditableLabel): z.ZodObject {
  const schema = nodeSchemas[label] as unknown as z.ZodObject;
  const mask = Object.fromEntries(managed.filter((key) => key in schema.shape).map((key) => [key, true as const]));
  return schema.omit(mask as Record<string, true> & Record<number, never>);
}

const createNodeOf = Object.fromEntries(
  editable.map((label) => [
    label,
    cypher(`edit.createNode.${label}`, `CREATE (n:Entity:${label}) SET n = $props, ${STAMP_NODE('n')} RETURN ${NODE('n')} AS node`),
  ]),
) as Record<EditableLabel, ReturnType<typeof cypher>>;

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

const bad = (field: string, message: string) => new ExpectedError('BAD_USER_INPUT', `${field}: ${message}`, { field });

async function findNode(tx: Tx, id: string): Promise<GraphNode | null> {
  const [row] = await tx.run(statements.find, { id });
  return row ? toNode(row.node) : null;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48) || 'item';

function checkProperties(label: EditableLabel, properties: unknown, field: string): Record<string, unknown> {
  const parsed = propertySchema(label)
    .partial()
    .safeParse(properties ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw bad([field, ...issue.path.map(String)].join('.'), issue.message);
  }
  return Object.fromEntries(Object.entries(parsed.data as Record<string, unknown>).filter(([, value]) => value !== undefined));
}

function requiredProperties(label: EditableLabel, properties: Record<string, unknown>, field: string): void {
  const full = propertySchema(label).safeParse(properties);
  if (!full.success) {
    const issue = full.error.issues.find((candidate) => candidate.code === 'invalid_type' || candidate.code === 'invalid_value');
    if (issue) throw bad([field, ...issue.path.map(String)].join('.'), `is required for a ${label}`);
  }
}

/** Creates a node under its parent, with its source if given, and records the change. */
export async function createNode(gateway: Gateway, user: User, input: NodeInput, why?: string | null): Promise<GraphNode> {
  if (!isNodeLabel(input.label) || !(editable as string[]).includes(input.label)) {
    throw bad('input.label', `must be one of ${editable.join(', ')}`);
  }
  const label = input.label as EditableLabel;
  const title = input.title.trim();
  if (!title) throw bad('input.title', 'must not be empty');
  if (title.length > 400) throw bad('input.title', 'must be at most 400 characters');
  const properties = checkProperties(label, input.properties, 'input.properties');
  requiredProperties(label, properties, 'input.properties');

  return gateway
    .writeTransaction(async (tx) => {
      let parent: GraphNode | null = null;
      if (input.parentId) {
        parent = await findNode(tx, input.parentId);
        const rule = hierarchyRuleOf(label);
        if (!parent) throw new ExpectedError('NOT_FOUND', `input.parentId: no node has the id ${input.parentId}.`, { field: 'input.parentId' });
        if (!rule) throw bad('input.parentId', `a ${label} does not sit under anything`);
        if (!rule.parents.includes(parent.label as NodeLabel))
          throw bad('input.parentId', `a ${label} sits under a ${rule.parents.join(' or ')}, not a ${parent.label}`);
      }
      const id = input.id ?? (await freeId(tx, `${parent ? parent.id : label.toLowerCase()}/${slug(title)}`));
      if (!/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9.-]*)*$/.test(id)) throw bad('input.id', 'must be a lowercase slug such as plan-2024/sp1');
      const taken = await findNode(tx, id);
      if (taken) throw idTaken(id, 'input.id', { by: taken.changedBy ?? null, at: taken.changedAt ?? null });

      const props: Record<string, unknown> = { ...properties, id, title, ...placementUnder(parent, label, id) };
      const stamp = { by: user.name, at: new Date().toISOString() };
      // A create racing another of the same id fails on the uniqueness constraint: the gateway
      // reports that as CONFLICT.
      const [row] = await tx.run(createNodeOf[label], { props: storable(props), ...stamp });
      const node = toNode(row!.node);
      if (parent) {
        const rule = hierarchyRuleOf(label)!;
        await tx.run(mergeLink[rule.type], {
          from: parent.id,
          to: id,
          props: { basis: 'CURATED', rationale: why ?? `Placed under ${parent.title}.`, ...stamp },
        });
      }
      if (input.source) {
        const [document] = await tx.run(statements.documentText, { id: input.source.documentId });
        if (!document)
          throw new ExpectedError('NOT_FOUND', `input.source.documentId: no document has the id ${input.source.documentId}.`, {
            field: 'input.source.documentId',
          });
        if (!normaliseWhitespace(String(document.content ?? '')).includes(normaliseWhitespace(input.source.excerpt))) {
          throw bad('input.source.excerpt', 'is not found word for word in the document');
        }
        await tx.run(mergeLink.SOURCED_FROM, {
          from: id,
          to: input.source.documentId,
          props: { basis: 'STATED', section: input.source.section, excerpt: input.source.excerpt, documentId: input.source.documentId, ...stamp },
        });
      }
      await recordChange(
        tx,
        user,
        { operation: 'CREATE_NODE', subjectId: id, summary: `Created ${label} “${title}”${parent ? ` under ${parent.title}` : ''}.`, why, after: props },
        stamp.at,
      );
      return node;
    }, 'edit.createNode')
    .catch(async (error: unknown) => {
      // Another writer committed the same id first: say who, now that their node can be read.
      const id = error instanceof ExpectedError && error.extensions.code === 'CONFLICT' ? error.extensions.id : undefined;
      if (typeof id !== 'string') throw error;
      const [row] = await gateway.read(statements.find, { id });
      const winner = row ? toNode(row.node) : null;
      throw idTaken(id, 'input.id', { by: winner?.changedBy ?? null, at: winner?.changedAt ?? null });
    });
}

/** Where a new hierarchy item sits, as the loader records it (seed-files.ts recordPlacement). */
function placementUnder(parent: GraphNode | null, label: EditableLabel, id: string): { planId?: string; topPriorityId?: string } {
  if (!parent || !(planItemLabels as readonly string[]).includes(label)) return {};
  if (parent.label === 'Plan') return { planId: parent.id, ...(label === 'Priority' ? { topPriorityId: id } : {}) };
  const topPriorityId = (parent.properties as Record<string, unknown>).topPriorityId;
  return { ...(parent.planId ? { planId: parent.planId } : {}), ...(typeof topPriorityId === 'string' ? { topPriorityId } : {}) };
}

/** Whole numbers are stored as integers, as the loader stores them. */
const storable = (props: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(props).map(([key, value]) => [key, typeof value === 'number' && Number.isInteger(value) ? int(value) : value]));

async function freeId(tx: Tx, base: string): Promise<string> {
  const [row] = await tx.run(statements.idTaken, { base });
  const taken = new Set((row?.ids as string[]) ?? []);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The node, read under its write lock, if it is still at the version the writer read. Refuses
 * with CONFLICT if it has changed or been deleted since, NOT_FOUND if it never existed.
 */
async function lockAtVersion(tx: Tx, id: string, version: number, field = 'id'): Promise<GraphNode> {
  const node = await lockNode(tx, id);
  if (!node) {
    const deletion = await lastDeletion(tx, id);
    if (deletion) throw deletedMeanwhile(id, field, deletion);
    throw new ExpectedError('NOT_FOUND', `No node has the id ${id}.`, { field });
  }
  if (node.version !== version)
    throw staleVersion(`“${node.title}”`, 'version', version, node.version, { by: node.changedBy ?? null, at: node.changedAt ?? null });
  return node;
}

/** Changes some properties of a node (null removes one), checked against its kind, if it is still at `version`. */
export async function updateNode(gateway: Gateway, user: User, id: string, version: number, properties: unknown, why?: string | null): Promise<GraphNode> {
  if (!properties || typeof properties !== 'object' || Array.isArray(properties)) throw bad('properties', 'must be an object of property names and values');
  return gateway.writeTransaction(async (tx) => {
    const node = await lockAtVersion(tx, id, version);
    if (!(editable as string[]).includes(node.label)) throw bad('id', `a ${node.label} cannot be edited; import its document again instead`);
    const label = node.label as EditableLabel;
    const entries = Object.entries(properties as Record<string, unknown>);
    const forbidden = entries.map(([key]) => key).filter((key) => (managedByGraph as readonly string[]).includes(key));
    if (forbidden.length) throw bad(`properties.${forbidden[0]}`, 'is managed by the graph and cannot be changed');
    const { title, ...rest } = Object.fromEntries(entries) as Record<string, unknown>;
    if (title !== undefined && (typeof title !== 'string' || !title.trim())) throw bad('properties.title', 'must be a non-empty text');
    const setting = checkProperties(label, Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== null)), 'properties');
    const current = node.properties as Record<string, unknown>;
    const merged = { ...current, ...setting };
    for (const [key, value] of Object.entries(rest)) if (value === null) delete merged[key];
    requiredProperties(
      label,
      Object.fromEntries(Object.entries(merged).filter(([key]) => key !== 'title' && !(managedByGraph as readonly string[]).includes(key))),
      'properties',
    );

    const changes: Record<string, unknown> = { ...setting, ...(title !== undefined ? { title: String(title).trim() } : {}) };
    for (const [key, value] of Object.entries(rest)) if (value === null) changes[key] = null;
    // Read under the lock: what this change actually replaces.
    const before = Object.fromEntries(Object.keys(changes).map((key) => [key, key === 'title' ? node.title : (current[key] ?? null)]));
    const at = new Date().toISOString();
    const [row] = await tx.run(statements.update, { id, changes: storable(changes), by: user.name, at });
    const updated = toNode(row!.node);
    await recordChange(
      tx,
      user,
      {
        operation: 'UPDATE_NODE',
        subjectId: id,
        summary: `Changed ${Object.keys(changes).join(', ')} of “${node.title}” (version ${updated.version}).`,
        why,
        before,
        after: changes,
      },
      at,
    );
    return updated;
  }, 'edit.updateNode');
}

/**
 * Deletes a node. If anything depends on it, nothing is deleted and the dependents are returned,
 * unless `force` (admins only), which deletes it with everything under it.
 */
export async function deleteNode(gateway: Gateway, user: User, id: string, version: number, force: boolean, why?: string | null): Promise<DeleteResult> {
  return gateway.writeTransaction(async (tx) => {
    const node = await lockAtVersion(tx, id, version);
    if (node.label === 'Document') throw bad('id', 'a source document cannot be deleted: every node it supports would lose its provenance');
    const dependents = (await tx.run(statements.dependents, { id })).map((row) => toNode(row.node));
    if (dependents.length && !force) return { deleted: false, dependents };
    if (force && user.role !== 'admin') throw new ExpectedError('FORBIDDEN', `${user.name} is an editor; deleting a node others depend on needs an admin.`);
    const [row] = await tx.run(statements.descendants, { id });
    const ids = (row?.ids as string[]) ?? [id];
    await tx.run(statements.delete, { ids });
    // Every node deleted gets its own record: the seed loader reads them to leave deleted items deleted.
    await recordChanges(tx, user, [
      {
        operation: 'DELETE_NODE',
        subjectId: id,
        summary: `Deleted ${node.label} “${node.title}”${ids.length > 1 ? ` and ${ids.length - 1} items under it` : ''}.`,
        why,
        before: { ...(node.properties as object), title: node.title, version: node.version, deletedIds: ids },
      },
      ...ids
        .filter((below) => below !== id)
        .map((below) => ({
          operation: 'DELETE_NODE',
          subjectId: below,
          objectId: id,
          summary: `Deleted with ${node.label} “${node.title}”, which it sat under.`,
          why,
        })),
    ]);
    return { deleted: true, dependents };
  }, 'edit.deleteNode');
}

const LinkRow = z.object({ edge: z.unknown(), props: z.record(z.string(), z.unknown()) });

/**
 * Checks a link's type and the labels it joins; returns both ends. The start node is locked, so
 * writes to its links are taken one at a time.
 */
async function checkLink(tx: Tx, from: string, type: string, to: string): Promise<[GraphNode, GraphNode, RelationshipType]> {
  const rule = linkRuleOf(type);
  if (!rule) throw bad('type', `must be one of ${Object.keys(linkRules).join(', ')}`);
  const [a, b] = [await lockNode(tx, from), await findNode(tx, to)];
  if (!a) throw new ExpectedError('NOT_FOUND', `from: no node has the id ${from}.`, { field: 'from' });
  if (!b) throw new ExpectedError('NOT_FOUND', `to: no node has the id ${to}.`, { field: 'to' });
  if (!rule.from.includes(a.label as NodeLabel)) throw bad('from', `a ${type} link starts at a ${rule.from.join(' or ')}, not a ${a.label}`);
  if (!rule.to.includes(b.label as NodeLabel)) throw bad('to', `a ${type} link ends at a ${rule.to.join(' or ')}, not a ${b.label}`);
  if (from === to) throw bad('to', 'a link cannot join a node to itself');
  return [a, b, type as RelationshipType];
}

/** Writes a link with its basis (STATED with its source words, or CURATED with a rationale). */
export async function createLink(gateway: Gateway, user: User, input: LinkInput, why?: string | null): Promise<GraphEdge> {
  if (input.basis === 'SUGGESTED') throw bad('input.basis', 'suggestions come from suggestLinks; create a STATED or CURATED link');
  if (input.basis === 'CURATED' && !input.rationale?.trim()) throw bad('input.rationale', 'a CURATED link needs a rationale');
  if (input.basis === 'STATED' && !(input.section?.trim() && input.excerpt?.trim()))
    throw bad('input.excerpt', 'a STATED link needs the section and the words of the source that state it');
  return gateway.writeTransaction(async (tx) => {
    const [a, b, type] = await checkLink(tx, input.from, input.type, input.to);
    const [existing] = await tx.run(statements.findLink, { from: a.id, to: b.id, type });
    await checkLinkVersion(tx, { from: a.id, type, to: b.id }, existing, input.version ?? null, 'input.version');
    await checkAcyclic(tx, type, a.id, b.id);
    const props = Object.fromEntries(
      Object.entries({
        basis: input.basis,
        rationale: input.rationale ?? null,
        section: input.section ?? null,
        excerpt: input.excerpt ?? null,
        by: user.name,
        at: new Date().toISOString(),
      }).filter(([, value]) => value !== null),
    );
    const [row] = await tx.run(mergeLink[type], { from: a.id, to: b.id, props });
    await recordChange(tx, user, {
      operation: 'CREATE_LINK',
      subjectId: a.id,
      objectId: b.id,
      linkType: type,
      summary: `${existing ? 'Changed' : 'Linked'} “${a.title}” ${type.toLowerCase().replaceAll('_', ' ')} “${b.title}” (${input.basis}).`,
      why,
      before: existing ? LinkRow.parse(existing).props : undefined,
      after: props,
    });
    return toEdge(row!.edge);
  }, 'edit.createLink');
}

/**
 * Refuses a change to a link that is not at the version the writer read: one that exists when
 * none was read (`read` null), one changed since, or one deleted since.
 */
async function checkLinkVersion(
  tx: Tx,
  link: { from: string; type: string; to: string },
  existing: Row | undefined,
  read: number | null,
  field: string,
): Promise<void> {
  const what = `The ${link.type} link from ${link.from} to ${link.to}`;
  if (!existing) {
    if (read !== null) throw deletedMeanwhile(what, field, (await lastLinkDeletion(tx, link.from, link.type, link.to)) ?? { by: null, at: null });
    return;
  }
  const { props } = LinkRow.parse(existing);
  const current = versionOf(props);
  const last = { by: typeof props.by === 'string' ? props.by : null, at: typeof props.at === 'string' ? props.at : null };
  if (read === null) {
    throw new ExpectedError(
      'CONFLICT',
      `${what} already exists (version ${current}, by ${last.by ?? 'someone else'}${last.at ? ` at ${last.at}` : ''}); give the version you read to change it.`,
      {
        field,
        currentVersion: current,
        changedBy: last.by,
        changedAt: last.at,
      },
    );
  }
  if (current !== read) throw staleVersion(what, field, read, current, last);
}

// Links that form chains a plan cannot loop through: a plan cannot supersede itself, an
// organisation cannot be part of itself.
const ACYCLIC_VIA_EDIT = [...acyclicChains.supersedes, ...acyclicChains.partOf] as const;
const reaches = Object.fromEntries(
  ACYCLIC_VIA_EDIT.map((type) => [
    type,
    cypher(`edit.reaches.${type}`, `MATCH p = (:Entity {id: $from})-[:${type}*1..50]->(:Entity {id: $to}) RETURN length(p) AS steps LIMIT 1`),
  ]),
) as Record<(typeof ACYCLIC_VIA_EDIT)[number], ReturnType<typeof cypher>>;

/** Refuses a SUPERSEDES or PART_OF link that would close a loop. */
async function checkAcyclic(tx: Tx, type: RelationshipType, from: string, to: string): Promise<void> {
  if (!(ACYCLIC_VIA_EDIT as readonly string[]).includes(type)) return;
  const [loop] = await tx.run(reaches[type as (typeof ACYCLIC_VIA_EDIT)[number]], { from: to, to: from });
  if (loop) throw bad('to', `${to} already leads back to ${from} through ${type} links; this link would make a cycle`);
}

/**
 * Deletes a link if it is still at `version` (null: whatever its version, for suggestions read
 * without one); NOT_FOUND if there is none.
 */
export async function deleteLink(
  gateway: Gateway,
  user: User,
  from: string,
  type: string,
  to: string,
  version: number | null,
  why?: string | null,
  operation = 'DELETE_LINK',
): Promise<boolean> {
  if (!linkRuleOf(type)) throw bad('type', `${type} links cannot be deleted one by one`);
  return gateway.writeTransaction(async (tx) => {
    await lockNode(tx, from);
    const [existing] = await tx.run(statements.findLink, { from, to, type });
    if (!existing && version === null) throw new ExpectedError('NOT_FOUND', `There is no ${type} link from ${from} to ${to}.`);
    if (version !== null) await checkLinkVersion(tx, { from, type, to }, existing, version, 'version');
    await tx.run(statements.deleteLink, { from, to, type });
    const { props } = LinkRow.parse(existing);
    await recordChange(tx, user, {
      operation,
      subjectId: from,
      objectId: to,
      linkType: type,
      summary: `Removed the ${type} link from ${from} to ${to}.`,
      why,
      before: { type, ...props },
    });
    return true;
  }, 'edit.deleteLink');
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
