import type { QueryResolvers } from '../../generated/graphql.ts';
import { planHierarchy as hierarchyOf } from '../../queries/plans.ts';

export const planHierarchy: QueryResolvers['planHierarchy'] = (_parent, { id }, { gateway }) => hierarchyOf(gateway, id);
