import { GraphQLError } from 'graphql';

/**
 * Codes of the errors a client is expected to handle. Anything thrown that is not one of these
 * is masked by Yoga as "Unexpected error." so internals never leak.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'DATABASE_UNAVAILABLE'
  | 'QUERY_TIMEOUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  // Limits: an operation over the per-request limits, a body over its cap, a client over its share.
  | 'QUERY_TOO_COMPLEX'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED';

/** An error the API reports to the client as is, with a machine-readable `code`. */
export class ExpectedError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }
}
