import type { QueryResolvers } from '../../generated/graphql.ts';
import { history as changesOf } from '../../queries/edit.ts';
import { pageSize } from './arguments.ts';

export const history: QueryResolvers['history'] = (_parent, { id, first }, { gateway }) => changesOf(gateway, id, pageSize('first', first, 200, 50));
