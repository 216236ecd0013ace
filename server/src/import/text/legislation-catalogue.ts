/**
 * A built-in catalogue of the Acts, statutory instruments and statutory guidance that an English
 * council's people services (children's and adults' social care, education, SEND, housing,
 * public health) cite, and a tolerant finder of citations of them in free text.
 *
 * Every legislation.gov.uk identifier here has been checked; an Act whose number was not certain
 * is left out rather than guessed. Ids follow the seed data (`authority/care-act-2014`), so an
 * imported document and the hand-made seed files name the same Authority node.
 */

export type AuthorityKind = 'ACT' | 'REGULATION' | 'STATUTORY_GUIDANCE';

export interface CatalogueEntry {
  /** Graph id in the project's style, e.g. `authority/care-act-2014`. */
  id: string;
  /** Canonical title, as legislation.gov.uk or the publishing department gives it. */
  title: string;
  kind: AuthorityKind;
  year?: number;
  /** legislation.gov.uk identifier (Acts and statutory instruments only), e.g. `ukpga/2014/23`. */
  legislationId?: string;
  /**
   * Informal names and misspellings, matched without regard to case, `&` for "and", apostrophes
   * and line breaks. An alias with a year matches only with that year; one without a year also
   * matches when the text gives the year.
   */
  aliases: readonly string[];
  /** Names matched only with exactly this capitalisation: acronyms ("CSWA 2017"), "Prevent duty". */
  exactAliases?: readonly string[];
  /** True when the title without its year names this authority unambiguously ("the Care Act"). */
  yearOptional?: boolean;
}

