import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStatuteRecords } from './atom.ts';
import { folderSource, legislationFetcher, retryAfterMs } from './source.ts';
import { listingFeed } from './test-fixtures.ts';

interface Seen {
  at: number;
  url: string;
  userAgent: string | undefined;
}

/** A stand-in for legislation.gov.uk on a free local port: real HTTP, answers chosen per path. */
let server: Server;
let base: string;
const seen: Seen[] = [];
let inFlight = 0;
let mostInFlight = 0;
let throttled = false;

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    seen.push({ at: performance.now(), url: `${url.pathname}${url.search}`, userAgent: request.headers['user-agent'] });
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    const answer = (status: number, body: string, headers: Record<string, string> = {}) =>
      setTimeout(() => {
        inFlight--;
        response.writeHead(status, { 'Content-Type': 'application/atom+xml', ...headers });
        response.end(body);
      }, 40);
    if (url.pathname === '/ukpga/data.feed') {
      // The first request is told to come back in a second, as the service does when a client is too fast.
      if (!throttled) {
        throttled = true;
        return answer(429, 'Too Many Requests', { 'Retry-After': '1' });
      }
      const page = Number(url.searchParams.get('page'));
      const id = page === 1 ? 'ukpga/1989/41' : 'ukpga/2014/23';
      return answer(200, listingFeed({ path: 'ukpga/data.feed', page, morePages: page === 1 ? 1 : 0, entries: [{ id, title: `Act ${page}` }] }));
    }
    if (url.pathname === '/down/data.xml') return answer(503, 'Service Unavailable');
    if (url.pathname.endsWith('/data.xml')) return answer(200, '<Legislation/>');
    return answer(404, 'Not Found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the legislation.gov.uk fetcher', () => {
  it('waits as long as a 429 asks, retries, spaces its requests and names the product', async () => {
    seen.length = 0;
    const fetcher = legislationFetcher({ baseUrl: base, minIntervalMs: 300, contact: 'ops@council.example' });
    const records = [];
    for await (const page of fetcher.feed('ukpga/data.feed')) records.push(...readStatuteRecords(page));
    expect(records.map(({ legislationId }) => legislationId)).toEqual(['ukpga/1989/41', 'ukpga/2014/23']);
    expect(seen.map(({ url }) => url)).toEqual([
      '/ukpga/data.feed?results-count=500&page=1',
      '/ukpga/data.feed?results-count=500&page=1',
      '/ukpga/data.feed?results-count=500&page=2',
    ]);
    const gaps = seen.slice(1).map(({ at }, index) => at - seen[index]!.at);
    expect(gaps[0], 'the retry waits for Retry-After').toBeGreaterThanOrEqual(950);
    expect(gaps[1], 'requests are spaced').toBeGreaterThanOrEqual(280);
    for (const { userAgent } of seen) expect(userAgent).toBe('council-alignment-graph/0.1.0 (legislation update; ops@council.example)');
  });

  it('sends one request at a time, however many are asked for at once', async () => {
    seen.length = 0;
    mostInFlight = 0;
    const fetcher = legislationFetcher({ baseUrl: base, minIntervalMs: 100 });
    await Promise.all(['a', 'b', 'c', 'd'].map((name) => fetcher.get(`ukpga/2000/${name.charCodeAt(0)}/data.xml`)));
    expect(seen).toHaveLength(4);
    expect(mostInFlight).toBe(1);
    const gaps = seen.slice(1).map(({ at }, index) => at - seen[index]!.at);
    // The server sees each request a few milliseconds after it is sent; the spacing is the fetcher's.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(85);
  });

  it('gives up with the address and the reason after its tries, and does not retry what is missing', async () => {
    seen.length = 0;
    const fetcher = legislationFetcher({ baseUrl: base, minIntervalMs: 50, maxAttempts: 2 });
    await expect(fetcher.get('down/data.xml')).rejects.toThrow(`${base}/down/data.xml: HTTP 503 after 2 tries; try again later`);
    expect(seen).toHaveLength(2);
    await expect(fetcher.get('ukpga/1989/99/nothing.xml')).rejects.toThrow(`${base}/ukpga/1989/99/nothing.xml: the service answered HTTP 404 Not Found`);
    expect(seen).toHaveLength(3);
  });

  it('stops when the run passes its time limit', async () => {
    const fetcher = legislationFetcher({ baseUrl: base, minIntervalMs: 50, maxAttempts: 10, totalTimeoutMs: 400 });
    await expect(fetcher.get('down/data.xml')).rejects.toThrow(/passed its time limit/);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:30 GMT'))).toBe(30_000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe('the folder source', () => {
  it('reads the same paths from disk, a feed with its further pages in order, and names a missing file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'legislation-'));
    try {
      await mkdir(join(folder, 'ukpga'), { recursive: true });
      const page = (number: number, id: string) => listingFeed({ path: 'ukpga/data.feed', page: number, morePages: 3 - number, entries: [{ id, title: id }] });
      await writeFile(join(folder, 'ukpga', 'data.feed'), page(1, 'ukpga/1989/41'));
      await writeFile(join(folder, 'ukpga', 'data-10.feed'), page(3, 'ukpga/2017/16'));
      await writeFile(join(folder, 'ukpga', 'data-2.feed'), page(2, 'ukpga/2014/23'));
      const source = folderSource(folder);
      const ids = [];
      for await (const read of source.feed('ukpga/data.feed')) ids.push(...readStatuteRecords(read).map(({ legislationId }) => legislationId));
      expect(ids).toEqual(['ukpga/1989/41', 'ukpga/2014/23', 'ukpga/2017/16']);
      await expect(source.get('ukpga/1989/41/data.xml')).rejects.toThrow(
        `${join(folder, 'ukpga/1989/41/data.xml')}: no such file in the folder given with --from`,
      );
      const missing = source.feed('uksi/data.feed')[Symbol.asyncIterator]();
      await expect(missing.next()).rejects.toThrow(`${join(folder, 'uksi/data.feed')}: no such file`);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
