import type { QueryResolvers } from '../../generated/graphql.ts';
import { evidenceChain as followEvidence } from '../../queries/evidence.ts';

export const evidenceChain: QueryResolvers['evidenceChain'] = (_parent, { id }, { gateway }) => followEvidence(gateway, id);
