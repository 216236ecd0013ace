/**
 * Provisions the project's own Neo4j: Community 5.26 (LTS) resolved from Maven Central and run
 * on loopback by neo4j/Launcher.java. Used by `npm start`, `npm test`, the benchmarks and the
 * `npm run neo4j` command. Nothing here is used when NEO4J_URI points at another server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pom = join(root, 'neo4j', 'pom.xml');
const launcher = join(root, 'neo4j', 'Launcher.java');
const stateDir = join(root, '.neo4j');

export interface LocalNeo4jOptions {
  /** Bolt port on 127.0.0.1. */
  port: number;
  /** Folder (under .neo4j/) holding this instance's data, logs and pid file. */
  name: string;
  /** Java heap, e.g. "1g". */
  heap?: string;
  /**
   * Aborting it while Maven fetches Neo4j or while Neo4j starts stops that process (and removes
   * its pid file); the start then rejects with the signal's reason.
   */
  signal?: AbortSignal;
}

export interface LocalNeo4j {
  uri: string;
  /** False when a server was already answering on the port and has been reused. */
  startedHere: boolean;
  stop(): Promise<void>;
}

export class ProvisioningError extends Error {}

function neo4jVersion(): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(pom, 'utf8'));
  if (!match?.[1]) throw new ProvisioningError(`neo4j/pom.xml does not declare neo4j.version`);
  return match[1];
}

function requireTool(command: string, args: string[], install: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new ProvisioningError(`${command} was not found: install ${install} (or set NEO4J_URI to use an existing Neo4j).`);
  }
  return `${result.stdout}${result.stderr}`;
}

function requireJava(): void {
  const output = requireTool('java', ['-version'], 'Java 17 or newer (Debian: apt-get install openjdk-17-jre-headless)');
  const major = Number(/version "(\d+)/.exec(output)?.[1] ?? 0);
  if (major < 17) {
    throw new ProvisioningError(`Java ${major} found but Neo4j 5.26 needs Java 17 or newer: install openjdk-17-jre-headless.`);
  }
}

/**
 * Returns the classpath of Neo4j and its Bolt connector, fetching them from Maven Central the
 * first time (Maven caches them in ~/.m2). Prints one progress line per few artifacts fetched.
 */
export async function neo4jClasspath(log: (line: string) => void = console.log, signal?: AbortSignal): Promise<string> {
  const version = neo4jVersion();
  const cached = join(stateDir, `classpath-${version}.txt`);
  if (existsSync(cached)) {
    const classpath = readFileSync(cached, 'utf8').trim();
    if (classpath.split(':').every((jar) => existsSync(jar))) return classpath;
  }
  requireJava();
  requireTool('mvn', ['-v'], 'Apache Maven 3.6 or newer (Debian: apt-get install maven)');
  mkdirSync(stateDir, { recursive: true });
  log(`Fetching Neo4j Community ${version} from Maven Central (first run only)…`);

  await new Promise<void>((done, fail) => {
    const maven = spawn('mvn', ['-B', '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${cached}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      signal,
    });
    let fetched = 0;
    let tail = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) {
        if (!line.includes('Downloaded from')) continue;
        fetched += 1;
        if (fetched % 25 === 0) log(`  fetched ${fetched} files…`);
      }
    };
    maven.stdout.on('data', onData);
    maven.stderr.on('data', onData);
    maven.on('error', fail);
    maven.on('close', (code) => {
      // Stopped on purpose (Ctrl-C reaches Maven too): not a fault of Maven's.
      if (signal?.aborted) {
        fail(signal.reason);
      } else if (code === 0) {
        log(`  Neo4j ${version} ready (${fetched} files fetched).`);
        done();
      } else {
        fail(new ProvisioningError(`Maven could not resolve Neo4j ${version} (exit ${code}):\n${tail}`));
      }
    });
  });
  return readFileSync(cached, 'utf8').trim();
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portAnswers(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((answer) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const finish = (open: boolean) => {
      socket.destroy();
      answer(open);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** A TCP port on 127.0.0.1 that nothing listens on now, chosen by the operating system. */
export function freePort(): Promise<number> {
  return new Promise((found, failed) => {
    const probe = createServer();
    probe.once('error', failed);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? found(address.port) : failed(new Error('No free port.'))));
    });
  });
}

