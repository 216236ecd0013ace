/**
 * The server's operational logs, one JSON object a line on standard output (pino): a line per
 * request, and audit lines for sign-ins, refusals and writes. Neither ever holds a token, a query
 * text or its variables; the client's address and the signed-in user's name are what an audit
 * needs, and all it gets.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export type { DestinationStream, Logger } from 'pino';

/** A logger writing JSON lines to `destination` (standard output unless given). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label: string) => ({ level: label }) } };
  return destination ? pino(options, destination) : pino(options);
}

/** What one request was and did, filled in as it runs and logged when it ends. */
export interface RequestRecord {
  /** The address it came from (see limits/client.ts). */
  address: string;
  /** The signed-in user's name, once a token has been accepted. */
  user?: string;
  /** The operation's name, type and root fields, once Yoga has parsed it. */
  operation?: string;
  operationType?: string;
  fields?: string[];
  /** The operation's cost estimate (graphql-armor's measure), before it ran. */
  cost?: number;
  /** Codes of the errors it answered with. */
  errors: string[];
}

/** The key the request's client is counted under: the user when signed in, else the address. */
export const clientKey = (record: RequestRecord) => (record.user ? `user:${record.user}` : `address:${record.address}`);

/** Writes the request's line: what was asked, by whom, how it ended and what it cost. */
export function logRequest(
  logger: Logger,
  request: Request,
  response: Response,
  record: RequestRecord,
  ms: number,
  database: { ms: number; peakSessions: number },
): void {
  const path = URL.canParse(request.url) ? new URL(request.url).pathname : undefined;
  // A load balancer asks for /health and /ready every few seconds; their answers are news only when they fail.
  const routine = (path === '/health' || path === '/ready') && response.ok;
  logger[routine ? 'debug' : 'info'](
    {
      event: 'request',
      method: request.method,
      // Only the path: a query string can carry a GET request's query and variables.
      path,
      status: response.status,
      ms: Math.round(ms),
      databaseMs: Math.round(database.ms),
      sessions: database.peakSessions || undefined,
      client: record.address,
      user: record.user,
      operation: record.operation,
      operationType: record.operationType,
      cost: record.cost,
      errors: record.errors.length ? [...new Set(record.errors)] : undefined,
    },
    'request',
  );
}

/** The audit log: sign-ins, refusals and writes, each with who and from where. */
export function audit(logger: Logger, event: 'sign-in' | 'refused' | 'write', details: Record<string, unknown>): void {
  logger.info({ log: 'audit', event, ...details }, event);
}
