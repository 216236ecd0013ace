/**
 * Versions: how concurrent writers are kept from overwriting each other. Every node and link
 * carries `version` (1 when written first, one more with every change) and who changed it last
 * and when (`changedBy`/`changedAt` on nodes; `by`/`at` on links, which always meant that).
 * An update or delete names the version it read; the write first takes the database's lock on
 * the node, then reads it again, so the version it compares and the "before" it records are
 * what is actually there, and a stale version is refused with a coded CONFLICT.
 */
import type { LinkKey } from '../../../schema/graph-model.ts';
import { cypher, type Tx } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { GraphNode } from '../generated/graphql.ts';
import { NODE, toNode, versionOf } from './shapes.ts';

/** Cypher that stamps node `n` as changed by `$by` at `$at`: use inside a SET clause. */
export const STAMP_NODE = (variable: string) =>
  `${variable}.version = coalesce(${variable}.version, 0) + 1, ${variable}.changedBy = $by, ${variable}.changedAt = $at`;

/** Cypher that stamps relationship `r`: its `by` and `at` already say who wrote it last. */
export const STAMP_LINK = (variable: string) => `${variable}.version = coalesce(${variable}.version, 0) + 1`;

export const statements = {
  // Setting a property takes the node's write lock until the transaction ends; the properties
  // returned are read after the lock is held, so no other writer can change them under us. A
  // node deleted by the writer that held the lock before has no properties left: no row.
  lockNode: cypher(
    'versions.lockNode',
    `MATCH (n:Entity {id: $id})
     SET n.lockedForWrite = true
     REMOVE n.lockedForWrite
     WITH n WHERE n.id = $id
     RETURN ${NODE('n')} AS node`,
  ),
  lastLinkDeletion: cypher(
    'versions.lastLinkDeletion',
    `MATCH (c:Change {subjectId: $from})
     WHERE c.objectId = $to AND c.linkType = $type AND c.operation IN ['DELETE_LINK', 'REJECT_SUGGESTION']
     RETURN c.by AS by, c.at AS at ORDER BY c.at DESC LIMIT 1`,
  ),
  lastDeletion: cypher(
    'versions.lastDeletion',
    `MATCH (c:Change {subjectId: $id})
     WHERE c.operation = 'DELETE_NODE'
     RETURN c.by AS by, c.at AS at ORDER BY c.at DESC LIMIT 1`,
  ),
};

/** Who changed something last and when, as the conflict message tells it. */
export interface LastChange {
  by: string | null;
  at: string | null;
}

/**
 * The node, read under its write lock, or null if there is none. Everything the transaction
 * reads of the node afterwards is current until it commits.
 */
export async function lockNode(tx: Tx, id: string): Promise<GraphNode | null> {
  // A lock changes no answer.
  tx.changes({});
  const [row] = await tx.run(statements.lockNode, { id });
  return row ? toNode(row.node) : null;
}

/** Who deleted (or rejected) the link last and when, if anyone did. */
export async function lastLinkDeletion(tx: Tx, from: string, type: string, to: string): Promise<LastChange | null> {
  const [row] = await tx.run(statements.lastLinkDeletion, { from, type, to });
  return row ? { by: (row.by as string | null) ?? null, at: (row.at as string | null) ?? null } : null;
}

/** Who deleted the node with this id last and when, if anyone did. */
export async function lastDeletion(tx: Tx, id: string): Promise<LastChange | null> {
  const [row] = await tx.run(statements.lastDeletion, { id });
  return row ? { by: (row.by as string | null) ?? null, at: (row.at as string | null) ?? null } : null;
}

const described = ({ by, at }: LastChange) => `${by ? `by ${by}` : 'by someone else'}${at ? ` at ${at}` : ''}`;

/** The refusal of a write that started from a version that is no longer current. */
export function staleVersion(what: string, field: string, read: number, current: number, last: LastChange): ExpectedError {
  return new ExpectedError(
    'CONFLICT',
    `${what} was changed ${described(last)} since you read it (you read version ${read}; it is now version ${current}). Reload it and apply your change again.`,
    { field, readVersion: read, currentVersion: current, changedBy: last.by, changedAt: last.at },
  );
}

/** The refusal of a write to something another writer deleted. */
export function deletedMeanwhile(what: string, field: string, last: LastChange): ExpectedError {
  return new ExpectedError('CONFLICT', `${what} was deleted ${described(last)}; your change was not applied.`, {
    field,
    deleted: true,
    changedBy: last.by,
    changedAt: last.at,
  });
}

/** The refusal of a create whose id another writer has just taken. */
export function idTaken(id: string, field: string, last: LastChange): ExpectedError {
  return new ExpectedError('CONFLICT', `${id} already exists: it was created or changed ${described(last)}. Choose another id, or reload and edit it.`, {
    field,
    changedBy: last.by,
    changedAt: last.at,
  });
}

/**
 * The node, read under its write lock, if it is still at the version the writer read. Refuses
 * with CONFLICT if it has changed or been deleted since, NOT_FOUND if it never existed.
 */
export async function lockAtVersion(tx: Tx, id: string, version: number, field = 'id'): Promise<GraphNode> {
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

/**
 * Refuses a change to a link that is not at the version the writer read: one that exists when
 * none was read (`read` null), one changed since, or one deleted since. `existing` is the link's
 * properties as read under the lock on its start node, or null when there is none.
 */
export async function checkLinkVersion(tx: Tx, link: LinkKey, existing: Record<string, unknown> | null, read: number | null, field: string): Promise<void> {
  const what = `The ${link.type} link from ${link.from} to ${link.to}`;
  if (!existing) {
    if (read !== null) throw deletedMeanwhile(what, field, (await lastLinkDeletion(tx, link.from, link.type, link.to)) ?? { by: null, at: null });
    return;
  }
  const current = versionOf(existing);
  const last = { by: typeof existing.by === 'string' ? existing.by : null, at: typeof existing.at === 'string' ? existing.at : null };
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
