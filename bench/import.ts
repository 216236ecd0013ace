/**
 * `npm run bench:import`: how long importing a document of up to 2 MB takes through the API, and
 * whether the server keeps answering other requests meanwhile (bench/README.md).
 *
 * Starts the project's bench Neo4j (NEO4J_BENCH_BOLT_PORT, default 7689; data in .neo4j/bench/)
 * unless NEO4J_URI names another server, and the real API in a process of its own with an admin
 * token. Generates CSV-template plans of 2,000, 4,000 and 8,000 rows (8,000 rows is about 2 MB)
 * and a Markdown strategy of about 1.9 MB, times dry runs of each and a commit of the largest two,
 * and samples /health and a trace query, one request at a time, throughout each of those imports
 * and once with no import running, as a baseline. Removes everything it imported, and exits 1 if
 * a target is missed: a dry run of 8,000 rows within 2 s, and /health p99 within 100 ms while it
 * runs.
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { readSettings, type Settings } from '../server/src/config.ts';
import { createGateway, cypher, type Gateway } from '../server/src/db/gateway.ts';
import { applyGraphSchema } from '../server/src/db/graph-schema.ts';
import { connectionSettings } from '../server/src/main.ts';
import { startLocalNeo4j } from '../scripts/local-neo4j.ts';
import { csvPlan, markdownStrategy } from './import-documents.ts';
import { traceOperation } from './operations.ts';
import { cleanupOnExit, cpuTimes, percentile, positiveInteger, startApi, stealSince } from './process.ts';

const runs = positiveInteger('BENCH_IMPORT_RUNS', 3);
const rowCounts = (process.env.BENCH_IMPORT_ROWS || '2000,4000,8000').split(',').map((rows) => {
  const value = Number(rows);
  if (!Number.isInteger(value) || value < 1) throw new Error(`BENCH_IMPORT_ROWS must list whole numbers of rows, such as 2000,4000,8000, not "${rows}"`);
  return value;
});
const baselineSeconds = positiveInteger('BENCH_BASELINE_SECONDS', 5);
const benchPort = positiveInteger('NEO4J_BENCH_BOLT_PORT', 7689);
/** Pause between one sampled request's answer and the next request. */
const SAMPLE_PAUSE_MS = 10;
/** A sampled request not answered by then counts as failed, after this long. */
const SAMPLE_TIMEOUT_MS = 60_000;
const DRY_RUN_TARGET_S = 2;
const HEALTH_P99_TARGET_MS = 100;
const PREFIX = 'bench-import/';

// What the import view asks for (client/src/features/authoring/ImportView.tsx), so the server
// builds and sends a realistic answer.
const importOperation = /* GraphQL */ `
  mutation BenchImport_Import($input: ImportInput!, $dryRun: Boolean!) {
    importDocument(input: $input, dryRun: $dryRun) {
      dryRun
      committed
      document { id title }
      created { id label title code term corporate kind }
      updated { id label title code term corporate kind }
      createdLinks { id type from to basis rationale section excerpt }
      unchanged
      notUnderstood { line path text message }
      faults { line path text message }
    }
  }
`;

interface ImportAnswer {
  committed: boolean;
  document: { id: string } | null;
  created: { id: string }[];
  createdLinks: unknown[];
  faults: { message: string }[];
}

interface Document {
  name: string;
  fileName: string;
  content: string;
  /** Also committed (and removed again), and sampled during its dry runs. */
  large: boolean;
}

/** What this run started or opened, closed however the run ends. */
const cleanup = cleanupOnExit();
const token = randomBytes(24).toString('hex');

/**
 * Sends one GraphQL operation; the time includes reading the whole answer, which is parsed only
 * when asked, so parsing a large answer does not delay the sampled requests.
 */
async function send<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  auth = false,
  signal?: AbortSignal,
): Promise<{ ms: number; text: string; parse(): T }> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    signal,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(auth ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  return {
    ms,
    text,
    parse() {
      const body = JSON.parse(text) as { data?: T; errors?: { message: string }[] };
      if (body.errors?.length || !body.data) throw new Error(`HTTP ${response.status}: ${body.errors?.[0]?.message ?? text.slice(0, 200)}`);
      return body.data;
    },
  };
}

/** Latencies of one kind of sampled request, and how many failed (an error, or no answer within SAMPLE_TIMEOUT_MS). */
interface Sampled {
  ms: number[];
  failed: number;
}

