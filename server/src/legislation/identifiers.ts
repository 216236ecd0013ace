/**
 * legislation.gov.uk identifiers: an item (`ukpga/1989/41`, regnal `ukpga/Eliz2/3-4/19`) and a
 * provision of it (`ukpga/1989/41/section/17/2`, `uksi/2013/2299/regulation/4`, `…/schedule/2`,
 * `…/part/1`), read from any of the service's URIs (identifier `/id/…`, document, representation
 * `…/data.xml`, a version `…/enacted` or `…/2014-04-01`), and the forms the graph keeps: the
 * provision's `code` ("s.17(2)", "regulation 4", "Schedule 2") and the slug that ends its node id
 * (`s17-2`, `reg4`, `sch2`), under the Authority's id as the seed data's Provisions are
 * (`authority/children-act-1989/s17`).
 */

/** An item of legislation or a provision of one. */
export interface LegislationRef {
  /** Short type code: `ukpga`, `uksi`, `asp`, `wsi`, … */
  type: string;
  /** Calendar year (`1989`) or regnal year (`Eliz2/3-4`). */
  year: string;
  number: string;
  /** The item: `ukpga/1989/41`. */
  itemId: string;
  /** The provision path inside the item (`section/17/2`), or null for the whole item. */
  provision: string | null;
  /** The item or provision: `ukpga/1989/41/section/17/2`. */
  id: string;
}

/** Division keywords of the URI scheme (model/uris.md, "Legislation sections"). */
const divisions = ['section', 'regulation', 'article', 'rule', 'schedule', 'paragraph', 'part', 'chapter', 'crossheading', 'group'] as const;
const isDivision = (word: string) => (divisions as readonly string[]).includes(word);

const regnal = /^[A-Z][A-Za-z0-9]*(?:and\d*[A-Z][A-Za-z0-9]*)?\/\d+(?:-\d+)?(?:\/[Ss]t\d+)?$/;
const versionSegment = /^(?:enacted|made|created|adopted|prospective|\d{4}-\d{2}-\d{2})$/;
const extentSegment = /^=?(?:england|wales|scotland|ni)(?:\+(?:england|wales|scotland|ni))*$/;

/**
 * Reads an identifier or URI of legislation.gov.uk. Returns null for anything that is not one
 * (an effect URI, a search, another site).
 *
 * @example
 * parseLegislationId('http://www.legislation.gov.uk/id/ukpga/1989/41/section/17/2')
 * // → { type: 'ukpga', year: '1989', number: '41', itemId: 'ukpga/1989/41', provision: 'section/17/2', id: 'ukpga/1989/41/section/17/2' }
 */
