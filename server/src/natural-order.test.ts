import { describe, expect, it } from 'vitest';
import { naturalSort } from './natural-order.ts';

const sorted = (ids: string[]) => naturalSort(ids, (id) => id);

describe('naturalSort', () => {
  it('orders numbered parts by their numbers', () => {
    const ids = ['plan/sp10/w1', 'plan/sp2/w10', 'plan/sp2/w2', 'plan/sp2', 'plan/sp1/w3', 'plan/a', 'plan/d13', 'plan/d9'];
    expect(sorted(ids)).toEqual(['plan/a', 'plan/d9', 'plan/d13', 'plan/sp1/w3', 'plan/sp2', 'plan/sp2/w2', 'plan/sp2/w10', 'plan/sp10/w1']);
  });

  it('agrees with plain order where there are no numbers, and puts a prefix first', () => {
    expect(sorted(['b', 'ab', 'a', 'a/b'])).toEqual(['a', 'a/b', 'ab', 'b']);
  });

  it('compares numbers that share leading digits', () => {
    expect(sorted(['x19', 'x100', 'x1', 'x10'])).toEqual(['x1', 'x10', 'x19', 'x100']);
    expect(sorted(['2024-b', '2024-a', '2023-z'])).toEqual(['2023-z', '2024-a', '2024-b']);
  });

  it('keeps items with the same id in the order given', () => {
    const items = [
      { id: 'a2', n: 1 },
      { id: 'a1', n: 2 },
      { id: 'a2', n: 3 },
    ];
    expect(naturalSort(items, ({ id }) => id).map(({ n }) => n)).toEqual([2, 1, 3]);
  });
});
