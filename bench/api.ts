/**
 * `npm run bench`: load throughput and API latency on synthetic councils (bench/README.md).
 *
 * Starts the project's bench Neo4j (NEO4J_BENCH_BOLT_PORT, default 7689; data in .neo4j/bench/)
 * unless NEO4J_URI names another server, then for each size (one council, then 100,000+ nodes)
 * removes the previous bench data, loads generated councils through loadBatch, serves the real
 * API on a free port and times each alignment question over HTTP. Prints a table per size, writes
 * bench/results/<timestamp>.json, and exits 1 if a target is missed or a query fails.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readSettings, type Settings } from '../server/src/config.ts';
import { createGateway, cypher, int, type Gateway } from '../server/src/db/gateway.ts';
import { applyGraphSchema } from '../server/src/db/graph-schema.ts';
import type { GraphBatch } from '../server/src/import/seed-files.ts';
import { connectionSettings } from '../server/src/main.ts';
import { runRules } from '../server/src/queries/gaps.ts';
import { loadBatch } from '../server/src/queries/load.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../scripts/local-neo4j.ts';
import {
  alignmentOperation,
  coverageOperation,
  evidenceChainOperation,
  gapsOperation,
  impactOperation,
  measureActionOperation,
  searchOperation,
  traceOperation,
} from './operations.ts';
import { cleanupOnExit, cpuTimes, percentile, positiveInteger, postOperation as send, startApi, stealSince } from './process.ts';
import { BENCH_PREFIX, batchCounts, seededRandom, syntheticCouncils, type Random } from './synthetic-council.ts';

const iterations = positiveInteger('BENCH_ITERATIONS', 200);
// Whole-graph questions take one to two orders of magnitude longer than the others.
const wholeGraphIterations = Math.max(5, Math.round(iterations / 10));
const largeSizeNodes = positiveInteger('BENCH_NODES', 100_000);
const queryBudgetMs = positiveInteger('BENCH_QUERY_SECONDS', 60) * 1_000;
const benchPort = positiveInteger('NEO4J_BENCH_BOLT_PORT', 7689);
// Another port has a data folder of its own, so runs on different ports never share one.
const benchFolder = process.env.NEO4J_BENCH_BOLT_PORT ? `bench-${benchPort}` : 'bench';

const LOAD_TARGET_NODES_PER_SECOND = 20_000;
/** Mean nodes per synthetic council, to guess how many councils reach a node count. */
const NODES_PER_COUNCIL = 4_800;

/** What this run started or opened, closed however the run ends. */
const cleanup = cleanupOnExit();

interface Size {
  name: string;
  /** The fewest nodes the size must have; it has as many councils as that takes, at least one. */
  minNodes: number;
}

interface LoadResult {
  /** Share of the machine's CPU time the host gave to other virtual machines while loading. */
  stealPercent?: number;
  floor: WriteFloor;
  transactions: number;
  seconds: number;
  nodesPerSecond: number;
  linksPerSecond: number;
  target: string;
  status: 'pass' | 'FAIL';
}

interface QueryResult {
  query: string;
  n: number;
  p50Ms?: number;
  p95Ms?: number;
  maxMs?: number;
  /** Share of the machine's CPU time the host gave to other virtual machines while timing. */
  stealPercent?: number;
  target?: string;
  status: 'pass' | 'FAIL' | 'ERROR' | '—';
  error?: string;
}

interface SizeResult {
  size: string;
  councils: number;
  nodes: number;
  links: number;
  labels: Record<string, number>;
  load: LoadResult;
  queries: QueryResult[];
  /** Whether the API's whole-graph gaps (from its kept gap state) equal checking every rule now: after the timed edits, and after an import by another process. */
  keptGaps?: { afterEdits: string; afterImport: string };
}

let lastStatus = 0;

/** Progress: rewrites one line on a terminal; in a log, prints a line every few seconds and each `final` one. */
function status(text: string, final = false): void {
  if (process.stdout.isTTY) {
    process.stdout.write(`\r\x1b[K${text}${final ? '\n' : ''}`);
  } else if (final || Date.now() - lastStatus > 5_000) {
    console.log(text);
    lastStatus = Date.now();
  }
}

