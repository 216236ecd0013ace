import type { QueryResolvers } from '../../generated/graphql.ts';
import { storedSuggestions } from '../../queries/suggestions.ts';
import { requireNodes } from './known-node.ts';

export const suggestions: QueryResolvers['suggestions'] = async (_parent, { id }, { gateway }) => {
  const stored = await storedSuggestions(gateway, id);
  if (stored.length === 0) await requireNodes(gateway, [id], 'id');
  return stored;
};
