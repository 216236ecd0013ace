/**
 * Imports one document: the seed format (YAML or JSON), the CSV template, or a plain text,
 * Markdown or HTML strategy or inspection report. Every format becomes a seed file and goes
 * through the same validation and loader as the seed data. A dry run reports exactly what would
 * be created and changed and what was not understood; a commit writes all of it in one
 * transaction, or nothing. Re-importing the same document changes nothing.
 */
import { extname, join } from 'node:path';
import type { User } from '../auth.ts';
import type { Gateway, Tx } from '../db/gateway.ts';
import type { GraphEdge, GraphNode, ImportNote, ImportResult } from '../generated/graphql.ts';
import { recordChanges, type ChangeRecord } from '../queries/edit.ts';
import { findExistingLinks, findExistingNodes, loadBatch } from '../queries/load.ts';
import { anyInScope, endsHandedOver, requireInScope } from '../queries/scope.ts';
import { toEdge, toNode, versionOf, withoutVersionKeys } from '../queries/shapes.ts';
import { z } from 'zod';
import { ExpectedError } from '../errors.ts';
import { nodeLabels, relationshipTypes } from '../../../schema/graph-model.ts';
import { EXPORT_FORMAT } from '../queries/export.ts';
import { checkGraphExport } from './batch-checks.ts';
import { csvToSeed } from './csv.ts';
import type { ExistingNodes, ImportGraph, ImportRequest, PreparedImport } from './import-types.ts';
import { ImportWorkerError, importWorkers } from './import-worker.ts';
import { checkSeed, parseSeedText, referencedIds, SeedValidationError, validateSeeds, type GraphBatch, type ParsedFile, type SeedFault } from './seed-files.ts';
import { lineAt } from './text/source-text.ts';
import { ChoiceError } from './text/choices.ts';
import { parseStrategyDocument } from './text/parse-document.ts';
import type { CatalogueEntry } from '../legislation/catalogue.ts';
import { statuteTitleCandidates, storedCatalogueEntries } from '../legislation/stored-catalogue.ts';
import { readBinaryDocument, binaryFormats } from './readers/read-document.ts';
import { mainContent } from './readers/html.ts';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/**
 * Why a file is refused for its size, in the words every route uses: "<name> is 3.1 MB; at most
 * 2 MB can be imported.", or with `bytes` left out (a stream read only to one byte past the
 * limit) "<name> is more than 2 MB; …".
 */
export function tooLargeToImport(name: string, bytes?: number): string {
  const size = bytes === undefined ? `more than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${name} is ${size}; at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be imported.`;
}

export type { ExistingNodes, ImportGraph, ImportRequest, PreparedImport };

/** The property of a Document node that keeps the choices its import was corrected with (a JSON list of strings). */
export const CHOICES_PROPERTY = 'importChoices';

/** The choices kept on a Document node's properties, if any. */
export function storedChoices(props: Record<string, unknown> | undefined): string[] | undefined {
  const kept = props?.[CHOICES_PROPERTY];
  if (typeof kept !== 'string') return undefined;
  try {
    const list = JSON.parse(kept) as unknown;
    return Array.isArray(list) && list.every((choice) => typeof choice === 'string') && list.length ? list : undefined;
  } catch {
    return undefined;
  }
}

/** A graph with nothing in it: a dry run against it shows everything a document defines as new, with no database. */
export const emptyGraph: ImportGraph = { nodes: async () => new Map(), links: async () => new Set() };

const structured = ['.yaml', '.yml', '.json'];
const text = ['.txt', '.text', '.md', '.markdown', '.html', '.htm'];
/** How a binary document's extracted text is read: a PDF as Markdown, a Word document as HTML. */
const readAs: Record<string, string> = { '.pdf': '.md', '.docx': '.html' };

const fault = (message: string, extra: Partial<ImportNote> = {}): ImportNote => ({ message, line: null, path: null, text: null, ...extra });

function emptyResult(dryRun: boolean, faults: ImportNote[], notUnderstood: ImportNote[] = []): ImportResult {
  return { dryRun, committed: false, document: null, created: [], updated: [], createdLinks: [], unchanged: 0, notUnderstood, faults, ...noOutline };
}

const noOutline = { outline: [], choices: [], choicesReused: false };

/** The outline of a strategy or report read with no choices. */
function outlineWithoutChoices(request: ImportRequest, content: string): ImportResult['outline'] {
  const read: Partial<ReadOutline> = {};
  parseImport({ ...request, choices: [] }, content, [], [], read);
  return read.outline ?? [];
}

