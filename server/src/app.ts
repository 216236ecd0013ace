import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import { createYoga } from 'graphql-yoga';
import type { Authenticator } from './auth.ts';
import { readSettings, type Settings } from './config.ts';
import type { Context } from './context.ts';
import type { Gateway } from './db/gateway.ts';
import { ExpectedError } from './errors.ts';
import { buildSchema } from './graphql/schema.ts';
import { readBodyUpTo } from './http/body-limit.ts';
import { compressed } from './http/compression.ts';
import { audit, clientKey, createLogger, type Logger, logRequest, type RequestRecord } from './http/logging.ts';
import { createResponseCache } from './http/response-cache.ts';
import { withSecurityHeaders } from './http/security-headers.ts';
import { serveClient } from './http/static-files.ts';
import { clientAddress } from './limits/client.ts';
import { costOptions } from './limits/cost.ts';
import { limitSessions, type SessionLimitedGateway } from './limits/db-sessions.ts';
import { requestLimitsPlugin } from './limits/plugin.ts';
import { keepGapState } from './services/gap-state.ts';
import { createRateLimits, type Refusal } from './limits/rate-limits.ts';

export interface AppOptions {
  gateway: Gateway;
  /** Who may write (AUTH_TOKENS, OIDC_ISSUER); also serves /auth/config. */
  authenticator: Authenticator;
  /** True once the graph schema has been applied; /ready waits for it. */
  schemaApplied: () => boolean;
  /**
   * Start-up work still under way that /ready waits for (such as "seed data loading"), or
   * undefined when there is none.
   */
  loading?: () => string | undefined;
  /** Folder of the built client to serve at /, if any. */
  clientDir?: string;
  /** Serve GraphiQL at /graphql (development only). */
  graphiql?: boolean;
  /** Per-client limits, trusted proxies and CORS origins; the defaults of config.ts when left out. */
  protection?: Protection;
  /** Where request and audit lines go; standard output when left out. */
  logger?: Logger;
}

/** The settings that protect the service and bound its response cache (see config.ts and the README). */
export type Protection = Pick<
  Settings,
  | 'TRUST_PROXY'
  | 'CORS_ORIGINS'
  | 'FAILED_SIGN_IN_LIMIT'
  | 'WRITE_LIMIT'
  | 'QUERY_COST_BUDGET'
  | 'DB_SESSIONS_PER_REQUEST'
  | 'RESPONSE_CACHE'
  | 'RESPONSE_CACHE_MB'
  | 'REQUIRE_SIGN_IN'
>;

export interface App {
  /** Answers `request`; `peer` is the address of the socket it came on, when there is one. */
  fetch(request: Request, peer?: { address?: string }): Promise<Response>;
}

/** Limits that keep any one request from costing the server or the database too much. */
export const limits = {
  maxDepth: 8,
  maxAliases: 15,
  maxTokens: 3_000,
  // Page sizes are capped by the resolvers; this stops queries that multiply them.
  maxCost: 100_000,
  // Room for an imported document of up to 2 MB, escaped as JSON.
  maxBodyBytes: 3_000_000,
};

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** A refusal made before GraphQL runs, in the shape of a GraphQL answer so clients read one kind. */
const refused = (status: number, code: string, message: string, headers: Record<string, string> = {}, details: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code, ...details } }] }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/**
 * The answer to an API request without a recognised identity when REQUIRE_SIGN_IN is set: 401
 * UNAUTHENTICATED with a Bearer challenge (the client shows its sign-in panel on it), or 403 for
 * a person the identity provider signed in whose claims give no role.
 */
function signInRequired(user: ExpectedError | null): { code: string; response: Response } {
  if (user?.extensions.code === 'FORBIDDEN') return { code: 'FORBIDDEN', response: refused(403, 'FORBIDDEN', user.message, {}, { signInRequired: true }) };
  const message = user
    ? `${user.message} This service asks everyone to sign in.`
    : 'This service asks everyone to sign in: send "Authorization: Bearer <token>".';
  const challenge = user ? 'Bearer realm="council-alignment-graph", error="invalid_token"' : 'Bearer realm="council-alignment-graph"';
  return { code: 'UNAUTHENTICATED', response: refused(401, 'UNAUTHENTICATED', message, { 'www-authenticate': challenge }, { signInRequired: true }) };
}