const deleteBenchNodes = cypher(
  'bench.deleteBenchNodes',
  `MATCH (n:Entity) WHERE n.id STARTS WITH $prefix
   WITH n LIMIT $limit
   DETACH DELETE n
   RETURN count(*) AS deleted`,
);

/** Removes every node the benchmark wrote (ids starting `bench-`, and any write-floor nodes left by an interrupted run) in bounded transactions. */
async function deleteBenchData(gateway: Gateway): Promise<void> {
  await deleteFloorNodes(gateway);
  let total = 0;
  for (;;) {
    const rows = await gateway.write(deleteBenchNodes, { prefix: BENCH_PREFIX, limit: int(5_000) });
    const deleted = Number(rows[0]?.deleted ?? 0);
    total += deleted;
    status(`  removing previous bench data… ${total.toLocaleString('en-GB')} nodes`, deleted === 0 && total > 0);
    if (deleted === 0) return;
  }
}

/**
 * Splits a generated batch into loadBatch calls: the shared nodes first, then one call (one
 * transaction) per council, as a council's documents would be loaded; a single transaction of
 * 100,000 nodes would run into Neo4j's 60 s transaction limit.
 */
function perCouncil(batch: GraphBatch): GraphBatch[] {
  const groups = new Map<string, GraphBatch>();
  const council = (id: string) => (id.startsWith(`${BENCH_PREFIX}shared/`) ? '' : id.slice(0, id.indexOf('/')));
  const group = (key: string) => {
    let found = groups.get(key);
    if (!found) {
      found = { nodes: [], links: [] };
      groups.set(key, found);
    }
    return found;
  };
  group('');
  for (const node of batch.nodes) group(council(node.id)).nodes.push(node);
  for (const link of batch.links) group(council(link.from) || council(link.to)).links.push(link);
  return [...groups.values()];
}

/**
 * The fastest this database writes nodes like the batch's on this machine at this moment: the
 * load target is read against it. Bare nodes under a label of their own, with no constraint,
 * index or link, in one statement and one transaction; the best of a few tries.
 */
interface WriteFloor {
  nodes: number;
  nodesPerSecond: number;
}

const FLOOR_LABEL = 'BenchWriteFloor';
const FLOOR_NODES = 20_000;
const FLOOR_TRIES = 3;
const writeBareNodes = cypher('bench.writeBareNodes', `UNWIND $rows AS props CREATE (n:${FLOOR_LABEL}) SET n = props`);
const deleteBareNodes = cypher('bench.deleteBareNodes', `MATCH (n:${FLOOR_LABEL}) WITH n LIMIT $limit DELETE n RETURN count(*) AS deleted`);

async function deleteFloorNodes(gateway: Gateway): Promise<void> {
  while (Number((await gateway.write(deleteBareNodes, { limit: int(FLOOR_NODES) }))[0]?.deleted ?? 0) > 0);
}

async function writeFloor(gateway: Gateway, batch: GraphBatch): Promise<WriteFloor> {
  const sample = batch.nodes.slice(0, FLOOR_NODES);
  const rows = Array.from({ length: FLOOR_NODES }, (_, index) => {
    const node = sample[index % sample.length]!;
    return { ...node.props, id: `${node.id}#${index}` };
  });
  let best = 0;
  for (let attempt = 1; attempt <= FLOOR_TRIES; attempt += 1) {
    status(`  measuring the write floor… ${attempt}/${FLOOR_TRIES}`, attempt === FLOOR_TRIES);
    const started = performance.now();
    await gateway.write(writeBareNodes, { rows });
    best = Math.max(best, rows.length / ((performance.now() - started) / 1_000));
    await deleteFloorNodes(gateway);
  }
  return { nodes: rows.length, nodesPerSecond: best };
}

