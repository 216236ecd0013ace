import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, portAnswers, stopLocalNeo4j } from './local-neo4j.ts';

// `npm start` as a user runs it, on a Neo4j of its own: its own data folder and a free port.
const root = resolve(import.meta.dirname, '..');
const folder = 'test-start';
const home = join(root, '.neo4j', folder);
const log = () => {};

/** Pids of every java process running the launcher on `home`, found from the process table. */
function neo4jProcesses(): number[] {
  const table = spawnSync('ps', ['-eww', '-o', 'pid=,args='], { encoding: 'utf8' }).stdout;
  return table
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => !!match && match[2]!.includes('Launcher') && match[2]!.replace(/ \d+$/, '').endsWith(` ${home}`))
    .map((match) => Number(match[1]));
}

interface Started {
  child: ChildProcess;
  boltPort: number;
  exited: Promise<number | null>;
  /** Resolves with the first match of `pattern` in the output so far or to come. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  output(): string;
}

/**
 * Runs scripts/start.ts as `npm start` does after the build, in a process group of its own as a
 * shell runs a foreground job.
 */
async function startApp(): Promise<Started> {
  const boltPort = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_BOLT_PORT: String(boltPort), NEO4J_LOCAL_FOLDER: folder, PORT: '0', HOST: '127.0.0.1' };
  delete env.NEO4J_URI;
  delete env.NODE_ENV;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    boltPort,
    exited,
    output: () => output,
    waitFor(pattern, timeoutMs = 180_000) {
      return new Promise((found, failed) => {
        const check = () => {
          const match = pattern.exec(output);
          if (!match) return;
          listeners.delete(check);
          clearTimeout(timer);
          found(match);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          failed(new Error(`${pattern} did not appear within ${timeoutMs} ms; output:\n${output}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => setTimeout(() => !pattern.test(output) && failed(new Error(`start.ts exited before ${pattern}; output:\n${output}`)), 100));
        check();
      });
    },
  };
}

/** Waits for the start-up to exit after a signal, then checks that it left nothing behind. */
async function expectEverythingStopped(app: Started, httpUrl?: string): Promise<void> {
  const timeout = new Promise<'still running'>((late) => setTimeout(() => late('still running'), 90_000));
  const code = await Promise.race([app.exited, timeout]);
  expect(code, app.output()).toBe(0);
  expect(neo4jProcesses(), app.output()).toEqual([]);
  expect(await portAnswers(app.boltPort), `Bolt port ${app.boltPort}`).toBe(false);
  if (httpUrl) await expect(fetch(`${httpUrl}/health`)).rejects.toThrow();
}

async function stopLeftovers(): Promise<void> {
  await stopLocalNeo4j(folder, log);
  // Only if a failed run left a Neo4j on this test's own folder.
  for (const pid of neo4jProcesses()) process.kill(pid, 'SIGKILL');
}

beforeAll(async () => {
  await stopLeftovers();
  rmSync(home, { recursive: true, force: true });
});
afterAll(async () => {
  await stopLeftovers();
  rmSync(home, { recursive: true, force: true });
});

describe('npm start stopped by a signal', () => {
  it('runs start.ts in one node process, so signals reach its own handlers', () => {
    // The tsx command relays signals to a child node and kills it if it does not answer within
    // milliseconds (as when it is busy loading), which would leave Neo4j running.
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toMatch(/&& node --import tsx scripts\/start\.ts$/);
    expect(scripts.test).toMatch(/&& node --import tsx scripts\/test\.ts$/);
  });

  it('stops a Neo4j that is still starting on Ctrl-C', async () => {
    const app = await startApp();
    await app.waitFor(/Starting Neo4j at /);
    expect(neo4jProcesses()).toHaveLength(1);
    process.kill(-app.child.pid!, 'SIGINT');
    await expectEverythingStopped(app);
  }, 120_000);

  it('stops the server and Neo4j on SIGTERM while the seed data loads, and /ready says it is loading', async () => {
    const app = await startApp();
    const [, url] = await app.waitFor(/Listening at (http:\/\/\S+?)\/;/);
    await app.waitFor(/Seed data valid/);
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not ready', loading: 'seed data loading' });
    // SIGTERM to the command alone, as a process manager sends it.
    process.kill(app.child.pid!, 'SIGTERM');
    await expectEverythingStopped(app, url);
    expect(app.output()).not.toMatch(/The app is running/);
  }, 300_000);

  it('stops the server and Neo4j on Ctrl-C while serving, even when Ctrl-C also ended the pipe it writes to', async () => {
    const app = await startApp();
    const [, url] = await app.waitFor(/The app is running at (http:\/\/\S+?)\/ /);
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    // As `npm start | tee log` is left after Ctrl-C: tee has gone, so writing fails with EPIPE.
    app.child.stdout!.destroy();
    app.child.stderr!.destroy();
    process.kill(-app.child.pid!, 'SIGINT');
    await expectEverythingStopped(app, url);
  }, 300_000);
});
