/**
 * Writes a validated batch of nodes and links (seed/FORMAT.md) in one transaction. MERGE on the
 * stable ids makes a second load of the same data change nothing; what is new to the graph is
 * CREATEd, which is the same result without looking for what cannot be there.
 */
import { cypher, int, type Gateway, type Row, type Statement, type Tx } from '../db/gateway.ts';
import type { GraphBatch } from '../import/seed-files.ts';
import { nodeLabels, relationshipTypes, type NodeLabel, type RelationshipType } from '../model.ts';

const CHUNK = 5_000;

// Labels and relationship types cannot be parameters, so there is one statement per label and
// per type, taken from the closed lists of the model.
const mergeNode = Object.fromEntries(
  [...nodeLabels].map((label) => [
    label,
    cypher(
      `load.mergeNode.${label}`,
      `UNWIND $rows AS props
       MERGE (n:Entity {id: props.id})
       SET n:${label}
       SET n = props`,
    ),
  ]),
) as Record<NodeLabel, Statement>;

const createNode = Object.fromEntries(
  [...nodeLabels].map((label) => [
    label,
    cypher(
      `load.createNode.${label}`,
      `UNWIND $rows AS props
       CREATE (n:Entity:${label})
       SET n = props`,
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
       SET r = row.props`,
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
       SET r = row.props`,
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

export const statements = {
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

export interface LoadProgress {
  (done: number, total: number, what: string): void;
}

/**
 * Writes every node, then every link, of `batch` in a single write transaction: all of it is
 * committed, or none of it. Reports progress per chunk written.
 */
export async function loadBatch(
  gateway: Gateway,
  batch: GraphBatch,
  progress: LoadProgress = () => {},
  /** More writes to commit in the same transaction, such as the record of an import. */
  alongside?: (tx: Tx) => Promise<void>,
): Promise<{ nodes: number; links: number }> {
  // A node or link given twice is written once, with its last properties, as MERGE then SET would.
  const nodes = [...new Map(batch.nodes.map((node) => [node.id, node])).values()];
  const links = [...new Map(batch.links.map((link) => [`${link.from} ${link.type} ${link.to}`, link])).values()];
  const total = nodes.length + links.length;
  await gateway.writeTransaction(async (tx) => {
    let done = 0;
    // Statements are sent without waiting for the one before: the database runs them in order
    // while the next are prepared and sent, instead of each side idling while the other works.
    const sent: Promise<void>[] = [];
    const write = (statement: Statement, rows: Row[], what: string) => {
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK);
        sent.push(
          tx.run(statement, { rows: chunk }).then(() => {
            done += chunk.length;
            progress(done, total, what);
          }),
        );
      }
    };
    const [found] = await tx.run(presentIds, { ids: nodes.map(({ id }) => id) });
    const present = new Set((found?.ids as string[] | undefined) ?? []);
    for (const [label, group] of groupBy(nodes, (node) => node.label)) {
      const rows = group.map(({ id, props }) => storable({ ...props, id }));
      write(createNode[label], rows.filter(({ id }) => !present.has(id as string)), `${label} nodes`);
      write(mergeNode[label], rows.filter(({ id }) => present.has(id as string)), `${label} nodes`);
    }
    // A link can only be there already if both its ends were.
    const isNew = (link: { from: string; to: string }) => !present.has(link.from) || !present.has(link.to);
    for (const [type, group] of groupBy(links, (link) => link.type)) {
      const rows = group.map(({ from, to, props }) => ({ from, to, props: storable(props) }));
      write(createLink[type], rows.filter(isNew), `${type} links`);
      write(mergeLink[type], rows.filter((link) => !isNew(link)), `${type} links`);
    }
    await Promise.all(sent);
    await alongside?.(tx);
  });
  return { nodes: nodes.length, links: links.length };
}