async function load(gateway: Gateway, batch: GraphBatch): Promise<LoadResult> {
  const floor = await writeFloor(gateway, batch);
  const transactions = perCouncil(batch);
  const cpuBefore = cpuTimes();
  let seconds = 0;
  let nodes = 0;
  let links = 0;
  for (const [index, part] of transactions.entries()) {
    const started = performance.now();
    await loadBatch(gateway, part);
    seconds += (performance.now() - started) / 1_000;
    nodes += part.nodes.length;
    links += part.links.length;
    status(
      `  loading… ${index + 1}/${transactions.length} transactions, ${nodes.toLocaleString('en-GB')} nodes, ${links.toLocaleString('en-GB')} links, ${seconds.toFixed(1)} s`,
      index === transactions.length - 1,
    );
  }
  const nodesPerSecond = nodes / seconds;
  return {
    stealPercent: stealSince(cpuBefore),
    floor,
    transactions: transactions.length,
    seconds,
    nodesPerSecond,
    linksPerSecond: links / seconds,
    target: `≥ ${LOAD_TARGET_NODES_PER_SECOND.toLocaleString('en-GB')} nodes/s`,
    status: nodesPerSecond >= LOAD_TARGET_NODES_PER_SECOND ? 'pass' : 'FAIL',
  };
}

function generate(councils: number): GraphBatch {
  return syntheticCouncils(councils, (done, total) => status(`  generating… council ${done}/${total}`, done === total));
}

function generateSize(size: Size): { councils: number; batch: GraphBatch } {
  let councils = Math.max(1, Math.ceil(size.minNodes / NODES_PER_COUNCIL));
  let batch = generate(councils);
  while (batch.nodes.length < size.minNodes) {
    councils += 1;
    batch = generate(councils);
  }
  return { councils, batch };
}

/** What the questions are asked about, drawn from the generated data. */
interface Fixtures {
  actions: string[];
  strategies: { id: string; corporatePlan: string }[];
  plans: string[];
  recommendations: string[];
  authorities: string[];
  titles: string[];
  measuresByCouncil: Map<string, string[]>;
}

function fixtures(batch: GraphBatch): Fixtures {
  const councilOf = (id: string) => id.slice(0, id.indexOf('/'));
  const plans = batch.nodes.filter((node) => node.label === 'Plan');
  const corporatePlans = new Map(plans.filter((plan) => plan.props.kind === 'CORPORATE_PLAN').map((plan) => [councilOf(plan.id), plan.id]));
  const ids = (keep: (node: GraphBatch['nodes'][number]) => boolean) => batch.nodes.filter(keep).map((node) => node.id);
  return {
    actions: ids((node) => node.label === 'Action'),
    strategies: plans
      .filter((plan) => plan.props.kind !== 'CORPORATE_PLAN')
      .map((plan) => ({ id: plan.id, corporatePlan: corporatePlans.get(councilOf(plan.id)) ?? plan.id })),
    plans: plans.map((plan) => plan.id),
    recommendations: ids((node) => node.label === 'Evidence' && node.props.kind === 'RECOMMENDATION'),
    authorities: ids((node) => node.label === 'Authority'),
    titles: batch.nodes
      .filter((node) => node.label === 'Action' || node.label === 'Priority' || node.label === 'Objective')
      .map((node) => String(node.props.title)),
    measuresByCouncil: batch.nodes
      .filter((node) => node.label === 'Measure')
      .reduce((byCouncil, node) => {
        const council = councilOf(node.id);
        const measures = byCouncil.get(council);
        if (measures) measures.push(node.id);
        else byCouncil.set(council, [node.id]);
        return byCouncil;
      }, new Map<string, string[]>()),
  };
}

/** One or two words of four letters or more from a real title, as a person searching would type. */
function searchText(random: Random, titles: string[]): string {
  const words = random
    .pick(titles)
    .split(/[^A-Za-z]+/)
    .filter((word) => word.length >= 4);
  return random.sample(words, random.int(1, 2)).join(' ') || random.pick(titles);
}

interface QuerySpec {
  name: string;
  query: string;
  iterations: number;
  variables(random: Random): Record<string, unknown>;
  targetP95Ms?: number;
  /** Done before each time the question is sent, untimed: an edit the answer must then take in. */
  before?(random: Random): Promise<void>;
}

/** The token of the benchmark's editor, who makes the edits between whole-graph questions. */
const editorToken = randomBytes(24).toString('hex');