interface Samples {
  health: Sampled;
  trace: Sampled;
}

const noSamples = (): Samples => ({ health: { ms: [], failed: 0 }, trace: { ms: [], failed: 0 } });

/**
 * Sends /health and a trace query, each one at a time with a short pause, until stopped: the
 * latency a load balancer's health check and a reader would see. Returns the latencies; a
 * request that fails counts as failed, with the time it was waited for.
 */
function sample(url: string, traceId: string): { stop(): Promise<Samples> } {
  let running = true;
  const samples = noSamples();
  const loop = async (into: Sampled, request: (signal: AbortSignal) => Promise<unknown>) => {
    while (running) {
      const started = performance.now();
      await request(AbortSignal.timeout(SAMPLE_TIMEOUT_MS)).catch(() => (into.failed += 1));
      into.ms.push(performance.now() - started);
      await new Promise((wait) => setTimeout(wait, SAMPLE_PAUSE_MS));
    }
  };
  const loops = [
    loop(samples.health, async (signal) => {
      const response = await fetch(`${url}/health`, { signal });
      await response.text();
      if (!response.ok) throw new Error(`/health answered ${response.status}`);
    }),
    loop(samples.trace, async (signal) => send(url, traceOperation, { id: traceId }, false, signal).then((answer) => answer.parse())),
  ];
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return samples;
    },
  };
}

interface Latency {
  phase: string;
  request: string;
  n: number;
  failed: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  steal?: number;
  target?: string;
  status: 'pass' | 'FAIL' | '—';
}

function latency(phase: string, request: string, { ms, failed }: Sampled, steal: number | undefined, targetP99?: number): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  const p99 = percentile(sorted, 99);
  return {
    phase,
    request,
    n: sorted.length,
    failed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99,
    max: sorted.at(-1) ?? 0,
    steal,
    target: targetP99 === undefined ? undefined : `p99 ≤ ${targetP99} ms`,
    status: targetP99 === undefined ? '—' : p99 <= targetP99 && failed === 0 ? 'pass' : 'FAIL',
  };
}

interface Timing {
  document: string;
  kind: 'dry run' | 'commit';
  megabytes: number;
  nodes: number;
  links: number;
  seconds: number[];
  steal?: number;
  target?: string;
  status: 'pass' | 'FAIL' | 'ERROR' | '—';
  error?: string;
}

const removeNodes = cypher('bench.removeImportedNodes', 'UNWIND $ids AS id MATCH (n:Entity {id: id}) DETACH DELETE n');
const removeChanges = cypher('bench.removeImportChanges', 'UNWIND $ids AS id MATCH (c:Change {subjectId: id}) DETACH DELETE c');

/** Removes exactly what an import created, and the history records of the import and of each node. */
async function removeImported(gateway: Gateway, answer: ImportAnswer): Promise<void> {
  const ids = answer.created.map(({ id }) => id);
  for (let start = 0; start < ids.length; start += 5_000) {
    const chunk = ids.slice(start, start + 5_000);
    await gateway.write(removeNodes, { ids: chunk });
    await gateway.write(removeChanges, { ids: chunk });
  }
  if (answer.document) await gateway.write(removeChanges, { ids: [answer.document.id] });
}

/** Imports `document` through the API, sampling other requests throughout; checks the answer. */
async function timedImport(url: string, traceId: string, document: Document, dryRun: boolean, sampled: boolean) {
  const sampler = sampled ? sample(url, traceId) : undefined;
  let answer: Awaited<ReturnType<typeof send<{ importDocument: ImportAnswer }>>>;
  let samples: Samples | undefined;
  try {
    answer = await send<{ importDocument: ImportAnswer }>(
      url,
      importOperation,
      { input: { fileName: document.fileName, content: document.content }, dryRun },
      true,
    );
  } finally {
    samples = await sampler?.stop();
  }
  const result = answer.parse().importDocument;
  if (result.faults.length) throw new Error(`${document.name}: ${result.faults[0]!.message}`);
  if (!dryRun && !result.committed) throw new Error(`${document.name} was not committed.`);
  return { ms: answer.ms, result, samples };
}

