import type { QueryResolvers } from '../../generated/graphql.ts';
import { parseAsAt } from '../../queries/as-at.ts';
import { gaps as findGaps } from '../../services/gaps.ts';
import { requireNodes } from './known-node.ts';

export const gaps: QueryResolvers['gaps'] = async (_parent, { scope, codes, minSeverity, subject, asAt }, { gateway, gapState }) => {
  // A subject nothing has would only give a report with no findings, as if it had none.
  const [report] = await Promise.all([
    findGaps(gateway, scope, codes, minSeverity, subject, parseAsAt(asAt), gapState),
    subject ? requireNodes(gateway, [subject], 'subject') : undefined,
  ]);
  return report;
};