/** What reading a strategy or report showed of its outline, and the choices applied to it. */
interface ReadOutline {
  outline: ImportResult['outline'];
  choices: string[];
}

/** The file's text, or a fault naming what is wrong with it. */
export function decodeImport(fileName: string, content: string | Uint8Array): string | ImportNote {
  const size = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
  if (size > MAX_IMPORT_BYTES) return fault(tooLargeToImport(fileName, size));
  let decoded: string;
  try {
    decoded = typeof content === 'string' ? content : new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return fault(`${fileName} is not UTF-8 text: save it as UTF-8 and import it again.`);
  }
  decoded = decoded.replace(/^\uFEFF/, '');
  const lineOf = (index: number) => lineAt(decoded, index);
  const broken = decoded.indexOf('\uFFFD');
  if (broken >= 0)
    return fault(`${fileName} has characters that are not valid UTF-8 (line ${lineOf(broken)}): save it as UTF-8 and import it again.`, {
      line: lineOf(broken),
    });
  const binary = decoded.search(/[\u0000-\u0008\u000E-\u001F]/);
  if (binary >= 0) return fault(`${fileName} looks like a binary file, not text (line ${lineOf(binary)}).`, { line: lineOf(binary) });
  if (!decoded.trim()) return fault(`${fileName} is empty.`);
  return decoded;
}

/** A PDF or Word document's text (what the document is stored as), or a fault saying why it cannot be read. */
async function readBinary({ fileName, content }: ImportRequest): Promise<string | ImportNote> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  if (bytes.byteLength > MAX_IMPORT_BYTES) return fault(tooLargeToImport(fileName, bytes.byteLength));
  if (bytes.byteLength === 0) return fault(`${fileName} is empty.`);
  try {
    return await readBinaryDocument(fileName, bytes);
  } catch (error) {
    return fault(`${fileName}: ${(error as Error).message}`);
  }
}

const toNote = ({ path, line, message }: SeedFault): ImportNote => fault(message, { path: path || null, line: line ?? null });

/** Turns the file into a parsed seed file, whatever its format (`content` is a binary document's extracted text). */
function parseImport(
  request: ImportRequest,
  content: string,
  faults: SeedFault[],
  notUnderstood: ImportNote[],
  read: Partial<ReadOutline> = {},
  statutes: readonly CatalogueEntry[] = [],
): ParsedFile | undefined {
  const written = extname(request.fileName).toLowerCase();
  const extension = readAs[written] ?? written;
  const file = request.fileName;
  if (structured.includes(extension)) {
    return parseSeedText(content, file, request.directory ? join(request.directory, 'documents') : null, faults);
  }
  if (extension === '.csv') {
    const { seed, lineOfNode } = csvToSeed(content, file, request.publisherId);
    return checkSeed(seed, file, null, faults, (path) => (path[0] === 'nodes' && typeof path[1] === 'number' ? lineOfNode[path[1]] : undefined));
  }
  if (text.includes(extension)) {
    // A web page is read, and stored, as its main content: the site around it is not the document.
    if (extension === '.html' || extension === '.htm') content = mainContent(content);
    const parsed = parseStrategyDocument(content, {
      fileName: file,
      publisherId: request.publisherId ?? undefined,
      curatedBy: 'Document import',
      choices: request.choices ?? [],
      statutes,
    });
    read.outline = parsed.outline;
    read.choices = parsed.choices;
    notUnderstood.push(...parsed.notUnderstood.map(({ line, text: words, reason }) => fault(reason, { line, text: words })));
    return checkSeed({ ...parsed.seed, document: { ...parsed.seed.document, content } }, file, null, faults);
  }
  throw new ExpectedError(
    'BAD_USER_INPUT',
    `fileName: ${extension || 'files without an extension'} cannot be imported; use .yaml, .json, .csv, .txt, .md, .html, .pdf or .docx.`,
    { field: 'fileName' },
  );
}

/**
 * A node another document defines is only mentioned by this one: importing must never overwrite
 * what another source says.
 */
function keepOtherDocumentsNodes(parsed: ParsedFile, existing: ExistingNodes): void {
  parsed.nodes = parsed.nodes.map((node) => {
    if ('mention' in node) return node;
    const found = existing.get(node.id);
    if (!found || found.props.documentId === parsed.seed.document.id || found.label !== node.label) return node;
    return { mention: node.id, source: node.source };
  });
}

