/**
 * `npm start`: the whole app on one machine. Starts (or reuses) the local Neo4j unless NEO4J_URI
 * is set, applies the graph schema, loads the seed data, and serves the API and the built client
 * at http://localhost:4000 (PORT). Ctrl-C stops the app and the Neo4j it started.
 */
import { closeOnSignals, startServer } from '../server/src/main.ts';
import { seedGraph } from '../server/src/import/seed.ts';
import { readSettings } from '../server/src/config.ts';
import { neo4jForScripts } from './environment.ts';

const { settings, local } = await neo4jForScripts({ name: 'dev', port: readSettings().NEO4J_BOLT_PORT });
const server = await startServer({ ...settings, NODE_ENV: 'production' });
try {
  await server.schemaApplied;
  await seedGraph(server.gateway);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await server.close();
  await local?.stop();
  process.exit(1);
}
console.log(`\nThe app is running at ${server.url}/ (API at ${server.url}/graphql). Press Ctrl-C to stop.`);
closeOnSignals(async () => {
  await server.close();
  await local?.stop();
});
