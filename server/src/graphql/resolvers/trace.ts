import type { QueryResolvers } from '../../generated/graphql.ts';
import { trace as traceItem } from '../../queries/trace.ts';

export const trace: QueryResolvers['trace'] = (_parent, { id, includeSuggested }, { gateway }) => traceItem(gateway, id, includeSuggested ?? false);