export const legislationCatalogue: readonly CatalogueEntry[] = [
  // --- Adults' social care, health and mental capacity ---
  {
    id: 'authority/care-act-2014',
    title: 'Care Act 2014',
    kind: 'ACT',
    year: 2014,
    legislationId: 'ukpga/2014/23',
    aliases: ['the Care Act'],
    exactAliases: ['CA 2014'],
    yearOptional: true,
  },
  {
    id: 'authority/health-and-social-care-act-2012',
    title: 'Health and Social Care Act 2012',
    kind: 'ACT',
    year: 2012,
    legislationId: 'ukpga/2012/7',
    aliases: [],
  },
  {
    id: 'authority/health-and-social-care-act-2008',
    title: 'Health and Social Care Act 2008',
    kind: 'ACT',
    year: 2008,
    legislationId: 'ukpga/2008/14',
    aliases: [],
  },
  {
    id: 'authority/health-and-care-act-2022',
    title: 'Health and Care Act 2022',
    kind: 'ACT',
    year: 2022,
    legislationId: 'ukpga/2022/31',
    aliases: [],
    yearOptional: true,
  },
  {
    id: 'authority/national-health-service-act-2006',
    title: 'National Health Service Act 2006',
    kind: 'ACT',
    year: 2006,
    legislationId: 'ukpga/2006/41',
    aliases: ['NHS Act 2006'],
  },
  {
    id: 'authority/mental-capacity-act-2005',
    title: 'Mental Capacity Act 2005',
    kind: 'ACT',
    year: 2005,
    legislationId: 'ukpga/2005/9',
    aliases: [],
    exactAliases: ['MCA 2005'],
    yearOptional: true,
  },
  {
    id: 'authority/mental-health-act-1983',
    title: 'Mental Health Act 1983',
    kind: 'ACT',
    year: 1983,
    legislationId: 'ukpga/1983/20',
    aliases: [],
    exactAliases: ['MHA 1983'],
    yearOptional: true,
  },
  {
    id: 'authority/chronically-sick-and-disabled-persons-act-1970',
    title: 'Chronically Sick and Disabled Persons Act 1970',
    kind: 'ACT',
    year: 1970,
    legislationId: 'ukpga/1970/44',
    aliases: [],
    yearOptional: true,
  },
  {
    id: 'authority/autism-act-2009',
    title: 'Autism Act 2009',
    kind: 'ACT',
    year: 2009,
    legislationId: 'ukpga/2009/15',
    aliases: [],
    yearOptional: true,
  },
  {
    id: 'authority/care-and-support-statutory-guidance',
    title: 'Care and support statutory guidance',
    kind: 'STATUTORY_GUIDANCE',
    year: 2014,
    aliases: ['Care Act statutory guidance', 'Care Act guidance'],
  },
  {
    id: 'authority/mental-health-act-code-of-practice',
    title: 'Mental Health Act 1983: Code of Practice',
    kind: 'STATUTORY_GUIDANCE',
    year: 2015,
    aliases: ['Mental Health Act Code of Practice', 'Mental Health Act 1983 Code of Practice'],
  },
  {
    id: 'authority/mental-capacity-act-code-of-practice',
    title: 'Mental Capacity Act 2005 Code of Practice',
    kind: 'STATUTORY_GUIDANCE',
    year: 2007,
    aliases: ['Mental Capacity Act Code of Practice'],
  },

  // --- Children's social care, safeguarding and care leavers ---
  {
    id: 'authority/children-act-1989',
    title: 'Children Act 1989',
    kind: 'ACT',
    year: 1989,
    legislationId: 'ukpga/1989/41',
    aliases: [],
    exactAliases: ['CA 1989'],
  },
  {
    id: 'authority/children-act-2004',
    title: 'Children Act 2004',
    kind: 'ACT',
    year: 2004,
    legislationId: 'ukpga/2004/31',
    aliases: [],
    exactAliases: ['CA 2004'],
  },
  {
    id: 'authority/children-and-families-act-2014',
    title: 'Children and Families Act 2014',
    kind: 'ACT',
    year: 2014,
    legislationId: 'ukpga/2014/6',
    aliases: [],
    exactAliases: ['CFA 2014'],
    yearOptional: true,
  },
  {
    id: 'authority/children-and-social-work-act-2017',
    title: 'Children and Social Work Act 2017',
    kind: 'ACT',
    year: 2017,
    legislationId: 'ukpga/2017/16',
    aliases: [],
    exactAliases: ['CSWA 2017'],
    yearOptional: true,
  },
  {
    id: 'authority/children-leaving-care-act-2000',
    title: 'Children (Leaving Care) Act 2000',
    kind: 'ACT',
    year: 2000,
    legislationId: 'ukpga/2000/35',
    aliases: ['Leaving Care Act 2000'],
    yearOptional: true,
  },
  {
    id: 'authority/adoption-and-children-act-2002',
    title: 'Adoption and Children Act 2002',
    kind: 'ACT',
    year: 2002,
    legislationId: 'ukpga/2002/38',
    aliases: [],
    yearOptional: true,
  },
  {
    id: 'authority/breaks-for-carers-of-disabled-children-regulations-2011',
    title: 'The Breaks for Carers of Disabled Children Regulations 2011',
    kind: 'REGULATION',
    year: 2011,
    legislationId: 'uksi/2011/707',
    aliases: ['Short Breaks Regulations 2011', 'Breaks for Carers Regulations 2011'],
    yearOptional: true,
  },
  {
    id: 'authority/care-planning-placement-and-case-review-regulations-2010',
    title: 'The Care Planning, Placement and Case Review (England) Regulations 2010',
    kind: 'REGULATION',
    year: 2010,
    legislationId: 'uksi/2010/959',
    aliases: ['Care Planning, Placement and Case Review Regulations 2010', 'Care Planning Regulations 2010'],
    yearOptional: true,
  },
  {
    id: 'authority/safeguarding-vulnerable-groups-act-2006',
    title: 'Safeguarding Vulnerable Groups Act 2006',
    kind: 'ACT',
    year: 2006,
    legislationId: 'ukpga/2006/47',
    aliases: [],
    yearOptional: true,
  },
  {
    id: 'authority/working-together-to-safeguard-children',
    title: 'Working Together to Safeguard Children',
    kind: 'STATUTORY_GUIDANCE',
    aliases: [],
    exactAliases: ['Working Together 2015', 'Working Together 2018', 'Working Together 2023'],
  },
  {
    id: 'authority/keeping-children-safe-in-education',
    title: 'Keeping Children Safe in Education',
    kind: 'STATUTORY_GUIDANCE',
    aliases: [],
    exactAliases: ['KCSIE'],
  },

  // --- Education and SEND ---
  {
    id: 'authority/education-act-1996',
    title: 'Education Act 1996',
    kind: 'ACT',
    year: 1996,
    legislationId: 'ukpga/1996/56',
    aliases: [],
  },
  {
    id: 'authority/education-act-2002',
    title: 'Education Act 2002',
    kind: 'ACT',
    year: 2002,
    legislationId: 'ukpga/2002/32',
    aliases: [],
  },
  {
    id: 'authority/childcare-act-2006',
    title: 'Childcare Act 2006',
    kind: 'ACT',
    year: 2006,
    legislationId: 'ukpga/2006/21',
    aliases: [],
  },
  {
    id: 'authority/childcare-act-2016',
    title: 'Childcare Act 2016',
    kind: 'ACT',
    year: 2016,
    legislationId: 'ukpga/2016/5',
    aliases: [],
  },
  {
    id: 'authority/send-regulations-2014',
    title: 'The Special Educational Needs and Disability Regulations 2014',
    kind: 'REGULATION',
    year: 2014,
    legislationId: 'uksi/2014/1530',
    aliases: ['SEND Regulations 2014', 'SEN and Disability Regulations 2014', 'SEND Regulations'],
    yearOptional: true,
  },
  {
    id: 'authority/send-code-of-practice-2014',
    title: 'Special educational needs and disability code of practice: 0 to 25 years',
    kind: 'STATUTORY_GUIDANCE',
    year: 2014,
    aliases: [
      'SEND Code of Practice',
      'SEN and Disability Code of Practice',
      'Special Educational Needs and Disability Code of Practice',
      'SEN Code of Practice',
    ],
    exactAliases: ['SEND CoP'],
  },

  // --- Equality, rights, social value, public bodies ---
  {
    id: 'authority/equality-act-2010',
    title: 'Equality Act 2010',
    kind: 'ACT',
    year: 2010,
    legislationId: 'ukpga/2010/15',
    aliases: ['Equalities Act 2010', 'the Equalities Act'],
    yearOptional: true,
  },
  {
    id: 'authority/human-rights-act-1998',
    title: 'Human Rights Act 1998',
    kind: 'ACT',
    year: 1998,
    legislationId: 'ukpga/1998/42',
    aliases: [],
    yearOptional: true,
  },
  {
    id: 'authority/public-services-social-value-act-2012',
    title: 'Public Services (Social Value) Act 2012',
    kind: 'ACT',
    year: 2012,
    legislationId: 'ukpga/2012/3',
    aliases: ['Social Value Act 2012', 'the Social Value Act'],
    yearOptional: true,
  },
  {
    id: 'authority/localism-act-2011',
    title: 'Localism Act 2011',
    kind: 'ACT',
    year: 2011,
    legislationId: 'ukpga/2011/20',
    aliases: [],
    yearOptional: true,
  },
  {
    id: 'authority/data-protection-act-2018',
    title: 'Data Protection Act 2018',
    kind: 'ACT',
    year: 2018,
    legislationId: 'ukpga/2018/12',
    aliases: [],
  },

  // --- Housing, domestic abuse, exploitation, Prevent ---
  {
    id: 'authority/housing-act-1996',
    title: 'Housing Act 1996',
    kind: 'ACT',
    year: 1996,
    legislationId: 'ukpga/1996/52',
    aliases: [],
  },
  {
    id: 'authority/homelessness-reduction-act-2017',
    title: 'Homelessness Reduction Act 2017',
    kind: 'ACT',
    year: 2017,
    legislationId: 'ukpga/2017/13',
    aliases: [],
    yearOptional: true,
  },
  {
    id: 'authority/homelessness-code-of-guidance',
    title: 'Homelessness code of guidance for local authorities',
    kind: 'STATUTORY_GUIDANCE',
    year: 2018,
    aliases: ['Homelessness Code of Guidance'],
  },
  {
    id: 'authority/domestic-abuse-act-2021',
    title: 'Domestic Abuse Act 2021',
    kind: 'ACT',
    year: 2021,
    legislationId: 'ukpga/2021/17',
    aliases: [],
    yearOptional: true,
  },
  {
    id: 'authority/modern-slavery-act-2015',
    title: 'Modern Slavery Act 2015',
    kind: 'ACT',
    year: 2015,
    legislationId: 'ukpga/2015/30',
    aliases: [],
    yearOptional: true,
  },
  {
    id: 'authority/counter-terrorism-and-security-act-2015',
    title: 'Counter-Terrorism and Security Act 2015',
    kind: 'ACT',
    year: 2015,
    legislationId: 'ukpga/2015/6',
    aliases: [],
    exactAliases: ['Prevent duty', 'PREVENT duty', 'Prevent Duty'],
    yearOptional: true,
  },
  {
    id: 'authority/prevent-duty-guidance',
    title: 'Prevent duty guidance',
    kind: 'STATUTORY_GUIDANCE',
    year: 2015,
    aliases: [],
    exactAliases: ['Prevent duty guidance', 'Prevent Duty Guidance', 'PREVENT duty guidance'],
  },
];

