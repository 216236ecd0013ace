/**
 * The stored statute catalogue (`:StatuteEntry` nodes written by `npm run legislation --
 * catalogue`) as extra entries for citation resolution: the names in a text that look like the
 * title of an Act or instrument ("… Act 2003", "… Regulations 2010") are looked up by title, and
 * those the catalogue holds become catalogue entries that findCitations and
 * findProvisionCitations take beside the built-in ones. Resolution itself stays pure: the entries
 * are read first and passed in.
 */
import type { Gateway } from '../db/gateway.ts';
import { statutesByTitle } from '../queries/legislation.ts';
import { authorityIdOf, type CatalogueEntry } from './catalogue.ts';
import { parseLegislationId } from './identifiers.ts';

/** Where a title of legislation ends: its kind and year, "Act 2003", "Regulations (2010)". */
const titleEnd = /\b(?:Act|Regulations|Order|Rules)\s*,?\s*\(?((?:1[89]|20)\d\d)\)?(?![\w-])/g;
/** Words that may stand inside a title without a capital. */
const joining = new Set(['and', 'of', 'for', 'the', 'in', 'to', 'on', 'with', 'by', 'from', 'at', 'as', '&', 'etc.', 'or']);
/** How many words before its kind a title may have. */
const MAX_TITLE_WORDS = 14;
/** How many names one text may look up, so a long document asks one bounded question. */
const MAX_TITLES = 2_000;

/**
 * The names in `text` that may be titles of legislation, each ending in its kind and year and
 * starting at each capitalised word before it ("the Licensing Act 2003" gives "Licensing Act
 * 2003"; "Under the Licensing Act 2003" also gives "Under the Licensing Act 2003", which no
 * catalogue holds). Bounded: at most MAX_TITLE_WORDS words before the kind.
 *
 * @example
 * statuteTitleCandidates('duties under the Licensing Act 2003.') // → ['Licensing Act 2003']
 */
export function statuteTitleCandidates(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(titleEnd)) {
    const ending = `${match[0].replace(/[\s,()]+/g, ' ').trim()}`;
    const words = text
      .slice(Math.max(0, match.index - 200), match.index)
      .split(/\s+/)
      .filter(Boolean);
    const name: string[] = [];
    for (let at = words.length - 1; at >= 0 && name.length < MAX_TITLE_WORDS; at -= 1) {
      const word = words[at]!;
      // A sentence or clause ends before the title starts; "(No. 2)" and "Anti-social Behaviour," do not end it.
      if (/[.;:!?]$/.test(word) && !/^\(?No\.$/i.test(word)) break;
      if (!/^[(A-Z0-9]/.test(word) && !joining.has(word.toLowerCase())) break;
      name.unshift(word);
      if (/^[(A-Z]/.test(word)) found.add(`${name.join(' ')} ${ending}`.replace(/,\s*$/, ''));
    }
    if (found.size >= MAX_TITLES) break;
  }
  return [...found];
}

/** Types whose items are Acts (of Parliament, of the Scottish Parliament, of Senedd Cymru); the others are instruments. */
const actTypes = new Set(['ukpga', 'asp', 'asc', 'anaw']);
/** The types a seed file's Authority may carry (seed-format.ts), with a four-digit year. */
const storableId = /^(?:ukpga|uksi|asp|asc|anaw|nisi|ukla)\/\d{4}\/\d+$/;

/**
 * A stored catalogue row as a catalogue entry: an ACT or REGULATION by its type, with the
 * year of its identifier. Null for a type the graph cannot hold as an Authority (a regnal year).
 */
export function entryOfStatute(row: { legislationId: string; title: string; type: string }): CatalogueEntry | null {
  const ref = parseLegislationId(row.legislationId);
  if (!ref || ref.provision || !storableId.test(ref.itemId)) return null;
  return {
    id: authorityIdOf(row.title),
    title: row.title,
    kind: actTypes.has(row.type) ? 'ACT' : 'REGULATION',
    year: Number(ref.year),
    legislationId: ref.itemId,
    aliases: [],
  };
}

/**
 * The stored catalogue's entries for the names `titles` (statuteTitleCandidates of a text), for
 * findCitations' `extra`. An empty catalogue gives none, so the built-in one answers alone.
 */
export async function storedCatalogueEntries(gateway: Gateway, titles: readonly string[]): Promise<CatalogueEntry[]> {
  if (!titles.length) return [];
  const rows = await statutesByTitle(gateway, titles.slice(0, MAX_TITLES));
  return rows.flatMap((row) => entryOfStatute(row) ?? []);
}
