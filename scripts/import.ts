/**
 * `npm run import -- <file> [--commit] [--outline] [--choose "<choice>"]… [--publisher <organisation id>] [--by <name>]`
 * `npm run import -- --json <files…> [--offline] [--choose "<choice>"]… [--publisher <organisation id>]`
 * Imports a strategy or inspection document (.yaml, .json, .csv, .txt, .md, .html, .pdf, .docx)
 * into the graph (NEO4J_URI, or the local server). A dry run unless --commit: it shows what would
 * be created, changed and not understood. With --commit everything is written in one transaction,
 * or nothing. With --json, each file is dry-run and what would be created is printed as JSON
 * (title, organisation, priorities with their actions, recommendations, citations, faults);
 * --offline compares with an empty graph instead, so no database is needed.
 * --outline prints the outline the document was read as, with what each part became and the
 * target a choice names it by; --choose corrects it (`--choose 'level 2 = priorities'
 * --choose 'section "Our vision" = context'`; see server/src/import/text/choices.ts), and a
 * commit keeps the choices for the document's next import. --choose '' clears kept choices.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readSettings } from '../server/src/config.ts';
import { createGateway } from '../server/src/db/gateway.ts';
import { applyGraphSchema } from '../server/src/db/graph-schema.ts';
import { emptyGraph, importDocument, MAX_IMPORT_BYTES, prepareImport, tooLargeToImport } from '../server/src/import/import-document.ts';
import { type ImportSummary, summariseImport } from '../server/src/import/import-summary.ts';
import { formatOutline } from '../server/src/import/text/outline-view.ts';
import type { ImportResult } from '../server/src/generated/graphql.ts';
import { connectionSettings } from '../server/src/main.ts';
import { neo4jForScripts } from './environment.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    commit: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    offline: { type: 'boolean', default: false },
    publisher: { type: 'string' },
    by: { type: 'string' },
    outline: { type: 'boolean', default: false },
    choose: { type: 'string', multiple: true },
  },
});
// Given, the choices replace those kept with the document ('' alone clears them); left out, the kept ones apply.
const choices = values.choose ? values.choose.filter((choice) => choice.trim()) : undefined;
const path = positionals[0];
if (!path) {
  console.error(
    'Give the file to import: npm run import -- <file> [--commit] [--publisher <organisation id>] [--by <name>], or npm run import -- --json <files…>',
  );
  process.exit(2);
}
if (values.json && values.commit) {
  console.error('--json is a dry run: leave out --commit.');
  process.exit(2);
}
if (!values.json && positionals.length > 1) {
  console.error('Give one file to import, or use --json for a dry run of several.');
  process.exit(2);
}

/**
 * The file's bytes, or why it cannot be imported. A regular file over the limit is refused by
 * its size, unread; anything else (a device such as /dev/zero, a pipe) is read no further than
 * one byte past the limit, so no input can make this read for ever or fill the memory.
 */
function readImport(path: string): Uint8Array | { fault: string } {
  const file = openSync(resolve(path), 'r');
  try {
    const stats = fstatSync(file);
    if (stats.isFile() && stats.size > MAX_IMPORT_BYTES) return { fault: tooLargeToImport(path, stats.size) };
    const buffer = Buffer.alloc(MAX_IMPORT_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(file, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_IMPORT_BYTES) return { fault: tooLargeToImport(path) };
    return buffer.subarray(0, length);
  } finally {
    closeSync(file);
  }
}

if (values.json) {
  await printJson(positionals);
  process.exit(process.exitCode ?? 0);
}

/** Dry-runs each file against the graph (or an empty one, offline) and prints one summary per file as JSON on standard output. */
async function printJson(paths: string[]): Promise<void> {
  const log = console.log;
  // Standard output carries the JSON only: what starting the database says goes to standard error.
  console.log = console.error;
  const gateway = values.offline
    ? undefined
    : createGateway(connectionSettings((await neo4jForScripts({ name: 'dev', port: readSettings().NEO4J_BOLT_PORT })).settings));
  const documents: (ImportSummary & Partial<Pick<ImportResult, 'outline' | 'choices' | 'choicesReused'>>)[] = [];
  try {
    if (gateway) await applyGraphSchema(gateway);
    for (const file of paths) {
      const read = readImport(file);
      if ('fault' in read) {
        documents.push({
          ...summariseImport(file, {
            dryRun: true,
            committed: false,
            document: null,
            created: [],
            updated: [],
            createdLinks: [],
            unchanged: 0,
            notUnderstood: [],
            faults: [],
            outline: [],
            choices: [],
            choicesReused: false,
          }),
          faults: [read.fault],
        });
        process.exitCode = 1;
        continue;
      }
      const request = { fileName: basename(file), content: read, publisherId: values.publisher, directory: dirname(resolve(file)), choices };
      const result = gateway
        ? await importDocument(gateway, { name: 'Dry run (command line)', role: 'admin' }, request, true)
        : (await prepareImport(request, true, emptyGraph)).result;
      if (result.faults.length) process.exitCode = 1;
      documents.push({ ...summariseImport(file, result), outline: result.outline, choices: result.choices, choicesReused: result.choicesReused });
    }
  } finally {
    await gateway?.close();
    console.log = log;
  }
  console.log(JSON.stringify({ documents }, null, 1));
}

let bytes: Uint8Array;
try {
  const read = readImport(path);
  if ('fault' in read) {
    console.error(`  fault: ${read.fault}`);
    console.error('Nothing was written: 1 fault.');
    process.exit(1);
  }
  bytes = read;
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
    { fileName: basename(path), content: bytes, publisherId: values.publisher, directory: dirname(resolve(path)), choices },
    !values.commit,
  );
  if (result.choicesReused) console.log(`  Read with the choices kept from its last import: ${result.choices.join('; ')} (--choose replaces them).`);
  else if (result.choices.length) console.log(`  Read with the choices: ${result.choices.join('; ')}`);
  if (values.outline && result.outline.length) {
    console.log('  Outline (what each part became; [the target a --choose names it by]):');
    for (const line of formatOutline(result.outline)) console.log(`    ${line}`);
  }
  for (const fault of result.faults)
    console.error(`  fault${fault.line ? ` at line ${fault.line}` : ''}${fault.path ? ` (${fault.path})` : ''}: ${fault.message}`);
  if (result.faults.length) {
    console.error(`Nothing was written: ${result.faults.length} fault${result.faults.length === 1 ? '' : 's'}.`);
    process.exitCode = 1;
  } else {
    const byLabel = new Map<string, number>();
    for (const node of result.created) byLabel.set(node.label, (byLabel.get(node.label) ?? 0) + 1);
    console.log(
      `  ${result.committed ? 'Created' : 'Would create'} ${result.created.length} nodes (${[...byLabel].map(([label, count]) => `${count} ${label}`).join(', ') || 'none'}) and ${result.createdLinks.length} links.`,
    );
    console.log(
      `  ${result.committed ? 'Changed' : 'Would change'} ${result.updated.length} nodes; ${result.unchanged} nodes and links are already in the graph as imported.`,
    );
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
