import type { QueryResolvers } from '../../generated/graphql.ts';
import { impact as downstreamOf } from '../../queries/impact.ts';

export const impact: QueryResolvers['impact'] = (_parent, { id, maxDepth }, { gateway }) => downstreamOf(gateway, id, maxDepth ?? 4);
