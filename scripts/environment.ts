/**
 * Where the scripts find Neo4j: the server named by NEO4J_URI when it is set, otherwise the
 * project's own local server, started (or reused) on the given port.
 */
import { readSettings, type Settings } from '../server/src/config.ts';
import { ProvisioningError, startLocalNeo4j, type LocalNeo4j } from './local-neo4j.ts';

export interface Neo4jForScripts {
  settings: Settings;
  local?: LocalNeo4j;
}

export async function neo4jForScripts(instance: { name: string; port: number }): Promise<Neo4jForScripts> {
  const settings = readSettings();
  if (settings.NEO4J_URI) {
    console.log(`Using the Neo4j at ${settings.NEO4J_URI} (NEO4J_URI).`);
    return { settings };
  }
  try {
    const local = await startLocalNeo4j({ name: instance.name, port: instance.port });
    return { settings: { ...settings, NEO4J_URI: local.uri }, local };
  } catch (error) {
    // Missing Java or Maven is a one-line instruction, not a stack trace.
    if (!(error instanceof ProvisioningError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
 