export function parseLegislationId(value: string): LegislationRef | null {
  let path = value.trim();
  const url = /^https?:\/\/(?:www\.)?legislation\.gov\.uk\/(.*)$/i.exec(path);
  if (url) path = url[1]!;
  else if (/^[a-z]+:\/\//i.test(path)) return null;
  path = path
    .replace(/[?#].*$/, '')
    .replace(/^\/+|\/+$/g, '')
    .replace(/^id\//, '')
    .replace(/\/data\.[a-z]+$/, '');
  const parts = path.split('/');
  const type = parts.shift();
  if (!type || !/^[a-z]{2,6}$/.test(type)) return null;
  let year: string;
  if (/^\d{4}$/.test(parts[0] ?? '')) year = parts.shift()!;
  else {
    // Regnal years take two segments: `Eliz2/3-4` (and `Geo5/Sess2/…` is not used in ids).
    const candidate = `${parts[0]}/${parts[1]}`;
    if (!regnal.test(candidate)) return null;
    year = candidate;
    parts.splice(0, 2);
  }
  const number = parts.shift();
  if (!number || !/^\d+$/.test(number)) return null;
  while (parts.length && (versionSegment.test(parts.at(-1)!) || extentSegment.test(parts.at(-1)!) || parts.at(-1) === 'contents')) parts.pop();
  if (parts.length && !isDivision(parts[0]!)) return null;
  if (parts.some((part) => !/^[A-Za-z0-9.-]+$/.test(part))) return null;
  const itemId = `${type}/${year}/${number}`;
  const provision = parts.length ? parts.join('/') : null;
  return { type, year, number, itemId, provision, id: provision ? `${itemId}/${provision}` : itemId };
}

/** The identifier URI legislation.gov.uk recommends linking to: `http://www.legislation.gov.uk/id/ukpga/1989/41/section/17`. */
export const identifierUri = (id: string) => `http://www.legislation.gov.uk/id/${id}`;

/** The page a person reads: `https://www.legislation.gov.uk/ukpga/1989/41/section/17`. */
export const documentUrl = (id: string) => `https://www.legislation.gov.uk/${id}`;

/** One level of a provision path: `section 17`, then `2`, `a` below it. */
interface Level {
  division: string | null;
  number: string | null;
}

function levels(provision: string): Level[] {
  const out: Level[] = [];
  const parts = provision.split('/');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (isDivision(part)) {
      const next = parts[i + 1];
      // `schedule` alone is an item's only schedule.
      if (next !== undefined && !isDivision(next)) {
        out.push({ division: part, number: next });
        i++;
      } else out.push({ division: part, number: null });
    } else out.push({ division: null, number: part });
  }
  return out;
}

const codeWords: Record<string, string> = {
  regulation: 'regulation',
  article: 'article',
  rule: 'rule',
  schedule: 'Schedule',
  paragraph: 'paragraph',
  part: 'Part',
  chapter: 'Chapter',
  crossheading: 'crossheading',
  group: 'group',
};

/**
 * The provision as the graph's `code` writes it, in the forms citations take (search.ts reads
 * "s.17", "Part 3", "Schedule 2", "regulation 5" the same way): `section/17/2/a` → "s.17(2)(a)",
 * `schedule/2/paragraph/3` → "Schedule 2 paragraph 3", `part/1` → "Part 1".
 */
export function provisionCode(provision: string): string {
  const words: string[] = [];
  for (const { division, number } of levels(provision)) {
    if (division === null) {
      words[words.length - 1] = `${words.at(-1) ?? ''}(${number})`;
      continue;
    }
    if (division === 'section') words.push(`s.${number}`);
    else words.push(number === null ? codeWords[division]! : `${codeWords[division]} ${number}`);
  }
  return words.join(' ');
}

const slugWords: Record<string, string> = {
  section: 's',
  regulation: 'reg',
  article: 'art',
  rule: 'rule',
  schedule: 'sch',
  paragraph: 'para',
  part: 'part',
  chapter: 'ch',
  crossheading: 'heading-',
  group: 'group',
};

/**
 * The last segment of a Provision's node id: `section/17` → `s17`, `section/17/2` → `s17-2`,
 * `schedule/2/paragraph/3` → `sch2-para3`, `regulation/4` → `reg4`, `part/1` → `part1`.
 */
export function provisionSlug(provision: string): string {
  return levels(provision)
    .map(({ division, number }) => `${division === null ? '' : slugWords[division]}${number ?? ''}`.toLowerCase())
    .join('-')
    .replace(/[^a-z0-9.-]/g, '')
    .replace(/\./g, '-');
}

/** A Provision's node id under its Authority: `authority/children-act-1989` + `section/17` → `authority/children-act-1989/s17`. */
export const provisionNodeId = (authorityId: string, provision: string) => `${authorityId}/${provisionSlug(provision)}`;

/**
 * The provisions above this one, nearest first: `section/17/6` → [`section/17`];
 * `schedule/2/paragraph/3` → [`schedule/2`]. An effect on a subsection is an effect on its section.
 */
export function enclosingProvisions(provision: string): string[] {
  const path = levels(provision);
  const out: string[] = [];
  for (let length = path.length - 1; length >= 1; length--)
    out.push(
      path
        .slice(0, length)
        .flatMap(({ division, number }) => [division, number].filter((part): part is string => part !== null))
        .join('/'),
    );
  return out;
}

/** The division of the top level: `section`, `regulation`, `schedule`, `part`, … */
export const topDivision = (provision: string) => levels(provision)[0]?.division ?? null;

const codeDivisions: [RegExp, string][] = [
  [/^(?:s|ss|sec|section|sections)$/, 'section'],
  [/^(?:reg|regs|regulation|regulations)$/, 'regulation'],
  [/^(?:art|arts|article|articles)$/, 'article'],
  [/^(?:r|rule|rules)$/, 'rule'],
  [/^(?:sch|schs|schedule|schedules)$/, 'schedule'],
  [/^(?:para|paras|paragraph|paragraphs)$/, 'paragraph'],
  [/^(?:pt|pts|part|parts)$/, 'part'],
  [/^(?:ch|chapter|chapters)$/, 'chapter'],
];

/**
 * The provision path a code or citation names: "s.17" and "section 17" → `section/17`,
 * "s.17(6)" → `section/17/6`, "Schedule 2 paragraph 3" → `schedule/2/paragraph/3`, "reg. 4" →
 * `regulation/4`, "Part 1" → `part/1`; null when it names none.
 */
export function provisionOfCode(code: string): string | null {
  const path: string[] = [];
  const words = code.trim().replace(/\s+/g, ' ');
  const pattern = /([A-Za-z]+)\.?\s*([0-9]+[A-Z]*|[IVXLC]+\b|[A-Z]\b)((?:\([0-9A-Za-z]+\))*)\s*/y;
  let end = 0;
  for (;;) {
    const match = pattern.exec(words);
    if (!match) break;
    end = pattern.lastIndex;
    const division = codeDivisions.find(([word]) => word.test(match[1]!.toLowerCase()))?.[1];
    if (!division) return null;
    path.push(division, match[2]!, ...[...match[3]!.matchAll(/\(([0-9A-Za-z]+)\)/g)].map(([, level]) => level!));
  }
  return path.length && end === words.length ? path.join('/') : null;
}
