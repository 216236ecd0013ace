import type { Gateway } from '../../db/gateway.ts';
import { ExpectedError } from '../../errors.ts';
import { nodesById } from '../../queries/nodes.ts';

/**
 * Resolves when a node has each of `ids`, or fails with NOT_FOUND naming the first unknown id
 * and the argument. For answers where an empty result would not tell "nothing there" from "no
 * such item".
 */
export async function requireNodes(gateway: Gateway, ids: readonly string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = await nodesById(gateway, ids);
  const unknown = ids.find((id) => !found.has(id));
  if (unknown !== undefined) throw new ExpectedError('NOT_FOUND', `${field}: no node has the id ${unknown}.`, { field });
}