const byId = new Map(legislationCatalogue.map((entry) => [entry.id, entry]));

/** The catalogue entry with this id (`authority/care-act-2014`), if any. */
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return byId.get(id);
}

export interface Citation {
  authority: CatalogueEntry;
  /** The citation exactly as the text writes it, including any "section 17 of" (for excerpts). */
  matched: string;
  /** Offset of `matched` in the text. */
  index: number;
  /** The provision named with it: "17" for "section 17 of …", "Part 3", "Schedule 2", "regulation 5". */
  section?: string;
}

interface Variant {
  entry: CatalogueEntry;
  pattern: RegExp;
  /** The name's first word in lower case: a text without it cannot match, so is not scanned. */
  keyword: string;
  /** Whether the name may appear without its year (then extra checks keep ordinary prose out). */
  yearless: boolean;
  exact: boolean;
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const yearAtEnd = /\s*\(?((?:1[89]|20)\d\d)\)?$/;

/** One word of a name as a tolerant pattern: "&" for "and", optional brackets, possessives, hyphens. */
function wordPattern(word: string): string {
  if (/^(and|&)$/i.test(word)) return '(?:and|&amp;|&)';
  const core = word.replace(/^\(|\)$/g, '').replace(/[:,]$/, '');
  const open = word.startsWith('(') ? '\\(?' : '';
  const close = word.endsWith(')') ? '\\)?' : '';
  const punctuation = word.endsWith(':') ? ':?' : word.endsWith(',') ? ',?' : '';
  const hyphenated = core
    .split('-')
    .map((part) => escape(part.replace(/['’]s$/i, '')))
    .join('[-‐–\\s]?');
  const possessive = /^(act|regulations?|code|of|the|to|in|for|on)$/i.test(core) ? '' : "(?:['’]?s)?['’]?";
  return `${open}${hyphenated}${possessive}${close}${punctuation}`;
}

function namePattern(name: string): string {
  return name.trim().replace(/^the\s+/i, '').split(/\s+/).map(wordPattern).join('\\s+');
}

function buildVariants(): Variant[] {
  const variants: Variant[] = [];
  for (const entry of legislationCatalogue) {
    const anyYear = entry.kind === 'STATUTORY_GUIDANCE' || entry.year === undefined;
    const yearGroup = anyYear ? '(?:19|20)\\d\\d' : String(entry.year);
    const add = (text: string, exact: boolean, yearOptional: boolean) => {
      const written = text.match(yearAtEnd);
      const name = written ? text.slice(0, written.index) : text;
      const yearRequired = Boolean(written) && !yearOptional;
      const yearPart = `(?:\\s*,?\\s*\\(?(${written ? written[1] : yearGroup})\\)?)`;
      const source = `(?<![\\w'’&-])${namePattern(name)}${yearPart}${yearRequired ? '' : '?'}(?![\\w'’-])`;
      const keyword = name.trim().replace(/^the\s+/i, '').split(/[\s(-]+/).find(Boolean)!.replace(/['’].*$|[^\w]/g, '').toLowerCase();
      variants.push({ entry, pattern: new RegExp(source, exact ? 'g' : 'gi'), keyword, yearless: !yearRequired, exact });
    };
    add(entry.title, false, Boolean(entry.yearOptional) || entry.year === undefined || entry.kind === 'STATUTORY_GUIDANCE');
    for (const alias of entry.aliases) add(alias, false, !yearAtEnd.test(alias));
    for (const alias of entry.exactAliases ?? []) add(alias, true, !yearAtEnd.test(alias));
  }
  return variants;
}

let variants: Variant[] | undefined;

/** Capitalised words that may stand right before an Act's name without being part of it. */
const leadingWords = new Set(['the', 'this', 'that', 'under', 'of', 'in', 'by', 'see', 'our', 'its', 'their', 'with', 'and', 'to', 'a', 'new', 'current', 'revised', 'amended', 'within', 'per', 'as', 'following', 'also']);

/**
 * Whether a name found without its year is really a citation: it must not continue a longer
 * title ("Care Act" inside "Health and Social Care Act"), be followed by another year ("Care Act
 * 2015" is not the Care Act 2014), or be ordinary lower-case prose ("duty of care act").
 */
function plausibleYearless(text: string, start: number, end: number, exact: boolean): boolean {
  const matched = text.slice(start, end);
  if (!exact && !/[A-Z]/.test(matched)) return false;
  if (/^\s*,?\s*\(?\s*(?:1[89]|20)\d\d\b/.test(text.slice(end, end + 12))) return false;
  const before = text.slice(Math.max(0, start - 60), start);
  const words = before.match(/(?:^|[^\S\n\t]|\()([\w'’&;-]+) (?:([\w'’&;-]+) )?$/);
  if (!words) return true;
  const [, first, second] = words;
  const previous = second ?? first!;
  const capitalised = (word: string | undefined) => Boolean(word && /^[A-Z]/.test(word) && !leadingWords.has(word.toLowerCase()));
  if (capitalised(previous)) return false;
  if (second && /^(and|&|&amp;)$/i.test(second) && capitalised(first)) return false;
  return true;
}

/** "section 17 of the", "s.1 of the", "Part 3 of the", "Schedule 2 to the" just before a name. */
const sectionBefore =
  /(?<![\w'’])(?:(?:sections?|sec\.|ss?\.\s?|s(?=\d))\s*(\d+[A-Z]?(?:\(\d+[a-z]?\))*)|(part|schedule|chapter|regulation|reg\.)\s+(\d+[A-Z]?|[IVX]+))\s+(?:of|to|under)\s+(?:the\s+)?$/i;
/** ", section 17", " s.17", " (s17)" just after a name. */
const sectionAfter = /^\s*,?\s*\(?\s*(?:section|s\.\s?|s(?=\d))\s*(\d+[A-Z]?(?:\(\d+[a-z]?\))*)\)?/i;
const divisionNames: Record<string, string> = { part: 'Part', schedule: 'Schedule', chapter: 'Chapter', regulation: 'regulation', 'reg.': 'regulation' };

/**
 * Finds citations of catalogued authorities in free text, tolerant of case, "&" for "and",
 * apostrophes ("Children's"), line breaks, informal names ("Equalities Act 2010", "the Care
 * Act") and a leading provision ("section 17 of the Children Act 1989"). A name that is
 * ambiguous without its year ("the Children Act") is not reported. Overlapping candidates
 * resolve to the longest, so "Health and Social Care Act 2012" never also yields the Care Act.
 *
 * @example
 * findCitations('duties under s.1 of the Care Act 2014')
 * // → [{ authority: { id: 'authority/care-act-2014', … }, matched: 's.1 of the Care Act 2014', index: 13, section: '1' }]
 */
export function findCitations(text: string): Citation[] {
  variants ??= buildVariants();
  const candidates: { entry: CatalogueEntry; start: number; end: number }[] = [];
  const lower = text.toLowerCase();
  for (const variant of variants) {
    if (!lower.includes(variant.keyword)) continue;
    variant.pattern.lastIndex = 0;
    for (const match of text.matchAll(variant.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (variant.yearless && match[1] === undefined && !plausibleYearless(text, start, end, variant.exact)) continue;
      candidates.push({ entry: variant.entry, start, end });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const citations: Citation[] = [];
  let reached = 0;
  for (const { entry, start, end } of candidates) {
    if (start < reached) continue;
    let from = start;
    let to = end;
    let section: string | undefined;
    const windowStart = Math.max(reached, start - 60);
    const before = sectionBefore.exec(text.slice(windowStart, start));
    const after = before ? null : sectionAfter.exec(text.slice(end, end + 30));
    if (before) {
      from = windowStart + before.index;
      section = before[1] ?? `${divisionNames[before[2]!.toLowerCase()]} ${before[3]}`;
    } else if (after) {
      to = end + after[0].length;
      section = after[1];
    }
    reached = to;
    citations.push({ authority: entry, matched: text.slice(from, to), index: from, ...(section ? { section } : {}) });
  }
  return citations;
}
