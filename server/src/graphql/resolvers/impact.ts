import type { QueryResolvers } from '../../generated/graphql.ts';
import { parseAsAt } from '../../queries/as-at.ts';
import { impact as downstreamOf } from '../../queries/impact.ts';

export const impact: QueryResolvers['impact'] = (_parent, { id, maxDepth, asAt }, { gateway }) => downstreamOf(gateway, id, maxDepth ?? 4, parseAsAt(asAt));
