/**
 * The law as legislation.gov.uk publishes it, in the graph: the statute catalogue, the sections
 * (and parts, schedules, regulations) of the Acts the graph links to, and the effects on them.
 *
 * - The catalogue is `:StatuteEntry` nodes, outside the model (no `Entity` label): reference data
 *   that every API instance reads from the one database, that never appears in plans, search,
 *   exports or gap rules, and that a deployment refreshes on a schedule.
 * - Sections are `Provision` nodes under their Authority (`HAS_PROVISION`), sourced from the
 *   legislation.gov.uk Document with the provision's address as the section and its heading as
 *   the excerpt, stamped with a version like every other write and recorded in the history.
 * - Effects are `:Effect` nodes, also outside the model, joined by `AFFECTS` to the Authority and
 *   to each Provision they touch (an effect on s.17(6) touches s.17).
 *
 * Every write compares a hash of what it would write with the one it wrote last, so a run over
 * unchanged data writes nothing. A Provision someone else wrote or changed is left as it is.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { User } from '../user.ts';
import { cypher, int, type Gateway, type Tx } from '../db/gateway.ts';
import { recordChanges } from './edit.ts';

/** Who the updates are recorded as, on each node (changedBy) and in the history. */
export const legislationUpdater: User = { name: 'legislation.gov.uk update', role: 'admin' };

/** The Document every node read from legislation.gov.uk is sourced from. */
export const legislationDocumentId = 'document/legislation-gov-uk';

/**
 * Authorities with an identifier (those `where` keeps) that something gives effect to, cites or
 * is informed by, directly or through one of their provisions.
 */
const LINKED_AUTHORITIES = (where: string) =>
  `MATCH (a:Authority) WHERE ${where}
       AND (EXISTS { (a)<-[:GIVES_EFFECT_TO|CITES|INFORMED_BY]-(:Entity) }
            OR EXISTS { (a)-[:HAS_PROVISION]->(:Provision)<-[:GIVES_EFFECT_TO|CITES]-(:Entity) })
     RETURN a.id AS id, a.legislationId AS legislationId, a.title AS title
     ORDER BY a.legislationId, a.id`;

