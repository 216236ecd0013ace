/**
 * `npm run bench:cache`: what the response cache and the graph version stamp cost and give.
 *
 * Starts a Neo4j of its own (NEO4J_BENCH_BOLT_PORT, default 7689; data in .neo4j/bench-cache/)
 * unless NEO4J_URI names another server, loads BENCH_COUNCILS synthetic councils (default 4),
 * then measures, alternating so the machine's noise falls on both sides alike:
 *
 * - concurrent edits (16 writers, each on its own node) through a gateway that stamps the graph
 *   version and one that does not: the stamp's lock is shared by every write;
 * - the fixed cost floor, `{ __typename }`, one at a time and at 16 clients;
 * - trace at 16 clients for BENCH_SECONDS (default 10) over BENCH_TRACE_ACTIONS distinct actions
 *   (default 500), each asked once first, against one API with RESPONSE_CACHE=on and one with it off;
 * - one trace at a time: a hit (the same action again), and a miss (a write before each request,
 *   untimed), with the cache on and off.
 *
 * Every row carries the load average and the host's steal. Writes bench/results/cache-<time>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readSettings, type Settings } from '../server/src/config.ts';
import { createGateway, cypher, type Gateway, int } from '../server/src/db/gateway.ts';
import { applyGraphSchema } from '../server/src/db/graph-schema.ts';
import { connectionSettings } from '../server/src/main.ts';
import { loadBatch } from '../server/src/queries/load.ts';
import { startLocalNeo4j } from '../scripts/local-neo4j.ts';
import { traceOperation } from './operations.ts';
import { cleanupOnExit, cpuTimes, percentile, positiveInteger, postOperation, startApi, stealSince } from './process.ts';
import { BENCH_PREFIX, seededRandom, syntheticCouncils } from './synthetic-council.ts';

const CONCURRENCY = 16;
const councils = positiveInteger('BENCH_COUNCILS', 4);
const seconds = positiveInteger('BENCH_SECONDS', 10);
const distinctActions = positiveInteger('BENCH_TRACE_ACTIONS', 500);
const sequentialRequests = positiveInteger('BENCH_SEQUENTIAL', 150);
const rounds = positiveInteger('BENCH_ROUNDS', 2);
const benchPort = positiveInteger('NEO4J_BENCH_BOLT_PORT', 7689);

const deleteBenchNodes = cypher(
  'benchCache.deleteBenchNodes',
  `MATCH (n:Entity) WHERE n.id STARTS WITH $prefix
   WITH n LIMIT 5000
   DETACH DELETE n
   RETURN count(*) AS deleted`,
);
const touch = cypher('benchCache.touch', 'MATCH (n:Entity {id: $id}) SET n.benchTouched = $value');

const figure = (value: number | undefined, digits = 1) =>
  value === undefined || Number.isNaN(value) ? '—' : value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

interface Row {
  measure: string;
  side: string;
  round: number;
  n: number;
  perSecond?: number;
  p50: number;
  p95: number;
  errors: number;
  steal?: number;
  loadAverage: string;
}
const rows: Row[] = [];

function summarise(
  measure: string,
  side: string,
  round: number,
  ms: number[],
  errors: number,
  elapsedSeconds: number | undefined,
  before: ReturnType<typeof cpuTimes>,
): Row {
  const sorted = [...ms].sort((a, b) => a - b);
  const row: Row = {
    measure,
    side,
    round,
    n: ms.length,
    perSecond: elapsedSeconds === undefined ? undefined : ms.length / elapsedSeconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    errors,
    steal: stealSince(before),
    loadAverage: loadAverage(),
  };
  rows.push(row);
  console.log(
    `  ${measure} [${side}] round ${round}: ${row.perSecond === undefined ? '' : `${figure(row.perSecond, 0)}/s, `}p50 ${figure(row.p50, 2)} ms, p95 ${figure(row.p95, 2)} ms, n ${row.n}, errors ${errors}; steal ${figure(row.steal)}%, load ${row.loadAverage}`,
  );
  return row;
}

/** One GraphQL request's time in ms; an error answer throws. */
async function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<number> {
  const answer = await postOperation(url, query, variables);
  if (answer.error) throw new Error(answer.error);
  return answer.ms;
}

/** `CONCURRENCY` workers, each sending its next request as soon as its last is answered, for `forSeconds`. */
async function atConcurrency(forSeconds: number, request: (random: ReturnType<typeof seededRandom>) => Promise<number>) {
  const ms: number[] = [];
  let errors = 0;
  const before = cpuTimes();
  const started = performance.now();
  const deadline = started + forSeconds * 1_000;
  const worker = async (index: number) => {
    const random = seededRandom(1_000 + index);
    while (performance.now() < deadline) {
      await request(random).then(
        (taken) => ms.push(taken),
        () => (errors += 1),
      );
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, index) => worker(index)));
  return { ms, errors, elapsed: (performance.now() - started) / 1_000, before };
}

async function oneAtATime(count: number, request: (index: number) => Promise<number>) {
  const ms: number[] = [];
  let errors = 0;
  const before = cpuTimes();
  for (let index = 0; index < count; index++) {
    await request(index).then(
      (taken) => ms.push(taken),
      () => (errors += 1),
    );
  }
  return { ms, errors, before };
}

/** What this run started or opened, closed however the run ends. */
const cleanup = cleanupOnExit();

async function deleteBenchData(gateway: Gateway): Promise<void> {
  while (Number((await gateway.write(deleteBenchNodes, { prefix: BENCH_PREFIX }))[0]?.deleted ?? 0) > 0);
}