// What a node says: its set properties without the graph's record of who wrote them and when.
const content = (props: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(withoutVersionKeys(props)).filter(([key, value]) => value !== null && value !== undefined && key !== 'at'));
const comparable = (props: Record<string, unknown>) =>
  JSON.stringify(
    Object.entries(content(props))
      // Keys are compared by code unit: any fixed order will do, and locale-aware comparison is slow.
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const GraphExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  nodes: z.array(z.object({ label: z.enum(nodeLabels), id: z.string().min(1), props: z.record(z.string(), z.union([scalar, z.array(scalar)])) })),
  links: z.array(
    z.object({
      type: z.enum(relationshipTypes),
      from: z.string().min(1),
      to: z.string().min(1),
      props: z.record(z.string(), z.union([scalar, z.array(scalar)])),
    }),
  ),
});

/** The parsed file when it is a graph export (JSON with its format marker); otherwise null. */
function readGraphExport(fileName: string, content: string): unknown {
  if (extname(fileName).toLowerCase() !== '.json') return null;
  try {
    const value = JSON.parse(content) as { format?: unknown };
    return value?.format === EXPORT_FORMAT ? value : null;
  } catch {
    return null;
  }
}

/**
 * Prepares a graph export: every node and link as exported, checked for shape and by the same
 * rules as every other write (batch-checks.ts).
 */
async function prepareGraphExport(fileName: string, value: unknown, dryRun: boolean, graph: ImportGraph): Promise<PreparedImport> {
  const parsed = GraphExport.safeParse(value);
  if (!parsed.success) {
    return {
      result: emptyResult(
        dryRun,
        parsed.error.issues.slice(0, 20).map((issue) =>
          fault(issue.message, {
            path: issue.path
              .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
              .join('')
              .replace(/^\./, ''),
          }),
        ),
      ),
    };
  }
  const nodes = parsed.data.nodes.map(({ label, id, props }) => ({ label, id, props: { ...props, id } }));
  const inFile = new Set(nodes.map(({ id }) => id));
  const named = [...new Set([...inFile, ...parsed.data.links.flatMap(({ from, to }) => [from, to])])];
  const existing = await graph.nodes(named);
  const checked = checkGraphExport({ nodes, links: parsed.data.links }, existing, fileName);
  if (checked.faults.length) return { result: emptyResult(dryRun, checked.faults.slice(0, 50).map(toNote)) };
  const document = toNode({ labels: ['Document'], props: { id: `export/${fileName}`, title: fileName } });
  return describeBatch(checked.batch, graph, { existing, lookedUp: new Set(named) }, { dryRun, document, notUnderstood: [] });
}

/**
 * Imports the document: a dry run unless `dryRun` is false, in which case `user` is recorded.
 *
 * @remarks The document is decoded, parsed and validated in a worker thread (import-worker.ts),
 * so a large import does not hold up other requests; only the graph lookups and the write run
 * here. A worker that fails or runs out of time gives a fault, and nothing is written.
 */
export async function importDocument(gateway: Gateway, user: User, request: ImportRequest, dryRun: boolean): Promise<ImportResult> {
  const graph: ImportGraph = {
    nodes: (ids) => findExistingNodes(gateway, ids),
    links: async (links) => new Set((await findExistingLinks(gateway, links)).keys()),
    statutes: (titles) => storedCatalogueEntries(gateway, titles),
  };
  let prepared: PreparedImport;
  try {
    prepared = await importWorkers().prepare(request, dryRun, graph);
  } catch (error) {
    if (error instanceof ImportWorkerError) return emptyResult(dryRun, [fault(error.message)]);
    throw error;
  }
  if (!prepared.batch) return prepared.result;
  try {
    await writeImport(gateway, user, prepared, request.fileName);
  } catch (error) {
    // A fault only the write can see (a cycle with the graph's links) is reported as any other.
    if (error instanceof ExpectedError && error.extensions.code === 'BAD_USER_INPUT') return { ...prepared.result, faults: [fault(error.message)] };
    throw error;
  }
  return { ...prepared.result, committed: true };
}

/**
 * The pure work of an import, with no database of its own: decodes the document, parses and
 * validates it into a batch, and works out what the batch creates and changes, asking `graph`
 * what is there already. Runs in an import worker (import-worker.ts).
 */
