import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Gateway, Row } from '../db/gateway.ts';
import { limitSessions } from './db-sessions.ts';

/** A stand-in for the gateway whose reads finish when the test says, counting those under way. */
function pendingGateway() {
  let running = 0;
  let most = 0;
  const finish: (() => void)[] = [];
  const read = () =>
    new Promise<Row[]>((done) => {
      running++;
      most = Math.max(most, running);
      finish.push(() => {
        running--;
        done([]);
      });
    });
  const gateway = { read, readTransaction: (work: (tx: never) => Promise<unknown>) => work(undefined as never) } as unknown as Gateway;
  return { gateway, most: () => most, finishAll: () => finish.splice(0).forEach((done) => done()) };
}

const statement = { name: 'test', text: 'RETURN 1' };
const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => vi.restoreAllMocks());

describe('limitSessions', () => {
  it('runs at most `max` database calls of one request at once; the others wait their turn', async () => {
    const fake = pendingGateway();
    const limited = limitSessions(fake.gateway, 2);
    const calls = Array.from({ length: 5 }, () => limited.read(statement));
    for (let round = 0; round < 5; round++) {
      await settle();
      fake.finishAll();
    }
    await Promise.all(calls);
    expect(fake.most()).toBe(2);
    expect(limited.peakSessions()).toBe(2);
  });

  it('runs a call made inside another one’s work in the slot it is already in', async () => {
    const fake = pendingGateway();
    const limited = limitSessions(fake.gateway, 1);
    const nested = limited.readTransaction(async () => {
      const inner = limited.read(statement);
      await settle();
      fake.finishAll();
      return inner;
    });
    await expect(nested).resolves.toEqual([]);
  });

  it('keeps every request’s slots in one async store, since Node 20 visits every store ever run on each asynchronous step', async () => {
    const stores = new Set<unknown>();
    const run = AsyncLocalStorage.prototype.run;
    vi.spyOn(AsyncLocalStorage.prototype, 'run').mockImplementation(function (this: AsyncLocalStorage<unknown>, ...args) {
      stores.add(this);
      return run.apply(this, args as Parameters<typeof run>);
    });
    for (let request = 0; request < 3; request++) {
      const fake = pendingGateway();
      const call = limitSessions(fake.gateway, 1).read(statement);
      await settle();
      fake.finishAll();
      await call;
    }
    expect(stores.size).toBe(1);
  });
});
