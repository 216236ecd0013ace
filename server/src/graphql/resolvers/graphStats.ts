import type { QueryResolvers } from '../../generated/graphql.ts';
import { graphStats as readGraphStats } from '../../queries/stats.ts';

export const graphStats: QueryResolvers['graphStats'] = (_parent, _args, { gateway }) => readGraphStats(gateway);