function pidFile(name: string): string {
  return join(stateDir, name, 'neo4j.pid');
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The pid recorded for .neo4j/<name>/, if that process is still this project's Neo4j of that
 * folder. A pid file whose process has gone, or whose pid now belongs to another program, is
 * removed, so nothing else is ever signalled.
 */
function recordedNeo4j(name: string): number | undefined {
  const file = pidFile(name);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
    // `ps -ww` prints the whole command line on Linux and macOS; the launcher's last two
    // arguments are the data folder and the port.
    const command = spawnSync('ps', ['-ww', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).stdout?.trim() ?? '';
    if (command.includes('Launcher') && command.replace(/ \d+$/, '').endsWith(` ${join(stateDir, name)}`)) return pid;
  }
  rmSync(file, { force: true });
  return undefined;
}

/**
 * Starts a local Neo4j on the given port, or reuses the one already answering there, and waits
 * until it accepts Bolt connections.
 *
 * @remarks
 * A server of the same data folder left running on another port (by an earlier run that was
 * killed, say) is stopped first, since two servers cannot share a folder. The java process is
 * recorded in .neo4j/<name>/neo4j.pid as soon as it is spawned, and `options.signal` stops it
 * while it is still starting, so an interrupted start leaves nothing running.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions, log: (line: string) => void = console.log): Promise<LocalNeo4j> {
  const { name, port, signal } = options;
  const uri = `bolt://127.0.0.1:${port}`;
  signal?.throwIfAborted();
  if (await portAnswers(port)) {
    log(`Reusing the Neo4j already running at ${uri}.`);
    return { uri, startedHere: false, stop: async () => {} };
  }
  const left = recordedNeo4j(name);
  if (left !== undefined) {
    log(`Stopping the Neo4j left running on .neo4j/${name} by an earlier run…`);
    await stopProcess(left, name, log);
  }

  const classpath = await neo4jClasspath(log, signal);
  signal?.throwIfAborted();
  const home = join(stateDir, name);
  mkdirSync(home, { recursive: true });
  const output = openSync(join(home, 'launcher.log'), 'a');
  const java = spawn('java', [`-Xmx${options.heap ?? '1g'}`, '-XX:+UseG1GC', '-cp', classpath, launcher, home, String(port)], {
    detached: true,
    stdio: ['ignore', output, output],
  });
  closeSync(output);
  java.unref();
  const pid = java.pid;
  if (!pid) throw new ProvisioningError('Could not start java for Neo4j.');
  writeFileSync(pidFile(name), String(pid));
  log(`Starting Neo4j at ${uri} (data in .neo4j/${name})…`);

  const deadline = Date.now() + 120_000;
  let waited = 0;
  while (!(await portAnswers(port))) {
    if (signal?.aborted) {
      await stopProcess(pid, name, log);
      throw signal.reason;
    }
    if (!isRunning(pid)) {
      rmSync(pidFile(name), { force: true });
      throw new ProvisioningError(`Neo4j stopped while starting; see .neo4j/${name}/launcher.log`);
    }
    if (Date.now() > deadline) {
      await stopProcess(pid, name, log);
      throw new ProvisioningError(`Neo4j did not answer on port ${port} within 120 s; see .neo4j/${name}/launcher.log`);
    }
    await new Promise((wait) => setTimeout(wait, 500));
    waited += 1;
    if (waited % 10 === 0) log(`  still starting (${waited / 2} s)…`);
  }
  log(`Neo4j is up at ${uri}.`);
  return { uri, startedHere: true, stop: () => stopProcess(pid, name, log) };
}

async function stopProcess(pid: number, name: string, log: (line: string) => void): Promise<void> {
  const exited = async (withinMs: number) => {
    const deadline = Date.now() + withinMs;
    while (isRunning(pid) && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 200));
    return !isRunning(pid);
  };
  if (isRunning(pid)) {
    process.kill(pid, 'SIGTERM');
    if (!(await exited(60_000))) {
      process.kill(pid, 'SIGKILL');
      await exited(5_000);
    }
    log('Neo4j stopped.');
  }
  rmSync(pidFile(name), { force: true });
}

/** Stops the local Neo4j recorded under .neo4j/<name>/, if it is running. */
export async function stopLocalNeo4j(name: string, log: (line: string) => void = console.log): Promise<boolean> {
  const pid = recordedNeo4j(name);
  if (pid === undefined) return false;
  await stopProcess(pid, name, log);
  return true;
}
