/**
 * `npm start`: the whole app on one machine. Starts (or reuses) the local Neo4j unless NEO4J_URI
 * is set, applies the graph schema, loads the seed data, and serves the API and the built client
 * at http://localhost:4000 (PORT); /ready answers 200 once the seed data is loaded. Ctrl-C (or
 * SIGTERM, or closing the terminal) at any point, even while Neo4j is still starting, stops the
 * app and the Neo4j it started.
 */
import { closeOnSignals, startServer, type RunningServer } from '../server/src/main.ts';
import { seedGraph } from '../server/src/import/seed.ts';
import { devInstance, neo4jForScripts } from './environment.ts';

const stopping = new AbortController();
const neo4j = neo4jForScripts(devInstance(), stopping.signal);
let server: RunningServer | undefined;
let stopped: Promise<void> | undefined;

/** Stops whatever has been started so far, once, however far the start-up had got. */
function stopEverything(): Promise<void> {
  stopped ??= (async () => {
    stopping.abort();
    // Settles once a Neo4j still starting has been stopped, or with the one that is up.
    const local = await neo4j.then(
      ({ local }) => local,
      () => undefined,
    );
    await server?.close();
    await local?.stop();
  })();
  return stopped;
}
closeOnSignals(stopEverything);

try {
  const { settings } = await neo4j;
  server = await startServer({ ...settings, NODE_ENV: 'production' }, { loading: 'seed data loading' });
  console.log(`Listening at ${server.url}/; /ready answers 503 until the seed data is loaded.`);
  await server.schemaApplied;
  await seedGraph(server.gateway);
  server.loaded();
  console.log(`\nThe app is running at ${server.url}/ (API at ${server.url}/graphql). Press Ctrl-C to stop.`);
} catch (error) {
  // Failures caused by stopping are expected; the signal handler exits when all is stopped.
  if (!stopping.signal.aborted) {
    console.error(error instanceof Error ? error.message : error);
    await stopEverything();
    process.exit(1);
  }
}
