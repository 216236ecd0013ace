/**
 * Writes a validated batch of nodes and links (seed/FORMAT.md) in one transaction. MERGE on the
 * stable ids makes a second load of the same data change nothing; what is new to the graph is
 * CREATEd, which is the same result without looking for what cannot be there. Every node and
 * link written is stamped with its next version and who wrote it (versions.ts); the seed loader
 * also records what it wrote, so its next load can tell a person's change from its own.
 */
import { cypher, int, type Gateway, type Row, type Statement, type Tx } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { GraphBatch } from '../graph-batch.ts';
import { acyclicChains, nodeLabels, relationshipTypes, type NodeLabel, type RelationshipType } from '../../../schema/graph-model.ts';
import { deletedMeanwhile, staleVersion } from './versions.ts';

const CHUNK = 5_000;

// Labels and relationship types cannot be parameters, so there is one statement per label and
// per type, taken from the closed lists of the model.
// A seed load ($seeded) records the version it wrote and a hash of what it wrote; any other load
// keeps what the seed loader recorded, so a person's import also counts as a person's change. An
// update of something a person has changed since it was seeded is skipped unless $force: the
// seed loader decides what to overwrite before it writes, and this guards the moment between.
const SEEDED = (variable: string) =>
  `${variable}.seededVersion = CASE WHEN $seeded THEN version ELSE seededVersion END,
   ${variable}.seedHash = CASE WHEN $seeded THEN row.hash ELSE seedHash END`;
const UNTOUCHED = (variable: string) => `($force OR coalesce(${variable}.version, 0) = coalesce(${variable}.seededVersion, 0))`;

const mergeNode = Object.fromEntries(
  [...nodeLabels].map((label) => [
    label,
    cypher(
      `load.mergeNode.${label}`,
      `UNWIND $rows AS row
       MERGE (n:Entity {id: row.props.id})
       WITH n, row, coalesce(n.version, 0) + 1 AS version, n.seededVersion AS seededVersion, n.seedHash AS seedHash
       WHERE ${UNTOUCHED('n')}
       SET n = row.props
       SET n:${label}, n.version = version, n.changedBy = $by, n.changedAt = $at, ${SEEDED('n')}`,
    ),
  ]),
) as Record<NodeLabel, Statement>;

const createNode = Object.fromEntries(
  [...nodeLabels].map((label) => [
    label,
    cypher(
      `load.createNode.${label}`,
      `UNWIND $rows AS row
       CREATE (n:Entity:${label})
       WITH n, row, 1 AS version, null AS seededVersion, null AS seedHash
       SET n = row.props, n.version = version, n.changedBy = $by, n.changedAt = $at, ${SEEDED('n')}`,
    ),
  ]),
) as Record<NodeLabel, Statement>;

const createLink = Object.fromEntries(
  [...relationshipTypes].map((type) => [
    type,
    cypher(
      `load.createLink.${type}`,
      `UNWIND $rows AS row
       MATCH (a:Entity {id: row.from})
       MATCH (b:Entity {id: row.to})
       CREATE (a)-[r:${type}]->(b)
       WITH r, row, 1 AS version, null AS seededVersion, null AS seedHash
       SET r = row.props, r.version = version, ${SEEDED('r')}`,
    ),
  ]),
) as Record<RelationshipType, Statement>;

const mergeLink = Object.fromEntries(
  [...relationshipTypes].map((type) => [
    type,
    cypher(
      `load.mergeLink.${type}`,
      `UNWIND $rows AS row
       MATCH (a:Entity {id: row.from})
       MATCH (b:Entity {id: row.to})
       MERGE (a)-[r:${type}]->(b)
       WITH r, row, coalesce(r.version, 0) + 1 AS version, r.seededVersion AS seededVersion, r.seedHash AS seedHash
       WHERE ${UNTOUCHED('r')}
       SET r = row.props, r.version = version, ${SEEDED('r')}`,
    ),
  ]),
) as Record<RelationshipType, Statement>;

const presentIds = cypher(
  'load.presentIds',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   RETURN collect(n.id) AS ids`,
);

const existingNodes = cypher(
  'load.existingNodes',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS label, properties(n) AS props`,
);

const existingLinks = cypher(
  'load.existingLinks',
  `UNWIND $links AS link
   MATCH (a:Entity {id: link.from})-[r]->(b:Entity {id: link.to})
   WHERE type(r) = link.type
   RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`,
);

