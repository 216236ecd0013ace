import type { GapRuleResolvers } from '../../generated/graphql.ts';
import { findingCounts, findingsPage } from '../../services/gaps.ts';
import { pageOffset, pageSize } from './arguments.ts';

export const GapRule: GapRuleResolvers = {
  findingCount: (rule) => findingCounts(rule).findingCount,
  informationCount: (rule) => findingCounts(rule).informationCount,
  findings: (rule, { first, offset, severity }, { gateway }) =>
    findingsPage(gateway, rule, { first: pageSize('first', first, 1_000, 100), offset: pageOffset('offset', offset), severity }),
};
