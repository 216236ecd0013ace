/**
 * Where legislation.gov.uk's files come from: the service itself, fetched within its fair-use
 * policy, or a folder holding the same files, so the update runs on a machine with no internet.
 *
 * The fair-use policy (fair-use.md of the data documentation) asks for a User-Agent that names
 * the program, no more than 3,000 requests in any 5 minutes from one address, and otherwise a
 * conservative rate ("10 requests per 5-10 seconds"). The fetcher sends one request at a time,
 * at least a second apart by default (300 in 5 minutes, a tenth of the limit), waits as long as
 * a 429 or 503 answer's Retry-After asks (or backs off exponentially) before trying again, and
 * gives up when the whole run passes its time limit.
 *
 * What is read, from the service's data documentation (github.com/legislation/data-documentation)
 * and the CLML schema's user guide and sample files (github.com/legislation/clml-schema):
 * - listings, `{type}/data.feed?results-count=500&page=N` (api/search.md, formats/atom.md): the
 *   Atom feed's `leg:page`, `leg:morePages`, `openSearch:totalResults`, and per entry `id`,
 *   `title`, `ukm:DocumentMainType`, `ukm:Year`, `ukm:Number`, `ukm:CreationDate`, `ukm:ISBN`
 *   (atom.ts);
 * - changes, `changes/affected/{item}/data.feed` (api/search.md "Changes to legislation",
 *   model/effects.md): each entry's `ukm:Effect`, its attributes and its provisions and in-force
 *   dates (effects.ts);
 * - an item's CLML, `{item}/data.xml` (formats/xml.md): `Legislation/@IdURI`, `ukm:Metadata`,
 *   and the `Part`, `P1` (in `P1group`) and `Schedule` elements of `Primary` or `Secondary`
 *   (clml.ts);
 * - identifiers and their URIs (model/uris.md) (identifiers.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type FeedPage, readFeedPage } from './atom.ts';
import { LegislationDataError } from './xml.ts';

export interface LegislationSource {
  /** Says where files come from, for progress messages. */
  readonly description: string;
  /** The file at a path of the service (`ukpga/1989/41/data.xml`). */
  get(path: string): Promise<{ location: string; text: string }>;
  /** Every page of the feed at a path of the service (`ukpga/data.feed`), in order. */
  feed(path: string): AsyncIterable<FeedPage>;
}

export interface FetcherOptions {
  /** The service; a test points this at a local server. */
  baseUrl?: string;
  /** Least time between the starts of two requests. */
  minIntervalMs?: number;
  /** Tries per request, the first included, when the service answers 429 or 503 or the network fails. */
  maxAttempts?: number;
  /** The longest Retry-After honoured; a longer one ends the run rather than hold it for hours. */
  maxRetryAfterMs?: number;
  /** One request's time limit. */
  requestTimeoutMs?: number;
  /** The whole run's time limit, from the fetcher's creation. */
  totalTimeoutMs?: number;
  /** An e-mail address or web page the service can reach the operator at (the policy recommends one). */
  contact?: string;
  /** Results per feed page (the service's default is 20). */
  pageSize?: number;
  /** Told of each request and each wait, for progress on stderr. */
  log?: (message: string) => void;
}

const PRODUCT = 'council-alignment-graph';
const VERSION = '0.1.0';

