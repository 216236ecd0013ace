/**
 * The three updates a deployment runs on a schedule (`npm run legislation -- catalogue|sections|
 * effects`): each reads everything it needs from the source first, so a bad or missing file stops
 * it before anything is written, then writes only what is new or changed.
 */
import { newLawEffectTypes } from '../../../schema/graph-model.ts';
import type { Gateway } from '../db/gateway.ts';
import {
  type EffectWrite,
  type LinkedAuthority,
  linkedAuthorities,
  type ProvisionWrite,
  provisionsOf,
  type StatuteRow,
  titleKey,
  writeEffects,
  writeProvisions,
  writeStatutes,
} from '../queries/legislation.ts';
import { readStatuteRecords, type StatuteRecord } from './atom.ts';
import { readClml } from './clml.ts';
import { type EffectRecord, readEffects } from './effects.ts';
import { documentUrl, enclosingProvisions, parseLegislationId, provisionCode, provisionNodeId, provisionOfCode } from './identifiers.ts';
import type { LegislationSource } from './source.ts';
import { LegislationDataError } from './xml.ts';

export interface UpdateOptions {
  gateway: Gateway;
  source: LegislationSource;
  /** Progress, one line at a time (the command prints it on stderr). */
  progress?: (message: string) => void;
}

/** The catalogue's default types: UK Public General Acts and UK Statutory Instruments. */
export const defaultCatalogueTypes = ['ukpga', 'uksi'] as const;

/**
 * Refreshes the statute catalogue from the listing feed of each type (`ukpga/data.feed`, …).
 * Returns how many entries were read and how many written (new or changed).
 */
export async function updateCatalogue(options: UpdateOptions & { types?: readonly string[] }): Promise<{ read: number; written: number }> {
  const { gateway, source, progress = () => {}, types = defaultCatalogueTypes } = options;
  const records = new Map<string, StatuteRecord>();
  for (const type of types) {
    if (!/^[a-z]{2,6}$/.test(type)) throw new LegislationDataError('--types', `${type} is not a legislation.gov.uk type code (ukpga, uksi, …)`);
    let count = 0;
    for await (const page of source.feed(`${type}/data.feed`)) {
      for (const record of readStatuteRecords(page)) records.set(record.legislationId, record);
      count += page.entries.length;
      progress(`catalogue: ${type} page ${page.page}: ${count}${page.totalResults ? ` of ${page.totalResults}` : ''} entries`);
    }
  }
  const rows: StatuteRow[] = [...records.values()].map((record) => ({
    legislationId: record.legislationId,
    props: {
      title: record.title,
      titleKey: titleKey(record.title),
      type: record.type,
      documentType: record.documentType,
      year: record.year,
      number: record.number,
      enacted: record.enacted,
      isbn: record.isbn,
      repealed: record.repealed,
    },
  }));
  const written = await writeStatutes(gateway, rows);
  progress(`catalogue: ${rows.length} entries read, ${written} new or changed`);
  return { read: rows.length, written };
}

/** The linked Authorities to update, or a clear error for an `--acts` id no linked Authority has. */
async function authoritiesToUpdate(gateway: Gateway, acts: string[] | undefined): Promise<LinkedAuthority[]> {
  const items = acts?.map((act) => {
    const ref = parseLegislationId(act);
    if (!ref || ref.provision) throw new LegislationDataError('--acts', `${act} is not an identifier of an item of legislation (like ukpga/1989/41)`);
    return ref.itemId;
  });
  const authorities = (await linkedAuthorities(gateway, items ?? null)).filter((authority) => parseLegislationId(authority.legislationId)?.provision === null);
  for (const item of items ?? [])
    if (!authorities.some(({ legislationId }) => legislationId === item))
      throw new LegislationDataError('--acts', `no Authority the graph links to has the legislationId ${item}`);
  return authorities;
}

/**
 * Loads the sections, parts, schedules, regulations and articles of every Act (or instrument)
 * the graph links to, from its CLML (`ukpga/1989/41/data.xml`), as Provisions under it.
 */
export async function updateSections(options: UpdateOptions & { acts?: string[] }): Promise<{ acts: number; read: number; written: number; kept: string[] }> {
  const { gateway, source, progress = () => {}, acts } = options;
  const authorities = await authoritiesToUpdate(gateway, acts);
  const rows: ProvisionWrite[] = [];
  for (const authority of authorities) {
    const { location, text } = await source.get(`${authority.legislationId}/data.xml`);
    const item = readClml(text, location);
    if (item.itemId !== authority.legislationId)
      throw new LegislationDataError(location, `<Legislation IdURI> names ${item.itemId}, not ${authority.legislationId} which was asked for`);
    item.provisions.forEach((provision, position) => {
      const code = provisionCode(provision.provision);
      rows.push({
        id: provisionNodeId(authority.id, provision.provision),
        authorityId: authority.id,
        authorityTitle: authority.title ?? item.title,
        props: { title: provision.title ?? code, code, legislationId: provision.id, position, status: provision.status },
        url: documentUrl(provision.id),
        heading: provision.heading || code,
      });
    });
    progress(`sections: ${authority.legislationId} ${item.title}: ${item.provisions.length} provisions`);
  }
  const { written, kept } = await writeProvisions(gateway, rows);
  for (const id of kept) progress(`sections: kept ${id} as it is: someone else made or changed it`);
  progress(`sections: ${authorities.length} Acts, ${rows.length} provisions read, ${written} new or changed`);
  return { acts: authorities.length, read: rows.length, written, kept };
}

