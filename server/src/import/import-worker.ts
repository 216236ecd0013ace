/**
 * Runs the pure work of an import (decoding, parsing and validating a document of up to 2 MB,
 * and working out what it creates and changes) in worker threads, so the server's event loop
 * keeps answering other requests meanwhile. The graph has one driver, in the main thread: when a
 * worker needs to know what is in the graph, it asks the main thread, which looks and answers.
 *
 *   main → worker   { prepare: request, dryRun }
 *   worker → main   { ask: 'nodes', ids }, { ask: 'links', links } or { ask: 'statutes', titles }   (any number, one at a time)
 *   main → worker   { answer } or { answer: undefined, failed: true }
 *   worker → main   { shell }, then { part: list, items } until every list is sent, then { done }
 *   main → worker   { next } after the shell and after each part
 *   worker → main   { failed: message } instead, if the work throws
 *
 * The prepared import is sent in parts of at most PART_ITEMS items, each acknowledged before the
 * next: a batch of 30,000 links takes a few hundred milliseconds to copy into the main thread,
 * and in parts the main thread answers other requests between them.
 *
 * A worker prepares one import at a time and is kept for the next: starting one costs about half
 * a second (it loads the parsers through tsx). A worker that crashes, runs out of memory or takes
 * longer than its time budget is stopped, its import fails with an ImportWorkerError, and the
 * next import starts a fresh one.
 */
import { constants, setPriority } from 'node:os';
import { Worker, type MessagePort, type ResourceLimits } from 'node:worker_threads';
import type { ImportGraph, ImportRequest, PreparedImport } from './import-types.ts';

const PART_ITEMS = 1_000;

/** The lists of a prepared import that are sent in parts. */
const lists = {
  created: (prepared: PreparedImport) => prepared.result.created,
  updated: (prepared: PreparedImport) => prepared.result.updated,
  createdLinks: (prepared: PreparedImport) => prepared.result.createdLinks,
  notUnderstood: (prepared: PreparedImport) => prepared.result.notUnderstood,
  batchNodes: (prepared: PreparedImport) => prepared.batch?.nodes,
  batchLinks: (prepared: PreparedImport) => prepared.batch?.links,
  history: (prepared: PreparedImport) => prepared.history,
} satisfies Record<string, (prepared: PreparedImport) => unknown[] | undefined>;
type ListName = keyof typeof lists;

/** The prepared import with every list of `lists` empty: its items follow in parts. */
const shellOf = ({ result, batch, versions, history }: PreparedImport): PreparedImport => ({
  result: { ...result, created: [], updated: [], createdLinks: [], notUnderstood: [] },
  batch: batch && { nodes: [], links: [] },
  versions,
  history: history && [],
});

type Question = { ask: 'nodes'; ids: string[] } | { ask: 'links'; links: { from: string; type: string; to: string }[] } | { ask: 'statutes'; titles: string[] };

type ToWorker = { job: number } & ({ prepare: ImportRequest; dryRun: boolean } | { answer: unknown; failed?: boolean } | { next: true });

type FromWorker = { job: number } & (Question | { shell: PreparedImport } | { part: ListName; items: unknown[] } | { done: true } | { failed: string });

/** An import its worker could not finish: the worker crashed or ran out of time. */
export class ImportWorkerError extends Error {}

export interface ImportWorkerOptions {
  /** Workers at most; an import waits while all are busy. */
  size?: number;
  /**
   * How long one import may take, from when a worker takes it, before it is stopped: 60 s, many
   * times what a 2 MB document needs even on a busy machine, so it stops runaway work only.
   */
  budgetMs?: number;
  /** Memory limits of each worker, so a pathological document stops its worker, not the server. */
  resourceLimits?: ResourceLimits;
}

export interface ImportWorkers {
  /** Prepares the import in a worker; `graph` answers the worker's questions about the graph. */
  prepare(request: ImportRequest, dryRun: boolean, graph: ImportGraph): Promise<PreparedImport>;
  /** Stops every worker; imports under way or waiting fail. */
  close(): Promise<void>;
}

interface Job {
  id: number;
  request: ImportRequest;
  dryRun: boolean;
  graph: ImportGraph;
  resolve(prepared: PreparedImport): void;
  reject(error: Error): void;
  /** Set once the caller has its answer: a failed lookup answers before the worker is done. */
  settled?: boolean;
  /** The prepared import as its parts arrive. */
  shell?: PreparedImport;
}

