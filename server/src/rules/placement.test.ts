import { describe, expect, it } from 'vitest';
import { recordPlacement } from './placement.ts';

const node = (id: string, label: string) => ({ id, label, props: {} as Record<string, unknown> });

describe('recordPlacement', () => {
  it('records each plan item’s plan and top-level priority, and nothing on other nodes', () => {
    const nodes = [
      node('p', 'Plan'),
      node('p/1', 'Priority'),
      node('p/1/2', 'Priority'),
      node('p/1/2/a', 'Action'),
      node('p/o', 'Objective'),
      node('t', 'Theme'),
    ];
    const parents = new Map([
      ['p/1', 'p'],
      ['p/1/2', 'p/1'],
      ['p/1/2/a', 'p/1/2'],
      ['p/o', 'p'],
      ['t', 'p'],
    ]);
    recordPlacement(nodes, (id) => parents.get(id));
    expect(Object.fromEntries(nodes.map(({ id, props }) => [id, props]))).toEqual({
      p: {},
      'p/1': { planId: 'p', topPriorityId: 'p/1' },
      'p/1/2': { planId: 'p', topPriorityId: 'p/1' },
      'p/1/2/a': { planId: 'p', topPriorityId: 'p/1' },
      'p/o': { planId: 'p' },
      t: {},
    });
  });

  it('places an item under a node already in the graph where that node sits', () => {
    const underPriority = [node('p/1/a', 'Action')];
    recordPlacement(
      underPriority,
      (id) => (id === 'p/1/a' ? 'p/1' : undefined),
      (id) => (id === 'p/1' ? { label: 'Priority', props: { planId: 'p', topPriorityId: 'p/1' } } : undefined),
    );
    expect(underPriority[0]!.props).toEqual({ planId: 'p', topPriorityId: 'p/1' });
    const underPlan = [node('q/1', 'Priority')];
    recordPlacement(
      underPlan,
      (id) => (id === 'q/1' ? 'q' : undefined),
      () => ({ label: 'Plan' }),
    );
    expect(underPlan[0]!.props).toEqual({ planId: 'q', topPriorityId: 'q/1' });
  });
});
