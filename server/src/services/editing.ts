/**
 * Editing: create, change and delete nodes and links. Every write is checked first (labels,
 * properties, where an item may sit, which labels a link joins, its basis, no cycle), then
 * written by the editing queries (queries/edit.ts) in one transaction together with the record
 * of the change, so the graph is left unchanged if anything fails. Writes to an existing node or
 * link lock it and read it again before comparing the version the writer read (queries/versions.ts).
 */
import type { z } from 'zod';
import type { User } from '../user.ts';
import type { Gateway, Tx } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { DeleteResult, GraphEdge, GraphNode, LinkInput, NodeInput } from '../generated/graphql.ts';
import { nodeSchemas } from '../import/seed-format.ts';
import {
  acyclicViaEdit,
  deleteWithDescendants,
  dependentsOf,
  documentText,
  findLink,
  findNode,
  freeId,
  insertNode,
  leadsTo,
  readNode,
  recordChange,
  recordChanges,
  removeLink,
  setProperties,
  writeLink,
} from '../queries/edit.ts';
import { managedByGraph } from '../queries/shapes.ts';
import { checkLinkVersion, idTaken, lockAtVersion, lockNode } from '../queries/versions.ts';
import { normaliseWhitespace } from '../text.ts';
import { hierarchyRuleOf, isNodeLabel, linkRuleOf, linkRules, planItemLabels, type NodeLabel, type RelationshipType } from '../../../schema/graph-model.ts';

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

const bad = (field: string, message: string) => new ExpectedError('BAD_USER_INPUT', `${field}: ${message}`, { field });

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
      const node = await insertNode(tx, label, props, stamp);
      if (parent) {
        const rule = hierarchyRuleOf(label)!;
        await writeLink(tx, rule.type, parent.id, id, { basis: 'CURATED', rationale: why ?? `Placed under ${parent.title}.`, ...stamp });
      }
      if (input.source) {
        const content = await documentText(tx, input.source.documentId);
        if (content === null)
          throw new ExpectedError('NOT_FOUND', `input.source.documentId: no document has the id ${input.source.documentId}.`, {
            field: 'input.source.documentId',
          });
        if (!normaliseWhitespace(content).includes(normaliseWhitespace(input.source.excerpt))) {
          throw bad('input.source.excerpt', 'is not found word for word in the document');
        }
        await writeLink(tx, 'SOURCED_FROM', id, input.source.documentId, {
          basis: 'STATED',
          section: input.source.section,
          excerpt: input.source.excerpt,
          documentId: input.source.documentId,
          ...stamp,
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
      const winner = await readNode(gateway, id);
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
    const updated = await setProperties(tx, id, changes, { by: user.name, at });
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
    const dependents = await dependentsOf(tx, id);
    if (dependents.length && !force) return { deleted: false, dependents };
    if (force && user.role !== 'admin') throw new ExpectedError('FORBIDDEN', `${user.name} is an editor; deleting a node others depend on needs an admin.`);
    const ids = await deleteWithDescendants(tx, id);
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

/** Refuses a SUPERSEDES or PART_OF link that would close a loop: a plan cannot supersede itself, an organisation cannot be part of itself. */
async function checkAcyclic(tx: Tx, type: RelationshipType, from: string, to: string): Promise<void> {
  const acyclic = acyclicViaEdit.find((candidate) => candidate === type);
  if (!acyclic) return;
  if (await leadsTo(tx, acyclic, to, from)) throw bad('to', `${to} already leads back to ${from} through ${type} links; this link would make a cycle`);
}

/** Writes a link with its basis (STATED with its source words, or CURATED with a rationale). */
export async function createLink(gateway: Gateway, user: User, input: LinkInput, why?: string | null): Promise<GraphEdge> {
  if (input.basis === 'SUGGESTED') throw bad('input.basis', 'suggestions come from suggestLinks; create a STATED or CURATED link');
  if (input.basis === 'CURATED' && !input.rationale?.trim()) throw bad('input.rationale', 'a CURATED link needs a rationale');
  if (input.basis === 'STATED' && !(input.section?.trim() && input.excerpt?.trim()))
    throw bad('input.excerpt', 'a STATED link needs the section and the words of the source that state it');
  return gateway.writeTransaction(async (tx) => {
    const [a, b, type] = await checkLink(tx, input.from, input.type, input.to);
    const existing = await findLink(tx, a.id, type, b.id);
    await checkLinkVersion(tx, { from: a.id, type, to: b.id }, existing?.props ?? null, input.version ?? null, 'input.version');
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
    const edge = await writeLink(tx, type, a.id, b.id, props);
    await recordChange(tx, user, {
      operation: 'CREATE_LINK',
      subjectId: a.id,
      objectId: b.id,
      linkType: type,
      summary: `${existing ? 'Changed' : 'Linked'} “${a.title}” ${type.toLowerCase().replaceAll('_', ' ')} “${b.title}” (${input.basis}).`,
      why,
      before: existing ? existing.props : undefined,
      after: props,
    });
    return edge;
  }, 'edit.createLink');
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
    const existing = await findLink(tx, from, type, to);
    if (!existing && version === null) throw new ExpectedError('NOT_FOUND', `There is no ${type} link from ${from} to ${to}.`);
    if (version !== null) await checkLinkVersion(tx, { from, type, to }, existing?.props ?? null, version, 'version');
    await removeLink(tx, from, type, to);
    await recordChange(tx, user, {
      operation,
      subjectId: from,
      objectId: to,
      linkType: type,
      summary: `Removed the ${type} link from ${from} to ${to}.`,
      why,
      before: { type, ...existing!.props },
    });
    return true;
  }, 'edit.deleteLink');
}
