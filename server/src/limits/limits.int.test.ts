import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../main.ts';
import { startTestServer, testTokens } from '../../test/api.ts';

const TRACE_ID = 'redbridge-people-strategy-2024/sp2/w3';
const trace = `query Limits_Trace { trace(id: "${TRACE_ID}") { root { id } } }`;
/** Fifteen aliases of the coverage figures: within the per-request limits, heavy on the database. */
const fifteenCoverages = `query Limits_Coverages { ${Array.from({ length: 15 }, (_, index) => `c${index}: coverage { byPlan { subject { id } checked passing } }`).join(' ')} }`;

/** A server as `npm start` runs it, with the given settings and its log lines kept for the test. */
async function serverLogging(env: Record<string, string>): Promise<{ server: RunningServer; lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = [];
  const server = await startTestServer(
    { NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    { log: { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) } },
  );
  return { server, lines };
}

/** Sends a query over HTTP as the client at `address` (behind the one trusted proxy). */
function ask(server: RunningServer, query: string, address: string, token?: string): Promise<Response> {
  return fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': address,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
}

describe('failed sign-ins', () => {
  let running: Awaited<ReturnType<typeof serverLogging>>;
  beforeAll(async () => {
    running = await serverLogging({ TRUST_PROXY: '1' });
  });
  afterAll(() => running?.server.close());

  it('throttles 50 wrong tokens from one client with 429 and Retry-After, logs each, and never logs a token', async () => {
    const { server, lines } = running;
    const wrongToken = 'not-the-right-token-0000';
    const statuses: number[] = [];
    let lastRefusal: Response | undefined;
    for (let attempt = 0; attempt < 50; attempt++) {
      const response = await ask(server, trace, '198.51.100.7', `${wrongToken}${attempt}`);
      statuses.push(response.status);
      if (response.status === 429) lastRefusal = response;
      else await response.body?.cancel();
    }
    // The default allows 30 failures in 15 minutes; every later attempt is refused unread.
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(30).every((status) => status === 429)).toBe(true);
    expect(Number(lastRefusal?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await lastRefusal?.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });

    // Even the right token is not looked at from that address now; another address is unaffected.
    expect((await ask(server, trace, '198.51.100.7', testTokens.editor)).status).toBe(429);
    const elsewhere = await ask(server, trace, '198.51.100.8', testTokens.editor);
    expect(elsewhere.status).toBe(200);
    expect(((await elsewhere.json()) as { errors?: unknown }).errors).toBeUndefined();

    const audit = lines.filter((line) => line.log === 'audit');
    expect(audit.filter((line) => line.event === 'sign-in' && line.outcome === 'refused' && line.client === '198.51.100.7')).toHaveLength(30);
    expect(audit.filter((line) => line.event === 'refused' && line.code === 'RATE_LIMITED' && line.client === '198.51.100.7')).toHaveLength(21);
    expect(audit).toContainEqual(expect.objectContaining({ event: 'sign-in', outcome: 'accepted', user: 'Test Editor', client: '198.51.100.8' }));
    const requests = lines.filter((line) => line.event === 'request' && line.client === '198.51.100.7');
    expect(requests).toHaveLength(51);
    expect(requests.at(-1)).toMatchObject({ method: 'POST', path: '/graphql', status: 429, errors: ['RATE_LIMITED'] });
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(wrongToken);
    expect(logged).not.toContain(testTokens.editor);
  });
});

