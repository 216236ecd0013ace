import type { OperationContext } from 'urql';

/**
 * Every write may change nodes, links, history and suggestions, even when its result names none
 * of them (deleteLink answers true; a delete may list no dependents). urql's document cache
 * re-runs the queries that hold a type a write names, so each write names them all.
 */
export const writeContext: Partial<OperationContext> = {
  additionalTypenames: ['GraphNode', 'GraphEdge', 'Change', 'Suggestion', 'Neighbour', 'HierarchyItem'],
};

/** For reads whose answer may be an empty list, so a write still refreshes them. */
export const historyContext: Partial<OperationContext> = { additionalTypenames: ['Change'] };
export const suggestionsContext: Partial<OperationContext> = { additionalTypenames: ['Suggestion'] };
