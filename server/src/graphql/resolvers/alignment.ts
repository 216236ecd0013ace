import type { QueryResolvers } from '../../generated/graphql.ts';
import { alignment as alignmentMatrix } from '../../queries/alignment.ts';
import { parseAsAt } from '../../queries/as-at.ts';
import { requireNodes } from './known-node.ts';

export const alignment: QueryResolvers['alignment'] = async (_parent, { rows, columns, asAt }, { gateway }) => {
  const day = parseAsAt(asAt);
  // Ids nothing has would only narrow an axis to nothing, as if they had no links.
  const [matrix] = await Promise.all([
    alignmentMatrix(gateway, rows, columns, day),
    requireNodes(gateway, rows?.ids ?? [], 'rows.ids'),
    requireNodes(gateway, columns?.ids ?? [], 'columns.ids'),
  ]);
  return matrix;
};
