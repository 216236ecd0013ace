import type { QueryResolvers } from '../../generated/graphql.ts';
import { search as searchGraph } from '../../services/search.ts';
import { pageOffset, pageSize } from './arguments.ts';

export const search: QueryResolvers['search'] = (_parent, { text, labels, first, offset }, { gateway }) =>
  searchGraph(gateway, text, labels ?? null, pageSize('first', first, 100), pageOffset('offset', offset));
