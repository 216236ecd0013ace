import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../config.ts';
import type { Gateway } from '../db/gateway.ts';
import { startServer, type RunningServer } from '../main.ts';
import { removeTestData, startTestApi, testGateway, testTokens, type TestApi } from '../../test/api.ts';

const PLAN_ID = 'redbridge-people-strategy-2024';
const ALLOWED_ORIGIN = 'https://council.example';

let api: TestApi;
let app: RunningServer;
let gateway: Gateway;

beforeAll(async () => {
  api = await startTestApi({ CORS_ORIGINS: `${ALLOWED_ORIGIN},https://other.example:8443` });
  // The real server as `npm start` runs it: the built client at /.
  app = await startServer(readSettings({ ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', AUTH_TOKENS: '', LOG_LEVEL: 'warn' }));
  gateway = testGateway();
});
afterAll(async () => {
  await api?.close();
  await app?.close();
  await gateway?.close();
});

describe('security headers', () => {
  it('puts the client under a strict Content-Security-Policy that allows its own inline script by hash', async () => {
    const page = await fetch(`${app.url}/trace`);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    // index.html starts fetching the graph chunk from an inline script; the policy names its hash.
    expect(await page.text()).toMatch(/<script>[^<]+<\/script>/);
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'/);
  });

  it('sends nosniff, no framing, no referrer and the other usual headers on the client, its assets and the API', async () => {
    const page = await fetch(`${app.url}/`);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    const responses = {
      page,
      asset: await fetch(`${app.url}${script}`),
      api: await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ graphStats { nodes } }"}' }),
      health: await fetch(`${api.url}/health`),
      notFound: await fetch(`${api.url}/no-such-thing`),
    };
    for (const [name, response] of Object.entries(responses)) {
      expect(response.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), name).toBe('DENY');
      expect(response.headers.get('referrer-policy'), name).toBe('no-referrer');
      expect(response.headers.get('cross-origin-opener-policy'), name).toBe('same-origin');
      expect(response.headers.get('strict-transport-security'), name).toMatch(/^max-age=\d+/);
      expect(response.headers.get('content-security-policy'), name).toContain("frame-ancestors 'none'");
    }
    // What is not the page runs nothing.
    expect(responses.api.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('serves no source maps', async () => {
    const page = await (await fetch(`${app.url}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
    const code = await (await fetch(`${app.url}${script}`)).text();
    expect(code).not.toMatch(/sourceMappingURL/);
    expect((await fetch(`${app.url}${script}.map`)).status).toBe(404);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(`${api.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });

  it('refuses an origin it does not list', async () => {
    const answer = await preflight('https://attacker.example');
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    const post = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://attacker.example', 'content-type': 'application/json' },
      body: '{"query":"{ graphStats { nodes } }"}',
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows a listed origin, without credentials', async () => {
    for (const origin of [ALLOWED_ORIGIN, 'https://other.example:8443']) {
      const answer = await preflight(origin);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('is closed when no origins are set', async () => {
    const answer = await fetch(`${app.url}/graphql`, { method: 'OPTIONS', headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST' } });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a setting that is not a list of origins, naming it', () => {
    expect(() => readSettings({ CORS_ORIGINS: 'https://council.example/app' })).toThrow(/CORS_ORIGINS: must be a comma-separated list of origins/);
  });
});

describe('the body cap', () => {
  /**
   * Streams `total` bytes of a JSON body in chunked encoding (no Content-Length) over a raw socket,
   * and resolves with the server's answer as soon as it comes, and how much had been sent by then.
   */
  function sendChunked(total: number): Promise<{ status: number; body: string; sent: number }> {
    const { hostname, port } = new URL(api.url);
    return new Promise((answered, failed) => {
      let sent = 0;
      let answer = '';
      let stopped = false;
      const socket = connect(Number(port), hostname);
      const finish = () => {
        stopped = true;
        const [head = '', body = ''] = answer.split('\r\n\r\n');
        answered({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0), body: decodeChunked(head, body), sent });
      };
      socket.on('data', (data: Buffer) => {
        answer += data.toString();
        stopped = true;
      });
      socket.on('end', finish);
      // The server closes the connection once it has answered; writing on then fails, as expected.
      socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? finish() : failed(error)));
      const chunk = (text: string | Buffer) => {
        const bytes = Buffer.from(text);
        return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);
      };
      socket.write(`POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`);
      socket.write(chunk('{"query":"{ graphStats { nodes } }","variables":{"pad":"'));
      const padding = chunk(Buffer.alloc(64 * 1024, 'a'));
      const pump = () => {
        while (sent < total && !stopped) {
          sent += 64 * 1024;
          if (!socket.write(padding)) {
            socket.once('drain', pump);
            return;
          }
        }
        if (!stopped) socket.write(`${chunk('"}}').toString()}0\r\n\r\n`);
      };
      pump();
    });
  }

  /** The body of a raw HTTP answer, undoing chunked encoding when the head says it is used. */
  function decodeChunked(head: string, body: string): string {
    if (!/transfer-encoding: chunked/i.test(head)) return body;
    let decoded = '';
    let rest = body;
    for (;;) {
      const size = Number.parseInt(rest, 16);
      if (!size) return decoded;
      const start = rest.indexOf('\r\n') + 2;
      decoded += rest.slice(start, start + size);
      rest = rest.slice(start + size + 2);
    }
  }

  it('refuses a chunked 20 MB body with 413 once it passes 3 MB, without reading the rest', async () => {
    const { status, body, sent } = await sendChunked(20_000_000);
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    expect(sent).toBeLessThan(20_000_000);
  });

  it('still takes a chunked body under the cap', async () => {
    const { status } = await sendChunked(1_000_000);
    expect(status).toBe(200);
  });

  it('refuses a declared over-size body before reading it', async () => {
    const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(3_000_001) });
    expect(response.status).toBe(413);
  });
});

describe('coded limit errors', () => {
  it('gives every per-request limit the code QUERY_TOO_COMPLEX', async () => {
    const tooManyAliases = `{ ${Array.from({ length: 16 }, (_, index) => `s${index}: graphStats { nodes }`).join(' ')} }`;
    const tooDeep = `{ trace(id: "x") { root { ${'a { '.repeat(10)}id${' }'.repeat(10)} } } }`;
    const tooCostly = '{ search(text: "care", first: 100000) { query } }';
    const tooLong = `{ ${'__typename '.repeat(3_100)}}`;
    const tooManyDirectives = `{ graphStats ${'@skip(if: false) '.repeat(21)} { nodes } }`;
    for (const [name, query] of Object.entries({ tooManyAliases, tooDeep, tooCostly, tooLong, tooManyDirectives })) {
      const { errors } = await api.execute(query);
      expect(errors?.[0]?.extensions?.code, `${name}: ${errors?.[0]?.message}`).toBe('QUERY_TOO_COMPLEX');
    }
  });
});

describe('unknown ids', () => {
  const unknown = 'test-hardening/no-such-item';
  const asked = {
    trace: `{ trace(id: "${unknown}") { root { id } } }`,
    evidenceChain: `{ evidenceChain(id: "${unknown}") { root { id } } }`,
    impact: `{ impact(id: "${unknown}") { root { id } } }`,
    planHierarchy: `{ planHierarchy(id: "${unknown}") { parentId } }`,
    history: `{ history(id: "${unknown}") { id } }`,
    suggestions: `{ suggestions(id: "${unknown}") { score } }`,
    exportGraph: `{ exportGraph(planId: "${unknown}", format: JSON) { content } }`,
    gapsScope: `{ gaps(scope: { planId: "${unknown}" }) { rules { code } } }`,
    gapsSubject: `{ gaps(subject: "${unknown}") { rules { code } } }`,
    coverage: `{ coverage(scope: { organisationId: "${unknown}" }) { rules { code } } }`,
    alignment: `{ alignment(rows: { kind: PLANS, ids: ["${PLAN_ID}", "${unknown}"] }, columns: { kind: AUTHORITIES }) { rows { kind } } }`,
  };

  it('answers NOT_FOUND for every question about an id the graph does not hold', async () => {
    for (const [name, query] of Object.entries(asked)) {
      const { errors } = await api.execute(query);
      expect(errors?.[0]?.extensions?.code, `${name}: ${JSON.stringify(errors)}`).toBe('NOT_FOUND');
    }
  });

  it('exports a known plan, and an exported empty answer is never taken for an unknown plan', async () => {
    const { data, errors } = await api.execute<{ exportGraph: { content: string } }>(`{ exportGraph(planId: "${PLAN_ID}", format: JSON) { content } }`);
    expect(errors).toBeUndefined();
    expect(data?.exportGraph.content).toContain(PLAN_ID);
  });

  it('answers an empty list, not NOT_FOUND, for a node that has no history or suggestions yet', async () => {
    const { data, errors } = await api.execute<{ history: unknown[]; suggestions: unknown[] }>(
      '{ history(id: "authority/care-act-2014") { id } suggestions(id: "authority/care-act-2014") { score } }',
    );
    expect(errors).toBeUndefined();
    expect(Array.isArray(data?.history)).toBe(true);
    expect(Array.isArray(data?.suggestions)).toBe(true);
  });
});

describe('history', () => {
  const prefix = 'test-hardening-history';
  afterAll(() => removeTestData(gateway, prefix));

  it('shows who made each change to signed-in users only', async () => {
    const created = await api.execute<{ createNode: { id: string } }>(
      `mutation { createNode(input: { id: "${prefix}/theme", label: Theme, title: "A theme to audit" }, why: "Testing") { id } }`,
      {},
      { token: testTokens.editor },
    );
    expect(created.errors).toBeUndefined();
    const query = `{ history(id: "${prefix}/theme") { operation by summary why at } }`;
    const anonymous = await api.execute<{ history: { operation: string; by: string | null; why: string | null }[] }>(query);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data?.history).toEqual([expect.objectContaining({ operation: 'CREATE_NODE', by: null, why: 'Testing' })]);
    const signedIn = await api.execute<{ history: { by: string | null }[] }>(query, {}, { token: testTokens.editor });
    expect(signedIn.data?.history[0]?.by).toBe('Test Editor');
  });

  it('shows who changed a node and who recorded a link to signed-in users only', async () => {
    const linked = await api.execute<{ createLink: { id: string } }>(
      `mutation { createLink(input: { from: "${prefix}/theme", type: CONCERNS, to: "theme/education-and-attainment", basis: CURATED, rationale: "Testing" }) { id } }`,
      {},
      { token: testTokens.editor },
    );
    expect(linked.errors).toBeUndefined();
    const query = `{ node(id: "${prefix}/theme") { node { changedBy changedAt } neighbours { edge { by at } } } }`;
    type Answer = { node: { node: { changedBy: string | null; changedAt: string | null }; neighbours: { edge: { by: string | null; at: string | null } }[] } };
    const anonymous = await api.execute<Answer>(query);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data?.node.node).toEqual({ changedBy: null, changedAt: expect.any(String) });
    expect(anonymous.data?.node.neighbours.map(({ edge }) => edge.by)).toEqual([null]);
    const signedIn = await api.execute<Answer>(query, {}, { token: testTokens.editor });
    expect(signedIn.data?.node.node.changedBy).toBe('Test Editor');
    expect(signedIn.data?.node.neighbours.map(({ edge }) => edge.by)).toEqual(['Test Editor']);
  });
});
