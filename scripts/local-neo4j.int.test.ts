import { afterAll, describe, expect, it } from 'vitest';
import { startTestApi, waitForReady, type TestApi } from '../server/test/api.ts';
import { freePort, portAnswers, startLocalNeo4j, stopLocalNeo4j } from './local-neo4j.ts';

// A Neo4j of its own, so stopping it does not disturb the other tests, on a port free now.
const instance = { name: 'test-outage', port: Number(process.env.NEO4J_OUTAGE_BOLT_PORT ?? (await freePort())) };
const log = () => {};
let api: TestApi | undefined;

afterAll(async () => {
  await api?.close();
  await stopLocalNeo4j(instance.name, log);
});

describe('the API when Neo4j goes away and comes back', () => {
  it('fails /ready and answers with a clear error while Neo4j is down, then recovers without a restart', async () => {
    const neo4j = await startLocalNeo4j(instance, log);
    expect(neo4j.startedHere).toBe(true);
    api = await startTestApi({ NEO4J_URI: neo4j.uri });

    await neo4j.stop();
    const ready = await fetch(`${api.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not ready', schema: 'ok' });

    const started = Date.now();
    const { data, errors } = await api.execute('{ graphStats { nodes } }');
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'DATABASE_UNAVAILABLE' } });
    expect(errors?.[0]?.message).toMatch(/not reachable/);
    expect(Date.now() - started).toBeLessThan(20_000);

    await startLocalNeo4j(instance, log);
    await waitForReady(api.url);
    const recovered = await api.execute('{ graphStats { nodes } }');
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data).toMatchObject({ graphStats: { nodes: expect.any(Number) } });
  }, 240_000);

  it('reuses a Neo4j that already answers on the port instead of starting another', async () => {
    const first = await startLocalNeo4j(instance, log);
    const second = await startLocalNeo4j(instance, log);
    expect(second.startedHere).toBe(false);
    expect(second.uri).toBe(first.uri);
  }, 180_000);

  it('stops a server of the same data folder left on another port before starting on the new one', async () => {
    const left = await startLocalNeo4j(instance, log);
    const port = await freePort();
    const moved = await startLocalNeo4j({ ...instance, port }, log);
    expect(moved.startedHere).toBe(true);
    expect(moved.uri).toBe(`bolt://127.0.0.1:${port}`);
    expect(await portAnswers(Number(new URL(left.uri).port))).toBe(false);
    await moved.stop();
    expect(await portAnswers(port)).toBe(false);
  }, 180_000);
});
