/**
 * Citations of provisions: "section 17 of the Children Act 1989", "s.11 Children Act 2004",
 * "ss. 17 and 20 of …", "Part 1 of the Care Act 2014", "reg. 4 of …", "Schedule 2 to …",
 * "paragraph 3 of Schedule 2 to …", "Children Act 1989, s.17", resolved to legislation.gov.uk
 * identifiers (`ukpga/1989/41/section/17`). The Act is found by the built-in catalogue's
 * findCitations, which knows its names, misspellings and years; this reads the provisions
 * written before or after the name.
 */
import { type CatalogueEntry, type Citation, findCitations } from './catalogue.ts';
import { provisionCode } from './identifiers.ts';

export interface CitedProvision {
  /** Inside the item: `section/17/1`, `schedule/2/paragraph/3`. */
  provision: string;
  /** The legislation.gov.uk identifier, or null for an authority that has none (guidance). */
  id: string | null;
  /** As the graph codes it: "s.17(1)". */
  code: string;
}

export interface ProvisionCitation {
  authority: CatalogueEntry;
  /** The citation as the text writes it, provisions included. */
  matched: string;
  index: number;
  /** The provisions cited, in the text's order; empty when the whole authority is cited. */
  provisions: CitedProvision[];
  /** The same citation as findCitations reads it (the name, with at most one provision before or after it). */
  citation: Citation;
}

// A provision number: 17, 17A, 24ZA, 17(1)(a), or a Roman numeral for a Part or Schedule.
const NUMBER = String.raw`(?:\d+[A-Z]{0,3}(?:\([0-9A-Za-z]{1,4}\))*|[IVXLC]+\b)`;
const JOIN = String.raw`(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*|\s*(?:-|–|to)\s*)`;
const LIST = `${NUMBER}(?:${JOIN}${NUMBER})*`;
const KIND = String.raw`sections?|secs?\.|ss\.?|s\.|s(?=\s?\d)|regulations?|regs?\.|reg\b|articles?|arts?\.|rules?|parts?|pts?\.|schedules?|schs?\.|sched\.|chapters?|ch\.`;
const PARAGRAPH = String.raw`paragraphs?|paras?\.|para\b`;

/** Provisions written just before a name: "ss. 17 and 20 of the ", "paragraph 3 of Schedule 2 to the ", "s.11 ". */
const before = new RegExp(
  String.raw`(?<![\w.])(?:(?:${PARAGRAPH})\s*(?<paragraphs>${LIST})\s+(?:of|to|in)\s+)?(?<kind>${KIND})\s*(?<numbers>${LIST})(?:\s+(?:of|to|under|in))?\s+(?:the\s+)?$`,
  'i',
);
/** Provisions written just after a name: ", s.17", " section 17(1)", " (Part 3)", ", Schedule 2". */
const after = new RegExp(String.raw`^\s*,?\s*\(?\s*(?<kind>${KIND})\s*(?<numbers>${LIST})\)?`, 'i');
/** The provision findCitations may have read into the citation, to find where the name starts and ends. */
const leading = new RegExp(String.raw`^(?:${KIND})\s*${LIST}\s+(?:of|to|under)\s+(?:the\s+)?`, 'i');
const trailing = /\s*,?\s*\(?\s*(?:section|s\.\s?|s(?=\d))\s*\d+[A-Z]?(?:\(\d+[a-z]?\))*\)?$/i;

function divisionOf(kind: string): string {
  const word = kind.toLowerCase().replace(/\.$/, '');
  if (/^(?:sections?|secs?|ss?)$/.test(word)) return 'section';
  if (/^(?:regulations?|regs?)$/.test(word)) return 'regulation';
  if (/^(?:articles?|arts?)$/.test(word)) return 'article';
  if (/^rules?$/.test(word)) return 'rule';
  if (/^(?:parts?|pts?)$/.test(word)) return 'part';
  if (/^(?:schedules?|schs?|sched)$/.test(word)) return 'schedule';
  return 'chapter';
}

/** "17(1)(a)" → ['17', '1', 'a']. */
const levelsOf = (number: string) => [number.replace(/\(.*$/, ''), ...[...number.matchAll(/\(([0-9A-Za-z]+)\)/g)].map(([, level]) => level!)];

/** The numbers of a list, a short range of whole numbers spelt out: "17 and 20" → 17, 20; "17-19" → 17, 18, 19. */
function numbersOf(list: string): string[] {
  const numbers: string[] = [];
  const pattern = new RegExp(`(${NUMBER})(?:(${JOIN}))?`, 'gi');
  let rangeFrom: string | null = null;
  for (const [, number, join] of list.matchAll(pattern)) {
    if (
      rangeFrom !== null &&
      /^\d+$/.test(rangeFrom) &&
      /^\d+$/.test(number!) &&
      Number(number) > Number(rangeFrom) &&
      Number(number) - Number(rangeFrom) <= 20
    ) {
      for (let n = Number(rangeFrom) + 1; n < Number(number); n++) numbers.push(String(n));
    }
    numbers.push(number!);
    rangeFrom = join && /-|–|to/.test(join) ? number! : null;
  }
  return numbers;
}

function provisionsOf(groups: Record<string, string | undefined>, authority: CatalogueEntry): CitedProvision[] {
  const division = divisionOf(groups.kind!);
  const paths = numbersOf(groups.numbers!).flatMap((number) => {
    const path = [division, ...levelsOf(number)].join('/');
    if (!groups.paragraphs || division !== 'schedule') return [path];
    return numbersOf(groups.paragraphs).map((paragraph) => `${path}/paragraph/${levelsOf(paragraph).join('/')}`);
  });
  return paths.map((provision) => ({
    provision,
    id: authority.legislationId ? `${authority.legislationId}/${provision}` : null,
    code: provisionCode(provision),
  }));
}

/**
 * Every citation of a catalogued authority in the text, with the provisions it names; `extra`
 * entries (the stored statute catalogue's) are looked for beside the built-in ones.
 *
 * @example
 * findProvisionCitations('assessed under ss. 17 and 20 of the Children Act 1989')[0].provisions.map(({ id }) => id)
 * // → ['ukpga/1989/41/section/17', 'ukpga/1989/41/section/20']
 */
export function findProvisionCitations(text: string, extra: readonly CatalogueEntry[] = []): ProvisionCitation[] {
  const out: ProvisionCitation[] = [];
  let reached = 0;
  for (const citation of findCitations(text, extra)) {
    let nameStart = citation.index;
    let nameEnd = citation.index + citation.matched.length;
    const lead = leading.exec(citation.matched);
    if (lead && citation.section) nameStart += lead[0].length;
    else {
      const trail = citation.section ? trailing.exec(citation.matched) : null;
      if (trail) nameEnd -= trail[0].length;
    }
    const windowStart = Math.max(reached, nameStart - 120);
    const found = before.exec(text.slice(windowStart, nameStart));
    const following = found ? null : after.exec(text.slice(nameEnd, nameEnd + 80));
    const start = found ? windowStart + found.index : nameStart;
    const end = following ? nameEnd + following[0].length : nameEnd;
    const groups = found?.groups ?? following?.groups;
    out.push({
      authority: citation.authority,
      matched: text.slice(start, end),
      index: start,
      provisions: groups ? provisionsOf(groups, citation.authority) : [],
      citation,
    });
    reached = end;
  }
  return out;
}
