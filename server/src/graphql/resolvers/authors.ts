import type { GraphEdgeResolvers, GraphNodeResolvers } from '../../generated/graphql.ts';
import type { Context } from '../../context.ts';

/**
 * Whether a request comes from a signed-in person. Who changed what names staff (and the
 * server's own accounts), so it is shown to signed-in users only; anonymous readers see what
 * changed and when.
 */
export const signedIn = (user: Context['user']): boolean => user !== null && !(user instanceof Error);

/** Who changed a node last, for signed-in users only. */
export const GraphNode: GraphNodeResolvers = {
  changedBy: (node, _args, { user }) => (signedIn(user) ? (node.changedBy ?? null) : null),
};

/** Who recorded a link, for signed-in users only. */
export const GraphEdge: GraphEdgeResolvers = {
  by: (edge, _args, { user }) => (signedIn(user) ? (edge.by ?? null) : null),
};
