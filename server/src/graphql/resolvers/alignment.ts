import type { QueryResolvers } from '../../generated/graphql.ts';
import { alignment as alignmentMatrix } from '../../queries/alignment.ts';

export const alignment: QueryResolvers['alignment'] = (_parent, { rows, columns }, { gateway }) => alignmentMatrix(gateway, rows, columns);
