import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../test/generated/gql.ts';
import { startTestApi, testGateway, type TestApi } from '../test/api.ts';
import { cypher, type Gateway } from './db/gateway.ts';

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

  it('answers 404 for unknown paths outside the API', async () => {
    expect((await fetch(`${api.url}/no-such-thing`)).status).toBe(404);
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
