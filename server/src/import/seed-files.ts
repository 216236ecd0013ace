/**
 * Reads seed files and turns them into one validated batch of nodes and links. Faults are
 * collected across all files and reported with the file, the path inside it and its line: first
 * the shape of each file, then, once every file has a sound shape, the references between them.
 * Nothing is returned for writing unless all files are sound.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { GraphBatch, GraphLink, GraphNode } from '../graph-batch.ts';
import { checkNodeEntry, pathText } from '../rules/index.ts';
import { buildBatch } from './batch-steps.ts';
import type { ExistingNode, ParsedFile, SeedFault } from './batch-types.ts';
import { type Mention, type NodeDefinition, SeedFile } from './seed-format.ts';

export type { ExistingNode, ParsedFile, SeedFault };

export class SeedValidationError extends Error {
  constructor(readonly faults: SeedFault[]) {
    super(`The seed data has ${faults.length} fault${faults.length === 1 ? '' : 's'}; nothing was written:\n${faults.map(formatFault).join('\n')}`);
  }
}

export function formatFault({ file, path, line, message }: SeedFault): string {
  return `  ${file}${line ? `:${line}` : ''}${path ? ` ${path}` : ''}: ${message}`;
}

export type { GraphBatch, GraphLink, GraphNode };

/**
 * Parses one seed file's text (YAML, or JSON, which is YAML too). The document it describes is
 * `document.content` when given, otherwise `document.file` under `documentsDir`.
 */
export function parseSeedText(text: string, file: string, documentsDir: string | null, faults: SeedFault[]): ParsedFile | undefined {
  const lineCounter = new LineCounter();
  const yaml = parseDocument(text, { lineCounter, prettyErrors: false });
  if (yaml.errors.length) {
    for (const error of yaml.errors) {
      faults.push({ file, path: '', line: lineCounter.linePos(error.pos[0]).line, message: error.message.split('\n')[0]! });
    }
    return undefined;
  }
  const lineOf = (at: (string | number)[]) => {
    for (let depth = at.length; depth >= 0; depth -= 1) {
      const node = yaml.getIn(at.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return checkSeed(yaml.toJS(), file, documentsDir, faults, lineOf);
}

/** Checks a seed object (parsed from a file, or made by an importer) against the format. */
export function checkSeed(
  value: unknown,
  file: string,
  documentsDir: string | null,
  faults: SeedFault[],
  lineOf: (path: (string | number)[]) => number | undefined = () => undefined,
): ParsedFile | undefined {
  const report = (issues: z.core.$ZodIssue[], prefix: (string | number)[] = []) => {
    for (const issue of issues) {
      const at = [...prefix, ...(issue.path as (string | number)[])];
      faults.push({ file, path: pathText(at), line: lineOf(at), message: issue.message });
    }
  };

  const parsed = SeedFile.safeParse(value);
  if (!parsed.success) {
    report(parsed.error.issues);
    return undefined;
  }
  const nodes: (NodeDefinition | Mention)[] = [];
  parsed.data.nodes.forEach((entry, index) => {
    const checked = checkNodeEntry(entry);
    if (checked.entry) nodes.push(checked.entry);
    for (const { at, message } of checked.faults) {
      const path = ['nodes', index, ...at];
      faults.push({ file, path: pathText(path), line: lineOf(path), message });
    }
  });
  let documentText = parsed.data.document.content;
  if (documentText === undefined) {
    const documentPath = documentsDir ? join(documentsDir, parsed.data.document.file) : null;
    if (!documentPath || !existsSync(documentPath)) {
      faults.push({
        file,
        path: 'document.file',
        line: lineOf(['document', 'file']),
        message: documentsDir ? 'no such document in the documents folder' : 'give the document text as document.content',
      });
      return undefined;
    }
    documentText = readFileSync(documentPath, 'utf8');
  }
  if (nodes.length !== parsed.data.nodes.length) return undefined;
  return { file, seed: parsed.data, nodes, documentText, lineOf };
}

// Where each item of a plan sits (rules/placement.ts), as every route records it.
export { recordPlacement } from '../rules/index.ts';

/**
 * Reads every *.yaml file of `seedDir` (documents under `seedDir/documents/`) and returns the
 * validated batch. Throws SeedValidationError naming every fault if any file is unsound.
 */
export function readSeedDirectory(seedDir: string): GraphBatch {
  const paths = readdirSync(seedDir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => join(seedDir, name));
  const faults: SeedFault[] = [];
  if (paths.length === 0) faults.push({ file: seedDir, path: '', message: 'no seed files found' });
  const files = paths
    .map((path) => parseSeedText(readFileSync(path, 'utf8'), `seed/${basename(path)}`, join(seedDir, 'documents'), faults))
    .filter((file): file is ParsedFile => Boolean(file));
  return validateSeeds(files, faults);
}

/**
 * Validates parsed files together, and against the nodes already in the graph (`existing`, by
 * id), and returns the batch to write: ids unique across files, every reference resolved,
 * hierarchy and link label pairs allowed, no cycle, every excerpt found word for word in its
 * document (the steps of batch-steps.ts). Throws SeedValidationError listing every fault,
 * including any already collected in `faults`.
 */
export function validateSeeds(files: ParsedFile[], faults: SeedFault[] = [], existing: ReadonlyMap<string, ExistingNode> = new Map()): GraphBatch {
  if (faults.length) throw new SeedValidationError(faults);
  const built = buildBatch(files, existing);
  if (built.faults.length) throw new SeedValidationError(built.faults);
  return built.batch;
}

/** Ids the files refer to (parents, owners, themes, mentions, links, publishers) without defining them. */
export function referencedIds(files: ParsedFile[]): string[] {
  const defined = new Set(files.flatMap(({ nodes }) => nodes.flatMap((node) => ('mention' in node ? [] : [node.id]))));
  const referenced = files.flatMap(({ seed, nodes }) => [
    ...(seed.document.publisher ? [seed.document.publisher] : []),
    ...nodes.flatMap((node) =>
      'mention' in node ? [node.mention] : [node.parent, node.owner, ...(node.themes ?? [])].filter((id): id is string => Boolean(id)),
    ),
    ...seed.links.flatMap(({ from, to }) => [from, to]),
  ]);
  return [...new Set(referenced)].filter((id) => !defined.has(id));
}