const tooManyRequests = (refusal: Refusal) =>
  refused(429, 'RATE_LIMITED', refusal.message, { 'retry-after': String(refusal.retryAfterSeconds) }, { retryAfterSeconds: refusal.retryAfterSeconds });

// graphql-armor's rejections carry no code of their own; clients tell them apart by this one.
const codedTooComplex = [(_context: unknown, error: GraphQLError) => Object.assign(error.extensions, { code: 'QUERY_TOO_COMPLEX' })];

/**
 * The whole HTTP surface of the product as one fetch handler, apart from any listening socket:
 * /graphql (the API), /health (the process is alive), /ready (Neo4j answers, the graph schema
 * is applied and no start-up loading is under way) and the built client.
 *
 * @remarks
 * The handler never throws: a request whose URL cannot be read answers 400, and any unexpected
 * failure answers a plain 500 "Internal server error" and is logged here, so no stack trace or
 * server path reaches a client.
 */
export function createApp(options: AppOptions): App {
  const protection = options.protection ?? readSettings({});
  const logger = options.logger ?? createLogger('info');
  const rateLimits = createRateLimits({
    failedSignIns: protection.FAILED_SIGN_IN_LIMIT,
    writesPerMinute: protection.WRITE_LIMIT,
    costPerMinute: protection.QUERY_COST_BUDGET,
  });
  const corsOrigins = new Set(protection.CORS_ORIGINS);
  // Today's whole-graph gaps, kept up to date by this app's writes (services/gap-state.ts).
  const gapState = keepGapState(options.gateway);
  const responseCache = protection.RESPONSE_CACHE === 'on' ? createResponseCache(options.gateway, { maxMegabytes: protection.RESPONSE_CACHE_MB }) : undefined;
  // Everything a resolver receives comes from the request's own handling below (yoga.fetch's second argument).
  const yoga = createYoga<Context>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    graphiql: options.graphiql ?? false,
    landingPage: false,
    // Never the original error's stack in a response, whatever NODE_ENV says.
    maskedErrors: { isDev: false },
    // Closed unless CORS_ORIGINS lists the page's origin; tokens travel in a header, never as cookies.
    cors: (request) => {
      const origin = request.headers.get('origin');
      if (!origin || !corsOrigins.has(origin)) return false;
      return { origin: [origin], credentials: false, methods: ['GET', 'POST'], allowedHeaders: ['content-type', 'authorization', 'accept'], maxAge: 600 };
    },
    plugins: [
      EnvelopArmorPlugin({
        // A fragment is a way of writing a selection, not a level deeper: the client's fragments nest several.
        maxDepth: { n: limits.maxDepth, flattenFragments: true, onReject: codedTooComplex },
        maxAliases: { n: limits.maxAliases, onReject: codedTooComplex },
        maxTokens: { n: limits.maxTokens, onReject: codedTooComplex },
        costLimit: { maxCost: limits.maxCost, ...costOptions, onReject: codedTooComplex },
        maxDirectives: { n: 20, onReject: codedTooComplex },
        // Suggestions help in development; in production they would map the schema for strangers.
        blockFieldSuggestion: { enabled: !options.graphiql },
      }),
      requestLimitsPlugin(rateLimits, logger),
    ],
  });

  /**
   * The API's door: the body read up to its cap, the bearer token checked (unless the address
   * has failed to sign in too often, when it is not even looked at), then GraphQL.
   */
  async function graphql(request: Request, record: RequestRecord, gateway: SessionLimitedGateway): Promise<Response> {
    const read = await readBodyUpTo(request, limits.maxBodyBytes);
    if ('tooLarge' in read) {
      record.errors.push('PAYLOAD_TOO_LARGE');
      audit(logger, 'refused', { code: 'PAYLOAD_TOO_LARGE', client: record.address });
      // Closing the connection stops a client that is still sending.
      return refused(413, 'PAYLOAD_TOO_LARGE', `Request body too large: more than ${limits.maxBodyBytes} bytes.`, { connection: 'close' });
    }
    if (request.headers.has('authorization')) {
      const refusal = await rateLimits.signInRefusal(record.address);
      if (refusal) {
        record.errors.push('RATE_LIMITED');
        audit(logger, 'refused', { code: 'RATE_LIMITED', limit: 'failed sign-ins', client: record.address });
        return tooManyRequests(refusal);
      }
    }
    const user = await options.authenticator.identify(read);
    if (user instanceof ExpectedError) {
      await rateLimits.signInFailed(record.address);
      audit(logger, 'sign-in', { outcome: 'refused', reason: user.message, client: record.address });
    } else if (user) {
      record.user = user.name;
      if (await rateLimits.firstSignIn(clientKey(record), record.address))
        audit(logger, 'sign-in', { outcome: 'accepted', user: user.name, role: user.role, client: record.address });
    }
    // A CORS preflight carries no token; what it asks about is refused here in its turn.
    if (protection.REQUIRE_SIGN_IN && (user === null || user instanceof ExpectedError) && request.method !== 'OPTIONS') {
      const refusal = signInRequired(user);
      record.errors.push(refusal.code);
      audit(logger, 'refused', { code: refusal.code, reason: 'sign-in required', client: record.address });
      return refusal.response;
    }
    const run = () => yoga.fetch(read, { gateway, user, record, gapState });
    // Only anonymous answers are shared: a signed-in reader's may name who changed what.
    return responseCache && user === null ? responseCache.answer(read, record, run) : run();
  }

  async function ready(): Promise<Response> {
    const database = await options.gateway.ping().then(
      () => 'ok',
      (error: Error) => error.message,
    );
    const schema = options.schemaApplied() ? 'ok' : 'not applied yet';
    const loading = options.loading?.();
    const isReady = database === 'ok' && schema === 'ok' && loading === undefined;
    return json({ status: isReady ? 'ready' : 'not ready', database, schema, ...(loading === undefined ? {} : { loading }) }, isReady ? 200 : 503);
  }

  async function route(request: Request, record: RequestRecord, gateway: SessionLimitedGateway): Promise<Response> {
    // A Host header no URL can carry, for one.
    if (!URL.canParse(request.url)) return text('Bad request: the request URL cannot be read.', 400);
    const { pathname } = new URL(request.url);
    if (pathname === '/health') return json({ status: 'ok' });
    if (pathname === '/ready') return ready();
    if (pathname === '/auth/config') {
      const { status, body } = await options.authenticator.signInConfig();
      return json(body, status);
    }
    if (pathname === '/graphql' || pathname.startsWith('/graphql/')) return graphql(request, record, gateway);
    if (options.clientDir && (request.method === 'GET' || request.method === 'HEAD')) {
      return serveClient(options.clientDir, pathname, options.authenticator.connectSources());
    }
    return new Response('Not found', { status: 404 });
  }

  async function answer(request: Request, record: RequestRecord, gateway: SessionLimitedGateway): Promise<Response> {
    try {
      return await compressed(request, await route(request, record, gateway));
    } catch (error) {
      // A client that went away (a page left mid-request) is no fault of the server's.
      if (request.signal.aborted) return text('Request cancelled', 499);
      console.error(`${request.method} ${request.url} failed:`, error);
      return text('Internal server error', 500);
    }
  }

  return {
    async fetch(request, peer) {
      const started = performance.now();
      const record: RequestRecord = { address: clientAddress(request, peer?.address, protection.TRUST_PROXY), errors: [] };
      const gateway = limitSessions(options.gateway, protection.DB_SESSIONS_PER_REQUEST);
      const response = withSecurityHeaders(await answer(request, record, gateway));
      // What the request cost its client: the time it held database sessions.
      await rateLimits.chargeCost(clientKey(record), gateway.databaseMs());
      logRequest(logger, request, response, record, performance.now() - started, { ms: gateway.databaseMs(), peakSessions: gateway.peakSessions() });
      return response;
    },
  };
}
