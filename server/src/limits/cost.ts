import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { buildSchema, type DocumentNode, validate } from 'graphql';

/**
 * Armor's cost options, shared by the per-request cost limit and the per-client budget. Fragments
 * are flattened: spreading one costs what its fields cost, not more for the extra level.
 */
export const costOptions = { objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, flattenFragments: true } as const;

// The cost rule reads only the document; validate() merely needs some schema to run it under.
const anySchema = buildSchema('type Query { _: Int }');
const costs = new WeakMap<DocumentNode, number>();

/**
 * What an operation costs by graphql-armor's measure (the figure its per-request limit checks):
 * every field, alias and fragment counted, lists multiplied by their `first`. Yoga hands out one
 * parsed document per query text, so each is measured once.
 */
export function operationCost(document: DocumentNode): number {
  let cost = costs.get(document);
  if (cost === undefined) {
    let measured = 0;
    validate(anySchema, document, [costLimitRule({ ...costOptions, maxCost: Number.POSITIVE_INFINITY, onAccept: [(_context, { n }) => (measured += n)] })]);
    cost = measured;
    costs.set(document, cost);
  }
  return cost;
}