export const statements = {
  linkedAuthorities: cypher('legislation.linkedAuthorities', LINKED_AUTHORITIES('a.legislationId IS NOT NULL')),
  // Those of the given Acts, by the index on legislationId.
  linkedAuthoritiesOf: cypher('legislation.linkedAuthoritiesOf', LINKED_AUTHORITIES('a.legislationId IN $legislationIds')),
  provisionsOf: cypher(
    'legislation.provisionsOf',
    `UNWIND $authorityIds AS authorityId
     MATCH (:Authority {id: authorityId})-[:HAS_PROVISION]->(p:Provision)
     RETURN authorityId, p.id AS id, p.legislationId AS legislationId, p.code AS code`,
  ),
  nodeStates: cypher(
    'legislation.nodeStates',
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     RETURN n.id AS id, n:Provision AS provision, n.changedBy AS changedBy, n.sourceHash AS hash`,
  ),
  writeDocument: cypher(
    'legislation.writeDocument',
    `MERGE (d:Entity {id: $id})
     ON CREATE SET d:Document, d.title = 'legislation.gov.uk', d.kind = 'LEGISLATION', d.file = $url,
       d.publisher = 'The National Archives', d.version = 1, d.changedBy = $by, d.changedAt = $at
     RETURN d.id AS id`,
  ),
  writeProvisions: cypher(
    'legislation.writeProvisions',
    `UNWIND $rows AS row
     MATCH (a:Authority {id: row.authorityId})
     MATCH (d:Document {id: $documentId})
     MERGE (p:Entity {id: row.id})
     SET p:Provision, p += row.props, p.sourceHash = row.hash,
       p.version = coalesce(p.version, 0) + 1, p.changedBy = $by, p.changedAt = $at
     MERGE (a)-[h:HAS_PROVISION]->(p)
       ON CREATE SET h.basis = 'STATED', h.by = $by, h.at = $at, h.documentId = $documentId, h.version = 1
     MERGE (p)-[s:SOURCED_FROM]->(d)
     SET s.basis = 'STATED', s.section = row.url, s.excerpt = row.heading, s.by = $by, s.at = $at,
       s.documentId = $documentId, s.version = coalesce(s.version, 0) + 1
     RETURN count(p) AS written`,
  ),
  effectHashes: cypher(
    'legislation.effectHashes',
    `UNWIND $ids AS id
     MATCH (e:Effect {id: id})
     RETURN e.id AS id, e.sourceHash AS hash`,
  ),
  writeEffects: cypher(
    'legislation.writeEffects',
    `UNWIND $rows AS row
     MERGE (e:Effect {id: row.id})
     SET e += row.props, e.sourceHash = row.hash,
       e.version = coalesce(e.version, 0) + 1, e.changedBy = $by, e.changedAt = $at
     WITH e, row
     CALL (e, row) {
       OPTIONAL MATCH (e)-[old:AFFECTS]->(gone:Entity) WHERE NOT gone.id IN row.targets
       DELETE old
     }
     CALL (e, row) {
       UNWIND row.targets AS targetId
       MATCH (t:Entity {id: targetId})
       MERGE (e)-[r:AFFECTS]->(t)
         ON CREATE SET r.by = $by, r.at = $at, r.version = 1
     }
     RETURN count(e) AS written`,
  ),
  statuteHashes: cypher(
    'legislation.statuteHashes',
    `UNWIND $ids AS id
     MATCH (s:StatuteEntry {legislationId: id})
     RETURN s.legislationId AS id, s.sourceHash AS hash`,
  ),
  writeStatutes: cypher(
    'legislation.writeStatutes',
    `UNWIND $rows AS row
     MERGE (s:StatuteEntry {legislationId: row.props.legislationId})
     SET s += row.props, s.sourceHash = row.hash,
       s.version = coalesce(s.version, 0) + 1, s.changedBy = $by, s.changedAt = $at
     RETURN count(s) AS written`,
  ),
  statutesByTitleKey: cypher(
    'legislation.statutesByTitleKey',
    `UNWIND $keys AS key
     MATCH (s:StatuteEntry {titleKey: key})
     RETURN s.legislationId AS legislationId, s.title AS title, s.type AS type, s.year AS year, s.number AS number, s.repealed AS repealed
     ORDER BY s.legislationId`,
  ),
};

/** A hash of what a write would store, compared with the one stored to skip unchanged writes. */
export const contentHash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/** How a title is looked up in the catalogue: lower case, "&" as "and", punctuation as spaces. */
export const titleKey = (title: string) =>
  title
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/&/g, 'and')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const LinkedAuthority = z.object({ id: z.string(), legislationId: z.string(), title: z.string().nullable() });
export type LinkedAuthority = z.infer<typeof LinkedAuthority>;

/** The Authorities with a legislation.gov.uk identifier that the graph links to, optionally only those of `legislationIds`. */
export async function linkedAuthorities(gateway: Gateway, legislationIds: string[] | null): Promise<LinkedAuthority[]> {
  const statement = legislationIds === null ? statements.linkedAuthorities : statements.linkedAuthoritiesOf;
  return (await gateway.read(statement, { legislationIds })).map((row) => LinkedAuthority.parse(row));
}

const ProvisionRow = z.object({ authorityId: z.string(), id: z.string(), legislationId: z.string().nullable(), code: z.string().nullable() });

/** The Provisions under each of the Authorities, with their identifier or code. */
export async function provisionsOf(gateway: Gateway, authorityIds: string[]): Promise<z.infer<typeof ProvisionRow>[]> {
  if (!authorityIds.length) return [];
  return (await gateway.read(statements.provisionsOf, { authorityIds })).map((row) => ProvisionRow.parse(row));
}

/** Whole numbers go to Cypher as integers (a year, a position). */
const storable = (props: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(props).map(([key, value]) => [key, typeof value === 'number' && Number.isInteger(value) ? int(value) : value]));

const CHUNK = 2_000;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await write(rows.slice(start, start + CHUNK));
}

export interface StatuteRow {
  legislationId: string;
  props: Record<string, string | number | boolean | null>;
}

/** Writes the catalogue entries that are new or changed; returns how many were written. */
export async function writeStatutes(gateway: Gateway, rows: StatuteRow[]): Promise<number> {
  let written = 0;
  await inChunks(rows, async (chunk) => {
    const hashed = chunk.map((row) => ({ props: storable({ ...row.props, legislationId: row.legislationId }), hash: contentHash(row.props) }));
    const stored = new Map((await gateway.read(statements.statuteHashes, { ids: chunk.map((row) => row.legislationId) })).map((row) => [row.id, row.hash]));
    const changed = hashed.filter((row, index) => stored.get(chunk[index]!.legislationId) !== row.hash);
    if (!changed.length) return;
    const at = new Date().toISOString();
    await gateway.write(statements.writeStatutes, { rows: changed, by: legislationUpdater.name, at });
    written += changed.length;
  });
  return written;
}

/** Catalogue entries whose title has this key (titleKey), for resolving a name to an identifier. */
export async function statutesByTitle(gateway: Gateway, titles: string[]): Promise<{ legislationId: string; title: string; type: string }[]> {
  const rows = await gateway.read(statements.statutesByTitleKey, { keys: [...new Set(titles.map(titleKey))] });
  return rows.map((row) => ({ legislationId: String(row.legislationId), title: String(row.title), type: String(row.type) }));
}

export interface ProvisionWrite {
  id: string;
  authorityId: string;
  /** The Authority's title, for the history's summary. */
  authorityTitle: string;
  props: { title: string; code: string; legislationId: string; position: number; status: string | null };
  /** The provision's address on legislation.gov.uk, the source's section. */
  url: string;
  /** Number and heading as printed, the source's excerpt. */
  heading: string;
}

/**
 * Writes the provisions that are new, or that this updater wrote and whose source changed, with
 * their HAS_PROVISION and SOURCED_FROM links and a history record each, in one transaction.
 * Returns how many were written and the ids of those left alone because someone else made or
 * changed them.
 */
export async function writeProvisions(gateway: Gateway, rows: ProvisionWrite[]): Promise<{ written: number; kept: string[] }> {
  if (!rows.length) return { written: 0, kept: [] };
  const by = legislationUpdater.name;
  return gateway.writeTransaction(async (tx) => {
    const states = new Map(
      (await tx.run(statements.nodeStates, { ids: rows.map(({ id }) => id) })).map((row) => [
        row.id as string,
        row as { provision: boolean; changedBy: string | null; hash: string | null },
      ]),
    );
    const kept: string[] = [];
    const changed: (ProvisionWrite & { hash: string; created: boolean })[] = [];
    for (const row of rows) {
      const hash = contentHash({ props: row.props, url: row.url, heading: row.heading, authorityId: row.authorityId });
      const state = states.get(row.id);
      if (!state) changed.push({ ...row, hash, created: true });
      else if (!state.provision || state.changedBy !== by) kept.push(row.id);
      else if (state.hash !== hash) changed.push({ ...row, hash, created: false });
    }
    if (!changed.length) return { written: 0, kept };
    const at = new Date().toISOString();
    await tx.run(statements.writeDocument, { id: legislationDocumentId, url: 'https://www.legislation.gov.uk/', by, at });
    for (let start = 0; start < changed.length; start += CHUNK) {
      const chunk = changed.slice(start, start + CHUNK);
      await tx.run(statements.writeProvisions, {
        documentId: legislationDocumentId,
        by,
        at,
        rows: chunk.map(({ id, authorityId, props, url, heading, hash }) => ({ id, authorityId, props: storable(props), url, heading, hash })),
      });
    }
    await recordChanges(
      tx,
      legislationUpdater,
      changed.map((row) => ({
        operation: 'LEGISLATION_UPDATE',
        subjectId: row.id,
        summary: `${row.created ? 'Added' : 'Updated'} ${row.props.code}${row.props.title ? ` “${row.props.title}”` : ''} of the ${row.authorityTitle} from legislation.gov.uk (${row.url}).`,
        after: row.props,
      })),
      at,
    );
    return { written: changed.length, kept };
  }, 'legislation.writeProvisions');
}

export interface EffectWrite {
  /** `effect/key-…` */
  id: string;
  props: Record<string, string | number | boolean | null | string[]>;
  /** The Authority and Provision node ids the effect touches. */
  targets: string[];
  /** One line for the history. */
  summary: string;
}

/** Writes the effects that are new or changed (what they touch included), with a history record each. */
export async function writeEffects(gateway: Gateway, rows: EffectWrite[]): Promise<number> {
  if (!rows.length) return 0;
  return gateway.writeTransaction(async (tx: Tx) => {
    let written = 0;
    const at = new Date().toISOString();
    const hashed = rows.map((row) => ({ ...row, hash: contentHash({ props: row.props, targets: [...row.targets].sort() }) }));
    for (let start = 0; start < hashed.length; start += CHUNK) {
      const chunk = hashed.slice(start, start + CHUNK);
      const stored = new Map((await tx.run(statements.effectHashes, { ids: chunk.map(({ id }) => id) })).map((row) => [row.id as string, row.hash]));
      const changed = chunk.filter((row) => stored.get(row.id) !== row.hash);
      if (!changed.length) continue;
      await tx.run(statements.writeEffects, {
        by: legislationUpdater.name,
        at,
        rows: changed.map(({ id, props, targets, hash }) => ({ id, props: storable({ ...props, id }), targets, hash })),
      });
      await recordChanges(
        tx,
        legislationUpdater,
        changed.map((row) => ({ operation: 'LEGISLATION_UPDATE', subjectId: row.id, summary: row.summary, after: row.props })),
        at,
      );
      written += changed.length;
    }
    return written;
  }, 'legislation.writeEffects');
}
