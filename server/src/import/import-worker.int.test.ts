import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, testGateway, testTokens, type TestApi } from '../../test/api.ts';
import type { Gateway } from '../db/gateway.ts';
import { exportGraph } from '../queries/export.ts';
import { findExistingLinks, findExistingNodes } from '../queries/load.ts';
import { prepareImport, type ImportGraph, type ImportRequest } from './import-document.ts';
import { createImportWorkers, ImportWorkerError, type ImportWorkers } from './import-worker.ts';
import { seedDir } from './seed.ts';

const prefix = `test-import-worker-${Math.random().toString(36).slice(2, 8)}`;
let gateway: Gateway;
let graph: ImportGraph;
let workers: ImportWorkers;

beforeAll(() => {
  gateway = testGateway();
  graph = {
    nodes: (ids) => findExistingNodes(gateway, ids),
    links: async (links) => new Set((await findExistingLinks(gateway, links)).keys()),
  };
  workers = createImportWorkers();
});
afterAll(async () => {
  await workers?.close();
  await gateway?.close();
});

/** A CSV-template plan of `rows` actions, about 230 bytes a row. */
function largeCsv(rows: number): string {
  const lines = ['id,parent,label,title,text,themes', `${prefix}/plan,,Plan,A large plan,,`];
  for (let row = 1; row <= rows; row += 1) {
    lines.push(
      `${prefix}/plan/a${row},${prefix}/plan,Action,Action ${row}: find homes near college for care leavers,"We will work with landlords and colleges, row ${row}, to find homes for young people leaving care.",theme/care-leavers`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('import workers', () => {
  it('prepare a CSV, a text document and a graph export exactly as this thread does, as a dry run and for writing', async () => {
    const requests: ImportRequest[] = [
      {
        fileName: `${prefix}-plan.csv`,
        content: `id,parent,label,title,themes\n${prefix}/a1,redbridge-people-strategy-2024/sp2,Action,Find homes near college,theme/care-leavers\n${prefix}/a2,${prefix}/nowhere,Action,Under an unknown parent,\n`,
      },
      { fileName: `${prefix}-plan.csv`, content: Buffer.from(largeCsv(300)) },
      { fileName: `${prefix}-thurrock.txt`, content: readFileSync(join(seedDir, 'documents', '002_88537f17d4321af1.txt'), 'utf8') },
      { fileName: 'redbridge-people-strategy-2024.json', content: (await exportGraph(gateway, 'redbridge-people-strategy-2024', 'JSON')).content },
      { fileName: `${prefix}.pdf`, content: '%PDF-1.7' },
    ];
    for (const request of requests) {
      for (const dryRun of [true, false]) {
        const inWorker = await workers.prepare(request, dryRun, graph);
        expect(inWorker, `${request.fileName}${dryRun ? ' (dry run)' : ''}`).toEqual(await prepareImport(request, dryRun, graph));
      }
    }
    const [faulty, large, text, exported] = await Promise.all(requests.slice(0, 4).map((request) => workers.prepare(request, false, graph)));
    expect(faulty!.result.faults.map(({ message }) => message)).toEqual([`unknown id ${prefix}/nowhere`]);
    expect(large!.batch?.nodes).toHaveLength(302);
    expect(text!.result.faults).toEqual([]);
    expect(text!.result.created.length + text!.result.updated.length + text!.result.unchanged).toBeGreaterThan(20);
    expect(exported!.result).toMatchObject({ faults: [], created: [], createdLinks: [] });
  });

  it('refuse an import whose worker runs out of memory or time, with a fault saying so, rather than hang', async () => {
    const request = { fileName: `${prefix}-large.csv`, content: largeCsv(8_000) };
    const starved = createImportWorkers({ resourceLimits: { maxOldGenerationSizeMb: 8 } });
    const slow = createImportWorkers({ budgetMs: 1 });
    try {
      await expect(starved.prepare(request, true, graph)).rejects.toThrow(
        new ImportWorkerError(
          `${prefix}-large.csv could not be read: the import stopped unexpectedly (Worker terminated due to reaching memory limit: JS heap out of memory). Nothing was written.`,
        ),
      );
      await expect(slow.prepare(request, true, graph)).rejects.toThrow(
        new ImportWorkerError(`${prefix}-large.csv took longer than 0.001 s to read and check, so the import was stopped. Nothing was written.`),
      );
    } finally {
      await starved.close();
      await slow.close();
    }
  });

  it('give the caller the database’s own error when a lookup fails, and go on to the next import', async () => {
    const unreachable = new Error('The graph database is not reachable at the moment; try again shortly.');
    const failing: ImportGraph = { nodes: () => Promise.reject(unreachable), links: () => Promise.reject(unreachable) };
    const request = { fileName: `${prefix}-plan.csv`, content: largeCsv(10) };
    await expect(workers.prepare(request, true, failing)).rejects.toBe(unreachable);
    // The document, the plan and its ten actions.
    expect((await workers.prepare(request, true, graph)).result.created).toHaveLength(12);
  });
});

describe('a large import', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('leaves /health answering while it is read and checked', async () => {
    const rows = 8_000;
    const content = largeCsv(rows);
    const Import = /* GraphQL */ `
      mutation ImportWorkerTest_Import($input: ImportInput!) {
        importDocument(input: $input, dryRun: true) { created { id } faults { message } }
      }
    `;
    let pending = true;
    const started = performance.now();
    const imported = api
      .execute<{ importDocument: { created: { id: string }[]; faults: { message: string }[] } }>(
        Import,
        { input: { fileName: `${prefix}-large.csv`, content } },
        { token: testTokens.editor },
      )
      .finally(() => {
        pending = false;
      });
    // Asked one at a time, as a load balancer's health check would. Were the import read and
    // checked on the event loop (which the server shares with this test), /health would go
    // unanswered through each stretch of that work, a good part of the whole import.
    let answered = 0;
    let longestGap = 0;
    let last = started;
    while (pending) {
      const health = await fetch(`${api.url}/health`);
      expect(health.status).toBe(200);
      longestGap = Math.max(longestGap, performance.now() - last);
      last = performance.now();
      if (pending) answered += 1;
      await new Promise((wait) => setTimeout(wait, 10));
    }
    const duration = performance.now() - started;
    const { data, errors } = await imported;
    expect(errors).toBeUndefined();
    expect(data?.importDocument.faults).toEqual([]);
    expect(data?.importDocument.created).toHaveLength(rows + 2);
    expect(answered).toBeGreaterThan(0);
    expect(longestGap).toBeLessThan(duration / 4);
  });
});