async function run(settings: Settings, gateway: Gateway): Promise<{ timings: Timing[]; latencies: Latency[] }> {
  const documents: Document[] = [
    ...rowCounts.map((rows) => ({
      name: `CSV, ${rows.toLocaleString('en-GB')} rows`,
      fileName: `bench-import-${rows}.csv`,
      content: csvPlan(rows, `${PREFIX}${rows}/`),
      large: rows === Math.max(...rowCounts),
    })),
    { name: 'Markdown strategy', fileName: 'bench-import-strategy.md', content: markdownStrategy(1_900_000), large: true },
  ];
  console.log('Starting the API…');
  const api = await startApi(settings, { AUTH_TOKENS: `Import benchmark:admin:${token}` });
  cleanup.add(() => api.close());

  // Something to trace while importing: a small plan of its own, imported first and removed at the end.
  const fixture = await timedImport(
    api.url,
    '',
    { name: 'trace fixture', fileName: 'bench-import-trace.csv', content: csvPlan(60, `${PREFIX}trace/`), large: false },
    false,
    false,
  );
  const traceId = fixture.result.created.find(({ id }) => id.endsWith('/a1'))!.id;
  const timings: Timing[] = [];
  const latencies: Latency[] = [];
  try {
    // A server in use has its import workers started and its code compiled.
    console.log('Warming up…');
    for (const document of [
      { name: 'warm-up CSV', fileName: 'bench-import-warm-up.csv', content: csvPlan(500, `${PREFIX}warm-up/`), large: false },
      { name: 'warm-up Markdown', fileName: 'bench-import-warm-up.md', content: markdownStrategy(100_000), large: false },
    ]) {
      await timedImport(api.url, traceId, document, true, false);
    }
    const warm = sample(api.url, traceId);
    await new Promise((wait) => setTimeout(wait, 1_000));
    await warm.stop();

    console.log(`Sampling /health and trace for ${baselineSeconds} s with no import running…`);
    let before = cpuTimes();
    const idle = sample(api.url, traceId);
    await new Promise((wait) => setTimeout(wait, baselineSeconds * 1_000));
    const baseline = await idle.stop();
    const idleSteal = stealSince(before);
    latencies.push(latency('no import', '/health', baseline.health, idleSteal), latency('no import', 'trace(action)', baseline.trace, idleSteal));

    for (const document of documents) {
      console.log(`Dry runs of ${document.name}…`);
      before = cpuTimes();
      const seconds: number[] = [];
      const during = noSamples();
      const targeted = document.fileName.endsWith('-8000.csv');
      const timing: Timing = {
        document: document.name,
        kind: 'dry run',
        megabytes: Buffer.byteLength(document.content) / 1024 / 1024,
        nodes: 0,
        links: 0,
        seconds,
        target: targeted ? `median ≤ ${DRY_RUN_TARGET_S} s` : undefined,
        status: '—',
      };
      timings.push(timing);
      try {
        for (let attempt = 0; attempt < runs; attempt += 1) {
          const { ms, result, samples } = await timedImport(api.url, traceId, document, true, document.large);
          seconds.push(ms / 1_000);
          timing.nodes = result.created.length;
          timing.links = result.createdLinks.length;
          for (const kind of ['health', 'trace'] as const) {
            during[kind].ms.push(...(samples?.[kind].ms ?? []));
            during[kind].failed += samples?.[kind].failed ?? 0;
          }
        }
      } catch (error) {
        timing.status = 'ERROR';
        timing.error = messageOf(error);
        continue;
      }
      timing.steal = stealSince(before);
      const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)]!;
      if (targeted) timing.status = median <= DRY_RUN_TARGET_S ? 'pass' : 'FAIL';
      if (document.large) {
        const phase = `${document.name}, dry runs`;
        latencies.push(
          latency(phase, '/health', during.health, timing.steal, targeted ? HEALTH_P99_TARGET_MS : undefined),
          latency(phase, 'trace(action)', during.trace, timing.steal),
        );
      }
    }

    for (const document of documents.filter(({ large }) => large)) {
      console.log(`Commit of ${document.name}…`);
      before = cpuTimes();
      let committed: Awaited<ReturnType<typeof timedImport>>;
      try {
        committed = await timedImport(api.url, traceId, document, false, true);
      } catch (error) {
        const megabytes = Buffer.byteLength(document.content) / 1024 / 1024;
        timings.push({ document: document.name, kind: 'commit', megabytes, nodes: 0, links: 0, seconds: [], status: 'ERROR', error: messageOf(error) });
        continue;
      }
      const { ms, result, samples } = committed;
      const steal = stealSince(before);
      await removeImported(gateway, result);
      const megabytes = Buffer.byteLength(document.content) / 1024 / 1024;
      timings.push({
        document: document.name,
        kind: 'commit',
        megabytes,
        nodes: result.created.length,
        links: result.createdLinks.length,
        seconds: [ms / 1_000],
        steal,
        status: '—',
      });
      const phase = `${document.name}, commit`;
      latencies.push(latency(phase, '/health', samples!.health, steal), latency(phase, 'trace(action)', samples!.trace, steal));
    }
  } finally {
    await removeImported(gateway, fixture.result);
  }
  return { timings, latencies };
}