interface Thread {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

const entry = new URL('./import-worker-thread.mjs', import.meta.url);

const failure = (job: Job | undefined, what: string) => new ImportWorkerError(`${job?.request.fileName ?? 'The document'} ${what} Nothing was written.`);

/** A pool of import workers. Nothing starts until the first import. */
export function createImportWorkers({
  size = 2,
  budgetMs = 60_000,
  resourceLimits = { maxOldGenerationSizeMb: 768 },
}: ImportWorkerOptions = {}): ImportWorkers {
  const threads = new Set<Thread>();
  const queue: Job[] = [];
  let jobs = 0;

  const settle = (job: Job, outcome: { prepared: PreparedImport } | { error: Error }) => {
    if (job.settled) return;
    job.settled = true;
    if ('error' in outcome) job.reject(outcome.error);
    else job.resolve(outcome.prepared);
  };

  /** The worker is done with its job and takes the next. */
  const finish = (thread: Thread) => {
    clearTimeout(thread.timer);
    thread.job = undefined;
    // An idle worker must not keep a command-line import's process alive.
    thread.worker.unref();
    dispatch();
  };

  const stop = async (thread: Thread, error: Error) => {
    clearTimeout(thread.timer);
    threads.delete(thread);
    if (thread.job) settle(thread.job, { error });
    thread.job = undefined;
    dispatch();
    await thread.worker.terminate();
  };

  const answer = (thread: Thread, job: Job, question: Question) => {
    const asked =
      question.ask === 'nodes'
        ? job.graph.nodes(question.ids)
        : question.ask === 'links'
          ? job.graph.links(question.links)
          : (job.graph.statutes?.(question.titles) ?? Promise.resolve([]));
    asked.then(
      (found) => thread.job === job && thread.worker.postMessage({ job: job.id, answer: found } satisfies ToWorker),
      (error: unknown) => {
        // The caller gets the database's own error; the worker is told, so it drops the import.
        settle(job, { error: error instanceof Error ? error : new Error(String(error)) });
        if (thread.job === job) thread.worker.postMessage({ job: job.id, answer: undefined, failed: true } satisfies ToWorker);
      },
    );
  };

  const receive = (thread: Thread, message: FromWorker) => {
    const { job } = thread;
    if (!job || message.job !== job.id) return;
    const next = () => thread.worker.postMessage({ job: job.id, next: true } satisfies ToWorker);
    if ('ask' in message) answer(thread, job, message);
    else if ('shell' in message) {
      job.shell = message.shell;
      next();
    } else if ('part' in message) {
      const list: unknown[] | undefined = job.shell && lists[message.part](job.shell);
      for (const item of message.items) list?.push(item);
      next();
    } else if ('done' in message) {
      if (job.shell) settle(job, { prepared: job.shell });
      finish(thread);
    } else {
      settle(job, { error: new Error(message.failed) });
      finish(thread);
    }
  };

  const start = (): Thread => {
    const thread: Thread = { worker: new Worker(entry, { resourceLimits }) };
    thread.worker.on('message', (message: FromWorker) => receive(thread, message));
    thread.worker.on(
      'error',
      (error: Error) => void stop(thread, failure(thread.job, `could not be read: the import stopped unexpectedly (${error.message}).`)),
    );
    thread.worker.on('exit', (code) => {
      if (threads.has(thread)) void stop(thread, failure(thread.job, `could not be read: the import stopped unexpectedly (exit code ${code}).`));
    });
    threads.add(thread);
    return thread;
  };

  const dispatch = () => {
    while (queue.length) {
      const thread = [...threads].find((candidate) => !candidate.job) ?? (threads.size < size ? start() : undefined);
      if (!thread) return;
      const job = queue.shift()!;
      thread.job = job;
      thread.worker.ref();
      thread.timer = setTimeout(
        () => void stop(thread, failure(job, `took longer than ${budgetMs / 1000} s to read and check, so the import was stopped.`)),
        budgetMs,
      );
      thread.worker.postMessage({ job: job.id, prepare: job.request, dryRun: job.dryRun } satisfies ToWorker);
    }
  };

  return {
    prepare(request, dryRun, graph) {
      return new Promise((resolve, reject) => {
        jobs += 1;
        queue.push({ id: jobs, request, dryRun, graph, resolve, reject });
        dispatch();
      });
    },
    async close() {
      for (const job of queue.splice(0)) job.reject(failure(job, 'was not read: the server is stopping.'));
      await Promise.all([...threads].map((thread) => stop(thread, failure(thread.job, 'was not read: the server is stopping.'))));
    },
  };
}

let shared: ImportWorkers | undefined;

/** The process's import workers, made on first use. */
export function importWorkers(): ImportWorkers {
  shared ??= createImportWorkers();
  return shared;
}

/**
 * The worker's side: prepares each import it is sent with `prepare`, asking the main thread
 * whatever it needs to know about the graph, and sends the result back in parts. Called by
 * import-worker-thread.mjs.
 */
export function serveImports(port: MessagePort, prepare: (request: ImportRequest, dryRun: boolean, graph: ImportGraph) => Promise<PreparedImport>): void {
  // Reading a document is background work: when the CPU is short, the event loop answering
  // requests should have it first. Linux gives each thread a priority of its own (elsewhere this
  // would lower the whole server's, so it is left alone).
  if (process.platform === 'linux') setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
  // One job at a time, and one message of it awaiting the main thread's reply at a time.
  let waiting: { job: number; resolve(answer: unknown): void; reject(error: Error): void } | undefined;
  const request = <T>(message: FromWorker) =>
    new Promise<T>((resolve, reject) => {
      waiting = { job: message.job, resolve: resolve as (answer: unknown) => void, reject };
      port.postMessage(message);
    });

  const send = async (job: number, prepared: PreparedImport) => {
    await request({ job, shell: shellOf(prepared) });
    for (const [name, list] of Object.entries(lists)) {
      const items = list(prepared) ?? [];
      for (let start = 0; start < items.length; start += PART_ITEMS)
        await request({ job, part: name as ListName, items: items.slice(start, start + PART_ITEMS) });
    }
    port.postMessage({ job, done: true } satisfies FromWorker);
  };

  port.on('message', (message: ToWorker) => {
    if (!('prepare' in message)) {
      const replied = waiting;
      if (replied?.job !== message.job) return;
      waiting = undefined;
      if ('failed' in message && message.failed) replied.reject(new Error('The graph could not be asked what it holds.'));
      else replied.resolve('answer' in message ? message.answer : undefined);
      return;
    }
    const { job } = message;
    const graph: ImportGraph = {
      nodes: (ids) => request({ job, ask: 'nodes', ids }),
      links: (links) => request({ job, ask: 'links', links: links.map(({ from, type, to }) => ({ from, type, to })) }),
      statutes: (titles) => request({ job, ask: 'statutes', titles }),
    };
    prepare(message.prepare, message.dryRun, graph)
      .then((prepared) => send(job, prepared))
      .catch((error: unknown) => port.postMessage({ job, failed: error instanceof Error ? error.message : String(error) } satisfies FromWorker));
  });
}
