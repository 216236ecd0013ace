import type { QueryResolvers } from '../../generated/graphql.ts';
import { plansPage } from '../../queries/plans.ts';

export const plans: QueryResolvers['plans'] = (_parent, { first, after, references }, { gateway }) =>
  plansPage(gateway, first ?? 50, after ?? null, references ?? false);
