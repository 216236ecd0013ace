/**
 * The API's listening entry point: `tsx server/src/main.ts`. Connects to the Neo4j named by
 * NEO4J_URI (or the project's local one on NEO4J_BOLT_PORT), applies the graph schema, serves
 * the API and, in production, the built client. Stops cleanly on SIGTERM, SIGINT and SIGHUP.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createServerAdapter } from '@whatwg-node/server';
import { createApp } from './app.ts';
import { createAuthenticator, parseTokens } from './auth.ts';
import { createIdentityProvider, readOidcSettings } from './auth/oidc.ts';
import { readSettings, type Settings } from './config.ts';
import { createGateway, type Gateway } from './db/gateway.ts';
import { applyGraphSchema } from './db/graph-schema.ts';
import { createLogger, type DestinationStream } from './http/logging.ts';

const clientDir = fileURLToPath(new URL('../../client/dist/', import.meta.url));

export interface StartOptions {
  /**
   * Start-up work the caller does once the server listens, named for /ready (such as "seed data
   * loading"). /ready answers 503 with `loading` set to it until `loaded()` is called.
   */
  loading?: string;
  /** Where request and audit lines go: standard output unless given (tests read them). */
  log?: DestinationStream;
}

export interface RunningServer {
  url: string;
  gateway: Gateway;
  /** Resolves once the graph schema is applied (the server retries until Neo4j answers). */
  schemaApplied: Promise<void>;
  /** Marks the start-up work named by `StartOptions.loading` done, so /ready can answer 200. */
  loaded(): void;
  close(): Promise<void>;
}

/** The Neo4j connection the settings name: NEO4J_URI if set, else the project's local server. */
export function connectionSettings(settings: Settings) {
  return {
    uri: settings.NEO4J_URI ?? `bolt://127.0.0.1:${settings.NEO4J_BOLT_PORT}`,
    username: settings.NEO4J_USERNAME,
    password: settings.NEO4J_PASSWORD,
    database: settings.NEO4J_DATABASE,
  };
}

/**
 * Applies the graph schema, retrying while Neo4j is unreachable so the server can start first
 * and become ready when the database does.
 */
async function prepareGraph(gateway: Gateway, onApplied: () => void, stopped: () => boolean): Promise<void> {
  let warned = false;
  while (!stopped()) {
    try {
      await applyGraphSchema(gateway);
      onApplied();
      return;
    } catch (error) {
      if (!warned) console.warn(`Waiting for Neo4j to apply the graph schema: ${(error as Error).message}`);
      warned = true;
      await new Promise((wait) => setTimeout(wait, 2_000));
    }
  }
}

/** Listens on PORT and HOST; a port already taken is a one-line error saying what to do. */
function listen(server: Server, settings: Settings): Promise<void> {
  return new Promise((listening, failed) => {
    const refused = (error: NodeJS.ErrnoException) => {
      failed(
        error.code === 'EADDRINUSE' ? new Error(`Port ${settings.PORT} is in use on ${settings.HOST}: stop what holds it, or set PORT to a free one.`) : error,
      );
    };
    server.once('error', refused);
    server.listen(settings.PORT, settings.HOST, () => {
      server.off('error', refused);
      listening();
    });
  });
}

/**
 * Listens on PORT and HOST, then applies the graph schema in the background; /ready answers 200
 * once it is applied and any start-up work named in `options.loading` is marked done.
 */
export async function startServer(settings: Settings = readSettings(), options: StartOptions = {}): Promise<RunningServer> {
  // Bad AUTH_TOKENS or OIDC_* settings stop the server before it connects to anything.
  const credentials = parseTokens(settings.AUTH_TOKENS);
  const oidc = readOidcSettings(settings);
  if (credentials.length === 0 && !oidc && settings.NODE_ENV !== 'test') {
    console.warn('No AUTH_TOKENS or OIDC_ISSUER set: the API is read-only until an administrator sets them.');
  }
  const gateway = createGateway(connectionSettings(settings));
  let schemaApplied = false;
  let loading = options.loading;
  let stopping = false;
  const production = settings.NODE_ENV === 'production';
  const app = createApp({
    gateway,
    authenticator: createAuthenticator(credentials, oidc && createIdentityProvider(oidc)),
    schemaApplied: () => schemaApplied,
    loading: () => loading,
    clientDir: production ? clientDir : undefined,
    graphiql: !production,
    protection: settings,
    logger: createLogger(settings.LOG_LEVEL ?? (settings.NODE_ENV === 'test' ? 'warn' : 'info'), options.log),
  });
  // app.fetch never throws: the adapter would send an exception's stack to the client.
  const server: Server = createServer(
    createServerAdapter<{ req: IncomingMessage }>((request, { req }) => app.fetch(request, { address: req.socket.remoteAddress })),
  );
  await listen(server, settings).catch(async (error: unknown) => {
    await gateway.close();
    throw error;
  });
  const preparing = prepareGraph(
    gateway,
    () => (schemaApplied = true),
    () => stopping,
  );
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.PORT;
  return {
    url: `http://localhost:${port}`,
    gateway,
    schemaApplied: preparing,
    loaded() {
      loading = undefined;
    },
    async close() {
      stopping = true;
      await new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeIdleConnections();
      });
      await preparing;
      await gateway.close();
    },
  };
}

/**
 * Lets the process go on when its standard output or error has been closed: Ctrl-C also ends a
 * pipe such as `npm start | tee log`, and the next line written to it must not end the process
 * before it has stopped what it started.
 */
export function survivingClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}

/**
 * Runs `close` on the first SIGTERM, SIGINT or SIGHUP (the terminal closed), then exits (0, or 1
 * if `close` fails). Later signals only say that it is still stopping, so what `close` stops is
 * never left half stopped.
 */
export function closeOnSignals(close: () => Promise<void>): void {
  survivingClosedOutput();
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) {
      console.log(`${signal} received: still shutting down.`);
      return;
    }
    closing = true;
    console.log(`${signal} received: shutting down.`);
    close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => shutdown(signal));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const running = await startServer();
  console.log(`API at ${running.url}/graphql`);
  closeOnSignals(running.close);
}
