/**
 * Loads the seed data without ever overwriting people's work. Each seed document is loaded only
 * when it is new or has changed since it was last loaded (a content hash per document, kept on
 * its Document node), so restarting the app changes nothing. Within a changed document, what a
 * person has edited or deleted through the API since it was seeded stands, and the load names
 * each such item. A deliberate reset (`npm run seed -- --reset`) replaces them, after saying which.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Gateway } from '../db/gateway.ts';
import { linkKey, loadBatch, loadedDocumentHashes, recordDocumentHashes, seedState, type SeedItemState } from '../queries/load.ts';
import { recordChanges, type ChangeRecord } from '../queries/edit.ts';
import { readSeedDirectory, type GraphBatch, type GraphLink, type GraphNode } from './seed-files.ts';

/** The project's seed data folder. */
export const seedDir = fileURLToPath(new URL('../../../seed/', import.meta.url));

/** Who the history and the version stamps name for what the seed loader writes. */
export const SEED_AUTHOR = 'Seed data';

/** A person's change that a seed load met: kept, or (in a reset) replaced. */
export interface PersonChange {
  /** A node id, or "from TYPE to" for a link. */
  item: string;
  kind: 'edited' | 'deleted';
  by: string | null;
  at: string | null;
}

/** What a seed load would do, worked out before anything is written. */
export interface SeedPlan {
  /** Every seed document, and whether it changed since it was last loaded. */
  documents: { id: string; changed: boolean }[];
  /** What will be written: new items, and items nobody has changed since they were seeded. */
  write: GraphBatch;
  /** Content hash of every node (by id) and link (by linkKey) written. */
  hashes: Map<string, string>;
  /** Hash of each changed document's content, recorded once it is loaded. */
  documentHashes: Map<string, string>;
  /** People's changes the load leaves in place (or, in a reset, replaces). */
  personChanges: PersonChange[];
  created: number;
  updated: number;
}

export interface SeedResult extends SeedPlan {
  nodes: number;
  links: number;
}

/** Properties in a stable order, so the same content always hashes the same. */
const hashOf = (value: unknown): string => createHash('sha256').update(stableJson(value)).digest('hex').slice(0, 32);
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The document each node and link comes from: a link's provenance names it; a node names it as
 * documentId, or, for observations, through the SOURCED_FROM link to its document.
 */
function documentsOf(batch: GraphBatch): { ofNode: (node: GraphNode) => string | undefined; ofLink: (link: GraphLink) => string | undefined } {
  const sourcedFrom = new Map<string, string>();
  for (const link of batch.links) if (link.type === 'SOURCED_FROM' && !sourcedFrom.has(link.from)) sourcedFrom.set(link.from, link.to);
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    ofNode: (node) => (node.label === 'Document' ? node.id : (text(node.props.documentId) ?? sourcedFrom.get(node.id))),
    ofLink: (link) => text(link.props.documentId),
  };
}

/** True when a person has changed the item since the seed loader last wrote it. */
function changedByPerson(state: SeedItemState): boolean {
  if (state.seededVersion !== null) return (state.version ?? 0) !== state.seededVersion;
  // Written before versions were kept, or by a person: only the history can tell.
  return state.lastChange !== null;
}

/** What the seed says, hashed: each node and link, each document, and which documents changed. */
interface SeedContent {
  ofNode: (node: GraphNode) => string | undefined;
  ofLink: (link: GraphLink) => string | undefined;
  hashes: Map<string, string>;
  documentHashes: Map<string, string>;
  documentIds: string[];
  changed: Set<string>;
}

