/**
 * Editing: create, change and delete nodes and links. Every write is checked first (labels,
 * properties, where an item may sit, which labels a link joins, its basis, no cycle), then
 * written by the editing queries (queries/edit.ts) in one transaction together with the record
 * of the change, so the graph is left unchanged if anything fails. Writes to an existing node or
 * link lock it and read it again before comparing the version the writer read (queries/versions.ts).
 */
import type { User } from '../user.ts';
import type { Gateway, Tx } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { CitedProvisionLink, DeleteResult, GraphEdge, GraphNode, LinkInput, LinkType, NodeInput } from '../generated/graphql.ts';
import { nodeSchemas } from '../import/seed-format.ts';
import { provisionNodeId } from '../legislation/identifiers.ts';
import { resolveProvisionCitation } from './search.ts';
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
import { handsOver, requireInScope } from '../queries/scope.ts';
import { checkLinkVersion, idTaken, lockAtVersion, lockNode } from '../queries/versions.ts';
import {
  checkGraphManaged,
  checkLink,
  checkNodeProperties,
  checkNoSelfLink,
  checkParent,
  excerptFinder,
  recordPlacement,
  type Fault,
  type LabelFault,
} from '../rules/index.ts';
import { isNodeLabel, linkRuleOf, linkRules, type HierarchyRule, type LinkKey, type RelationshipType } from '../../../schema/graph-model.ts';

// Kinds a person can create; documents and observations arrive only by import.
type EditableLabel = keyof typeof nodeSchemas;
const editable = Object.keys(nodeSchemas) as EditableLabel[];

const bad = (field: string, message: string) => new ExpectedError('BAD_USER_INPUT', `${field}: ${message}`, { field });

/** A rule's fault as an edit's error: the field it names is `field` followed by the fault's path. */
const badAt = (field: string, fault: Fault) => bad([field, ...fault.at.map(String)].join('.'), fault.message);

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48) || 'item';

/** The properties given, checked against the kind's schema (rules/properties.ts); the first fault is thrown. */
function checkProperties(label: EditableLabel, properties: unknown, field: string): Record<string, unknown> {
  const { props, faults } = checkNodeProperties(label, properties, { partial: true });
  if (faults[0]) throw badAt(field, faults[0]);
  return props;
}

/**
 * Every property the kind requires is among `properties`. Only a missing one is refused: a value
 * the graph already holds is not re-judged when another property changes.
 */
function requiredProperties(label: EditableLabel, properties: Record<string, unknown>, field: string): void {
  const missing = checkNodeProperties(label, properties, { partial: false }).faults.find((fault) => fault.message === `is required for a ${label}`);
  if (missing) throw badAt(field, missing);
}

/** Creates a node under its parent, with its source if given, and records the change. */
export async function createNode(gateway: Gateway, user: User, input: NodeInput, why?: string | null): Promise<GraphNode> {
  return gateway
    .writeTransaction((tx) => addNode(tx, user, input, why), 'edit.createNode')
    .catch(async (error: unknown) => {
      // Another writer committed the same id first: say who, now that their node can be read.
      const id = error instanceof ExpectedError && error.extensions.code === 'CONFLICT' ? error.extensions.id : undefined;
      if (typeof id !== 'string') throw error;
      const winner = await readNode(gateway, id);
      throw idTaken(id, 'input.id', { by: winner?.changedBy ?? null, at: winner?.changedAt ?? null });
    });
}

/** How {@link addNode} places a node: why (the placing link's rationale), and whether a parent of no organisation (law) may take it from a scoped writer. */
interface Placing {
  because?: string;
  unownedParent?: boolean;
}

