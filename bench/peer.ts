/**
 * `npm run bench:peer`: the project's API beside its peer, @neo4j/graphql over the same Neo4j
 * (peer-server.ts), and beside the floor, the project's own statements through neo4j-driver in
 * this process (bench/README.md, "Peer comparison").
 *
 * Starts its own Neo4j (.neo4j/bench-peer/, NEO4J_PEER_BOLT_PORT or a free port) unless
 * NEO4J_URI names another server, loads the synthetic graph (BENCH_NODES) through loadBatch if it
 * is not there yet, starts both APIs in processes of their own, checks that they give the same
 * answers, then times trace, search and one plan's gaps, every contender once per round with the
 * same argument in rotating order, and trace at concurrency 16. Prints a table per question with
 * the ratios of that run, writes bench/results/peer-<timestamp>.json, and exits 1 if the answers
 * differ or a request fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { authorityKinds } from '../schema/graph-model.ts';
import { freePort, type LocalNeo4j, startLocalNeo4j } from '../scripts/local-neo4j.ts';
import { readSettings, type Settings } from '../server/src/config.ts';
import { createGateway, cypher, type Gateway, int, type Statement } from '../server/src/db/gateway.ts';
import { applyGraphSchema } from '../server/src/db/graph-schema.ts';
import type { GraphBatch } from '../server/src/import/seed-files.ts';
import { connectionSettings } from '../server/src/main.ts';
import { statements as gapStatements, rules as gapRules } from '../server/src/queries/gaps.ts';
import { loadBatch } from '../server/src/queries/load.ts';
import { statements as nodeStatements } from '../server/src/queries/nodes.ts';
import { statements as searchStatements } from '../server/src/queries/search.ts';
import { statements as traceStatements } from '../server/src/queries/trace.ts';
import { readSearchText, toLuceneQuery } from '../server/src/services/search.ts';
import { gapsOperation, searchOperation, traceOperation } from './operations.ts';
import { peerGapsOperation, peerSearchOperation, peerTraceEnds, peerTraceOperation, projectTraceEnds, type TraceEnds } from './peer-operations.ts';
import {
  type Answer,
  type ApiProcess,
  cleanupOnExit,
  cpuTimes,
  percentile,
  positiveInteger as setting,
  postOperation as post,
  startApi,
  startProcess,
  stealSince,
} from './process.ts';
import { BENCH_PREFIX, councilBatch, type Random, seededRandom, sharedBatch } from './synthetic-council.ts';

const NODES = setting('BENCH_NODES', 100_000);
const ITERATIONS = setting('BENCH_PEER_ITERATIONS', 300);
const WARMUP = setting('BENCH_PEER_WARMUP', 60);
const CHECKS = setting('BENCH_PEER_CHECKS', 20);
const THROUGHPUT_SECONDS = setting('BENCH_PEER_SECONDS', 15);
const THROUGHPUT_ROUNDS = setting('BENCH_PEER_ROUNDS', 2);
/** Links the peer's nested trace climbs: the depth the project's answers reach on the bench's data. */
const TRACE_STEPS = setting('BENCH_PEER_TRACE_STEPS', 4);
const CONCURRENCY = 16;
/** The project's page of findings per rule (schema: `findings(first: Int = 100)`). */
const FINDINGS_PAGE = 100;

const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const figure = (value: number | undefined, digits = 1) =>
  value === undefined || Number.isNaN(value) ? '—' : value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** What this run started or opened, closed however the run ends. */
const cleanup = cleanupOnExit();

// ------------------------------------------------------------------------------------ the graph

/** The shared nodes and as many councils as it takes for `minNodes` nodes, one batch (one loadBatch transaction) each. */
function generate(minNodes: number): GraphBatch[] {
  const batches = [sharedBatch()];
  let nodes = batches[0]!.nodes.length;
  while (nodes < minNodes || batches.length === 1) {
    const council = councilBatch(batches.length - 1);
    batches.push(council);
    nodes += council.nodes.length;
  }
  return batches;
}

const countBenchNodes = cypher('bench.peer.countNodes', 'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN count(n) AS count');
const countBenchLinks = cypher('bench.peer.countLinks', 'MATCH (n:Entity)-[r]->() WHERE n.id STARTS WITH $prefix AND NOT r:AFFECTS RETURN count(r) AS count');
const deleteBenchNodes = cypher(
  'bench.peer.deleteNodes',
  'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted',
);