const startedAt = new Date();
try {
  const settings = readSettings();
  const local = settings.NEO4J_URI ? undefined : await startLocalNeo4j({ name: 'bench-cache', port: benchPort, heap: '2g' });
  if (local) cleanup.add(() => local.stop());
  const benchSettings: Settings = { ...settings, NEO4J_URI: settings.NEO4J_URI ?? local?.uri };
  const stamped = createGateway(connectionSettings(benchSettings));
  const unstamped = createGateway(connectionSettings(benchSettings), { stampWrites: false });
  cleanup.add(() => Promise.all([stamped.close(), unstamped.close()]).then(() => undefined));
  // On another server, the bench data is removed at the end.
  if (!local) cleanup.add(() => deleteBenchData(stamped));
  await applyGraphSchema(stamped);
  await deleteBenchData(stamped);
  const batch = syntheticCouncils(councils);
  await loadBatch(stamped, batch);
  const actions = batch.nodes.filter((node) => node.label === 'Action').map((node) => node.id);
  console.log(`${batch.nodes.length.toLocaleString('en-GB')} nodes, ${actions.length.toLocaleString('en-GB')} actions loaded`);

  console.log(`\nConcurrent edits: ${CONCURRENCY} writers, each on its own action, ${seconds} s a side and round`);
  for (let round = 1; round <= rounds; round++) {
    for (const [side, gateway] of [
      ['no stamp', unstamped],
      ['stamped', stamped],
    ] as const) {
      let value = 0;
      const run = await atConcurrency(seconds, async (random) => {
        const started = performance.now();
        await gateway.writeTransaction((tx) => tx.run(touch, { id: random.pick(actions), value: int(value++) }), 'bench edit');
        return performance.now() - started;
      });
      summarise('edit transactions', side, round, run.ms, run.errors, run.elapsed, run.before);
    }
  }

  const off = await startApi(benchSettings, { RESPONSE_CACHE: 'off' });
  cleanup.add(() => off.close());
  const on = await startApi(benchSettings, { RESPONSE_CACHE: 'on' });
  cleanup.add(() => on.close());
  const apis = [
    ['cache off', off],
    ['cache on', on],
  ] as const;
  const asked = actions.slice(0, distinctActions);
  const sample = await fetch(`${off.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-encoding': 'identity' },
    body: JSON.stringify({ query: traceOperation, variables: { id: asked[0] } }),
  });
  const answerBytes = (await sample.arrayBuffer()).byteLength;
  console.log(`\nOne trace answer: ${answerBytes.toLocaleString('en-GB')} bytes of JSON before compression`);

  console.log('\nFixed cost floor: { __typename }');
  for (const [side, api] of apis) {
    const sequential = await oneAtATime(sequentialRequests, () => post(api.url, '{ __typename }'));
    summarise('floor, one at a time', side, 1, sequential.ms, sequential.errors, undefined, sequential.before);
    const parallel = await atConcurrency(Math.min(seconds, 5), () => post(api.url, '{ __typename }'));
    summarise(`floor at ${CONCURRENCY}`, side, 1, parallel.ms, parallel.errors, parallel.elapsed, parallel.before);
  }

  console.log(
    `\nTrace at ${CONCURRENCY} clients over ${asked.length} actions, ${seconds} s a side and round (each action asked once first, not counted: a graph read often has its answers kept)`,
  );
  const trace = (url: string) => (random: ReturnType<typeof seededRandom>) => post(url, traceOperation, { id: random.pick(asked) });
  for (let round = 1; round <= rounds; round++) {
    for (const [side, api] of apis) {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < asked.length) await post(api.url, traceOperation, { id: asked[next++] });
        }),
      );
      const run = await atConcurrency(seconds, trace(api.url));
      summarise(`trace at ${CONCURRENCY}`, side, round, run.ms, run.errors, run.elapsed, run.before);
    }
  }

  console.log(
    '\nOne trace at a time, the two APIs taking turns request by request: a hit (the same action again) and a miss (a write before each pair, not timed)',
  );
  /** `count` requests to each API in turn (which goes first alternates), so drift in the machine's load falls on both. */
  async function inTurns(measure: string, request: (url: string, index: number) => Promise<number>, between?: () => Promise<unknown>) {
    const taken = apis.map(() => ({ ms: [] as number[], errors: 0 }));
    const before = cpuTimes();
    for (let index = 0; index < sequentialRequests; index++) {
      await between?.();
      for (const turn of index % 2 ? [1, 0] : [0, 1]) {
        await request(apis[turn]![1].url, index).then(
          (ms) => taken[turn]!.ms.push(ms),
          () => (taken[turn]!.errors += 1),
        );
      }
    }
    for (const [turn, [side]] of apis.entries()) summarise(measure, side, 1, taken[turn]!.ms, taken[turn]!.errors, undefined, before);
  }
  await inTurns('trace, same action', (url) => post(url, traceOperation, { id: asked[0] }));
  await inTurns(
    'trace after a write',
    (url, index) => post(url, traceOperation, { id: asked[index % asked.length] }),
    () => stamped.write(touch, { id: actions[actions.length - 1], value: int(Date.now()) }),
  );

  const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(resultsDir, { recursive: true });
  const file = `${resultsDir}cache-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    file,
    `${JSON.stringify({ startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), node: process.version, nodes: batch.nodes.length, actions: actions.length, distinctActions: asked.length, traceAnswerBytes: answerBytes, concurrency: CONCURRENCY, seconds, rows }, null, 2)}\n`,
  );
  console.log(`\nResults written to ${file}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanup.run();
}
