import type { QueryResolvers } from '../../generated/graphql.ts';
import { history as changesOf } from '../../queries/edit.ts';
import { pageSize } from './arguments.ts';
import { signedIn } from './authors.ts';
import { requireNodes } from './known-node.ts';

/**
 * The changes recorded for a node (a deleted one keeps its history); NOT_FOUND when there is
 * neither. Who made each change is shown to signed-in users only: anonymous readers see what
 * changed, when and why, but not the staff member (or the server account) behind it.
 */
export const history: QueryResolvers['history'] = async (_parent, { id, first }, { gateway, user }) => {
  const changes = await changesOf(gateway, id, pageSize('first', first, 200, 50));
  if (changes.length === 0) await requireNodes(gateway, [id], 'id');
  return signedIn(user) ? changes : changes.map((change) => ({ ...change, by: null }));
};
