import { connect, createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { graphql } from '../test/generated/gql.ts';
import { startTestApi, testGateway, type TestApi } from '../test/api.ts';
import { createApp } from './app.ts';
import { createAuthenticator } from './auth.ts';
import { readSettings } from './config.ts';
import { cypher, type Gateway } from './db/gateway.ts';
import { startServer, type RunningServer } from './main.ts';

const Stats = graphql(`
  query ApiTest_Stats {
    graphStats {
      nodes
      relationships
      labels {
        label
        count
      }
    }
  }
`);

let api: TestApi;
let gateway: Gateway;

/** The real server as `npm start` runs it (production: the built client at /), on a free port. */
function startProductionServer(loading?: string): Promise<RunningServer> {
  return startServer(readSettings({ ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', AUTH_TOKENS: '' }), { loading });
}

/** Sends `head` (request line and headers) as it is over a socket and returns the raw answer. */
function rawRequest(url: string, head: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((answered, failed) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => answered(answer));
    socket.on('error', failed);
    socket.write(`${head}\r\nConnection: close\r\n\r\n`);
  });
}

/** What must never reach a client: a stack frame, a path on the server, an exception's name. */
const serverInternals = /\bat .+:\d+|\/work\/|node_modules|\.ts\b|URIError|TypeError/;

beforeAll(async () => {
  api = await startTestApi();
  gateway = testGateway();
});
afterAll(async () => {
  await api?.close();
  await gateway?.close();
});

describe('the HTTP surface', () => {
  it('says the process is alive at /health', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('says Neo4j answers and the graph schema is applied at /ready', async () => {
    const response = await fetch(`${api.url}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', database: 'ok', schema: 'ok' });
  });

  it('has applied the uniqueness constraints of schema/graph.cypher', async () => {
    const rows = await gateway.read(cypher('test.constraints', 'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names'));
    expect(rows[0]?.names).toEqual(expect.arrayContaining(['entity_id', 'plan_id', 'action_id', 'authority_id']));
  });

  it('compresses API answers and the built client when the client accepts it, and only then', async () => {
    const body = JSON.stringify({ query: '{ __schema { types { name description } } }' });
    const post = (encoding: string) =>
      fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': encoding }, body });
    const gzipped = await post('gzip');
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect((await gzipped.json()) as object).toHaveProperty('data.__schema.types');
    expect((await post('identity')).headers.get('content-encoding')).toBeNull();
    const server = await startProductionServer();
    try {
      const page = await (await fetch(`${server.url}/`)).text();
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'gzip, deflate' } });
      expect(asset.headers.get('content-encoding')).toBe('gzip');
      expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect((await asset.text()).length).toBeGreaterThan(1024);
    } finally {
      await server.close();
    }
  });

  it('answers 404 for unknown paths outside the API', async () => {
    expect((await fetch(`${api.url}/no-such-thing`)).status).toBe(404);
  });
});

describe('/ready during start-up loading', () => {
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.close();
  });

  it('answers 503 naming the loading until it is marked done, then 200', async () => {
    server = await startProductionServer('seed data loading');
    await server.schemaApplied;

    const loading = await fetch(`${server.url}/ready`);
    expect(loading.status).toBe(503);
    expect(await loading.json()).toEqual({ status: 'not ready', database: 'ok', schema: 'ok', loading: 'seed data loading' });
    // The rest of the server already answers while it loads.
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    server.loaded();
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', schema: 'ok' });
  });
});

describe('starting the server', () => {
  it('refuses to start, saying which port is taken, when PORT is in use', async () => {
    const holder = createServer();
    await new Promise<void>((listening) => holder.listen(0, '127.0.0.1', listening));
    const { port } = holder.address() as AddressInfo;
    try {
      const starting = startServer(readSettings({ ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'test' }));
      await expect(starting).rejects.toThrow(`Port ${port} is in use on 127.0.0.1: stop what holds it, or set PORT to a free one.`);
    } finally {
      await new Promise((closed) => holder.close(closed));
    }
  });
});

describe('requests the server cannot read', () => {
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.close();
  });

  it('answers 400 with a plain message, and nothing of the server, for malformed percent-escapes in a path', async () => {
    server = await startProductionServer();
    for (const path of ['/%E0%A4%A', '/%', '/assets/%C0%AF', '/trace/%FF']) {
      const response = await fetch(`${server.url}${path}`);
      const body = await response.text();
      expect(response.status, path).toBe(400);
      expect(body, path).toMatch(/^Bad request: /);
      expect(body, path).not.toMatch(serverInternals);
    }
  });

  it('answers 400 for a Host header that no URL can carry, over a raw socket', async () => {
    server ??= await startProductionServer();
    for (const host of ['a b', '[bad', 'x:99999']) {
      const answer = await rawRequest(server.url, `GET /ready HTTP/1.1\r\nHost: ${host}`);
      expect(answer, host).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer, host).not.toMatch(serverInternals);
    }
  });

  it('turns an unexpected exception into a plain 500 and logs it on the server', async () => {
    const failure = new Error('cannot read /srv/app/secret.ts');
    const app = createApp({
      gateway,
      authenticator: createAuthenticator([]),
      schemaApplied: () => true,
      loading: () => {
        throw failure;
      },
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await app.fetch(new Request('http://localhost/ready'));
      expect(response.status).toBe(500);
      expect(await response.text()).toBe('Internal server error');
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('/ready'), failure);
    } finally {
      logged.mockRestore();
    }
  });
});

describe('graphStats', () => {
  it('counts what is in the graph, label by label, as Neo4j does', async () => {
    const { data, errors } = await api.execute(Stats);
    expect(errors).toBeUndefined();
    const direct = await gateway.read(cypher('test.planCount', 'MATCH (n:Plan) RETURN count(n) AS plans'));
    const plans = data?.graphStats.labels.find(({ label }) => label === 'Plan');
    expect(plans?.count).toBe(direct[0]?.plans);
    expect(plans?.count).toBeGreaterThan(0);
    const total = data!.graphStats.labels.reduce((sum, { count }) => sum + count, 0);
    expect(total).toBe(data!.graphStats.nodes);
  });

  it('follows nodes written after the server started', async () => {
    const id = `test-stats/${Date.now()}`;
    const before = await api.execute(Stats);
    await gateway.write(cypher('test.addTheme', 'CREATE (:Entity:Theme {id: $id, title: "Test theme"})'), { id });
    try {
      const after = await api.execute(Stats);
      const themes = (result: typeof before) => result.data?.graphStats.labels.find(({ label }) => label === 'Theme')?.count ?? 0;
      expect(themes(after)).toBe(themes(before) + 1);
    } finally {
      await gateway.write(cypher('test.removeTheme', 'MATCH (n:Entity {id: $id}) DETACH DELETE n'), { id });
    }
  });

  it('rejects an invalid query with a message naming the field', async () => {
    const { errors } = await api.execute('{ graphStats { nosuchfield } }');
    expect(errors?.[0]?.message).toMatch(/nosuchfield/);
  });
});
