import { requireRole } from '../../auth.ts';
import type { MutationResolvers } from '../../generated/graphql.ts';
import { confirmLink as confirm } from '../../services/law-review.ts';

export const confirmLink: MutationResolvers['confirmLink'] = (_parent, { from, to, version, effectIds, why }, { gateway, user }) =>
  confirm(gateway, requireRole(user, 'editor'), { from, to, version, effectIds, why });
