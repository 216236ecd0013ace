import type { QueryResolvers } from '../../generated/graphql.ts';
import { gaps as findGaps } from '../../queries/gaps.ts';

export const gaps: QueryResolvers['gaps'] = (_parent, { scope, codes, minSeverity, subject }, { gateway }) =>
  findGaps(gateway, scope, codes, minSeverity, subject);