/** Loads the graph unless exactly its nodes and links are there already (from an earlier run). */
async function ensureLoaded(gateway: Gateway, batches: GraphBatch[]): Promise<void> {
  const nodes = batches.reduce((sum, batch) => sum + batch.nodes.length, 0);
  const links = batches.reduce((sum, batch) => sum + batch.links.length, 0);
  const count = async (statement: Statement) => Number((await gateway.read(statement, { prefix: BENCH_PREFIX }))[0]?.count ?? 0);
  const [present, presentLinks] = [await count(countBenchNodes), await count(countBenchLinks)];
  if (present === nodes && presentLinks === links) {
    log(`The graph is loaded already: ${nodes.toLocaleString('en-GB')} nodes, ${links.toLocaleString('en-GB')} links.`);
    return;
  }
  if (present > 0) {
    log(`Removing the ${present.toLocaleString('en-GB')} bench nodes found (${presentLinks.toLocaleString('en-GB')} links), which are not this graph…`);
    while (Number((await gateway.write(deleteBenchNodes, { prefix: BENCH_PREFIX, limit: int(5_000) }))[0]?.deleted ?? 0) > 0);
  }
  log(`Loading ${nodes.toLocaleString('en-GB')} nodes and ${links.toLocaleString('en-GB')} links through loadBatch, one transaction per council…`);
  const started = performance.now();
  for (const batch of batches) await loadBatch(gateway, batch);
  log(`Loaded in ${figure((performance.now() - started) / 1_000)} s.`);
  // Waits for the full-text indexes to take in what was loaded, so search is timed on a complete index.
  await applyGraphSchema(gateway);
}

// ------------------------------------------------------------------------------------ the peer

/** The peer API (peer-server.ts) in a process of its own; resolves once it answers a query. */
function startPeer(settings: Settings): Promise<ApiProcess> {
  return startProcess({
    name: 'The peer',
    module: new URL('./peer-server.ts', import.meta.url),
    env: { NEO4J_URI: settings.NEO4J_URI },
    ready: async (url) => !(await post(url, '{ __typename }', {})).error,
    seconds: 90,
  });
}

// ------------------------------------------------------------------------------------ the floor

/** The driver the floor reads through, and the database (NEO4J_DATABASE; the server's default when unset). */
interface Floor {
  driver: Driver;
  database?: string;
}

/** The project's statements, one after another as the project runs them, through neo4j-driver: no HTTP, GraphQL or shaping. */
async function runBare(
  { driver, database }: Floor,
  steps: { statement: Statement; params: Record<string, unknown> }[],
): Promise<{ rows: unknown[][]; dbMs: number }> {
  const rows: unknown[][] = [];
  let dbMs = 0;
  for (const { statement, params } of steps) {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(statement.text, params);
      rows.push(result.records.map((record) => record.toObject()));
      dbMs += Number(result.summary.resultAvailableAfter) + Number(result.summary.resultConsumedAfter);
    } finally {
      await session.close();
    }
  }
  return { rows, dbMs };
}

const authorityKindRank = Object.fromEntries(authorityKinds.map((kind, rank) => [kind, rank]));

const floorTrace = (floor: Floor, id: string) =>
  runBare(floor, [{ statement: traceStatements.trace, params: { id, includeSuggested: false, authorityKindRank, asAt: null } }]);

/** search() for words from titles: which words the indexes hold, then the search (no citations in such words). */
function floorSearch(floor: Floor, text: string) {
  const terms = readSearchText(text)!;
  const probes = terms.words.map((word, index) => ({ word, query: index === terms.words.length - 1 && word.length >= 3 ? `${word} OR ${word}*` : word }));
  const first = 20;
  return runBare(floor, [
    { statement: searchStatements.wordsFound, params: { probes } },
    {
      statement: searchStatements.search,
      params: { query: toLuceneQuery(terms), excluded: terms.excluded, labels: null, pinned: [], first: int(first + 1), candidates: int((first + 1) * 2) },
    },
  ]);
}

const withoutMeasure = gapRules.find(({ code }) => code === 'ACTION_WITHOUT_MEASURE')!.statements.inScope;

