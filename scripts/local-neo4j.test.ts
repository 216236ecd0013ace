import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, stopLocalNeo4j } from './local-neo4j.ts';

const home = join(resolve(import.meta.dirname, '..'), '.neo4j', 'test-pid-file');
const pidFile = join(home, 'neo4j.pid');

afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('the local Neo4j pid file', () => {
  it('never signals a process whose pid the file names unless it is the Neo4j of that folder', async () => {
    const other = spawn('sleep', ['30']);
    const exited = new Promise((done) => other.on('exit', done));
    try {
      mkdirSync(home, { recursive: true });
      writeFileSync(pidFile, String(other.pid));

      expect(await stopLocalNeo4j('test-pid-file', () => {})).toBe(false);
      expect(() => process.kill(other.pid!, 0)).not.toThrow();
      expect(other.signalCode).toBeNull();
      // The stale record is gone, so nothing acts on it again.
      expect(existsSync(pidFile)).toBe(false);
    } finally {
      other.kill();
      await exited;
    }
  });

  it('says there is nothing to stop when no pid file exists', async () => {
    expect(await stopLocalNeo4j('test-pid-file', () => {})).toBe(false);
  });
});

describe('freePort', () => {
  it('gives a port nothing listens on, which can then be listened on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((listening, failed) => {
      server.once('error', failed);
      server.listen(port, '127.0.0.1', listening);
    });
    await new Promise((closed) => server.close(closed));
  });
});
