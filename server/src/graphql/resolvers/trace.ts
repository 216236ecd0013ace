import type { QueryResolvers } from '../../generated/graphql.ts';
import { parseAsAt } from '../../queries/as-at.ts';
import { trace as traceItem } from '../../queries/trace.ts';

export const trace: QueryResolvers['trace'] = (_parent, { id, includeSuggested, asAt }, { gateway }) =>
  traceItem(gateway, id, includeSuggested ?? false, parseAsAt(asAt));