describe('the query cost budget', () => {
  let running: Awaited<ReturnType<typeof serverLogging>>;
  beforeAll(async () => {
    // A small budget, so the test spends it in a few requests; the default is far larger. The
    // budget counts database time, which an answer from the response cache does not spend, so
    // the cache is off here: the same question is asked again and again.
    running = await serverLogging({ TRUST_PROXY: '1', QUERY_COST_BUDGET: '20000', RESPONSE_CACHE: 'off' });
  });
  afterAll(() => running?.server.close());

  it('answers 429 to a client that has spent its budget, while another client’s traces still succeed', async () => {
    const { server, lines } = running;
    let refusal: Response | undefined;
    let answered = 0;
    for (let attempt = 0; attempt < 40 && !refusal; attempt++) {
      const response = await ask(server, fifteenCoverages, '203.0.113.1');
      if (response.status === 429) refusal = response;
      else {
        expect(response.status).toBe(200);
        answered++;
        await response.body?.cancel();
      }
    }
    expect(refusal).toBeDefined();
    expect(answered).toBeGreaterThan(0);
    expect(Number(refusal?.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refusal?.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    expect(body.errors[0]?.extensions).not.toHaveProperty('http');

    const other = await ask(server, trace, '203.0.113.2');
    expect(other.status).toBe(200);
    expect(((await other.json()) as { data: { trace: { root: { id: string } } } }).data.trace.root.id).toBe(TRACE_ID);

    // Each request's line says what it was, what it cost and whom it was for.
    const line = lines.find((entry) => entry.event === 'request' && entry.operation === 'Limits_Coverages' && entry.status === 200);
    expect(line).toMatchObject({ method: 'POST', path: '/graphql', client: '203.0.113.1', operationType: 'query' });
    expect(line?.cost).toBeGreaterThan(0);
    expect(line?.databaseMs).toBeGreaterThan(0);
    expect(line?.ms).toBeGreaterThanOrEqual(0);
    expect(lines).toContainEqual(
      expect.objectContaining({ log: 'audit', event: 'refused', code: 'RATE_LIMITED', client: '203.0.113.1', operation: 'Limits_Coverages' }),
    );
  });
});

describe('database sessions per request', () => {
  let capped: Awaited<ReturnType<typeof serverLogging>>;
  let uncapped: Awaited<ReturnType<typeof serverLogging>>;
  beforeAll(async () => {
    capped = await serverLogging({ DB_SESSIONS_PER_REQUEST: '2' });
    uncapped = await serverLogging({ DB_SESSIONS_PER_REQUEST: '100' });
  });
  afterAll(async () => {
    await capped?.server.close();
    await uncapped?.server.close();
  });

  /** Asks for fifteen aliases of coverage and returns the most sessions the request's log line says it held at once. */
  async function peakSessions(running: Awaited<ReturnType<typeof serverLogging>>): Promise<unknown> {
    const response = await ask(running.server, fifteenCoverages, '127.0.0.1');
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data ?? {})).toHaveLength(15);
    return running.lines.find((line) => line.event === 'request' && line.operation === 'Limits_Coverages')?.sessions;
  }

  it('runs fifteen aliases of one field on at most the allowed number of sessions at once', async () => {
    expect(await peakSessions(capped)).toBe(2);
    // Without the cap the same request takes far more, as it did before there was one.
    expect(await peakSessions(uncapped)).toBeGreaterThan(2);
  });
});

describe('writes', () => {
  let running: Awaited<ReturnType<typeof serverLogging>>;
  beforeAll(async () => {
    running = await serverLogging({ TRUST_PROXY: '1', WRITE_LIMIT: '3' });
  });
  afterAll(() => running?.server.close());

  it('limits a client’s writes a minute, and audits each write and refusal with who made it', async () => {
    const { server, lines } = running;
    // Deleting a node that is not there writes nothing, yet counts as a write attempt.
    const write = 'mutation Limits_Delete { deleteNode(id: "test-limits/none", version: 1) { deleted } }';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await ask(server, write, '127.0.0.1', testTokens.editor);
      statuses.push(response.status);
      await response.body?.cancel();
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const audit = lines.filter((line) => line.log === 'audit');
    expect(audit.filter((line) => line.event === 'write')).toHaveLength(3);
    expect(audit).toContainEqual(
      expect.objectContaining({
        event: 'write',
        user: 'Test Editor',
        client: '127.0.0.1',
        operation: 'Limits_Delete',
        fields: ['deleteNode'],
        outcome: 'NOT_FOUND',
      }),
    );
    expect(audit.filter((line) => line.event === 'refused' && line.code === 'RATE_LIMITED' && line.user === 'Test Editor')).toHaveLength(2);
    // A write without a token is refused and audited as such.
    const anonymous = await ask(server, write, '127.0.0.2');
    expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(lines).toContainEqual(expect.objectContaining({ log: 'audit', event: 'refused', code: 'UNAUTHENTICATED', client: '127.0.0.2' }));
  });
});
