/**
 * Per-client limits, kept in this process's memory with rate-limiter-flexible: failed sign-ins
 * per address, writes per client and a budget of database time per client. Each answers either
 * nothing (go ahead) or how long the client must wait.
 *
 * @remarks
 * What a query costs is measured, not estimated: graphql-armor's estimate counts fields, and on
 * the seed data fifteen aliases of `coverage` estimate 260 while taking 3 to 5 seconds of
 * database sessions, and a trace estimates 380 while taking 20 ms. The estimate still bounds each
 * request (its limit of 100,000); the budget bounds what a client's requests really used.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface LimitSettings {
  /** Failed sign-ins an address may make in 15 minutes; 0 for no limit. */
  failedSignIns: number;
  /** Writes (root mutation fields) a client may make in a minute; 0 for no limit. */
  writesPerMinute: number;
  /** Milliseconds of database work a client may use in a minute; 0 for no limit. */
  costPerMinute: number;
}

/** Why a request is refused, and when the client may try again. */
export interface Refusal {
  message: string;
  retryAfterSeconds: number;
}

export interface RateLimits {
  /** A refusal while `address` has failed to sign in too often: its tokens are then not even checked. */
  signInRefusal(address: string): Promise<Refusal | null>;
  /** Counts a refused token from `address`. */
  signInFailed(address: string): Promise<void>;
  /**
   * True the first time in 15 minutes that `user` signs in from `address`: a bearer token comes
   * with every request, and the audit log wants the sign-in, not every request after it.
   */
  firstSignIn(user: string, address: string): Promise<boolean>;
  /** Charges `count` writes to `client`, or refuses them all. */
  chargeWrites(client: string, count: number): Promise<Refusal | null>;
  /** A refusal while `client` has used up its database time for the minute. */
  costRefusal(client: string): Promise<Refusal | null>;
  /** Charges the database time a request took to `client`. */
  chargeCost(client: string, databaseMs: number): Promise<void>;
}

const SIGN_IN_WINDOW_SECONDS = 15 * 60;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function createRateLimits(settings: LimitSettings): RateLimits {
  const limiter = (points: number, duration: number) => (points > 0 ? new RateLimiterMemory({ points, duration }) : null);
  const failedSignIns = limiter(settings.failedSignIns, SIGN_IN_WINDOW_SECONDS);
  const writes = limiter(settings.writesPerMinute, 60);
  const cost = limiter(settings.costPerMinute, 60);
  const signedIn = new RateLimiterMemory({ points: 1, duration: SIGN_IN_WINDOW_SECONDS });

  /** Takes `points` from `client`'s allowance; a refused charge is given back, so refusals cost nothing. */
  async function charge(bucket: RateLimiterMemory | null, client: string, points: number, message: string): Promise<Refusal | null> {
    if (!bucket || points <= 0) return null;
    try {
      await bucket.consume(client, points);
      return null;
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      await bucket.reward(client, points);
      return { message, retryAfterSeconds: seconds(refused.msBeforeNext) };
    }
  }

  return {
    async signInRefusal(address) {
      const state = await failedSignIns?.get(address);
      if (!state || state.consumedPoints < settings.failedSignIns) return null;
      const wait = seconds(state.msBeforeNext);
      return { message: `Too many failed sign-ins from this address: try again in ${wait} seconds.`, retryAfterSeconds: wait };
    },
    async signInFailed(address) {
      await failedSignIns?.penalty(address, 1);
    },
    firstSignIn: (user, address) =>
      signedIn.consume(`${user} ${address}`).then(
        () => true,
        () => false,
      ),
    chargeWrites: (client, count) =>
      charge(writes, client, count, `Too many changes at once: at most ${settings.writesPerMinute} a minute; try again shortly.`),
    async costRefusal(client) {
      const state = await cost?.get(client);
      if (!state || state.consumedPoints < settings.costPerMinute) return null;
      const wait = seconds(state.msBeforeNext);
      return { message: `This client has used its share of the graph database for now; try again in ${wait} seconds.`, retryAfterSeconds: wait };
    },
    async chargeCost(client, databaseMs) {
      if (databaseMs >= 1) await cost?.penalty(client, Math.round(databaseMs));
    },
  };
}