/** createNode's checks and writes, inside the caller's transaction. */
async function addNode(tx: Tx, user: User, input: NodeInput, why?: string | null, placing: Placing = {}): Promise<GraphNode> {
  if (!isNodeLabel(input.label) || !(editable as string[]).includes(input.label)) {
    throw bad('input.label', `must be one of ${editable.join(', ')}`);
  }
  const label = input.label as EditableLabel;
  const title = input.title.trim();
  if (!title) throw bad('input.title', 'must not be empty');
  if (title.length > 400) throw bad('input.title', 'must be at most 400 characters');
  const properties = checkProperties(label, input.properties, 'input.properties');
  requiredProperties(label, properties, 'input.properties');
  let parent: GraphNode | null = null;
  let placingRule: HierarchyRule | undefined;
  if (input.parentId) {
    parent = await findNode(tx, input.parentId);
    if (!parent) throw new ExpectedError('NOT_FOUND', `input.parentId: no node has the id ${input.parentId}.`, { field: 'input.parentId' });
    // A new item belongs where its parent does; one with no parent belongs to no organisation yet.
    await requireInScope(tx, user, [parent.id], { unowned: placing.unownedParent ?? false });
    const { rule, faults } = checkParent(label, { id: parent.id, label: parent.label });
    if (!rule) throw bad('input.parentId', `a ${label} does not sit under anything`);
    placingRule = rule;
    const misplaced = (faults as LabelFault[]).find((fault) => fault.allowed && fault.label);
    if (misplaced) throw bad('input.parentId', `a ${label} sits under a ${misplaced.allowed!.join(' or ')}, not a ${misplaced.label}`);
  }
  const id = input.id ?? (await freeId(tx, `${parent ? parent.id : label.toLowerCase()}/${slug(title)}`));
  if (!/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9.-]*)*$/.test(id)) throw bad('input.id', 'must be a lowercase slug such as plan-2024/sp1');
  const taken = await findNode(tx, id);
  if (taken) throw idTaken(id, 'input.id', { by: taken.changedBy ?? null, at: taken.changedAt ?? null });

  const props: Record<string, unknown> = { ...properties, id, title };
  // The new item sits where its parent does (the parent is the top of what this write sees).
  if (parent) {
    const above = parent;
    recordPlacement(
      [{ id, label, props }],
      (node) => (node === id ? above.id : undefined),
      () => ({ label: above.label, props: above.properties as Record<string, unknown> }),
    );
  }
  const stamp = { by: user.name, at: new Date().toISOString() };
  const node = await insertNode(tx, label, props, stamp);
  if (parent && placingRule) {
    await writeLink(tx, placingRule.type, parent.id, id, {
      basis: 'CURATED',
      rationale: placing.because ?? why ?? `Placed under ${parent.title}.`,
      ...stamp,
    });
  }
  if (input.source) {
    const content = await documentText(tx, input.source.documentId);
    if (content === null)
      throw new ExpectedError('NOT_FOUND', `input.source.documentId: no document has the id ${input.source.documentId}.`, {
        field: 'input.source.documentId',
      });
    if (!excerptFinder(content)(input.source.excerpt)) {
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
}

/** Changes some properties of a node (null removes one), checked against its kind, if it is still at `version`. */
export async function updateNode(gateway: Gateway, user: User, id: string, version: number, properties: unknown, why?: string | null): Promise<GraphNode> {
  if (!properties || typeof properties !== 'object' || Array.isArray(properties)) throw bad('properties', 'must be an object of property names and values');
  return gateway.writeTransaction(async (tx) => {
    const node = await lockAtVersion(tx, id, version);
    await requireInScope(tx, user, [id]);
    if (!(editable as string[]).includes(node.label)) throw bad('id', `a ${node.label} cannot be edited; import its document again instead`);
    const label = node.label as EditableLabel;
    const entries = Object.entries(properties as Record<string, unknown>);
    const [forbidden] = checkGraphManaged(Object.fromEntries(entries));
    if (forbidden) throw badAt('properties', forbidden);
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
    await requireInScope(tx, user, [id]);
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
async function lockLinkEnds(tx: Tx, from: string, type: string, to: string): Promise<[GraphNode, GraphNode, RelationshipType]> {
  if (!linkRuleOf(type)) throw bad('type', `must be one of ${Object.keys(linkRules).join(', ')}`);
  const [a, b] = [await lockNode(tx, from), await findNode(tx, to)];
  if (!a) throw new ExpectedError('NOT_FOUND', `from: no node has the id ${from}.`, { field: 'from' });
  if (!b) throw new ExpectedError('NOT_FOUND', `to: no node has the id ${to}.`, { field: 'to' });
  for (const fault of checkLink(type, { id: a.id, label: a.label }, { id: b.id, label: b.label }) as LabelFault[]) {
    const [end] = fault.at;
    if (fault.allowed && fault.label)
      throw bad(String(end), `a ${type} link ${end === 'from' ? 'starts' : 'ends'} at a ${fault.allowed.join(' or ')}, not a ${fault.label}`);
  }
  const [self] = checkNoSelfLink(from, to);
  if (self) throw bad(self.at.join('.'), self.message);
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
  return gateway.writeTransaction((tx) => addLink(tx, user, input, why), 'edit.createLink');
}

/** createLink's checks and writes, inside the caller's transaction. */
async function addLink(tx: Tx, user: User, input: LinkInput, why?: string | null): Promise<GraphEdge> {
  if (input.basis === 'SUGGESTED') throw bad('input.basis', 'suggestions come from suggestLinks; create a STATED or CURATED link');
  if (input.basis === 'CURATED' && !input.rationale?.trim()) throw bad('input.rationale', 'a CURATED link needs a rationale');
  if (input.basis === 'STATED' && !(input.section?.trim() && input.excerpt?.trim()))
    throw bad('input.excerpt', 'a STATED link needs the section and the words of the source that state it');
  const [a, b, type] = await lockLinkEnds(tx, input.from, input.type, input.to);
  // The start must be the writer's; linking to national law or another council's item is
  // allowed, but a link that hands its end to the start's organisation needs the end too.
  await requireInScope(tx, user, [a.id]);
  if (handsOver(type, a, b)) await requireInScope(tx, user, [b.id], { unowned: true });
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
}

/** What {@link linkToCitedProvision} is asked to write. */
export interface CitedProvisionInput {
  from: string;
  citation: string;
  type: LinkType;
  rationale: string;
}

/**
 * Links an item to the one provision a citation names, creating the Provision under its Authority
 * when the graph does not hold it yet, and the Authority from the catalogue when the graph does
 * not hold that either: one transaction, through createNode's and createLink's checks, each write
 * recorded. The new Provision has the id the importer and the legislation update give it
 * (provisionNodeId) and is CURATED by the writer, "Cited as" the citation.
 *
 * @remarks
 * Law belongs to no organisation. A scoped editor may add a provision to it, or an Act from the
 * catalogue, when linking an item of their own (the link's start is checked as every link's is):
 * citing the law is how their item is tied to it, and nothing of another organisation changes.
 */
export async function linkToCitedProvision(gateway: Gateway, user: User, input: CitedProvisionInput, why?: string | null): Promise<CitedProvisionLink> {
  if (!input.rationale.trim()) throw bad('rationale', 'a CURATED link needs a rationale');
  const cited = await resolveProvisionCitation(gateway, input.citation);
  const because = `Cited as “${input.citation.trim()}”.`;
  return gateway.writeTransaction(async (tx) => {
    await requireInScope(tx, user, [input.from]);
    const { entry } = cited;
    let authority = (cited.authority && (await findNode(tx, cited.authority.id))) ?? (await findNode(tx, entry.id));
    const createdAuthority = !authority;
    authority ??= await addNode(
      tx,
      user,
      {
        label: 'Authority',
        id: entry.id,
        title: entry.title,
        properties: {
          kind: entry.kind,
          citedAs: cited.citedAs,
          ...(entry.legislationId ? { legislationId: entry.legislationId } : {}),
          ...(entry.year ? { year: entry.year } : {}),
        },
      },
      why ?? because,
    );
    const id = cited.held?.id ?? provisionNodeId(authority.id, cited.provision);
    let provision = await findNode(tx, id);
    if (provision && provision.label !== 'Provision') throw bad('citation', `${id} is a ${provision.label}, not a provision of the ${authority.title}`);
    const createdProvision = !provision;
    provision ??= await addNode(
      tx,
      user,
      { label: 'Provision', id, title: `${cited.code} ${authority.title}`, parentId: authority.id, properties: { code: cited.code } },
      why ?? because,
      { because, unownedParent: true },
    );
    const link = await addLink(tx, user, { from: input.from, type: input.type, to: provision.id, basis: 'CURATED', rationale: input.rationale.trim() }, why);
    return { provision, link, createdProvision, createdAuthority };
  }, 'edit.linkToCitedProvision');
}

/**
 * Deletes a link if it is still at `version` (null: whatever its version, for suggestions read
 * without one); NOT_FOUND if there is none.
 */
export async function deleteLink(
  gateway: Gateway,
  user: User,
  link: LinkKey,
  version: number | null,
  why?: string | null,
  operation = 'DELETE_LINK',
): Promise<boolean> {
  const { from, type, to } = link;
  if (!linkRuleOf(type)) throw bad('type', `${type} links cannot be deleted one by one`);
  return gateway.writeTransaction(async (tx) => {
    await lockNode(tx, from);
    await requireInScope(tx, user, [from]);
    const existing = await findLink(tx, from, type, to);
    if (!existing && version === null) throw new ExpectedError('NOT_FOUND', `There is no ${type} link from ${from} to ${to}.`);
    if (version !== null) await checkLinkVersion(tx, link, existing?.props ?? null, version, 'version');
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
