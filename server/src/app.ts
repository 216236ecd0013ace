import { createYoga } from 'graphql-yoga';
import type { Context } from './context.ts';
import type { Gateway } from './db/gateway.ts';
import { buildSchema } from './graphql/schema.ts';
import { serveClient } from './http/static-files.ts';

export interface AppOptions {
  gateway: Gateway;
  /** True once the graph schema has been applied; /ready waits for it. */
  schemaApplied: () => boolean;
  /** Folder of the built client to serve at /, if any. */
  clientDir?: string;
  /** Serve GraphiQL at /graphql (development only). */
  graphiql?: boolean;
}

export interface App {
  fetch(request: Request): Promise<Response>;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * The whole HTTP surface of the product as one fetch handler, apart from any listening socket:
 * /graphql (the API), /health (the process is alive), /ready (Neo4j answers and the graph schema
 * is applied) and the built client.
 */
export function createApp(options: AppOptions): App {
  const yoga = createYoga<object, Context>({
    schema: buildSchema(),
    context: { gateway: options.gateway },
    graphqlEndpoint: '/graphql',
    graphiql: options.graphiql ?? false,
    landingPage: false,
    maskedErrors: true,
  });

  async function ready(): Promise<Response> {
    const database = await options.gateway.ping().then(
      () => 'ok',
      (error: Error) => error.message,
    );
    const schema = options.schemaApplied() ? 'ok' : 'not applied yet';
    const isReady = database === 'ok' && schema === 'ok';
    return json({ status: isReady ? 'ready' : 'not ready', database, schema }, isReady ? 200 : 503);
  }

  return {
    async fetch(request) {
      const { pathname } = new URL(request.url);
      if (pathname === '/health') return json({ status: 'ok' });
      if (pathname === '/ready') return ready();
      if (pathname === '/graphql' || pathname.startsWith('/graphql/')) return yoga.fetch(request);
      if (options.clientDir && (request.method === 'GET' || request.method === 'HEAD')) {
        return serveClient(options.clientDir, pathname);
      }
      return new Response('Not found', { status: 404 });
    },
  };
}
