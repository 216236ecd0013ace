import { requireRole } from '../../auth.ts';
import type { MutationResolvers } from '../../generated/graphql.ts';
import { acceptSuggestion as accept, rejectSuggestion as reject, suggestLinks as suggest } from '../../services/suggestions.ts';
import { pageSize } from '../resolvers/arguments.ts';

export const suggestLinks: MutationResolvers['suggestLinks'] = (_parent, { id, first }, { gateway, user }) =>
  suggest(gateway, requireRole(user, 'editor'), id, pageSize('first', first, 50, 10));

export const acceptSuggestion: MutationResolvers['acceptSuggestion'] = (_parent, { from, type, to, version, rationale }, { gateway, user }) =>
  accept(gateway, requireRole(user, 'editor'), { from, type, to }, version ?? null, rationale);

export const rejectSuggestion: MutationResolvers['rejectSuggestion'] = (_parent, { from, type, to, version, why }, { gateway, user }) =>
  reject(gateway, requireRole(user, 'editor'), { from, type, to }, version ?? null, why);
