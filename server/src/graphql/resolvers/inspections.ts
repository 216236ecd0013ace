import type { QueryResolvers } from '../../generated/graphql.ts';
import { inspections as listInspections } from '../../queries/evidence.ts';

export const inspections: QueryResolvers['inspections'] = (_parent, _args, { gateway }) => listInspections(gateway);
