import { requireRole } from '../../auth.ts';
import type { MutationResolvers } from '../../generated/graphql.ts';
import { moveLink as move } from '../../services/law-review.ts';

export const moveLink: MutationResolvers['moveLink'] = (_parent, { from, to, version, newTo, rationale }, { gateway, user }) =>
  move(gateway, requireRole(user, 'editor'), { from, to, version, newTo, rationale });
