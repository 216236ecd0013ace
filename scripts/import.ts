/**
 * `npm run import -- <file> [--commit] [--publisher <organisation id>] [--by <name>]`
 * Imports a strategy or inspection document (.yaml, .json, .csv, .txt, .md, .html) into the graph
 * (NEO4J_URI, or the local server). A dry run unless --commit: it shows what would be created,
 * changed and not understood. With --commit everything is written in one transaction, or nothing.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readSettings } from '../server/src/config.ts';
import { createGateway } from '../server/src/db/gateway.ts';
import { applyGraphSchema } from '../server/src/db/graph-schema.ts';
import { importDocument } from '../server/src/import/import-document.ts';
import { connectionSettings } from '../server/src/main.ts';
import { neo4jForScripts } from './environment.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { commit: { type: 'boolean', default: false }, publisher: { type: 'string' }, by: { type: 'string' } },
});
const path = positionals[0];
if (!path) {
  console.error('Give the file to import: npm run import -- <file> [--commit] [--publisher <organisation id>] [--by <name>]');
  process.exit(2);
}

let bytes: Uint8Array;
try {
  bytes = readFileSync(resolve(path));
} catch (error) {
  console.error(`Cannot read ${path}: ${(error as Error).message}`);
  process.exit(2);
}

const { settings } = await neo4jForScripts({ name: 'dev', port: readSettings().NEO4J_BOLT_PORT });
const gateway = createGateway(connectionSettings(settings));
try {
  await applyGraphSchema(gateway);
  console.log(`${values.commit ? 'Importing' : 'Dry run of'} ${basename(path)}…`);
  const result = await importDocument(
    gateway,
    { name: values.by ?? `${userInfo().username} (command line)`, role: 'admin' },
    { fileName: basename(path), content: bytes, publisherId: values.publisher, directory: dirname(resolve(path)) },
    !values.commit,
  );
  for (const fault of result.faults) console.error(`  fault${fault.line ? ` at line ${fault.line}` : ''}${fault.path ? ` (${fault.path})` : ''}: ${fault.message}`);
  if (result.faults.length) {
    console.error(`Nothing was written: ${result.faults.length} fault${result.faults.length === 1 ? '' : 's'}.`);
    process.exitCode = 1;
  } else {
    const byLabel = new Map<string, number>();
    for (const node of result.created) byLabel.set(node.label, (byLabel.get(node.label) ?? 0) + 1);
    console.log(`  ${result.committed ? 'Created' : 'Would create'} ${result.created.length} nodes (${[...byLabel].map(([label, count]) => `${count} ${label}`).join(', ') || 'none'}) and ${result.createdLinks.length} links.`);
    console.log(`  ${result.committed ? 'Changed' : 'Would change'} ${result.updated.length} nodes; ${result.unchanged} nodes and links are already in the graph as imported.`);
    for (const node of result.created.slice(0, 40)) console.log(`    + ${node.label} ${node.id}: ${node.title.slice(0, 80)}`);
    if (result.created.length > 40) console.log(`    … and ${result.created.length - 40} more`);
    if (result.notUnderstood.length) {
      console.log(`  Not understood (${result.notUnderstood.length} lines, left out):`);
      for (const note of result.notUnderstood.slice(0, 30)) console.log(`    line ${note.line}: ${note.text?.slice(0, 70) ?? ''} (${note.message})`);
    }
    if (!values.commit) console.log('Nothing was written. Run again with --commit to import.');
  }
} finally {
  await gateway.close();
}