// What a seed load needs to know of each item before it writes: is it there, has a person
// changed it since it was seeded, and did a person delete it. Items written before versions
// existed carry no seededVersion: for them a person's change is read from the history.
const PERSON_NODE_CHANGES = ['CREATE_NODE', 'UPDATE_NODE', 'DELETE_NODE', 'IMPORT'];
const PERSON_LINK_CHANGES = ['CREATE_LINK', 'DELETE_LINK', 'ACCEPT_SUGGESTION', 'REJECT_SUGGESTION', 'IMPORT'];

const seedNodeState = cypher(
  'load.seedNodeState',
  `UNWIND $ids AS id
   OPTIONAL MATCH (n:Entity {id: id})
   CALL (id) {
     OPTIONAL MATCH (c:Change {subjectId: id}) WHERE c.operation IN $operations AND c.linkType IS NULL
     RETURN c ORDER BY c.at DESC LIMIT 1
   }
   RETURN id, n IS NOT NULL AS present, n.version AS version, n.seededVersion AS seededVersion, n.seedHash AS seedHash,
          coalesce(n.changedBy, c.by) AS changedBy, coalesce(n.changedAt, c.at) AS changedAt, c.operation AS lastChange, c.by AS lastBy, c.at AS lastAt`,
);

const seedLinkState = cypher(
  'load.seedLinkState',
  `UNWIND $links AS link
   OPTIONAL MATCH (:Entity {id: link.from})-[r]->(:Entity {id: link.to}) WHERE type(r) = link.type
   CALL (link) {
     OPTIONAL MATCH (c:Change {subjectId: link.from}) WHERE c.objectId = link.to AND c.linkType = link.type AND c.operation IN $operations
     RETURN c ORDER BY c.at DESC LIMIT 1
   }
   RETURN link.from AS from, link.type AS type, link.to AS to, r IS NOT NULL AS present, r.version AS version, r.seededVersion AS seededVersion,
          r.seedHash AS seedHash, coalesce(r.by, c.by) AS changedBy, coalesce(r.at, c.at) AS changedAt, c.operation AS lastChange, c.by AS lastBy, c.at AS lastAt`,
);

const loadedDocuments = cypher(
  'load.loadedDocuments',
  `UNWIND $ids AS id
   MATCH (d:Document {id: id})
   RETURN d.id AS id, d.seedDocumentHash AS hash`,
);

const recordLoadedDocuments = cypher(
  'load.recordLoadedDocuments',
  `UNWIND $rows AS row
   MATCH (d:Document {id: row.id})
   SET d.seedDocumentHash = row.hash`,
);

// Chains no link may close into a loop (the model's acyclicChains), each type of a chain
// followed together.
const closesCycle = Object.fromEntries(
  Object.entries(acyclicChains).map(([name, types]) => [
    name,
    cypher(
      `load.closesCycle.${name}`,
      `UNWIND $links AS link
       MATCH (:Entity {id: link.to})-[:${types.join('|')}*1..60]->(:Entity {id: link.from})
       RETURN link.from AS from, link.type AS type, link.to AS to LIMIT 1`,
    ),
  ]),
) as Record<keyof typeof acyclicChains, Statement>;

