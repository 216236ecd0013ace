/**
 * `npm test` (after the build): every test tier against a real Neo4j. Starts the project's test
 * Neo4j once for the run unless NEO4J_URI names another server, applies the graph schema, loads
 * the seed data, runs vitest (arguments are passed on), and stops the Neo4j it started. The
 * project's own test database is emptied first, so each run sees the seed files as they are now
 * and nothing an earlier run left. Ctrl-C (or SIGTERM, or closing the terminal) at any point stops
 * vitest and that Neo4j.
 *
 * The test Neo4j keeps its data in .neo4j/test/ and listens on a port free at the time, so a run
 * never depends on a fixed port; NEO4J_TEST_BOLT_PORT fixes the port instead (data in
 * .neo4j/test-<port>/, and a server already answering there is reused).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connectionSettings, survivingClosedOutput } from '../server/src/main.ts';
import { createGateway, cypher, type Gateway } from '../server/src/db/gateway.ts';
import { applyGraphSchema } from '../server/src/db/graph-schema.ts';
import { seedGraph } from '../server/src/import/seed.ts';
import { neo4jForScripts, type Neo4jForScripts } from './environment.ts';
import { freePort } from './local-neo4j.ts';

/** The test Neo4j: on a free port with data in .neo4j/test/, or on NEO4J_TEST_BOLT_PORT if set. */
async function testInstance(fixed: string | undefined): Promise<{ name: string; port: number }> {
  if (!fixed) return { name: 'test', port: await freePort() };
  const port = Number(fixed);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`Invalid environment: NEO4J_TEST_BOLT_PORT: must be a port number from 1 to 65535, not "${fixed}"`);
    process.exit(2);
  }
  // Each fixed port has its own data folder, so test runs on different ports never share one.
  return { name: `test-${port}`, port };
}

const stopping = new AbortController();
let vitest: ChildProcess | undefined;
let neo4j: Neo4jForScripts | undefined;
let gateway: Gateway | undefined;
survivingClosedOutput();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    stopping.abort();
    // A seed load under way is left to finish (closing the driver under it would leave its
    // promise unsettled, and the run would exit without stopping Neo4j).
    vitest?.kill(signal);
  });
}

let exitCode = 1;
try {
  neo4j = await neo4jForScripts(await testInstance(process.env.NEO4J_TEST_BOLT_PORT), stopping.signal);
  const { settings, local } = neo4j;
  gateway = createGateway(connectionSettings(settings));
  // Never another server's data: only the database this project keeps for its tests.
  if (local) await gateway.write(cypher('test.emptyGraph', 'MATCH (n) DETACH DELETE n'), {});
  await applyGraphSchema(gateway);
  await seedGraph(gateway);
  await gateway.close();
  stopping.signal.throwIfAborted();
  exitCode = await new Promise<number>((finished) => {
    vitest = spawn('npx', ['vitest', 'run', ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, NEO4J_URI: settings.NEO4J_URI, NEO4J_USERNAME: settings.NEO4J_USERNAME, NEO4J_PASSWORD: settings.NEO4J_PASSWORD },
    });
    vitest.on('close', (code) => finished(code ?? 1));
  });
} catch (error) {
  if (!stopping.signal.aborted) console.error(error instanceof Error ? error.message : error);
} finally {
  await gateway?.close();
  await neo4j?.local?.stop();
}
process.exit(stopping.signal.aborted ? 130 : exitCode);