/** Links a random action to a random measure of the same council, as an editor would. */
async function editOnce(url: string, random: Random, f: Fixtures): Promise<void> {
  const action = random.pick(f.actions);
  const council = action.slice(0, action.indexOf('/'));
  const measures = f.measuresByCouncil.get(council) ?? [];
  const outcome = await send(url, measureActionOperation, { from: action, to: random.pick(measures) }, editorToken);
  if (outcome.error) throw new Error(`The edit before a whole-graph question failed: ${outcome.error}`);
}

function querySpecs(f: Fixtures, url: string): QuerySpec[] {
  return [
    { name: 'trace(action)', query: traceOperation, iterations, variables: (random) => ({ id: random.pick(f.actions) }), targetP95Ms: 15 },
    { name: 'gaps(plan)', query: gapsOperation, iterations, variables: (random) => ({ scope: { planId: random.pick(f.plans) } }) },
    { name: 'gaps(whole graph)', query: gapsOperation, iterations: wholeGraphIterations, variables: () => ({}), targetP95Ms: 2_000 },
    {
      name: 'gaps(whole graph) after an edit',
      query: gapsOperation,
      iterations: wholeGraphIterations,
      variables: () => ({}),
      targetP95Ms: 2_000,
      before: (random) => editOnce(url, random, f),
    },
    { name: 'coverage(plan)', query: coverageOperation, iterations, variables: (random) => ({ scope: { planId: random.pick(f.plans) } }) },
    {
      name: 'alignment(plan × corporate plan)',
      query: alignmentOperation,
      iterations,
      variables: (random) => {
        const strategy = random.pick(f.strategies);
        return { rows: { kind: 'PLAN_PRIORITIES', planId: strategy.id }, columns: { kind: 'PLAN_PRIORITIES', planId: strategy.corporatePlan } };
      },
    },
    { name: 'search(words from titles)', query: searchOperation, iterations, variables: (random) => ({ text: searchText(random, f.titles) }), targetP95Ms: 20 },
    { name: 'evidenceChain(recommendation)', query: evidenceChainOperation, iterations, variables: (random) => ({ id: random.pick(f.recommendations) }) },
    { name: 'impact(authority)', query: impactOperation, iterations, variables: (random) => ({ id: random.pick(f.authorities) }) },
  ];
}

/**
 * Sends the question half its iterations (at least two) within a quarter of the time budget,
 * untimed: Neo4j and Node.js compile what runs often, and a server in use has done so. Returns
 * the first error, if any.
 */
