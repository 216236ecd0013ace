import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'import-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs `npm run import -- <file>`. An over-size file must be refused before Neo4j is asked
 * anything, so unless told otherwise it runs against a port where nothing listens: a script that
 * connected first would fail with another message.
 */
function runImport(file: string, neo4jUri = 'bolt://127.0.0.1:9'): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', 'import', '--', file], { cwd: root, env: { ...process.env, NEO4J_URI: neo4jUri }, timeout: 60_000 });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('close', (code) => done({ code, output }));
  });
}

describe('npm run import', () => {
  it('refuses /dev/zero at once with the size fault, without reading it all', async () => {
    const { code, output } = await runImport('/dev/zero');
    expect(output).toContain('fault: /dev/zero is more than 2 MB; at most 2 MB can be imported.');
    expect(output).toContain('Nothing was written: 1 fault.');
    expect(code).toBe(1);
  });

  it('refuses a 3 GB file by its size, unread', async () => {
    const huge = join(dir, 'huge.csv');
    writeFileSync(huge, '');
    // Sparse: it takes no room on the disk, but reading it would take 3 GB of memory.
    truncateSync(huge, 3 * 1024 ** 3);
    const { code, output } = await runImport(huge);
    expect(output).toContain(`fault: ${huge} is 3072.0 MB; at most 2 MB can be imported.`);
    expect(code).toBe(1);
  });

  it('refuses a pipe that never ends once it has sent more than 2 MB', async () => {
    const fifo = join(dir, 'endless.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = spawn('sh', ['-c', `yes 'id,parent,label,title' > '${fifo}'`], { stdio: 'ignore' });
    try {
      const { code, output } = await runImport(fifo);
      expect(output).toContain(`fault: ${fifo} is more than 2 MB; at most 2 MB can be imported.`);
      expect(code).toBe(1);
    } finally {
      writer.kill();
    }
  });

  it('reads a file within the limit whole and shows what it would create', async () => {
    const plan = join(dir, 'plan.csv');
    writeFileSync(plan, 'id,parent,label,title\ntest-import-script/plan,,Plan,A plan from the command line\n');
    const { code, output } = await runImport(plan, process.env.NEO4J_URI);
    expect(output).toContain('Would create 2 nodes (1 Document, 1 Plan)');
    expect(output).toContain('Nothing was written.');
    expect(code).toBe(0);
  });
});
