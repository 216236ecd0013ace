import type { User } from './auth.ts';
import type { Gateway } from './db/gateway.ts';
import type { ExpectedError } from './errors.ts';
import type { RequestRecord } from './http/logging.ts';
import type { GapState } from './gap-report.ts';

/** What every resolver receives: the gateway to the graph and who is asking. */
export interface Context {
  gateway: Gateway;
  /** The signed-in user; null when no token was sent; an error when the token is not recognised. */
  user: User | null | ExpectedError;
  /** Who is asking and what the request did, for its limits and its log line. */
  record: RequestRecord;
  /** Today's whole-graph gaps as they are kept up to date (services/gap-state.ts). */
  gapState?: GapState;
}
