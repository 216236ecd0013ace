import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testGateway } from '../server/test/api.ts';
import { createGateway } from '../server/src/db/gateway.ts';
import { applyGraphSchema } from '../server/src/db/graph-schema.ts';
import { importDocument } from '../server/src/import/import-document.ts';
import { exportGraph } from '../server/src/queries/export.ts';
import { startLocalNeo4j, stopLocalNeo4j } from './local-neo4j.ts';

// An empty database of its own, started fresh for this test.
const instance = { name: 'test-roundtrip', port: Number(process.env.NEO4J_ROUNDTRIP_BOLT_PORT ?? 7698) };
const log = () => {};
const source = testGateway();

afterAll(async () => {
  await source.close();
  await stopLocalNeo4j(instance.name, log);
});

const sorted = (file: string) => {
  const { nodes, links } = JSON.parse(file) as { nodes: { id: string }[]; links: { from: string; type: string; to: string }[] };
  return {
    nodes: [...nodes].sort((a, b) => a.id.localeCompare(b.id)),
    links: [...links].sort((a, b) => `${a.from} ${a.type} ${a.to}`.localeCompare(`${b.from} ${b.type} ${b.to}`)),
  };
};

describe('export and import', () => {
  it('gives the same graph when the JSON export is imported into an empty database', async () => {
    const exported = await exportGraph(source, null, 'JSON');

    await stopLocalNeo4j(instance.name, log);
    rmSync(join(import.meta.dirname, '..', '.neo4j', instance.name), { recursive: true, force: true });
    const empty = await startLocalNeo4j(instance, log);
    const target = createGateway({ uri: empty.uri, username: 'neo4j', password: '' });
    try {
      await applyGraphSchema(target);
      const result = await importDocument(target, { name: 'Round trip', role: 'admin' }, { fileName: exported.fileName, content: exported.content }, false);
      expect(result.faults).toEqual([]);
      expect(result.committed).toBe(true);
      const original = sorted(exported.content);
      expect(result.created).toHaveLength(original.nodes.length);

      const again = await exportGraph(target, null, 'JSON');
      expect(sorted(again.content)).toEqual(original);
    } finally {
      await target.close();
    }
  }, 240_000);
});
