import type { QueryResolvers } from '../../generated/graphql.ts';
import { storedSuggestions } from '../../queries/suggestions.ts';

export const suggestions: QueryResolvers['suggestions'] = (_parent, { id }, { gateway }) => storedSuggestions(gateway, id);
