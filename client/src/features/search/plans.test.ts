import { describe, expect, it } from 'vitest';
import type { NodeLabel } from '../../generated/graphql.ts';
import { plansOfHits } from './plans.ts';

const hit = (id: string, label: NodeLabel, plan: { id: string; title: string } | null, title = id) => ({
  score: 1,
  excerpt: null,
  node: { id, label, title, code: null, term: null, kind: null, corporate: false, planId: plan?.id ?? null },
  plan,
});

describe('plansOfHits', () => {
  it('counts hits per plan in the order of each plan’s best hit, a plan counting as its own', () => {
    const people = { id: 'people', title: 'People Strategy' };
    const caring = { id: 'caring', title: 'Caring for Redbridge' };
    const hits = [
      hit('act', 'Authority', null),
      hit('people/a1', 'Action', people),
      hit('caring', 'Plan', null, 'Caring for Redbridge'),
      hit('people/a2', 'Action', people),
      hit('caring/a1', 'Action', caring),
    ];
    expect(plansOfHits(hits)).toEqual([
      { id: null, title: 'Law, evidence, bodies and themes', count: 1 },
      { id: 'people', title: 'People Strategy', count: 2 },
      { id: 'caring', title: 'Caring for Redbridge', count: 2 },
    ]);
  });
});