/** gaps(scope: {planId}, codes: [ACTION_WITHOUT_MEASURE]): the plan, its organisations, the rule, then the nodes of the first page of findings. */
async function floorGaps(floor: Floor, planId: string) {
  const scope = await runBare(floor, [
    { statement: gapStatements.planOrganisations, params: { id: planId } },
    { statement: withoutMeasure, params: { planIds: [planId], findings: true, bySubject: false, asAt: null } },
  ]);
  const failing = ((scope.rows[1]![0] as { failing?: string[][] } | undefined)?.failing ?? []).slice(0, FINDINGS_PAGE);
  const page = await runBare(floor, [{ statement: nodeStatements.byIds, params: { ids: [...new Set(failing.flatMap(([id, plan]) => [id!, plan!]))] } }]);
  return { rows: [...scope.rows, ...page.rows], dbMs: scope.dbMs + page.dbMs };
}

// ------------------------------------------------------------------------------------ checks

interface Fixtures {
  actions: string[];
  plans: string[];
  titles: string[];
}

function fixtures(batches: GraphBatch[]): Fixtures {
  const nodes = batches.flatMap((batch) => batch.nodes);
  return {
    actions: nodes.filter((node) => node.label === 'Action').map((node) => node.id),
    plans: nodes.filter((node) => node.label === 'Plan').map((node) => node.id),
    titles: nodes.filter((node) => ['Action', 'Priority', 'Objective'].includes(node.label)).map((node) => String(node.props.title)),
  };
}

/** One or two words of four letters or more from a real title, as `npm run bench` searches. */
function searchText(random: Random, titles: string[]): string {
  const words = random
    .pick(titles)
    .split(/[^A-Za-z]+/)
    .filter((word) => word.length >= 4);
  return random.sample(words, random.int(1, 2)).join(' ') || random.pick(titles);
}

interface ProjectGaps {
  gaps: { rules: { checked: number; findingCount: number; findings: { node: { id: string } }[] }[] };
}
interface PeerGaps {
  checked: { aggregate: { count: { nodes: number } } };
  failing: { aggregate: { count: { nodes: number } } };
  findings: { id: string }[];
}

/** Checks that both APIs answer alike; returns the differences, one line each. */
async function checkAnswers(project: string, peer: string, f: Fixtures, traceQuery: string): Promise<{ lines: string[]; differences: string[] }> {
  const random = seededRandom(7);
  const lines: string[] = [];
  const differences: string[] = [];
  const must = (answer: Answer, what: string) => {
    if (answer.error || !answer.data) throw new Error(`${what}: ${answer.error ?? 'no data'}`);
    return answer.data;
  };

  let ends = 0;
  for (let index = 0; index < CHECKS; index += 1) {
    const id = random.pick(f.actions);
    const mine = projectTraceEnds(must(await post(project, traceOperation, { id }), `project trace(${id})`).trace as Parameters<typeof projectTraceEnds>[0]);
    const theirs = peerTraceEnds((must(await post(peer, traceQuery, { id }), `peer trace(${id})`).actions as object[])[0]!);
    ends += mine.authorities.length + mine.corporate.length;
    const same = (a: TraceEnds, b: TraceEnds) => JSON.stringify(a) === JSON.stringify(b);
    if (!same(mine, theirs)) differences.push(`trace(${id}): project ${JSON.stringify(mine)}, peer ${JSON.stringify(theirs)}`);
  }
  lines.push(`trace: ${CHECKS - differences.length}/${CHECKS} random actions reach the same authorities and corporate priorities (${ends} ends in all)`);

  const gapDifferences = differences.length;
  let failingInAll = 0;
  for (let index = 0; index < 5; index += 1) {
    const planId = random.pick(f.plans);
    const rule = (
      must(await post(project, gapsOperation, { scope: { planId }, codes: ['ACTION_WITHOUT_MEASURE'] }), `project gaps(${planId})`) as unknown as ProjectGaps
    ).gaps.rules[0]!;
    const theirs = must(await post(peer, peerGapsOperation, { planId, limit: 10_000 }), `peer gaps(${planId})`) as unknown as PeerGaps;
    const projectIds = rule.findings.map(({ node }) => node.id).sort();
    const peerIds = theirs.findings.map(({ id }) => id).sort();
    // The project lists its first page of findings: all of them must be among the peer's, and the counts equal.
    const sameIds = rule.findingCount <= FINDINGS_PAGE ? projectIds.join() === peerIds.join() : projectIds.every((id) => peerIds.includes(id));
    failingInAll += rule.findingCount;
    if (rule.checked !== theirs.checked.aggregate.count.nodes || rule.findingCount !== theirs.failing.aggregate.count.nodes || !sameIds) {
      differences.push(
        `gaps(${planId}): project checked ${rule.checked}, failing ${rule.findingCount}; peer checked ${theirs.checked.aggregate.count.nodes}, failing ${theirs.failing.aggregate.count.nodes}; same failing ids: ${sameIds}`,
      );
    }
  }
  lines.push(
    `gaps (ACTION_WITHOUT_MEASURE): ${5 - (differences.length - gapDifferences)}/5 random plans have the same checked count, failing count and failing ids (${failingInAll} failing in all)`,
  );

  let overlap = 0;
  let projectHits = 0;
  for (let index = 0; index < CHECKS; index += 1) {
    const text = searchText(random, f.titles);
    const mine = (must(await post(project, searchOperation, { text }), `project search(${text})`).search as { hits: { node: { id: string; label: string } }[] })
      .hits;
    const phrase = toLuceneQuery(readSearchText(text)!);
    const theirs = Object.values(
      must(await post(peer, peerSearchOperation, { phrase }), `peer search(${text})`) as Record<string, { edges: { node: { id: string } }[] }>,
    );
    const peerIds = new Set(theirs.flatMap(({ edges }) => edges.map(({ node }) => node.id)));
    const comparable = mine.filter(({ node }) => ['Plan', 'Priority', 'Objective', 'Action'].includes(node.label));
    projectHits += comparable.length;
    overlap += comparable.filter(({ node }) => peerIds.has(node.id)).length;
  }
  lines.push(
    `search: of the project's hits that are plans or their items (${projectHits} over ${CHECKS} searches), ${projectHits ? Math.round((100 * overlap) / projectHits) : 0}% are among the peer's`,
  );
  if (projectHits === 0 || overlap === 0) differences.push('search: the peer finds none of what the project finds');
  return { lines, differences };
}

