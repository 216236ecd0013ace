/**
 * `npm run corpus -- <folder>`
 * Dry-runs every document of a folder (of its docs/ sub-folder when it has one) through the importer, against
 * an empty graph, so no database is needed and nothing is written, and prints on standard output
 * the summary the corpus scorer reads: {"documents": [{file, title, organisation, priorities,
 * actions_without_priority, recommendations, acts}]}. Progress and faults go to standard error.
 * `--choices <file.json>` applies corrections: {"<document file name>": ["level 2 = priorities", …]}.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { emptyGraph, MAX_IMPORT_BYTES, prepareImport, tooLargeToImport } from '../server/src/import/import-document.ts';
import { summariseImport } from '../server/src/import/import-summary.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { publisher: { type: 'string' }, choices: { type: 'string' } } });
const folder = positionals[0];
if (!folder) {
  console.error('Give the folder of documents: npm run corpus -- <folder>');
  process.exit(2);
}

/** The choices per document file name, from --choices. */
const ChoicesFile = z.record(z.string(), z.array(z.string()));
let choicesByFile: Record<string, string[]> = {};
if (values.choices) {
  const read = ChoicesFile.safeParse(JSON.parse(readFileSync(values.choices, 'utf8')));
  if (!read.success) {
    console.error(
      `${values.choices}: give {"<document file name>": ["<choice>", …]}; ${read.error.issues[0]?.message ?? ''} at ${read.error.issues[0]?.path.join('.') ?? ''}`,
    );
    process.exit(2);
  }
  choicesByFile = read.data;
}

const readable = /\.(?:txt|text|md|markdown|html?|pdf|docx)$/i;
// A corpus folder keeps its documents in docs/ beside their answer keys; any other folder is read as it is.
const filesIn = (dir: string): string[] => {
  const docs = join(dir, 'docs');
  const from = existsSync(docs) && statSync(docs).isDirectory() ? docs : dir;
  return readdirSync(from)
    .sort()
    .map((name) => join(from, name))
    .filter((path) => readable.test(path) && statSync(path).isFile());
};

const documents = [];
for (const path of filesIn(folder)) {
  const file = relative(folder, path);
  const bytes = readFileSync(path);
  const started = Date.now();
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    console.error(`${tooLargeToImport(file, bytes.byteLength)} Skipped.`);
    continue;
  }
  const { result } = await prepareImport(
    {
      fileName: basename(path).replace(/[^\w.-]+/g, '-'),
      content: new Uint8Array(bytes),
      publisherId: values.publisher,
      choices: choicesByFile[basename(path)] ?? [],
    },
    true,
    emptyGraph,
  );
  const summary = summariseImport(file, result);
  documents.push(summary);
  const actions = summary.priorities.reduce((sum, priority) => sum + priority.actions.length, summary.actions_without_priority.length);
  console.error(
    `${file}: ${summary.kind}, "${summary.title ?? ''}"${summary.organisation ? ` by ${summary.organisation}` : ''}: ${summary.priorities.length} priorities, ${actions} actions, ${summary.recommendations.length} recommendations, ${summary.acts.length} citations (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  for (const fault of summary.faults) console.error(`  fault: ${fault}`);
}
console.log(JSON.stringify({ documents }, null, 1));
