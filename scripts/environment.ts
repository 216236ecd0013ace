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

/** A local Neo4j: its folder under .neo4j/ and its Bolt port. */
export interface LocalInstance {
  name: string;
  port: number;
}

/**
 * The local Neo4j of `npm start` and `npm run neo4j`: data in .neo4j/dev/ (NEO4J_LOCAL_FOLDER)
 * on NEO4J_BOLT_PORT.
 */
export function devInstance(env: NodeJS.ProcessEnv = process.env): LocalInstance {
  const name = env.NEO4J_LOCAL_FOLDER || 'dev';
  // A folder name, never a path: the folder is created, and may be deleted, under .neo4j/.
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) {
    throw new Error(`Invalid environment: NEO4J_LOCAL_FOLDER: must be a folder name of letters, digits, - and _, not "${name}"`);
  }
  return { name, port: readSettings(env).NEO4J_BOLT_PORT };
}

/**
 * The settings to reach Neo4j, with the local server started first when NEO4J_URI is unset.
 * Aborting `signal` stops a local server that is still starting; the promise then rejects.
 */
export async function neo4jForScripts(instance: LocalInstance, signal?: AbortSignal): Promise<Neo4jForScripts> {
  const settings = readSettings();
  if (settings.NEO4J_URI) {
    console.log(`Using the Neo4j at ${settings.NEO4J_URI} (NEO4J_URI).`);
    return { settings };
  }
  try {
    const local = await startLocalNeo4j({ name: instance.name, port: instance.port, signal });
    return { settings: { ...settings, NEO4J_URI: local.uri }, local };
  } catch (error) {
    // Missing Java or Maven is a one-line instruction, not a stack trace.
    if (!(error instanceof ProvisioningError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
