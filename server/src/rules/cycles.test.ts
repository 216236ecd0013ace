import { describe, expect, it } from 'vitest';
import { findCycles } from './cycles.ts';

const link = (from: string, type: string, to: string) => ({ from, type, to });

describe('findCycles', () => {
  it('finds none in a tree, and ignores types that may loop', () => {
    expect(findCycles([link('p', 'HAS_PRIORITY', 'p/1'), link('p/1', 'HAS_ACTION', 'p/1/a'), link('p/1/a', 'CONTRIBUTES_TO', 'p/1')])).toEqual([]);
  });

  it('names a loop through the hierarchy’s types together, from where it closes', () => {
    expect(findCycles([link('p/1', 'HAS_OBJECTIVE', 'p/1/o'), link('p/1/o', 'HAS_ACTION', 'p/1/o/a'), link('p/1/o/a', 'HAS_PRIORITY', 'p/1')])).toEqual([
      { at: [], ids: ['p/1', 'p/1/o', 'p/1/o/a', 'p/1'], message: 'cycle: p/1 → p/1/o → p/1/o/a → p/1' },
    ]);
  });

  it('finds loops of superseding plans and of organisations within organisations', () => {
    const faults = findCycles([link('a', 'SUPERSEDES', 'b'), link('b', 'SUPERSEDES', 'a'), link('org/x', 'PART_OF', 'org/x')]);
    expect(faults.map(({ message }) => message)).toEqual(['cycle: a → b → a', 'cycle: org/x → org/x']);
  });

  it('walks a chain 50,000 long without overflowing the stack', () => {
    const chain = Array.from({ length: 50_000 }, (_, index) => link(`n${index}`, 'PART_OF', `n${index + 1}`));
    expect(findCycles(chain)).toEqual([]);
    expect(findCycles([...chain, link('n50000', 'PART_OF', 'n0')])[0]?.ids).toHaveLength(50_002);
  });
});
