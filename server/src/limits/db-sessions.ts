import { AsyncLocalStorage } from 'node:async_hooks';
import type { Gateway } from '../db/gateway.ts';

/**
 * A gateway for one request that holds at most `max` database sessions at once. GraphQL runs a
 * query's root fields side by side, so without it fifteen aliases of one field would take
 * fifteen sessions from the driver's pool, and a few such requests would leave none for anyone
 * else. Calls past `max` wait their turn. It also adds up how long the request's database work
 * took (`databaseMs`), for its log line and its cost.
 *
 * @remarks
 * A call made from inside another one's work (a query module calling the gateway again inside a
 * transaction) runs in the slot it is already in, so nesting never waits on itself.
 */
export interface SessionLimitedGateway extends Gateway {
  /** Milliseconds spent in database calls so far (overlapping calls each count). */
  databaseMs(): number;
  /** The most calls the request has had running at once. */
  peakSessions(): number;
}

// One store for every request, holding the limiter whose slot the current work runs in. One
// store per request would not do: Node 20 keeps every store that has run for the life of the
// process and visits each on every asynchronous step, so the server slowed with every request.
const slotOf = new AsyncLocalStorage<object>();

export function limitSessions(gateway: Gateway, max: number): SessionLimitedGateway {
  const limiter = {};
  const waiting: (() => void)[] = [];
  let active = 0;
  let spentMs = 0;
  let peak = 0;

  async function slot<T>(work: () => Promise<T>): Promise<T> {
    if (slotOf.getStore() === limiter) return work();
    if (active >= max) await new Promise<void>((turn) => waiting.push(turn));
    else active++;
    peak = Math.max(peak, active);
    const started = performance.now();
    try {
      return await slotOf.run(limiter, work);
    } finally {
      spentMs += performance.now() - started;
      // The slot passes straight to the next in line, so `active` only falls when none waits.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  }

  return {
    ...gateway,
    read: (statement, params) => slot(() => gateway.read(statement, params)),
    write: (statement, params) => slot(() => gateway.write(statement, params)),
    readTransaction: (work, name) => slot(() => gateway.readTransaction(work, name)),
    writeTransaction: (work, name) => slot(() => gateway.writeTransaction(work, name)),
    explain: (statement, params) => slot(() => gateway.explain(statement, params)),
    ping: () => slot(() => gateway.ping()),
    // The shared driver belongs to the server, not to one request.
    close: () => Promise.resolve(),
    databaseMs: () => spentMs,
    peakSessions: () => peak,
  };
}
