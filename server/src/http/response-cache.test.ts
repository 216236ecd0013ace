import { describe, expect, it } from 'vitest';
import { sharedFreshRead } from './response-cache.ts';

describe('sharedFreshRead', () => {
  it('gives a caller only a read that started after it called, shared with the others waiting', async () => {
    const finish: ((value: number) => void)[] = [];
    let reads = 0;
    const fresh = sharedFreshRead(
      () =>
        new Promise<number>((resolve) => {
          reads += 1;
          finish.push(resolve);
        }),
    );
    const first = fresh();
    // These came while the first read was under way: it may miss a write acknowledged before them.
    const second = fresh();
    const third = fresh();
    expect(reads).toBe(1);
    finish[0]!(1);
    expect(await first).toBe(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(reads).toBe(2);
    finish[1]!(2);
    expect([await second, await third]).toEqual([2, 2]);
    const fourth = fresh();
    expect(reads).toBe(3);
    finish[2]!(3);
    expect(await fourth).toBe(3);
  });

  it('passes a failed read on to its callers and reads again for the next', async () => {
    let fail = true;
    const fresh = sharedFreshRead(async () => {
      if (fail) throw new Error('unavailable');
      return 'v';
    });
    await expect(fresh()).rejects.toThrow('unavailable');
    fail = false;
    expect(await fresh()).toBe('v');
  });
});
