import { afterAll, describe, expect, it } from 'vitest';
import { readSettings } from '../config.ts';
import { connectionSettings } from '../main.ts';
import { createGateway, cypher } from './gateway.ts';

const settings = connectionSettings(readSettings());
const gateways: ReturnType<typeof createGateway>[] = [];
afterAll(() => Promise.all(gateways.map((gateway) => gateway.close())));

describe('the gateway', () => {
  it('returns plain values: Integers as numbers, temporal values as ISO strings', async () => {
    const gateway = createGateway(settings);
    gateways.push(gateway);
    const [row] = await gateway.read(cypher('test.values', 'RETURN 42 AS answer, date("2024-02-28") AS closes, {list: [1, 2]} AS nested'));
    expect(row).toEqual({ answer: 42, closes: '2024-02-28', nested: { list: [1, 2] } });
  });

  it('works through a neo4j:// routing URI, as a cluster or Aura would be reached', async () => {
    const gateway = createGateway({ ...settings, uri: settings.uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:') });
    gateways.push(gateway);
    const [row] = await gateway.read(cypher('test.routed', 'RETURN 1 AS one'));
    expect(row).toEqual({ one: 1 });
  });

  it("names each statement and transaction in the database's transaction list", async () => {
    const gateway = createGateway(settings);
    gateways.push(gateway);
    const own = cypher(
      'test.ownTransaction',
      'SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE currentQuery STARTS WITH "SHOW TRANSACTIONS" RETURN metaData',
    );
    const [alone] = await gateway.read(own);
    expect(alone?.metaData).toEqual({ app: 'council-alignment-graph', statement: 'test.ownTransaction' });
    const running = cypher('test.listTransactions', 'SHOW TRANSACTIONS YIELD metaData RETURN collect(metaData.statement) AS names');
    const [listed] = await gateway.readTransaction(async (tx) => {
      await tx.run(cypher('test.first', 'RETURN 1'));
      return gateway.read(running);
    }, 'test.namedTransaction');
    expect(listed?.names).toContain('test.namedTransaction');
  });

  it('commits all of a write transaction or none of it', async () => {
    const gateway = createGateway(settings);
    gateways.push(gateway);
    const id = `test-gateway/${Date.now()}`;
    await expect(
      gateway.writeTransaction(async (tx) => {
        await tx.run(cypher('test.create', 'CREATE (:Entity:Theme {id: $id, title: "t"})'), { id });
        await tx.run(cypher('test.fail', 'RETURN 1 / 0 AS impossible'));
      }),
    ).rejects.toThrow();
    const [row] = await gateway.read(cypher('test.count', 'MATCH (n:Entity {id: $id}) RETURN count(n) AS count'), { id });
    expect(row?.count).toBe(0);
  });

  it('reports an unreachable database as DATABASE_UNAVAILABLE within seconds, not a hang', async () => {
    const gateway = createGateway({ ...settings, uri: 'bolt://127.0.0.1:1' });
    gateways.push(gateway);
    const started = Date.now();
    const failure = await gateway.ping().catch((error: unknown) => error);
    expect(failure).toMatchObject({ extensions: { code: 'DATABASE_UNAVAILABLE' } });
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