/** Hashes the batch and tells which documents differ from what was last `loaded` (all, in a reset). */
function seedContent(batch: GraphBatch, loaded: ReadonlyMap<string, string | null>, reset: boolean): SeedContent {
  const { ofNode, ofLink } = documentsOf(batch);
  const hashes = new Map<string, string>();
  for (const node of batch.nodes) hashes.set(node.id, hashOf({ label: node.label, props: node.props }));
  for (const link of batch.links) hashes.set(linkKey(link), hashOf(link.props));

  const contentOf = new Map<string, string[]>();
  const add = (documentId: string | undefined, entry: string) => {
    if (!documentId) return;
    const entries = contentOf.get(documentId);
    if (entries) entries.push(entry);
    else contentOf.set(documentId, [entry]);
  };
  for (const node of batch.nodes) add(ofNode(node), `${node.id}=${hashes.get(node.id)}`);
  for (const link of batch.links) add(ofLink(link), `${linkKey(link)}=${hashes.get(linkKey(link))}`);
  const documentIds = batch.nodes.filter(({ label }) => label === 'Document').map(({ id }) => id);
  const documentHashes = new Map(documentIds.map((id) => [id, hashOf((contentOf.get(id) ?? []).sort())]));
  const changed = new Set(documentIds.filter((id) => reset || loaded.get(id) !== documentHashes.get(id)));
  return { ofNode, ofLink, hashes, documentHashes, documentIds, changed };
}

/**
 * Works out what loading `batch` would do to a graph in `state`: which documents changed, what
 * to write, and which people's changes stand in the way. Pure, so every case is unit-tested.
 */
export function planSeedLoad(
  batch: GraphBatch,
  loaded: ReadonlyMap<string, string | null>,
  state: { nodes: ReadonlyMap<string, SeedItemState>; links: ReadonlyMap<string, SeedItemState> },
  reset = false,
  content: SeedContent = seedContent(batch, loaded, reset),
): SeedPlan {
  const { ofNode, ofLink, hashes, documentHashes, documentIds, changed } = content;

  const personChanges: PersonChange[] = [];
  const unknown: SeedItemState = { present: false, version: null, seededVersion: null, seedHash: null, changedBy: null, changedAt: null, lastChange: null };
  /** Whether to write the item; notes a person's change it meets. */
  const decide = (item: string, state: SeedItemState, hash: string): 'create' | 'update' | 'skip' => {
    if (!state.present) {
      const deleted = state.lastChange && /^(DELETE|REJECT)_/.test(state.lastChange.operation);
      if (!deleted) return 'create';
      personChanges.push({ item, kind: 'deleted', by: state.lastChange!.by, at: state.lastChange!.at });
      return reset ? 'create' : 'skip';
    }
    if (state.seedHash === hash && !changedByPerson(state)) return 'skip';
    if (!changedByPerson(state)) return 'update';
    // The seed has changed this item, or a reset asks for the seed's version of it.
    if (state.seedHash !== hash || reset) personChanges.push({ item, kind: 'edited', by: state.changedBy, at: state.changedAt });
    return reset ? 'update' : 'skip';
  };

  let created = 0;
  let updated = 0;
  const count = (decision: 'create' | 'update' | 'skip') => {
    if (decision === 'create') created += 1;
    if (decision === 'update') updated += 1;
    return decision !== 'skip';
  };
  const kept = new Set<string>();
  const nodes = batch.nodes.filter((node) => {
    const documentId = ofNode(node);
    if (!documentId || !changed.has(documentId)) return false;
    const write = count(decide(node.id, state.nodes.get(node.id) ?? unknown, hashes.get(node.id)!));
    if (!write && !(state.nodes.get(node.id)?.present ?? false)) kept.add(node.id);
    return write;
  });
  const links = batch.links.filter((link) => {
    const documentId = ofLink(link);
    if (!documentId || !changed.has(documentId)) return false;
    // A link to or from a node a person deleted goes with that node.
    if (kept.has(link.from) || kept.has(link.to)) return false;
    return count(decide(linkKey(link), state.links.get(linkKey(link)) ?? unknown, hashes.get(linkKey(link))!));
  });
  return {
    documents: documentIds.map((id) => ({ id, changed: changed.has(id) })),
    write: { nodes, links },
    hashes,
    documentHashes: new Map([...documentHashes].filter(([id]) => changed.has(id))),
    personChanges,
    created,
    updated,
  };
}

