import type { QueryResolvers } from '../../generated/graphql.ts';
import { parseAsAt } from '../../queries/as-at.ts';
import { coverage as measureCoverage } from '../../services/gaps.ts';

export const coverage: QueryResolvers['coverage'] = (_parent, { scope, asAt }, { gateway }) => measureCoverage(gateway, scope, parseAsAt(asAt));
