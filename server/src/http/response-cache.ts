import { LRUCache } from 'lru-cache';
import type { Gateway } from '../db/gateway.ts';
import { compressed } from './compression.ts';
import type { RequestRecord } from './logging.ts';

/**
 * A stored answer: its body (gzipped when the request accepts it, so a hit costs no compression),
 * its headers and what the request was, for the log line of a hit.
 */
interface Entry {
  body: string | Uint8Array<ArrayBuffer>;
  headers: [string, string][];
  operation: Pick<RequestRecord, 'operation' | 'operationType' | 'fields'>;
}

export interface ResponseCacheOptions {
  /** The most the stored answers and their keys may take, in megabytes (UTF-16 code units × 2). */
  maxMegabytes: number;
}

/** Longer requests are not cached: the questions the client asks are a few hundred bytes. */
const MAX_KEYED_REQUEST_CHARS = 16_000;
const BYTES_PER_CHAR = 2;
const CACHEABLE_TYPES = /^application\/(graphql-response\+)?json\b/;
// Introspection answers are never kept, wherever in the document they are asked for.
const INTROSPECTION = /__schema|__type\b/;

export interface ResponseCache {
  /**
   * Answers an anonymous GraphQL request from the cache when the graph has not changed since the
   * same request was answered, else through `run`, keeping the answer when it may be shared.
   */
  answer(request: Request, record: RequestRecord, run: () => Response | Promise<Response>): Promise<Response>;
  /** Answers kept and their size in bytes, for tests and the benchmark. */
  stats(): { entries: number; bytes: number };
}

/**
 * A cache of the API's answers to anonymous read operations, exact across processes: each key
 * holds the graph version (`Gateway.graphVersion`) read before the request ran, and every write
 * transaction of any gateway changes that version in the same transaction, so the first read
 * after an acknowledged write, from any client, misses and runs. Bounded in bytes (least recently
 * used answers go first).
 *
 * @remarks
 * Kept only: queries (never mutations or introspection) answered 200 with JSON and no error. The
 * key is the method, path and query string, the request body and the `accept` and `origin`
 * headers (Yoga's content type and CORS headers depend on them); the caller sends only requests
 * without a token, so answers that depend on who asks (history authors, `changedBy`) are never
 * shared. Requests that arrive while a version read is under way share the next one, which
 * starts after they arrived and so sees every write acknowledged before them: under load the
 * database answers one version read for many requests.
 */
export function createResponseCache(gateway: Gateway, { maxMegabytes }: ResponseCacheOptions): ResponseCache {
  const maxSize = maxMegabytes * 1_000_000;
  const entries = new LRUCache<string, Entry>({
    maxSize,
    // No single answer may push out more than an eighth of the others.
    maxEntrySize: maxSize / 8,
    sizeCalculation: (entry, key) =>
      key.length * BYTES_PER_CHAR + (typeof entry.body === 'string' ? entry.body.length * BYTES_PER_CHAR : entry.body.byteLength) + 200,
  });
  // Answers of earlier versions can never be asked for again; they are dropped when it changes.
  let currentVersion: string | undefined;
  const freshVersion = sharedFreshRead(() => gateway.graphVersion());

  async function keyOf(request: Request): Promise<string | undefined> {
    const { pathname, search } = new URL(request.url);
    const body = request.body ? await request.clone().text() : '';
    const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
    const key = `${request.method} ${pathname}${search}\n${request.headers.get('accept') ?? ''}\n${request.headers.get('origin') ?? ''}\n${gzip}\n${body}`;
    if (key.length > MAX_KEYED_REQUEST_CHARS || INTROSPECTION.test(key)) return undefined;
    return key;
  }

  const shareable = (response: Response, record: RequestRecord) =>
    response.status === 200 &&
    record.operationType === 'query' &&
    record.errors.length === 0 &&
    CACHEABLE_TYPES.test(response.headers.get('content-type') ?? '');

  return {
    async answer(request, record, run) {
      const requestKey = await keyOf(request);
      if (requestKey === undefined) return run();
      // Unreadable, the request runs as if there were no cache, and answers DATABASE_UNAVAILABLE itself.
      const version = await freshVersion().catch(() => undefined);
      // No write has stamped the graph yet, so nothing tells a changed graph from this one.
      if (version === undefined) return run();
      if (version !== currentVersion) {
        entries.clear();
        currentVersion = version;
      }
      const key = `${version}\n${requestKey}`;
      const hit = entries.get(key);
      if (hit) {
        Object.assign(record, hit.operation);
        return new Response(hit.body, { status: 200, headers: hit.headers });
      }
      const response = await run();
      if (!shareable(response, record)) return response;
      const text = await response.text();
      let body: string | Uint8Array<ArrayBuffer> = text;
      let headers = [...response.headers].filter(([name]) => name !== 'content-length');
      const zipped = await compressed(request, new Response(text, { status: 200, headers }));
      if (zipped.headers.has('content-encoding')) {
        body = new Uint8Array(await zipped.arrayBuffer());
        headers = [...zipped.headers];
      }
      // A request that read an older version than the current one keeps its answer under that version, where no later request looks.
      if (version === currentVersion) {
        entries.set(key, { body, headers, operation: { operation: record.operation, operationType: record.operationType, fields: record.fields } });
      }
      return new Response(body, { status: 200, headers });
    },
    stats: () => ({ entries: entries.size, bytes: entries.calculatedSize }),
  };
}

/**
 * `read` shared by callers whose call came before the read started: a caller that comes while
 * one is under way waits for the next, shared with everyone else who comes meanwhile.
 */
export function sharedFreshRead<T>(read: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const start = () => {
    const reading = read();
    started = reading;
    const settled = () => {
      if (started === reading) started = undefined;
    };
    reading.then(settled, settled);
    return reading;
  };
  return () => {
    if (!started) return start();
    queued ??= started
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queued = undefined;
        return start();
      });
    return queued;
  };
}
