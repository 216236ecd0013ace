/** Plans of search hits: grouping that comes after ranking, never instead of it. */
import type { SearchView_SearchQuery } from '../../generated/graphql.ts';

export type Hit = SearchView_SearchQuery['search']['hits'][number];

/** The plan a hit belongs to (a plan belongs to itself); null for law, evidence, bodies and themes. */
export function planOf(hit: Hit): { id: string; title: string } | null {
  if (hit.plan) return hit.plan;
  return hit.node.label === 'Plan' ? { id: hit.node.id, title: hit.node.title } : null;
}

/**
 * The plans the hits come from, with how many hits each has, in the order of each plan's best
 * hit. Grouping comes after ranking: it offers a way to narrow the list, never a new order.
 */
export function plansOfHits(hits: Hit[]): { id: string | null; title: string; count: number }[] {
  const plans = new Map<string, { id: string | null; title: string; count: number }>();
  for (const hit of hits) {
    const plan = planOf(hit);
    const key = plan?.id ?? '';
    const entry = plans.get(key) ?? { id: plan?.id ?? null, title: plan?.title ?? 'Law, evidence, bodies and themes', count: 0 };
    entry.count += 1;
    plans.set(key, entry);
  }
  return [...plans.values()];
}
