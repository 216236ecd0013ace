/**
 * `npm run export -- [--plan <plan id>] [--format json|csv|graphml] [--out <file>]`
 * Writes the graph, or one plan with everything it links to, as a file. JSON re-imports without
 * loss (`npm run import -- <file> --commit`).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readSettings } from '../server/src/config.ts';
import { createGateway } from '../server/src/db/gateway.ts';
import type { ExportFormat } from '../server/src/generated/graphql.ts';
import { connectionSettings } from '../server/src/main.ts';
import { exportGraph } from '../server/src/queries/export.ts';
import { neo4jForScripts } from './environment.ts';

const { values } = parseArgs({ options: { plan: { type: 'string' }, format: { type: 'string', default: 'json' }, out: { type: 'string' } } });
const format = values.format.toUpperCase();
if (!['JSON', 'CSV', 'GRAPHML'].includes(format)) {
  console.error(`--format must be json, csv or graphml, not ${values.format}.`);
  process.exit(2);
}

const { settings } = await neo4jForScripts({ name: 'dev', port: readSettings().NEO4J_BOLT_PORT });
const gateway = createGateway(connectionSettings(settings));
try {
  const file = await exportGraph(gateway, values.plan ?? null, format as ExportFormat);
  const out = values.out ?? file.fileName;
  writeFileSync(out, file.content);
  console.log(`Wrote ${out} (${(Buffer.byteLength(file.content) / 1024).toFixed(0)} kB).`);
} finally {
  await gateway.close();
}