const lockedVersions = cypher(
  'load.lockedVersions',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   SET n.lockedForWrite = true
   REMOVE n.lockedForWrite
   RETURN n.id AS id, coalesce(n.version, 0) AS version, n.changedBy AS changedBy, n.changedAt AS changedAt`,
);

export const statements = {
  ...prefixed('closesCycle', closesCycle),
  lockedVersions,
  seedNodeState,
  seedLinkState,
  loadedDocuments,
  recordLoadedDocuments,
  ...prefixed('node', mergeNode),
  ...prefixed('newNode', createNode),
  ...prefixed('link', mergeLink),
  ...prefixed('newLink', createLink),
  presentIds,
  existingNodes,
  existingLinks,
};

/** The nodes among `ids` already in the graph, with their label and properties. */
export async function findExistingNodes(gateway: Gateway, ids: string[]): Promise<Map<string, { label: string; props: Record<string, unknown> }>> {
  if (ids.length === 0) return new Map();
  const rows = await gateway.read(existingNodes, { ids });
  return new Map(rows.map((row) => [row.id as string, { label: row.label as string, props: row.props as Record<string, unknown> }]));
}

/** The links among `links` already in the graph, keyed "from type to", with their properties. */
export async function findExistingLinks(gateway: Gateway, links: { from: string; type: string; to: string }[]): Promise<Map<string, Record<string, unknown>>> {
  if (links.length === 0) return new Map();
  const rows = await gateway.read(existingLinks, { links: links.map(({ from, type, to }) => ({ from, type, to })) });
  return new Map(rows.map((row) => [`${row.from} ${row.type} ${row.to}`, row.props as Record<string, unknown>]));
}

function prefixed<T>(prefix: string, record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [`${prefix}.${key}`, value]));
}

/** Locks the nodes and refuses, with CONFLICT, if any is no longer at the version expected. */
async function checkVersions(tx: Tx, expected: ReadonlyMap<string, number>): Promise<void> {
  const rows = await tx.run(lockedVersions, { ids: [...expected.keys()] });
  const found = new Map(rows.map((row) => [row.id as string, row]));
  for (const [id, version] of expected) {
    const row = found.get(id);
    if (row && row.version === version) continue;
    const last = { by: (row?.changedBy as string | undefined) ?? null, at: (row?.changedAt as string | undefined) ?? null };
    throw row ? staleVersion(id, 'version', version, row.version as number, last) : deletedMeanwhile(id, 'version', last);
  }
}

/** Refuses, before the transaction commits, links that close a loop with what is in the graph. */
async function refuseCycles(tx: Tx, links: GraphBatch['links']): Promise<void> {
  for (const [name, types] of Object.entries(acyclicChains) as [keyof typeof acyclicChains, readonly RelationshipType[]][]) {
    const chained = links.filter(({ type }) => types.includes(type)).map(({ from, type, to }) => ({ from, type, to }));
    if (chained.length === 0) continue;
    const [loop] = await tx.run(closesCycle[name], { links: chained });
    if (loop)
      throw new ExpectedError(
        'BAD_USER_INPUT',
        `The ${loop.type} link from ${loop.from} to ${loop.to} would make a cycle: ${loop.to} already leads back to ${loop.from}. Nothing was written.`,
      );
  }
}

/** Whole numbers are stored as integers (a year, a position, a count), everything else as is. */
function storable(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).map(([key, value]) => [key, typeof value === 'number' && Number.isInteger(value) ? int(value) : value]));
}

function groupBy<T, K extends string>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export type LoadProgress = (done: number, total: number, what: string) => void;

/** What a seed load knows of an item already in the graph, or of one a person deleted. */
export interface SeedItemState {
  present: boolean;
  version: number | null;
  seededVersion: number | null;
  seedHash: string | null;
  changedBy: string | null;
  changedAt: string | null;
  /** The last change a person made to it through the API or an import, if any. */
  lastChange: { operation: string; by: string | null; at: string | null } | null;
}

function itemState(row: Row): SeedItemState {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const number = (value: unknown) => (typeof value === 'number' ? value : null);
  return {
    present: row.present === true,
    version: number(row.version),
    seededVersion: number(row.seededVersion),
    seedHash: text(row.seedHash),
    changedBy: text(row.changedBy),
    changedAt: text(row.changedAt),
    lastChange: typeof row.lastChange === 'string' ? { operation: row.lastChange, by: text(row.lastBy), at: text(row.lastAt) } : null,
  };
}

export const linkKey = (link: { from: string; type: string; to: string }) => `${link.from} ${link.type} ${link.to}`;

/** The state of every node and link of `batch` in the graph, keyed by id and by linkKey. */
export async function seedState(gateway: Gateway, batch: GraphBatch): Promise<{ nodes: Map<string, SeedItemState>; links: Map<string, SeedItemState> }> {
  const [nodeRows, linkRows] = await Promise.all([
    batch.nodes.length ? gateway.read(seedNodeState, { ids: batch.nodes.map(({ id }) => id), operations: PERSON_NODE_CHANGES }) : [],
    batch.links.length
      ? gateway.read(seedLinkState, { links: batch.links.map(({ from, type, to }) => ({ from, type, to })), operations: PERSON_LINK_CHANGES })
      : [],
  ]);
  return {
    nodes: new Map(nodeRows.map((row) => [row.id as string, itemState(row)])),
    links: new Map(linkRows.map((row) => [linkKey(row as { from: string; type: string; to: string }), itemState(row)])),
  };
}

/** The content hash recorded for each seed document when it was last loaded. */
export async function loadedDocumentHashes(gateway: Gateway, ids: string[]): Promise<Map<string, string | null>> {
  const rows = ids.length ? await gateway.read(loadedDocuments, { ids }) : [];
  return new Map(rows.map((row) => [row.id as string, typeof row.hash === 'string' ? row.hash : null]));
}

/** Records, in the load's transaction, the content hash of each seed document loaded. */
export async function recordDocumentHashes(tx: Tx, hashes: Map<string, string>): Promise<void> {
  await tx.run(recordLoadedDocuments, { rows: [...hashes].map(([id, hash]) => ({ id, hash })) });
}

export interface LoadOptions {
  progress?: LoadProgress;
  /** More writes to commit in the same transaction, such as the record of an import. */
  alongside?: (tx: Tx) => Promise<void>;
  /** Checks to run in the transaction before anything is written, after `expectVersions` locked the nodes; throwing writes nothing. */
  before?: (tx: Tx) => Promise<void>;
  /** Who writes, recorded on every node as changedBy (and when, as changedAt). */
  by?: string;
  /**
   * A seed load: records on each node and link the version written and its `hashes` entry (by
   * node id and by linkKey), so the next seed load can tell a person's change from its own.
   */
  seeded?: { hashes: Map<string, string> };
  /** Overwrite nodes and links a person changed since they were seeded (a deliberate reset). */
  force?: boolean;
  /**
   * The version of each existing node the batch was worked out from (a dry run's reading): the
   * nodes are locked first, and if any has changed since, nothing is written (CONFLICT).
   */
  expectVersions?: ReadonlyMap<string, number>;
  /** Refuse the batch if, written, its links close a cycle with links already in the graph. */
  checkCycles?: boolean;
}

/**
 * Writes every node, then every link, of `batch` in a single write transaction: all of it is
 * committed, or none of it. Reports progress per chunk written. Unless `force`, a seed load
 * leaves alone what a person changed since it was seeded.
 */
export async function loadBatch(gateway: Gateway, batch: GraphBatch, options: LoadOptions = {}): Promise<{ nodes: number; links: number }> {
  const { progress = () => {}, alongside, before, by = 'Data load', seeded, force = !seeded, expectVersions, checkCycles = false } = options;
  const hashOf = (key: string) => seeded?.hashes.get(key) ?? null;
  const shared = { by, at: new Date().toISOString(), seeded: Boolean(seeded), force };
  // A node or link given twice is written once, with its last properties, as MERGE then SET would.
  const nodes = [...new Map(batch.nodes.map((node) => [node.id, node])).values()];
  const links = [...new Map(batch.links.map((link) => [`${link.from} ${link.type} ${link.to}`, link])).values()];
  const total = nodes.length + links.length;
  await gateway.writeTransaction(async (tx) => {
    if (expectVersions?.size) await checkVersions(tx, expectVersions);
    await before?.(tx);
    let done = 0;
    // Statements are sent without waiting for the one before: the database runs them in order
    // while the next are prepared and sent, instead of each side idling while the other works.
    const sent: Promise<void>[] = [];
    const write = (statement: Statement, rows: Row[], what: string) => {
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK);
        sent.push(
          tx.run(statement, { ...shared, rows: chunk }).then(() => {
            done += chunk.length;
            progress(done, total, what);
          }),
        );
      }
    };
    // Links may join nodes the batch does not write (a seed load skips unchanged nodes).
    const ends = links.flatMap(({ from, to }) => [from, to]);
    const [found] = await tx.run(presentIds, { ids: [...new Set([...nodes.map(({ id }) => id), ...ends])] });
    const present = new Set((found?.ids as string[] | undefined) ?? []);
    for (const [label, group] of groupBy(nodes, (node) => node.label)) {
      const rows = group.map(({ id, props }) => ({ id, props: storable({ ...props, id }), hash: hashOf(id) }));
      write(
        createNode[label],
        rows.filter(({ id }) => !present.has(id)),
        `${label} nodes`,
      );
      write(
        mergeNode[label],
        rows.filter(({ id }) => present.has(id)),
        `${label} nodes`,
      );
    }
    // A link can only be there already if both its ends were.
    const isNew = (link: { from: string; to: string }) => !present.has(link.from) || !present.has(link.to);
    for (const [type, group] of groupBy(links, (link) => link.type)) {
      const rows = group.map((link) => ({ from: link.from, to: link.to, props: storable(link.props), hash: hashOf(linkKey(link)) }));
      write(createLink[type], rows.filter(isNew), `${type} links`);
      write(
        mergeLink[type],
        rows.filter((link) => !isNew(link)),
        `${type} links`,
      );
    }
    await Promise.all(sent);
    if (checkCycles) await refuseCycles(tx, links);
    await alongside?.(tx);
  }, 'load.loadBatch');
  return { nodes: nodes.length, links: links.length };
}