/** An error's message, with its cause's (fetch says only "fetch failed"). */
const messageOf = (error: unknown) =>
  error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error);

const figure = (value: number | undefined, digits = 1) =>
  value === undefined ? '—' : value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A Markdown table, numbers right-aligned. */
function table(rows: string[][], numeric: Set<number>): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(' | ')} |`;
  console.log(line(rows[0]!));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
}

function print({ timings, latencies }: { timings: Timing[]; latencies: Latency[] }): void {
  // Other programs busy on the same machine slow both the import and the answers: say how busy it was.
  console.log(
    `\n${availableParallelism()} CPUs; load average over the last 5 minutes ${figure(loadavg()[1], 2)} (runnable processes; the benchmark itself adds about two)`,
  );
  console.log(`\nImports through the API (each time from sending the request to reading the whole answer; ${runs} dry run${runs === 1 ? '' : 's'} each)\n`);
  table(
    [
      ['document', 'import', 'MB', 'nodes', 'links', 'median s', 'each run s', 'steal %', 'target', 'pass/fail'],
      ...timings.map((timing) => [
        timing.document,
        timing.kind,
        figure(timing.megabytes, 2),
        timing.nodes.toLocaleString('en-GB'),
        timing.links.toLocaleString('en-GB'),
        figure([...timing.seconds].sort((a, b) => a - b)[Math.floor(timing.seconds.length / 2)], 2),
        timing.seconds.map((value) => figure(value, 2)).join(', '),
        figure(timing.steal),
        timing.target ?? '—',
        timing.error ? `ERROR: ${timing.error.split('\n')[0]}` : timing.status,
      ]),
    ],
    new Set([2, 3, 4, 5, 7]),
  );
  console.log(
    `\nOther requests meanwhile (one at a time, ${SAMPLE_PAUSE_MS} ms apart; ms from sending to reading the whole answer; failed: an error, or no answer within ${SAMPLE_TIMEOUT_MS / 1000} s)\n`,
  );
  table(
    [
      ['while', 'request', 'n', 'failed', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'steal %', 'target', 'pass/fail'],
      ...latencies.map((row) => [
        row.phase,
        row.request,
        String(row.n),
        String(row.failed),
        figure(row.p50),
        figure(row.p95),
        figure(row.p99),
        figure(row.max),
        figure(row.steal),
        row.target ?? '—',
        row.status,
      ]),
    ],
    new Set([2, 3, 4, 5, 6, 7, 8]),
  );
}

try {
  const settings = readSettings();
  if (settings.NEO4J_URI)
    console.warn(
      `NEO4J_URI is set: benchmarking against ${settings.NEO4J_URI}. This imports, and then removes, documents with ids starting "${PREFIX}" there.`,
    );
  const local = settings.NEO4J_URI ? undefined : await startLocalNeo4j({ name: 'bench', port: benchPort, heap: '2g' });
  if (local) cleanup.add(() => local.stop());
  const benchSettings: Settings = { ...settings, NEO4J_URI: settings.NEO4J_URI ?? local?.uri };
  const gateway = createGateway(connectionSettings(benchSettings));
  cleanup.add(() => gateway.close());
  await applyGraphSchema(gateway);
  const results = await run(benchSettings, gateway);
  print(results);
  const missed = [...results.timings, ...results.latencies].filter(({ status }) => status === 'FAIL' || status === 'ERROR');
  if (missed.length) {
    console.log(`\n${missed.length} target${missed.length === 1 ? '' : 's'} missed or import${missed.length === 1 ? '' : 's'} failed.`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanup.run();
}
