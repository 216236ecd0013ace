/**
 * Per-client limits, kept in this process's memory with rate-limiter-flexible: failed sign-ins
 * per address, writes per client and a budget of query cost per client. Each answers either
 * nothing (go ahead) or how long the client must wait.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface LimitSettings {
  /** Failed sign-ins an address may make in 15 minutes; 0 for no limit. */
  failedSignIns: number;
  /** Writes (root mutation fields) a client may make in a minute; 0 for no limit. */
  writesPerMinute: number;
  /** Query cost a client may spend in a minute; 0 for no limit. */
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
  /** Charges an operation's cost to `client` before it runs, or refuses it. */
  chargeCost(client: string, cost: number): Promise<Refusal | null>;
  /** Adds what the operation turned out to cost (its database time) once it has run. */
  addCost(client: string, cost: number): Promise<void>;
}

const SIGN_IN_WINDOW_SECONDS = 15 * 60;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function createRateLimits(settings: LimitSettings): RateLimits {
  const limiter = (points: number, duration: number) => (points > 0 ? new RateLimiterMemory({ points, duration }) : null);
  const failedSignIns = limiter(settings.failedSignIns, SIGN_IN_WINDOW_SECONDS);
  const writes = limiter(settings.writesPerMinute, 60);
  const cost = limiter(settings.costPerMinute, 60);
  const signedIn = new RateLimiterMemory({ points: 1, duration: SIGN_IN_WINDOW_SECONDS });

  /**
   * Takes `points` from `client`'s allowance (at most the whole of it, so anything the per-request
   * limits let through can run on a fresh allowance); a refused charge is given back, so refusals
   * cost nothing.
   */
  async function charge(bucket: RateLimiterMemory | null, client: string, wanted: number, message: string): Promise<Refusal | null> {
    if (!bucket || wanted <= 0) return null;
    const points = Math.min(wanted, bucket.points);
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
    chargeCost: (client, points) =>
      charge(cost, client, points, 'This client has asked for more than its share of the graph in the last minute; try again shortly.'),
    async addCost(client, points) {
      if (points > 0) await cost?.penalty(client, points);
    },
  };
}
