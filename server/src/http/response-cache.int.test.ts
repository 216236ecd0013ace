import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../config.ts';
import { createGateway, cypher, type Gateway } from '../db/gateway.ts';
import { connectionSettings } from '../main.ts';
import { removeTestData, startTestApi, testGateway, testTokens, type TestApi } from '../../test/api.ts';
import type { RequestRecord } from './logging.ts';
import { createResponseCache } from './response-cache.ts';

const prefix = `test-response-cache-${Date.now()}`;
const editor = { token: testTokens.editor };

const createTheme = `mutation ResponseCacheTest_Create($input: NodeInput!) { createNode(input: $input) { id version } }`;
const updateNode = `mutation ResponseCacheTest_Update($id: ID!, $version: Int!, $properties: JSON!) {
  updateNode(id: $id, version: $version, properties: $properties) { version }
}`;
const traceTitle = `query ResponseCacheTest_Trace($id: ID!) { trace(id: $id) { root { title } } }`;
const whoChanged = `query ResponseCacheTest_Node($id: ID!) { node(id: $id) { node { title changedBy } } }`;
const setTitle = cypher('test.setTitle', 'MATCH (n:Entity {id: $id}) SET n.title = $title');

let api: TestApi;
let gateway: Gateway;
/** A second gateway, as the import and legislation commands open in their own process. */
let otherProcess: Gateway;
/** A gateway that leaves write transactions unstamped: what a write path that forgot the stamp would do. */
let unstamped: Gateway;

beforeAll(async () => {
  api = await startTestApi({ RESPONSE_CACHE: 'on' });
  gateway = testGateway();
  otherProcess = createGateway(connectionSettings(readSettings()));
  unstamped = createGateway(connectionSettings(readSettings()), { stampWrites: false });
});
afterAll(async () => {
  await removeTestData(gateway, prefix);
  await api?.close();
  await Promise.all([gateway?.close(), otherProcess?.close(), unstamped?.close()]);
});

async function theme(name: string): Promise<string> {
  const created = await api.execute<{ createNode: { id: string } }>(
    createTheme,
    { input: { label: 'Theme', id: `${prefix}/${name}`, title: `Theme ${name}` } },
    editor,
  );
  expect(created.errors).toBeUndefined();
  return created.data!.createNode.id;
}

/** A write of the test's own, so the graph has a version whatever ran before. */
const stampGraph = () => gateway.write(cypher('test.stamp', "MERGE (t:Entity:Theme {id: $id}) SET t.title = 'Stamped'"), { id: `${prefix}/stamp` });

const anonymousTitle = async (id: string) => (await api.execute<{ trace: { root: { title: string } } }>(traceTitle, { id })).data?.trace.root.title;

describe('the response cache', () => {
  it('serves a trace again from the cache until a write stamps the graph, and the next read then sees the write', async () => {
    const id = await theme('served-again');
    expect(await anonymousTitle(id)).toBe('Theme served-again');
    const asBrowsers = async () => {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query: traceTitle, variables: { id } }),
      });
      return ((await response.json()) as { data: { trace: { root: { title: string } } } }).data.trace.root.title;
    };
    expect(await asBrowsers()).toBe('Theme served-again');
    // Unstamped, the change is invisible to the cache: the kept answers are served again.
    await unstamped.write(setTitle, { id, title: 'Changed without a stamp' });
    expect(await anonymousTitle(id)).toBe('Theme served-again');
    expect(await asBrowsers()).toBe('Theme served-again');
    // A signed-in reader is never answered from the cache.
    const signedIn = await api.execute<{ trace: { root: { title: string } } }>(traceTitle, { id }, editor);
    expect(signedIn.data?.trace.root.title).toBe('Changed without a stamp');
    // Any stamped write, from another process, invalidates it.
    await otherProcess.write(setTitle, { id, title: 'Changed by another process' });
    expect(await anonymousTitle(id)).toBe('Changed by another process');
  });

  it('answers the next read, from another client, with an edit made through the API', async () => {
    const id = await theme('edited');
    expect(await anonymousTitle(id)).toBe('Theme edited');
    const edited = await api.execute(updateNode, { id, version: 1, properties: { title: 'Theme edited again' } }, editor);
    expect(edited.errors).toBeUndefined();
    // A plain fetch on a new connection: another client as far as the server can tell.
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', connection: 'close' },
      body: JSON.stringify({ query: traceTitle, variables: { id } }),
    });
    expect(((await response.json()) as { data: { trace: { root: { title: string } } } }).data.trace.root.title).toBe('Theme edited again');
  });

  it('never mixes the answers of signed-in and anonymous readers', async () => {
    const id = await theme('who');
    type Who = { node: { node: { title: string; changedBy: string | null } } };
    for (let round = 0; round < 2; round++) {
      expect((await api.execute<Who>(whoChanged, { id })).data?.node.node.changedBy).toBeNull();
      expect((await api.execute<Who>(whoChanged, { id }, editor)).data?.node.node.changedBy).toBe('Test Editor');
    }
  });

  it('keeps no mutation, error or introspection answer', async () => {
    const cache = createResponseCache(gateway, { maxMegabytes: 1 });
    const ask = async (body: string, record: RequestRecord, status = 200) => {
      const request = new Request('http://localhost/graphql', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      return cache.answer(request, record, () => new Response('{"data":{}}', { status, headers: { 'content-type': 'application/json' } }));
    };
    await stampGraph();
    await ask('{"query":"mutation { a }"}', { address: 'a', errors: [], operationType: 'mutation' });
    await ask('{"query":"{ broken }"}', { address: 'a', errors: ['GRAPHQL_VALIDATION_FAILED'], operationType: 'query' });
    await ask('{"query":"{ refused }"}', { address: 'a', errors: [], operationType: 'query' }, 429);
    await ask('{"query":"{ __schema { types { name } } }"}', { address: 'a', errors: [], operationType: 'query' });
    expect(cache.stats().entries).toBe(0);
    await ask('{"query":"{ plans { id } }"}', { address: 'a', errors: [], operationType: 'query' });
    expect(cache.stats().entries).toBe(1);
  });

  it('holds no more than its bound, however many different questions are asked', async () => {
    const cache = createResponseCache(gateway, { maxMegabytes: 1 });
    await stampGraph();
    const answer = JSON.stringify({ data: { text: 'x'.repeat(20_000) } });
    for (let index = 0; index < 200; index++) {
      const request = new Request('http://localhost/graphql', { method: 'POST', body: JSON.stringify({ query: `{ q${index} }` }) });
      const response = await cache.answer(
        request,
        { address: 'a', errors: [], operationType: 'query' },
        () => new Response(answer, { headers: { 'content-type': 'application/json' } }),
      );
      expect(await response.text()).toBe(answer);
    }
    expect(cache.stats().bytes).toBeLessThanOrEqual(1_000_000);
    expect(cache.stats().entries).toBeGreaterThan(0);
    expect(cache.stats().entries).toBeLessThan(200);
  });
});
