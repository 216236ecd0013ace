import type { QueryResolvers } from '../../generated/graphql.ts';
import { coverage as measureCoverage } from '../../services/gaps.ts';

export const coverage: QueryResolvers['coverage'] = (_parent, { scope }, { gateway }) => measureCoverage(gateway, scope);
