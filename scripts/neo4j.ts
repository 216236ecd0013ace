/**
 * `npm run neo4j -- start|stop|status`: manages the project's local Neo4j by hand
 * (NEO4J_BOLT_PORT, default 7687; data in .neo4j/dev/, or the folder NEO4J_LOCAL_FOLDER names).
 */
import { devInstance } from './environment.ts';
import { portAnswers, startLocalNeo4j, stopLocalNeo4j } from './local-neo4j.ts';

const { name, port } = devInstance();
const command = process.argv[2] ?? 'status';

if (command === 'start') {
  // Ctrl-C while Neo4j is still starting stops it rather than leaving it half started.
  const stopping = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => stopping.abort());
  const local = await startLocalNeo4j({ name, port, signal: stopping.signal }).catch((error: unknown) => {
    if (!stopping.signal.aborted) throw error;
    process.exit(130);
  });
  console.log(local.startedHere ? 'Started; stop it with: npm run neo4j -- stop' : 'Already running.');
} else if (command === 'stop') {
  if (!(await stopLocalNeo4j(name))) console.log('No local Neo4j started by this project is running.');
} else if (command === 'status') {
  console.log((await portAnswers(port)) ? `Neo4j answers at bolt://127.0.0.1:${port}.` : `Nothing answers at bolt://127.0.0.1:${port}.`);
} else {
  console.error(`Unknown command "${command}": use start, stop or status.`);
  process.exitCode = 2;
}
