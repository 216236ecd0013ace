import { describe, expect, it } from 'vitest';
import { checkGraphManaged } from './graph-managed.ts';

describe('checkGraphManaged', () => {
  it('names every property the graph sets itself, and passes the others', () => {
    expect(checkGraphManaged({ title: 'T', status: 'ADOPTED' })).toEqual([]);
    expect(checkGraphManaged({ title: 'T', planId: 'p', version: 2, position: 0 }).map(({ at, key, message }) => [at, key, message])).toEqual([
      [['planId'], 'planId', 'is managed by the graph and cannot be changed'],
      [['version'], 'version', 'is managed by the graph and cannot be changed'],
      [['position'], 'position', 'is managed by the graph and cannot be changed'],
    ]);
  });

  it('against what the graph holds, passes a value that is unchanged (absent as null)', () => {
    const current = { planId: 'p', position: 3 };
    expect(checkGraphManaged({ planId: 'p', position: 3, topPriorityId: null }, current)).toEqual([]);
    expect(checkGraphManaged({ planId: 'q', position: 3 }, current).map(({ key }) => key)).toEqual(['planId']);
  });
});