/** Reads the seed folder and works out what loading it would do, writing nothing. */
export async function planSeed(gateway: Gateway, dir = seedDir, reset = false): Promise<SeedPlan> {
  const batch = readSeedDirectory(dir);
  const documentIds = batch.nodes.filter(({ label }) => label === 'Document').map(({ id }) => id);
  const loaded = reset ? new Map<string, string | null>() : await loadedDocumentHashes(gateway, documentIds);
  const content = seedContent(batch, loaded, reset);
  // Only the items of the documents that changed need reading from the graph.
  const { ofNode, ofLink, changed } = content;
  const inChanged = {
    nodes: batch.nodes.filter((node) => changed.has(ofNode(node) ?? '')),
    links: batch.links.filter((link) => changed.has(ofLink(link) ?? '')),
  };
  const state = changed.size ? await seedState(gateway, inChanged) : { nodes: new Map(), links: new Map() };
  return planSeedLoad(batch, loaded, state, reset, content);
}

/** One line per person's change, for the load's report. */
export function describePersonChange({ item, kind, by, at }: PersonChange, reset: boolean): string {
  const who = `${by ?? 'someone'}${at ? ` (${at})` : ''}`;
  if (reset) return kind === 'deleted' ? `  restores ${item}, deleted by ${who}` : `  replaces ${item}, changed by ${who}`;
  return kind === 'deleted'
    ? `  kept deleted: ${item}, deleted by ${who}; the seed data still has it`
    : `  kept as changed: ${item}, changed by ${who}; the seed data's newer version was not applied`;
}

/**
 * Validates every seed file, then loads the documents that are new or changed in one
 * transaction, leaving people's changes in place (or replacing them when `reset`). Throws
 * SeedValidationError, having written nothing, if any file is unsound. Loading again with no
 * seed file changed writes nothing.
 */
export async function seedGraph(
  gateway: Gateway,
  log: (line: string) => void = console.log,
  dir = seedDir,
  { reset = false, plan: planned }: { reset?: boolean; plan?: SeedPlan } = {},
): Promise<SeedResult> {
  const started = Date.now();
  const plan = planned ?? (await planSeed(gateway, dir, reset));
  const changed = plan.documents.filter(({ changed }) => changed);
  log(`Seed data valid: ${plan.documents.length} documents, ${changed.length} new or changed since they were last loaded.`);
  if (changed.length === 0) {
    log('Nothing to load: the graph already holds this seed data.');
    return { ...plan, nodes: 0, links: 0 };
  }
  for (const line of plan.personChanges.map((change) => describePersonChange(change, reset))) log(line);
  let lastShown = 0;
  const history: ChangeRecord[] = plan.write.nodes.map((node) => ({
    operation: reset ? 'SEED_RESET' : 'SEED_LOAD',
    subjectId: node.id,
    summary: `${reset ? 'Reset' : 'Loaded'} from the seed data (${String(node.props.documentId ?? node.id)}).`,
  }));
  const result = await loadBatch(gateway, plan.write, {
    by: SEED_AUTHOR,
    seeded: { hashes: plan.hashes },
    force: reset,
    progress: (done, total, what) => {
      const percent = Math.floor((done / total) * 100);
      if (percent - lastShown >= 20 || done === total) {
        lastShown = percent;
        log(`  loading… ${percent}% (${what})`);
      }
    },
    alongside: async (tx) => {
      await recordChanges(tx, { name: SEED_AUTHOR, role: 'admin' }, history);
      await recordDocumentHashes(tx, plan.documentHashes);
    },
  });
  log(
    `Seed data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${plan.created} items created, ${plan.updated} updated` +
      (plan.personChanges.length ? `, ${plan.personChanges.length} people's changes ${reset ? 'replaced' : 'kept'}.` : '.'),
  );
  return { ...plan, ...result };
}