// ------------------------------------------------------------------------------------ timing

interface Contender {
  name: string;
  run(argument: string): Promise<{ ms: number; bytes?: number; dbMs?: number; error?: string }>;
}

interface Timing {
  name: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  bytesP50?: number;
  dbP50?: number;
}

interface QuestionResult {
  question: string;
  steal?: number;
  loadAverage: string;
  contenders: Timing[];
}

const over =
  (url: string, query: string, variables: (argument: string) => Record<string, unknown>): Contender['run'] =>
  (argument) =>
    post(url, query, variables(argument));

const bare =
  (work: (argument: string) => Promise<{ dbMs: number }>): Contender['run'] =>
  async (argument) => {
    const started = performance.now();
    const { dbMs } = await work(argument);
    return { ms: performance.now() - started, dbMs };
  };

const stats = (name: string, samples: { ms: number[]; bytes: number[]; db: number[] }): Timing => {
  const [sorted, bytesSorted, dbSorted] = [samples.ms, samples.bytes, samples.db].map((values) => [...values].sort((a, b) => a - b)) as [
    number[],
    number[],
    number[],
  ];
  return {
    name,
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? 0,
    bytesP50: bytesSorted.length ? percentile(bytesSorted, 50) : undefined,
    dbP50: dbSorted.length ? percentile(dbSorted, 50) : undefined,
  };
};

/** Warm-up rounds, then timed rounds: each contender once per round with the same argument, the order rotating by one each round. */
async function timeQuestion(question: string, argument: () => string, contenders: Contender[]): Promise<QuestionResult> {
  log(`Timing ${question}: ${WARMUP} rounds of warm-up, then ${ITERATIONS} rounds…`);
  const run = async (contender: Contender, value: string) => {
    const outcome = await contender.run(value);
    if (outcome.error) throw new Error(`${question}, ${contender.name}, argument ${value}: ${outcome.error}`);
    return outcome;
  };
  for (let round = 0; round < WARMUP; round += 1) {
    const value = argument();
    for (const contender of contenders) await run(contender, value);
  }
  const samples = contenders.map(() => ({ ms: [] as number[], bytes: [] as number[], db: [] as number[] }));
  const before = cpuTimes();
  for (let round = 0; round < ITERATIONS; round += 1) {
    const value = argument();
    for (let k = 0; k < contenders.length; k += 1) {
      const index = (round + k) % contenders.length;
      const outcome = await run(contenders[index]!, value);
      samples[index]!.ms.push(outcome.ms);
      if (outcome.bytes !== undefined) samples[index]!.bytes.push(outcome.bytes);
      if (outcome.dbMs !== undefined) samples[index]!.db.push(outcome.dbMs);
    }
  }
  return {
    question,
    steal: stealSince(before),
    loadAverage: loadAverage(),
    contenders: contenders.map((contender, index) => stats(contender.name, samples[index]!)),
  };
}