async function warmUp(url: string, spec: QuerySpec, random: Random): Promise<string | undefined> {
  const started = performance.now();
  try {
    for (let sent = 0; sent < Math.max(2, Math.ceil(spec.iterations / 2)) && (sent === 0 || performance.now() - started < queryBudgetMs / 4); sent += 1) {
      await spec.before?.(random);
      const outcome = await send(url, spec.query, spec.variables(random));
      if (outcome.error) return outcome.error;
    }
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}

const targetOf = (spec: QuerySpec) => (spec.targetP95Ms === undefined ? undefined : `p95 ≤ ${spec.targetP95Ms.toLocaleString('en-GB')} ms`);
const failed = (spec: QuerySpec, n: number, error: string): QueryResult => ({ query: spec.name, n, target: targetOf(spec), status: 'ERROR', error });

/** Times the question until its iterations or its time budget are used up; the first error ends it as ERROR. */
async function measure(url: string, spec: QuerySpec, random: Random): Promise<QueryResult> {
  const timings: number[] = [];
  const cpuBefore = cpuTimes();
  try {
    const started = performance.now();
    while (timings.length < spec.iterations && (timings.length === 0 || performance.now() - started < queryBudgetMs)) {
      await spec.before?.(random);
      const outcome = await send(url, spec.query, spec.variables(random));
      if (outcome.error) return failed(spec, timings.length, outcome.error);
      timings.push(outcome.ms);
    }
  } catch (error) {
    return failed(spec, timings.length, error instanceof Error ? error.message : String(error));
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const p95Ms = percentile(sorted, 95);
  return {
    query: spec.name,
    n: timings.length,
    p50Ms: percentile(sorted, 50),
    p95Ms,
    maxMs: sorted[sorted.length - 1] ?? 0,
    stealPercent: stealSince(cpuBefore),
    target: targetOf(spec),
    status: spec.targetP95Ms === undefined ? '—' : p95Ms <= spec.targetP95Ms ? 'pass' : 'FAIL',
  };
}

/**
 * Compares the API's whole-graph gaps with every rule checked now in this process, rule by rule
 * (checked, passing, findings), at one graph version; says "equal" or what differs.
 */
async function keptGapsAgree(url: string, gateway: Gateway): Promise<string> {
  for (;;) {
    const version = await gateway.graphVersion();
    const answer = await send(url, gapsOperation, {});
    if (answer.error) return `the API failed: ${answer.error}`;
    const checked = await runRules(gateway, null, null, { findings: true, bySubject: false });
    if ((await gateway.graphVersion()) !== version) continue;
    const apiRules = (answer.data as { gaps: { rules: { code: string; checked: number; passing: number; findingCount: number }[] } }).gaps.rules;
    const differences = checked.flatMap(({ rule, outcome }) => {
      const api = apiRules.find(({ code }) => code === rule.code);
      const same = api && api.checked === outcome.checked && api.passing === outcome.passing && api.findingCount === outcome.failing.length;
      return same
        ? []
        : [
            `${rule.code}: API ${JSON.stringify(api && [api.checked, api.passing, api.findingCount])}, checked now ${JSON.stringify([outcome.checked, outcome.passing, outcome.failing.length])}`,
          ];
    });
    return differences.length ? differences.join('; ') : 'equal';
  }
}

async function runSize(gateway: Gateway, settings: Settings, size: Size): Promise<SizeResult> {
  console.log(`\n${size.name}`);
  await deleteBenchData(gateway);
  const { councils, batch } = generateSize(size);
  const loadResult = await load(gateway, batch);
  // Waits for the full-text indexes to take in what was loaded, so search is timed on a complete index.
  await applyGraphSchema(gateway);

  // Every answer comes from the database: with the response cache, a question asked again with
  // the same arguments (every whole-graph one, and a plan of the one council's five) would be a
  // cache hit, and sizes would differ in hits rather than in work. bench:cache measures the cache.
  const running = await startApi(settings, { RESPONSE_CACHE: 'off', AUTH_TOKENS: `Benchmark editor:editor:${editorToken}` });
  const stopApi = cleanup.add(() => running.close());
  const queries: QueryResult[] = [];
  let keptGaps: SizeResult['keptGaps'];
  try {
    const random = seededRandom(20_260_101);
    const specs = querySpecs(fixtures(batch), running.url);
    // Every question is warmed up before any is timed, so the first one timed does not pay for
    // a server fresh from loading.
    const warmUpErrors = new Map<QuerySpec, string>();
    for (const spec of specs) {
      status(`  warming up ${spec.name}…`);
      const error = await warmUp(running.url, spec, random);
      if (error) warmUpErrors.set(spec, error);
    }
    for (const spec of specs) {
      status(`  timing ${spec.name}…`);
      const error = warmUpErrors.get(spec);
      queries.push(error ? failed(spec, 0, error) : await measure(running.url, spec, random));
    }
    status(`  timed ${specs.length} questions`, true);
    status('  comparing the kept whole-graph gaps with a fresh check, after the edits and after importing one more council…', true);
    const afterEdits = await keptGapsAgree(running.url, gateway);
    // Another process's write: the API was not told what changed, and must check everything again.
    await loadBatch(gateway, perCouncil(generate(councils + 1)).at(-1)!);
    keptGaps = { afterEdits, afterImport: await keptGapsAgree(running.url, gateway) };
  } finally {
    await stopApi();
  }
  return {
    size: size.name,
    councils,
    nodes: batch.nodes.length,
    links: batch.links.length,
    labels: batchCounts(batch).labels,
    load: loadResult,
    queries,
    keptGaps,
  };
}

const figure = (value: number | undefined, digits = 1) =>
  value === undefined ? '—' : value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function printSize(result: SizeResult): void {
  const { load: loaded } = result;
  console.log(
    `\n${result.size}: ${result.councils} council${result.councils === 1 ? '' : 's'}, ${result.nodes.toLocaleString('en-GB')} nodes, ${result.links.toLocaleString('en-GB')} links`,
  );
  console.log(
    `  nodes by label: ${Object.entries(result.labels)
      .map(([label, count]) => `${label} ${count.toLocaleString('en-GB')}`)
      .join(', ')}`,
  );
  console.log(
    `  load: ${figure(loaded.seconds)} s in ${loaded.transactions} transactions = ${figure(loaded.nodesPerSecond, 0)} nodes/s, ${figure(loaded.linksPerSecond, 0)} links/s (target ${loaded.target}): ${loaded.status}${loaded.stealPercent === undefined ? '' : `; host steal ${figure(loaded.stealPercent)}%`}`,
  );
  console.log(
    `  write floor: ${figure(loaded.floor.nodesPerSecond, 0)} nodes/s (best of ${FLOOR_TRIES}: ${loaded.floor.nodes.toLocaleString('en-GB')} bare nodes, no constraint, index or link, one transaction)\n`,
  );
  const rows = [
    ['query', 'n', 'p50 ms', 'p95 ms', 'max ms', 'steal %', 'target', 'pass/fail'],
    ...result.queries.map((query) => [
      query.query,
      String(query.n),
      figure(query.p50Ms),
      figure(query.p95Ms),
      figure(query.maxMs),
      figure(query.stealPercent),
      query.target ?? '—',
      query.error ? `ERROR: ${query.error.split('\n')[0]}` : query.status,
    ]),
  ];
  const numeric = new Set([1, 2, 3, 4, 5]);
  // The last column is left ragged: an error message would widen the whole table.
  const last = 7;
  const widths = rows[0]!.map((header, column) => (column === last ? header.length : Math.max(...rows.map((row) => (row[column] ?? '').length))));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (column === last ? cell : numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(' | ')} |`;
  console.log(line(rows[0]!));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
  if (result.keptGaps) {
    console.log(
      `\n  kept whole-graph gaps against a fresh check: after the edits ${result.keptGaps.afterEdits}; after importing one more council ${result.keptGaps.afterImport}`,
    );
  }
}

const startedAt = new Date();
const results: SizeResult[] = [];
try {
  const settings = readSettings();
  let local: LocalNeo4j | undefined;
  if (settings.NEO4J_URI) {
    console.warn(
      `NEO4J_URI is set: benchmarking against ${settings.NEO4J_URI}. This writes, and then removes, nodes whose ids start with "${BENCH_PREFIX}" there.`,
    );
  } else {
    const started = await startLocalNeo4j({ name: benchFolder, port: benchPort, heap: '2g' });
    cleanup.add(() => started.stop());
    local = started;
  }
  const benchSettings: Settings = { ...settings, NEO4J_URI: settings.NEO4J_URI ?? local?.uri };
  const gateway = createGateway(connectionSettings(benchSettings));
  cleanup.add(() => gateway.close());
  // On another server, the bench data is removed at the end.
  if (!local) cleanup.add(() => deleteBenchData(gateway));
  await applyGraphSchema(gateway);

  // A fresh JVM plans and compiles the load statements slowly; one unmeasured load first makes
  // the figures those of a running server.
  console.log('\nWarming up the load path (one council, not measured)');
  await deleteBenchData(gateway);
  await load(gateway, generate(1));

  const sizes: Size[] = [
    { name: 'One council', minNodes: 1 },
    { name: `${largeSizeNodes.toLocaleString('en-GB')}+ nodes`, minNodes: largeSizeNodes },
  ];
  for (const size of sizes) {
    const result = await runSize(gateway, benchSettings, size);
    printSize(result);
    results.push(result);
  }

  const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(resultsDir, { recursive: true });
  const file = `${resultsDir}${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    file,
    `${JSON.stringify({ startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), node: process.version, neo4j: local ? `local (.neo4j/${benchFolder}, port ${benchPort})` : 'NEO4J_URI', iterations, wholeGraphIterations, sizes: results }, null, 2)}\n`,
  );
  console.log(`\nResults written to ${file}`);
  const missed = results
    .flatMap((result) => [result.load.status, ...result.queries.map((query) => query.status)])
    .filter((outcome) => outcome === 'FAIL' || outcome === 'ERROR');
  if (missed.length) {
    console.log(`${missed.length} target${missed.length === 1 ? '' : 's'} missed or quer${missed.length === 1 ? 'y' : 'ies'} failed.`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanup.run();
}
