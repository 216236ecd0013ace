import { requireRole } from '../../auth.ts';
import type { MutationResolvers } from '../../generated/graphql.ts';
import { retireLink as retire } from '../../services/law-review.ts';

export const retireLink: MutationResolvers['retireLink'] = (_parent, { from, to, version, reason }, { gateway, user }) =>
  retire(gateway, requireRole(user, 'editor'), { from, to, version, reason });
