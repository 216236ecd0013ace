import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createYoga } from 'graphql-yoga';
import type { Authenticator } from './auth.ts';
import type { Context } from './context.ts';
import type { Gateway } from './db/gateway.ts';
import { buildSchema } from './graphql/schema.ts';
import { compressed } from './http/compression.ts';
import { serveClient } from './http/static-files.ts';

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
}

export interface App {
  fetch(request: Request): Promise<Response>;
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
  const yoga = createYoga<object, Context>({
    schema: buildSchema(),
    context: async ({ request }) => ({ gateway: options.gateway, user: await options.authenticator.identify(request) }),
    graphqlEndpoint: '/graphql',
    graphiql: options.graphiql ?? false,
    landingPage: false,
    // Never the original error's stack in a response, whatever NODE_ENV says.
    maskedErrors: { isDev: false },
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: limits.maxDepth },
        maxAliases: { n: limits.maxAliases },
        maxTokens: { n: limits.maxTokens },
        costLimit: { maxCost: limits.maxCost },
        maxDirectives: { n: 20 },
        // Suggestions help in development; in production they would map the schema for strangers.
        blockFieldSuggestion: { enabled: !options.graphiql },
      }),
    ],
  });

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

  async function route(request: Request): Promise<Response> {
    // A Host header no URL can carry, for one.
    if (!URL.canParse(request.url)) return text('Bad request: the request URL cannot be read.', 400);
    const { pathname } = new URL(request.url);
    if (pathname === '/health') return json({ status: 'ok' });
    if (pathname === '/ready') return ready();
    if (pathname === '/auth/config') {
      const { status, body } = await options.authenticator.signInConfig();
      return json(body, status);
    }
    if (pathname === '/graphql' || pathname.startsWith('/graphql/')) {
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > limits.maxBodyBytes) {
        return json(
          { errors: [{ message: `Request body too large: ${length} bytes, at most ${limits.maxBodyBytes}.`, extensions: { code: 'BAD_USER_INPUT' } }] },
          413,
        );
      }
      return yoga.fetch(request);
    }
    if (options.clientDir && (request.method === 'GET' || request.method === 'HEAD')) {
      return serveClient(options.clientDir, pathname);
    }
    return new Response('Not found', { status: 404 });
  }

  return {
    async fetch(request) {
      try {
        return await compressed(request, await route(request));
      } catch (error) {
        // A client that went away (a page left mid-request) is no fault of the server's.
        if (request.signal.aborted) return text('Request cancelled', 499);
        console.error(`${request.method} ${request.url} failed:`, error);
        return text('Internal server error', 500);
      }
    },
  };
}
