import type { QueryResolvers } from '../../generated/graphql.ts';
import { nodeDetail } from '../../queries/nodes.ts';
import { pageSize } from './arguments.ts';

export const node: QueryResolvers['node'] = (_parent, { id, first }, { gateway }) => nodeDetail(gateway, id, pageSize('first', first, 500));
