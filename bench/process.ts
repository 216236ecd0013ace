/**
 * What the benchmarks share: the real API (or another server) in a process of its own, closing
 * what a run opened however it ends, the host's steal (the noise under every figure on a virtual
 * machine) and percentiles.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '../scripts/local-neo4j.ts';
import type { Settings } from '../server/src/config.ts';

export interface CpuTimes {
  steal: number;
  total: number;
}

/** The machine's CPU time so far (Linux /proc/stat, in clock ticks); null elsewhere. */
export function cpuTimes(): CpuTimes | null {
  try {
    // The first line adds up every CPU: user nice system idle iowait irq softirq steal (guest time is inside user).
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    if (ticks.length < 8 || ticks.some(Number.isNaN)) return null;
    return { steal: ticks[7]!, total: ticks.reduce((sum, value) => sum + value, 0) };
  } catch {
    return null;
  }
}

/**
 * Steal since `before`, as a percentage of all CPU time: on a virtual machine, time the host
 * ran others while this one had work. It is the noise under the figures, so it is printed with them.
 */
export function stealSince(before: CpuTimes | null): number | undefined {
  const after = cpuTimes();
  if (!before || !after || after.total <= before.total) return undefined;
  return (100 * (after.steal - before.steal)) / (after.total - before.total);
}

/** The positive whole number the environment variable `name` holds, or `fallback` when it is unset or empty. */
export function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return value;
}

/** What one timed GraphQL request gave: its time, the body's length, the data and the first error. */
export interface Answer {
  ms: number;
  /** Characters of the answer's body. */
  bytes?: number;
  data?: Record<string, unknown>;
  error?: string;
}

/** One GraphQL request over HTTP; the time includes reading the whole answer. */
export async function postOperation(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.headers.get('content-type')?.includes('json')) return { ms, error: `HTTP ${response.status}: ${text.slice(0, 200)}` };
  const body = JSON.parse(text) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  return body.errors?.length ? { ms, bytes: text.length, data: body.data, error: body.errors[0]!.message } : { ms, bytes: text.length, data: body.data };
}

/** The value below which `p` per cent of `sorted` (ascending) lie. */
export const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

export interface ApiProcess {
  url: string;
  close(): Promise<void>;
}

/** A server for a benchmark to start in a process of its own. */
export interface ServerProcess {
  /** What the messages call it: "The API", "The peer". */
  name: string;
  /** The module to run with tsx. */
  module: URL;
  /** Its environment, besides this process's, PORT and NODE_ENV=production. */
  env: Record<string, string | undefined>;
  /** Whether the server at `url` answers as ready. */
  ready(url: string): Promise<boolean>;
  /** How long it may take to be ready. */
  seconds: number;
}

/**
 * A server in a process of its own on a free port, in production mode, as it is deployed: the
 * benchmark's requests and timing then do not share its event loop. Resolves once it is ready;
 * stops it and rejects if it exits first or is not ready in time.
 */
export async function startProcess(server: ServerProcess): Promise<ApiProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(server.module)], {
    env: { ...process.env, ...server.env, PORT: String(port), NODE_ENV: 'production' },
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const close = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const giveUpAt = Date.now() + server.seconds * 1_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${server.name} stopped before it was ready (exit code ${child.exitCode}).`);
    if (await server.ready(url).catch(() => false)) return { url, close };
    if (Date.now() > giveUpAt) {
      await close();
      throw new Error(`${server.name} at ${url} was not ready within ${server.seconds} s.`);
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
}

/** The real API (`server/src/main.ts`) in a process of its own; `env` adds to its environment (AUTH_TOKENS, say). */
export function startApi(settings: Settings, env: Record<string, string> = {}): Promise<ApiProcess> {
  return startProcess({
    name: 'The API',
    module: new URL('../server/src/main.ts', import.meta.url),
    // One loopback client sends the whole load: the per-client budgets would measure refusals, not the API.
    env: { QUERY_COST_BUDGET: '0', WRITE_LIMIT: '0', ...process.env, ...env, NEO4J_URI: settings.NEO4J_URI, HOST: '127.0.0.1' },
    ready: (url) => fetch(`${url}/ready`).then((response) => response.ok),
    seconds: 60,
  });
}

/** What a run has opened, to be closed however it ends. */
export interface Cleanup {
  /** Adds something to close at the end; returns a function that closes it now instead. */
  add(close: () => Promise<void>): () => Promise<void>;
  /** Closes everything still open, the last opened first. */
  run(): Promise<void>;
}

/**
 * What a benchmark run opens (its Neo4j, gateways, API processes), closed the last opened first
 * when the run calls `run()` at its end, or on Ctrl-C, which then exits with 130.
 */
export function cleanupOnExit(): Cleanup {
  const open = new Set<() => Promise<void>>();
  const run = async () => {
    for (const close of [...open].reverse()) {
      open.delete(close);
      await close();
    }
  };
  process.once('SIGINT', () => {
    console.log('\nInterrupted: stopping.');
    void run().finally(() => process.exit(130));
  });
  return {
    add(close) {
      open.add(close);
      return async () => {
        if (open.delete(close)) await close();
      };
    },
    run,
  };
}
