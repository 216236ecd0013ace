import type { QueryResolvers } from '../../generated/graphql.ts';
import { parseAsAt } from '../../queries/as-at.ts';
import { evidenceChain as followEvidence } from '../../queries/evidence.ts';

export const evidenceChain: QueryResolvers['evidenceChain'] = (_parent, { id, asAt }, { gateway }) => followEvidence(gateway, id, parseAsAt(asAt));
