import type { QueryResolvers } from '../../generated/graphql.ts';
import { exportGraph as exportFile } from '../../queries/export.ts';

export const exportGraph: QueryResolvers['exportGraph'] = (_parent, { planId, format }, { gateway }) => exportFile(gateway, planId ?? null, format);
