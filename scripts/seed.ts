/** `npm run seed`: validates seed/ and loads it into Neo4j (NEO4J_URI, or the local server). */
import { connectionSettings } from '../server/src/main.ts';
import { createGateway } from '../server/src/db/gateway.ts';
import { applyGraphSchema } from '../server/src/db/graph-schema.ts';
import { seedGraph } from '../server/src/import/seed.ts';
import { SeedValidationError } from '../server/src/import/seed-files.ts';
import { neo4jForScripts } from './environment.ts';
import { readSettings } from '../server/src/config.ts';

const { settings } = await neo4jForScripts({ name: 'dev', port: readSettings().NEO4J_BOLT_PORT });
const gateway = createGateway(connectionSettings(settings));
try {
  await applyGraphSchema(gateway);
  await seedGraph(gateway);
} catch (error) {
  console.error(error instanceof SeedValidationError ? error.message : error);
  process.exitCode = 1;
} finally {
  await gateway.close();
}
