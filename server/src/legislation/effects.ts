/**
 * Effects (amendments, repeals, commencements) from legislation.gov.uk's changes feeds, such as
 * `https://www.legislation.gov.uk/changes/affected/ukpga/1989/41/data.feed` (api/search.md,
 * "Changes to legislation"; model/effects.md; the Effects section of the CLML user guide).
 *
 * Each entry holds one `ukm:Effect` (directly or inside `content`). Read from it: the attributes
 * `EffectId`, `Type` ("repealed", "words substituted", "coming into force", …), `AffectedURI`,
 * `AffectedProvisions`, `AffectingURI`, `AffectingProvisions`, `Applied`, `RequiresApplied`,
 * `Modified`; the elements `ukm:AffectedTitle`, `ukm:AffectingTitle`, the `ukm:Section/@URI`s
 * under `ukm:AffectedProvisions` and `ukm:AffectingProvisions` (ranges included), and
 * `ukm:InForceDates/ukm:InForce` with `@Date`, `@Qualification`, `@Prospective`, `@Applied`.
 */
import type { Element } from '@xmldom/xmldom';
import type { FeedPage } from './atom.ts';
import { parseLegislationId } from './identifiers.ts';
import { attribute, booleanAttribute, child, descendants, describe, LegislationDataError, ns, text } from './xml.ts';

export interface InForce {
  /** `YYYY-MM-DD`, or null for a prospective coming into force with no date yet. */
  date: string | null;
  /** "wholly in force", "for specified purposes", … */
  qualification: string | null;
  prospective: boolean;
  applied: boolean | null;
}

export interface EffectRecord {
  /** The service's own key (`key-3d25…`), stable across runs. */
  effectId: string;
  /** As the service words it: "repealed", "words inserted", "coming into force", … */
  type: string;
  /** The item affected: `ukpga/1989/41`. */
  affectedId: string;
  affectedTitle: string | null;
  /** As written: "s. 17(6)". */
  affectedProvisions: string | null;
  /** The provisions affected, as ids: `ukpga/1989/41/section/17/6`. */
  affectedProvisionIds: string[];
  /** The item making the change: `ukpga/2002/38`. */
  affectingId: string | null;
  affectingTitle: string | null;
  /** As written: "s. 116(1)". */
  affectingProvisions: string | null;
  affectingProvisionIds: string[];
  inForce: InForce[];
  /** Whether the effect has been applied to the revised text. */
  applied: boolean;
  /** Whether it needs applying at all (it may not, if what it amends was repealed first). */
  requiresApplied: boolean | null;
  /** When the service last changed the effect. */
  modified: string | null;
  /** The effect's identifier URI. */
  uri: string | null;
}

/** The ids of the provisions a `ukm:AffectedProvisions`-like element lists (ranges' ends included). */
function provisionIds(list: Element | undefined): string[] {
  if (!list) return [];
  const ids = descendants(list, ns.ukm, 'Section')
    .map((section) => attribute(section, 'URI'))
    .flatMap((uri) => {
      const ref = uri ? parseLegislationId(uri) : null;
      return ref?.provision ? [ref.id] : [];
    });
  return [...new Set(ids)];
}

/** Reads the effect of every entry of a changes feed page; a missing attribute is named with its element. */
export function readEffects(page: FeedPage): EffectRecord[] {
  return page.entries.map((entry, index) => {
    const [effect] = descendants(entry, ns.ukm, 'Effect');
    const fault = (message: string) => new LegislationDataError(page.location, `entry ${index + 1}: ${message}`);
    if (!effect) throw fault(`no <ukm:Effect> element (namespace ${ns.ukm})`);
    const element = describe(effect, 'EffectId');
    const required = (name: string) => {
      const value = attribute(effect, name);
      if (value === undefined) throw fault(`${element} has no ${name} attribute`);
      return value;
    };
    const effectId = required('EffectId');
    const type = required('Type');
    const affectedUri = required('AffectedURI');
    const affected = parseLegislationId(affectedUri);
    if (!affected) throw fault(`${element} AffectedURI is not legislation.gov.uk legislation: ${affectedUri}`);
    const affectingUri = attribute(effect, 'AffectingURI');
    const affecting = affectingUri ? parseLegislationId(affectingUri) : null;
    const applied = booleanAttribute(effect, 'Applied');
    if (applied === undefined) throw fault(`${element} has no Applied attribute of true or false`);
    const inForce = descendants(effect, ns.ukm, 'InForce').map((item) => {
      const date = attribute(item, 'Date') ?? null;
      if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw fault(`${element} <ukm:InForce Date="${date}"> is not a date (YYYY-MM-DD)`);
      return {
        date,
        qualification: attribute(item, 'Qualification') ?? null,
        prospective: booleanAttribute(item, 'Prospective') === true,
        applied: booleanAttribute(item, 'Applied') ?? null,
      };
    });
    return {
      effectId,
      type,
      affectedId: affected.itemId,
      affectedTitle: text(child(effect, ns.ukm, 'AffectedTitle')) || null,
      affectedProvisions: attribute(effect, 'AffectedProvisions')?.trim() ?? null,
      affectedProvisionIds: provisionIds(child(effect, ns.ukm, 'AffectedProvisions')),
      affectingId: affecting?.itemId ?? null,
      affectingTitle: text(child(effect, ns.ukm, 'AffectingTitle')) || null,
      affectingProvisions: attribute(effect, 'AffectingProvisions')?.trim() ?? null,
      affectingProvisionIds: provisionIds(child(effect, ns.ukm, 'AffectingProvisions')),
      inForce,
      applied,
      requiresApplied: booleanAttribute(effect, 'RequiresApplied') ?? null,
      modified: attribute(effect, 'Modified') ?? null,
      uri: attribute(effect, 'URI') ?? null,
    };
  });
}