interface ThroughputResult {
  round: number;
  api: string;
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  steal?: number;
  loadAverage: string;
}

/** Trace at concurrency 16 for `seconds`: each of 16 workers sends the next request as soon as its last is answered. */
async function throughput(url: string, query: string, actions: string[], seconds: number): Promise<Omit<ThroughputResult, 'round' | 'api'>> {
  const random = seededRandom(99);
  const ms: number[] = [];
  let errors = 0;
  const before = cpuTimes();
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const outcome = await post(url, query, { id: random.pick(actions) }).catch((error: Error) => ({ ms: 0, error: error.message }));
      if (outcome.error) errors += 1;
      else ms.push(outcome.ms);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1_000;
  const sorted = ms.sort((a, b) => a - b);
  return {
    requests: ms.length,
    errors,
    perSecond: ms.length / elapsed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    steal: stealSince(before),
    loadAverage: loadAverage(),
  };
}

// ------------------------------------------------------------------------------------ report

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

function printQuestion(result: QuestionResult): void {
  const project = result.contenders[0]!;
  console.log(`\n${result.question}: ${project.n} rounds; host steal ${figure(result.steal)}%, load average ${result.loadAverage}`);
  const rows = [['contender', 'p50 ms', 'p95 ms', 'max ms', 'answer bytes p50', 'db ms p50', 'project/this p50', 'project/this p95']];
  for (const timing of result.contenders) {
    const ratio = (a: number, b: number) => (timing === project ? '' : figure(a / b, 2));
    rows.push([
      timing.name,
      figure(timing.p50),
      figure(timing.p95),
      figure(timing.max),
      figure(timing.bytesP50, 0),
      figure(timing.dbP50, 0),
      ratio(project.p50, timing.p50),
      ratio(project.p95, timing.p95),
    ]);
  }
  console.log(table(rows));
}

function printThroughput(results: ThroughputResult[]): void {
  console.log(`\ntrace at concurrency ${CONCURRENCY}, ${THROUGHPUT_SECONDS} s per API and round, alternating`);
  const rows = [['round', 'API', 'requests', 'errors', 'req/s', 'p50 ms', 'p95 ms', 'steal %', 'load average']];
  for (const r of results)
    rows.push([
      String(r.round),
      r.api,
      String(r.requests),
      String(r.errors),
      figure(r.perSecond),
      figure(r.p50),
      figure(r.p95),
      figure(r.steal),
      r.loadAverage,
    ]);
  console.log(table(rows));
}

// ------------------------------------------------------------------------------------ run