const summaryOf = (effect: EffectRecord) =>
  `${effect.affectedTitle ?? effect.affectedId}${effect.affectedProvisions ? ` ${effect.affectedProvisions}` : ''}: ${effect.type}` +
  `${effect.affectingTitle || effect.affectingId ? ` by ${effect.affectingTitle ?? effect.affectingId}${effect.affectingProvisions ? ` ${effect.affectingProvisions}` : ''}` : ''}` +
  `${effect.applied ? '' : ' (not yet applied to the revised text)'}.`;

/**
 * Loads the effects on every Act the graph links to (`changes/affected/ukpga/1989/41/data.feed`),
 * each joined to the Act and to the Provisions of it that it touches.
 */
export async function updateEffects(options: UpdateOptions & { acts?: string[] }): Promise<{ acts: number; read: number; written: number }> {
  const { gateway, source, progress = () => {}, acts } = options;
  const authorities = await authoritiesToUpdate(gateway, acts);
  // Each Provision by the provision path it stands for: its identifier, or else its code ("s.17").
  const provisionIds = new Map<string, Map<string, string[]>>();
  for (const row of await provisionsOf(
    gateway,
    authorities.map(({ id }) => id),
  )) {
    const path = row.legislationId ? parseLegislationId(row.legislationId)?.provision : row.code ? provisionOfCode(row.code) : null;
    if (!path) continue;
    const byPath = provisionIds.get(row.authorityId) ?? new Map<string, string[]>();
    byPath.set(path, [...(byPath.get(path) ?? []), row.id]);
    provisionIds.set(row.authorityId, byPath);
  }
  const rows = new Map<string, EffectWrite>();
  const newProvisions = new Map<string, ProvisionWrite>();
  for (const authority of authorities) {
    const byPath = provisionIds.get(authority.id) ?? new Map<string, string[]>();
    let count = 0;
    for await (const page of source.feed(`changes/affected/${authority.legislationId}/data.feed`)) {
      for (const effect of readEffects(page)) {
        if (effect.affectedId !== authority.legislationId) continue;
        count++;
        for (const { path, row } of newLawIn(effect, authority, byPath)) {
          newProvisions.set(row.id, row);
          byPath.set(path, [row.id]);
        }
        const touched = effect.affectedProvisionIds.flatMap((id) => {
          const provision = parseLegislationId(id)?.provision;
          return provision ? [provision, ...enclosingProvisions(provision)] : [];
        });
        const targets = [authority.id, ...touched.flatMap((path) => byPath.get(path) ?? [])];
        const id = `effect/${effect.effectId}`;
        const previous = rows.get(id);
        rows.set(id, {
          id,
          props: {
            effectId: effect.effectId,
            type: effect.type,
            affectedLegislationId: effect.affectedId,
            affectedTitle: effect.affectedTitle,
            affectedProvisions: effect.affectedProvisions,
            affectedProvisionIds: effect.affectedProvisionIds,
            affectingLegislationId: effect.affectingId,
            affectingTitle: effect.affectingTitle,
            affectingProvisions: effect.affectingProvisions,
            affectingProvisionIds: effect.affectingProvisionIds,
            inForceDates: effect.inForce.flatMap(({ date }) => (date ? [date] : [])),
            inForceQualifications: effect.inForce.map(({ qualification }) => qualification ?? ''),
            prospective: effect.inForce.some(({ prospective }) => prospective),
            applied: effect.applied,
            requiresApplied: effect.requiresApplied,
            modified: effect.modified,
            url: effect.uri,
          },
          targets: [...new Set([...(previous?.targets ?? []), ...targets])],
          summary: summaryOf(effect),
        });
      }
      progress(`effects: ${authority.legislationId} page ${page.page}: ${count} effects so far`);
    }
  }
  // New provisions first, so the effects that bring them can point at them.
  const { written: added } = await writeProvisions(gateway, [...newProvisions.values()]);
  if (newProvisions.size) progress(`effects: ${newProvisions.size} provisions brought in by them, ${added} new or changed`);
  const written = await writeEffects(gateway, [...rows.values()]);
  progress(`effects: ${authorities.length} Acts, ${rows.size} effects read, ${written} new or changed`);
  return { acts: authorities.length, read: rows.size, written };
}

/**
 * The provisions an effect brings into the law (inserted, added, coming into force) that the
 * graph holds neither themselves nor any provision they sit in, as Provisions under their Act
 * sourced from the effect (the section is the provision's address, the excerpt how the feed words
 * the effect: "s. 17ZA inserted"), each with the provision path the effects find it by.
 */
function newLawIn(effect: EffectRecord, authority: LinkedAuthority, byPath: ReadonlyMap<string, string[]>): { path: string; row: ProvisionWrite }[] {
  if (!(newLawEffectTypes as readonly string[]).includes(effect.type.toLowerCase())) return [];
  return effect.affectedProvisionIds.flatMap((legislationId, index) => {
    const provision = parseLegislationId(legislationId)?.provision;
    // New words in a provision the graph holds amend it (its links become suspect); they are not new law.
    if (!provision || [provision, ...enclosingProvisions(provision)].some((path) => byPath.has(path))) return [];
    const code = provisionCode(provision);
    const row: ProvisionWrite = {
      id: provisionNodeId(authority.id, provision),
      authorityId: authority.id,
      authorityTitle: authority.title ?? effect.affectedTitle ?? authority.legislationId,
      // After the provisions the Act was published with, in the order the feed names them.
      props: { title: code, code, legislationId, position: NEW_PROVISION_POSITION + index, status: null },
      url: documentUrl(legislationId),
      heading: `${effect.affectedProvisions ?? code} ${effect.type}`,
    };
    return [{ path: provision, row }];
  });
}

/** Where provisions brought in by effects sort among an Act's (its own are numbered from 0). */
const NEW_PROVISION_POSITION = 100_000;