/** The User-Agent sent with every request: the product, and the operator's contact if given. */
export const userAgent = (contact?: string) => `${PRODUCT}/${VERSION} (legislation update${contact ? `; ${contact}` : ''})`;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
  });

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Fetches from legislation.gov.uk (or `baseUrl`) one request at a time, spaced, with retries. */
export function legislationFetcher(options: FetcherOptions = {}): LegislationSource {
  const {
    baseUrl = 'https://www.legislation.gov.uk',
    minIntervalMs = 1_000,
    maxAttempts = 5,
    maxRetryAfterMs = 10 * 60_000,
    requestTimeoutMs = 60_000,
    totalTimeoutMs = 60 * 60_000,
    contact,
    pageSize = 500,
    log = () => {},
  } = options;
  const overall = AbortSignal.timeout(totalTimeoutMs);
  const headers = { 'User-Agent': userAgent(contact), Accept: 'application/xml, application/atom+xml;q=0.9' };
  let queue: Promise<unknown> = Promise.resolve();
  let lastStart = Number.NEGATIVE_INFINITY;

  async function attempt(url: string): Promise<string> {
    for (let tries = 1; ; tries++) {
      const wait = lastStart + minIntervalMs - Date.now();
      if (wait > 0) await sleep(wait, overall);
      lastStart = Date.now();
      let retryIn: number;
      let why: string;
      try {
        const response = await fetch(url, { headers, signal: AbortSignal.any([overall, AbortSignal.timeout(requestTimeoutMs)]) });
        if (response.ok) return await response.text();
        if (response.status !== 429 && response.status !== 503) {
          throw new LegislationDataError(url, `the service answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
        }
        await response.body?.cancel();
        why = `HTTP ${response.status}`;
        const asked = retryAfterMs(response.headers.get('retry-after'));
        if (asked !== undefined && asked > maxRetryAfterMs)
          throw new LegislationDataError(
            url,
            `the service asked to wait ${Math.round(asked / 1000)} s (Retry-After), longer than this run waits; try again later`,
          );
        retryIn = asked ?? minIntervalMs * 2 ** tries;
      } catch (error) {
        if (error instanceof LegislationDataError) throw error;
        if (overall.aborted) throw new LegislationDataError(url, `the update passed its time limit of ${Math.round(totalTimeoutMs / 1000)} s`);
        why =
          (error as Error).name === 'TimeoutError'
            ? `no answer within ${Math.round(requestTimeoutMs / 1000)} s`
            : `network error (${(error as Error).message})`;
        retryIn = minIntervalMs * 2 ** tries;
      }
      if (tries >= maxAttempts) throw new LegislationDataError(url, `${why} after ${tries} tries; try again later`);
      log(`${url}: ${why}; trying again in ${(retryIn / 1000).toFixed(1)} s`);
      await sleep(retryIn, overall).catch(() => {
        throw new LegislationDataError(url, `the update passed its time limit of ${Math.round(totalTimeoutMs / 1000)} s`);
      });
      // The wait just taken is the pause the next request needs.
      lastStart = Date.now() - minIntervalMs;
    }
  }

  /** Requests run strictly one after another, whoever asks. */
  function request(url: string): Promise<string> {
    const result = queue.then(() => {
      log(`GET ${url}`);
      return attempt(url);
    });
    queue = result.catch(() => {});
    return result;
  }

  return {
    description: baseUrl,
    async get(path) {
      const url = `${baseUrl}/${path}`;
      return { location: url, text: await request(url) };
    },
    async *feed(path) {
      for (let page = 1; page <= 10_000; page++) {
        const url = `${baseUrl}/${path}?results-count=${pageSize}&page=${page}`;
        const read = readFeedPage(await request(url), url);
        yield read;
        if (read.entries.length === 0 || read.morePages <= 0) return;
      }
    },
  };
}

/**
 * Reads the same files from a folder laid out as the service's paths: `ukpga/1989/41/data.xml`,
 * `changes/affected/ukpga/1989/41/data.feed`. A feed's further pages sit beside its first as
 * `data-2.feed`, `data-3.feed`, … (read in that order).
 */
export function folderSource(folder: string): LegislationSource {
  const read = async (file: string) => {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new LegislationDataError(file, 'no such file in the folder given with --from');
      throw error;
    }
  };
  return {
    description: folder,
    async get(path) {
      const file = join(folder, path);
      return { location: file, text: await read(file) };
    },
    async *feed(path) {
      const first = join(folder, path);
      const stem = basename(first).replace(/\.feed$/, '');
      const pageOf = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.feed$`);
      const more = await readdir(dirname(first)).catch(() => [] as string[]);
      const pages = more
        .map((name) => ({ name, page: Number(pageOf.exec(name)?.[1]) }))
        .filter(({ page }) => page > 1)
        .sort((a, b) => a.page - b.page);
      yield readFeedPage(await read(first), first);
      for (const { name } of pages) {
        const file = join(dirname(first), name);
        yield readFeedPage(await read(file), file);
      }
    },
  };
}
