import type { QueryResolvers } from '../../generated/graphql.ts';
import { suspectLinks as suspect } from '../../queries/law-review.ts';
import { pageSize } from './arguments.ts';

export const suspectLinks: QueryResolvers['suspectLinks'] = (_parent, { planId, first }, { gateway }) =>
  suspect(gateway, planId ?? null, pageSize('first', first, 1000, 200));