const startedAt = new Date();
try {
  const settings = readSettings();
  let local: LocalNeo4j | undefined;
  if (settings.NEO4J_URI) {
    console.warn(
      `NEO4J_URI is set: comparing on ${settings.NEO4J_URI}. This writes nodes whose ids start with "${BENCH_PREFIX}" there and leaves them for the next run.`,
    );
  } else {
    const port = process.env.NEO4J_PEER_BOLT_PORT ? setting('NEO4J_PEER_BOLT_PORT', 1) : await freePort();
    const started = await startLocalNeo4j({ name: 'bench-peer', port, heap: '2g' });
    cleanup.add(() => started.stop());
    local = started;
  }
  const benchSettings: Settings = { ...settings, NEO4J_URI: settings.NEO4J_URI ?? local?.uri };
  const connection = connectionSettings(benchSettings);
  const gateway = createGateway(connection);
  cleanup.add(() => gateway.close());
  await applyGraphSchema(gateway);

  log('Generating the synthetic graph…');
  const batches = generate(NODES);
  const nodes = batches.reduce((sum, batch) => sum + batch.nodes.length, 0);
  const links = batches.reduce((sum, batch) => sum + batch.links.length, 0);
  await ensureLoaded(gateway, batches);
  const f = fixtures(batches);

  const project = await startApi(benchSettings);
  cleanup.add(() => project.close());
  const peer = await startPeer(benchSettings);
  cleanup.add(() => peer.close());
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.username, connection.password), { userAgent: 'bench-peer-floor' });
  cleanup.add(() => driver.close());
  const floor: Floor = { driver, database: connection.database };
  log(`Project API at ${project.url}, peer at ${peer.url}, Neo4j at ${connection.uri}.`);

  const traceQuery = peerTraceOperation(TRACE_STEPS);
  log(`Checking that both APIs give the same answers…`);
  const checks = await checkAnswers(project.url, peer.url, f, traceQuery);
  for (const line of checks.lines) log(`  ${line}`);
  for (const line of checks.differences) log(`  DIFFERENT: ${line}`);
  if (checks.differences.length) throw new Error('The peer does not give the project’s answers: nothing is timed.');

  const random = seededRandom(20_260_101);
  const questions = [
    await timeQuestion('trace(action)', () => random.pick(f.actions), [
      { name: 'project (HTTP)', run: over(project.url, traceOperation, (id) => ({ id })) },
      { name: 'peer (@neo4j/graphql, HTTP)', run: over(peer.url, traceQuery, (id) => ({ id })) },
      { name: 'floor (statement via driver)', run: bare((id) => floorTrace(floor, id)) },
    ]),
    await timeQuestion('search(words from titles)', () => searchText(random, f.titles), [
      { name: 'project (HTTP)', run: over(project.url, searchOperation, (text) => ({ text })) },
      { name: 'peer (@neo4j/graphql, HTTP)', run: over(peer.url, peerSearchOperation, (text) => ({ phrase: toLuceneQuery(readSearchText(text)!) })) },
      { name: 'floor (statements via driver)', run: bare((text) => floorSearch(floor, text)) },
    ]),
    await timeQuestion('gaps(plan, ACTION_WITHOUT_MEASURE)', () => random.pick(f.plans), [
      { name: 'project (HTTP)', run: over(project.url, gapsOperation, (planId) => ({ scope: { planId }, codes: ['ACTION_WITHOUT_MEASURE'] })) },
      { name: 'peer (@neo4j/graphql, HTTP)', run: over(peer.url, peerGapsOperation, (planId) => ({ planId, limit: FINDINGS_PAGE })) },
      { name: 'floor (statements via driver)', run: bare((planId) => floorGaps(floor, planId)) },
    ]),
  ];

  log(`Throughput of trace at concurrency ${CONCURRENCY}: ${THROUGHPUT_ROUNDS} rounds of ${THROUGHPUT_SECONDS} s per API, alternating…`);
  const apis: [string, string, string][] = [
    ['project', project.url, traceOperation],
    ['peer', peer.url, traceQuery],
  ];
  const rates: ThroughputResult[] = [];
  for (let round = 1; round <= THROUGHPUT_ROUNDS; round += 1) {
    for (const [api, url, query] of round % 2 === 1 ? apis : [...apis].reverse()) {
      await throughput(url, query, f.actions, 3); // settles the API at this load; not counted
      rates.push({ round, api, ...(await throughput(url, query, f.actions, THROUGHPUT_SECONDS)) });
    }
  }

  console.log(
    `\nPeer comparison on ${nodes.toLocaleString('en-GB')} nodes, ${links.toLocaleString('en-GB')} links (${batches.length - 1} councils), ${connection.uri}`,
  );
  console.log(`Requests one at a time, after ${WARMUP} rounds of warm-up; "project/this" below 1 means the project is faster.`);
  for (const result of questions) printQuestion(result);
  printThroughput(rates);
  if (rates.some(({ errors }) => errors > 0)) process.exitCode = 1;

  const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(resultsDir, { recursive: true });
  const file = `${resultsDir}peer-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    file,
    `${JSON.stringify({ startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), node: process.version, nodes, links, councils: batches.length - 1, iterations: ITERATIONS, warmup: WARMUP, traceSteps: TRACE_STEPS, checks: checks.lines, questions, throughput: rates }, null, 2)}\n`,
  );
  console.log(`\nResults written to ${file}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanup.run();
}