export async function prepareImport(request: ImportRequest, dryRun: boolean, graph: ImportGraph): Promise<PreparedImport> {
  const content = binaryFormats.includes(extname(request.fileName).toLowerCase()) ? await readBinary(request) : decodeImport(request.fileName, request.content);
  if (typeof content !== 'string') return { result: emptyResult(dryRun, [content]) };

  const graphExport = readGraphExport(request.fileName, content);
  if (graphExport) return prepareGraphExport(request.fileName, graphExport, dryRun, graph);

  let faults: SeedFault[] = [];
  let notUnderstood: ImportNote[] = [];
  let read: Partial<ReadOutline> = {};
  let parsed: ParsedFile | undefined;
  let named: string[] = [];
  let existing: ExistingNodes = new Map();
  let choicesReused = false;
  let choices = request.choices;
  // A strategy or report may cite legislation the built-in catalogue does not know but the stored one does.
  const extension = extname(request.fileName).toLowerCase();
  const statutes = graph.statutes && text.includes(readAs[extension] ?? extension) ? await graph.statutes(statuteTitleCandidates(content)) : [];
  for (;;) {
    try {
      parsed = parseImport({ ...request, choices }, content, faults, notUnderstood, read, statutes);
    } catch (error) {
      if (error instanceof ExpectedError)
        return { result: emptyResult(dryRun, [fault(error.message, { line: (error.extensions.line as number | undefined) ?? null })], notUnderstood) };
      if (error instanceof Error && !(error instanceof SeedValidationError)) {
        const message = choicesReused
          ? `The choices kept from this document's last import do not fit this version; give new ones: ${error.message}`
          : error.message;
        // A choice that does not fit comes with the outline read without choices, which names the targets there are.
        const outline = error instanceof ChoiceError ? outlineWithoutChoices(request, content) : [];
        return { result: { ...emptyResult(dryRun, [fault(message)], notUnderstood), outline } };
      }
      throw error;
    }
    if (!parsed) return { result: emptyResult(dryRun, faults.map(toNote), notUnderstood) };
    const defined = parsed.nodes.flatMap((node) => ('mention' in node ? [] : [node.id]));
    named = [...new Set([...defined, ...referencedIds([parsed]), parsed.seed.document.id])];
    existing = await graph.nodes(named);
    // With no choices given, the choices kept with the last import of this document are applied again.
    const kept = storedChoices(existing.get(parsed.seed.document.id)?.props);
    if (request.choices != null || !read.outline || !kept || choicesReused) break;
    choices = kept;
    choicesReused = true;
    faults = [];
    notUnderstood = [];
    read = {};
  }
  parsed = parsed!;
  keepOtherDocumentsNodes(parsed, existing);
  let batch: GraphBatch;
  try {
    batch = validateSeeds([parsed], [], existing);
  } catch (error) {
    if (error instanceof SeedValidationError) return { result: emptyResult(dryRun, error.faults.map(toNote), notUnderstood) };
    throw error;
  }

  // The choices the document was read with are kept on its Document node, for its next import.
  if (read.choices?.length) {
    const documentNode = batch.nodes.find((node) => node.label === 'Document' && node.id === parsed.seed.document.id);
    if (documentNode) documentNode.props = { ...documentNode.props, [CHOICES_PROPERTY]: JSON.stringify(read.choices) };
  }
  const document = toNode({ labels: ['Document'], props: { id: parsed.seed.document.id, title: parsed.seed.document.title } });
  const prepared = await describeBatch(batch, graph, { existing, lookedUp: new Set(named) }, { dryRun, document, notUnderstood });
  prepared.result = { ...prepared.result, outline: read.outline ?? [], choices: read.choices ?? [], choicesReused };
  return prepared;
}

/**
 * Works out what the batch creates and changes, given the nodes of it already in the graph
 * (`existing`, among the ids `lookedUp`); the batch is kept for writing unless it is a dry run or
 * changes nothing.
 */
async function describeBatch(
  batch: GraphBatch,
  graph: ImportGraph,
  { existing, lookedUp }: { existing: ExistingNodes; lookedUp: Set<string> },
  { dryRun, document, notUnderstood }: { dryRun: boolean; document: GraphNode; notUnderstood: ImportNote[] },
): Promise<PreparedImport> {
  const created: GraphNode[] = [];
  const updated: GraphNode[] = [];
  const versions = new Map<string, number>();
  const history: ChangeRecord[] = [];
  let unchanged = 0;
  for (const node of batch.nodes) {
    const before = existing.get(node.id);
    const shown = toNode({ labels: [node.label], props: { ...node.props, id: node.id } });
    if (!before) {
      created.push(shown);
      history.push({
        operation: 'IMPORT',
        subjectId: node.id,
        objectId: document.id,
        summary: `Created by the import of ${document.title}.`,
        after: content(node.props),
      });
    } else if (comparable(before.props) !== comparable({ ...node.props, id: node.id })) {
      updated.push(shown);
      versions.set(node.id, versionOf(before.props));
      history.push({
        operation: 'IMPORT',
        subjectId: node.id,
        objectId: document.id,
        summary: `Changed by the import of ${document.title}.`,
        before: content(before.props),
        after: content(node.props),
      });
    } else unchanged += 1;
  }
  // A link can only be in the graph if both its ends are, so only those links are looked for.
  const absent = (id: string) => lookedUp.has(id) && !existing.has(id);
  const existingLinks = await graph.links(batch.links.filter(({ from, to }) => !absent(from) && !absent(to)));
  const createdLinks: GraphEdge[] = [];
  for (const link of batch.links) {
    if (existingLinks.has(`${link.from} ${link.type} ${link.to}`)) unchanged += 1;
    else createdLinks.push(toEdge({ type: link.type, from: link.from, to: link.to, props: link.props }));
  }
  const result: ImportResult = { dryRun, committed: false, document, created, updated, createdLinks, unchanged, notUnderstood, faults: [], ...noOutline };
  if (dryRun || (created.length === 0 && updated.length === 0 && createdLinks.length === 0)) return { result };
  return { result, batch, versions, history };
}

