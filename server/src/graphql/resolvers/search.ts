import type { QueryResolvers } from '../../generated/graphql.ts';
import { search as searchGraph } from '../../queries/search.ts';
import { pageSize } from './arguments.ts';

export const search: QueryResolvers['search'] = (_parent, { text, labels, first }, { gateway }) =>
  searchGraph(gateway, text, labels ?? null, pageSize('first', first, 100));
