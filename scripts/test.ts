/**
 * `npm test` (after the build): every test tier against a real Neo4j. Starts the project's test
 * Neo4j once for the run (NEO4J_TEST_BOLT_PORT, default 7688; data in .neo4j/test/) unless
 * NEO4J_URI names another server, applies the graph schema, loads the seed data, runs vitest
 * (arguments are passed on), and stops the Neo4j it started. The project's own test database is
 * emptied first, so each run sees the seed files as they are now and nothing an earlier run left.
 */
import { spawn } from 'node:child_process';
import { connectionSettings } from '../server/src/main.ts';
import { createGateway, cypher } from '../server/src/db/gateway.ts';
import { applyGraphSchema } from '../server/src/db/graph-schema.ts';
import { seedGraph } from '../server/src/import/seed.ts';
import { neo4jForScripts } from './environment.ts';

// Each port has its own data folder, so test runs on different ports never share a database.
const port = Number(process.env.NEO4J_TEST_BOLT_PORT ?? 7688);
const { settings, local } = await neo4jForScripts({ name: port === 7688 ? 'test' : `test-${port}`, port });
const gateway = createGateway(connectionSettings(settings));
let exitCode = 1;
try {
  // Never another server's data: only the database this project keeps for its tests.
  if (local) await gateway.write(cypher('test.emptyGraph', 'MATCH (n) DETACH DELETE n'), {});
  await applyGraphSchema(gateway);
  await seedGraph(gateway);
  await gateway.close();
  exitCode = await new Promise<number>((finished) => {
    const vitest = spawn('npx', ['vitest', 'run', ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, NEO4J_URI: settings.NEO4J_URI, NEO4J_USERNAME: settings.NEO4J_USERNAME, NEO4J_PASSWORD: settings.NEO4J_PASSWORD },
    });
    vitest.on('close', (code) => finished(code ?? 1));
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await gateway.close();
  await local?.stop();
}
process.exit(exitCode);