/**
 * Refuses (FORBIDDEN) an import by a user granted only some organisations if it changes a node of
 * another's, adds a link starting at one, publishes one of their plans, or adds items to a plan that
 * is not theirs: a plan in the graph by its organisations (queries/scope.ts), a new plan by the
 * organisations the import says publish or oversee it. Checked after the import's locks.
 */
async function requireImportInScope(tx: Tx, user: User, batch: GraphBatch, { created, updated, createdLinks }: ImportResult): Promise<void> {
  if (!user.scopes) return;
  await requireInScope(tx, user, [...updated.map(({ id }) => id), ...createdLinks.map(({ from }) => from)]);
  const known = new Map(batch.nodes.map(({ id, label, props }) => [id, { label, kind: props.kind }]));
  await requireInScope(tx, user, await endsHandedOver(tx, createdLinks, known), { unowned: true });
  // New items belong to their plan: one in the graph is checked there, a new one by who publishes it.
  const isNew = new Set(created.map(({ id }) => id));
  const plans = new Set(
    batch.nodes
      .filter(({ id }) => isNew.has(id))
      .flatMap(({ id, label, props }) => (label === 'Plan' ? [id] : typeof props.planId === 'string' ? [props.planId] : [])),
  );
  await requireInScope(
    tx,
    user,
    [...plans].filter((plan) => !isNew.has(plan)),
  );
  for (const plan of [...plans].filter((id) => isNew.has(id))) {
    const by = createdLinks.filter(({ type, to }) => to === plan && (type === 'PUBLISHES' || type === 'OVERSEES')).map(({ from }) => from);
    if (!(await anyInScope(tx, user, by))) {
      throw new ExpectedError(
        'FORBIDDEN',
        `${plan} is a new plan published by ${by.join(', ') || 'no organisation'}, not by an organisation ${user.name} may change (${user.scopes.join(', ') || 'none granted'}); nothing was written.`,
        { id: plan, organisations: by },
      );
    }
  }
}

/**
 * Writes the batch with the record of the import and of every node it creates or changes, in one
 * transaction: refused (CONFLICT) if a node it changes was changed since it was read, or if its
 * links would close a cycle with the graph's.
 */
async function writeImport(gateway: Gateway, user: User, { batch, versions, history = [], result }: PreparedImport, fileName: string): Promise<void> {
  const { document, created, updated, createdLinks } = result;
  await loadBatch(gateway, batch!, {
    by: user.name,
    expectVersions: versions,
    checkCycles: true,
    before: (tx) => requireImportInScope(tx, user, batch!, result),
    alongside: async (tx) => {
      await requireNewNodesInScope(tx, user, result);
      await recordChanges(tx, user, [
        {
          operation: 'IMPORT',
          subjectId: document?.id ?? fileName,
          summary: `Imported ${fileName}: ${created.length} nodes and ${createdLinks.length} links created, ${updated.length} nodes changed.`,
          after: { created: created.map(({ id }) => id), updated: updated.map(({ id }) => id) },
        },
        ...history,
      ]);
    },
  });
}

/**
 * Refuses (FORBIDDEN) an import that makes a node belong to an organisation the user may not
 * change through its own links (a new report ABOUT another council's item, a new body PART_OF
 * another council): checked once the batch is written, since before it the new node belongs to
 * no organisation. A new node of no organisation passes.
 */
async function requireNewNodesInScope(tx: Tx, user: User, { created, createdLinks }: ImportResult): Promise<void> {
  if (!user.scopes) return;
  const isNew = new Set(created.map(({ id }) => id));
  await requireInScope(
    tx,
    user,
    createdLinks.map(({ from }) => from).filter((id) => isNew.has(id)),
    { unowned: true },
  );
}
