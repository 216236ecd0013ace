/**
 * What one line of a strategy or inspection document is: a labelled priority ("Strategic
 * Priority 1: …"), a lettered or numbered item, a bullet, a heading, a lead-in that says what the
 * list below it holds ("Key actions will include", "Directors responsible:"), a paragraph, a
 * table row, or page furniture. Pure functions over one line; the structure is built elsewhere.
 */
import type { SourceLine } from './source-text.ts';

export type LineKind = 'blank' | 'furniture' | 'publisher' | 'table' | 'marker' | 'lettered' | 'numbered' | 'bullet' | 'heading' | 'paragraph';

/** "Strategic Priority 1: Be Happy, Safe and Well", "Priority One<TAB>Health Inequalities<TAB>…". */
export interface LabelledMarker {
  /** The level's name as written: "Strategic Priority". */
  label: string;
  /** The level's name for comparing levels: "strategic priority". */
  scheme: string;
  /** "1", "1.2", "A"; number words as digits ("Priority One" → "1"). */
  number: string;
  /** The document's own code, as written: "Strategic Priority 1", "Priority One". */
  code: string;
  /** The words after the code (the first column of a table row); empty when on the next line. */
  title: string;
  /** Further columns of a table row, joined. */
  rest: string;
}

export interface ClassifiedLine {
  kind: LineKind;
  /** The line's words without list markers, heading marks or Markdown emphasis. */
  body: string;
  /** The words to quote for the line: from its code or number on (a bullet without its bullet). */
  quote: string;
  /** Leading whitespace (a tab counts as four). */
  indent: number;
  headingLevel?: number;
  bulleted: boolean;
  number?: string;
  letter?: string;
  /** The bold words that open a list item: "**Universal Services** to provide …". */
  boldLead?: string;
  marker?: LabelledMarker;
}

const numberWords: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
};

const bullet = /^(?:[•●▪◦‣∙·*+\-–—■□◼◻◾➢➤►\u25AA\u25CF\u25E6\uF0B7\uF0A7\uF076\uF0D8\uF0FC])\s+(.*)$/;
const markdownHeading = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/;
const labelled =
  /^((?:(?:strategic|corporate|council|key|our|overarching|policy|service|commissioning)\s+)?(?:priority|objective|outcome|aim|ambition|theme|goal|commitment|pillar|workstream))\s+(\d{1,2}(?:\.\d{1,2})*|[A-H]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?![\w.])(.*)$/i;
const numbered = /^(?:(\d{1,3})[.)]|\((\d{1,3})\))\s+(\S.*)$/;
const lettered = /^(?:([A-Z])[.)]|\(([A-Z])\))\s+(\S.*)$/;
/** "II. Utilise community insight": roman numerals number items as digits do. */
const romanValues = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const romanNumbered = new RegExp(`^(${[...romanValues].reverse().join('|')})[.)]\\s+(\\S.*)$`);
const boldOpening = /^(?:\*\*|__)(.+?)(?:\*\*|__)[\s:,–—-]*(.*)$/;

/** Removes Markdown emphasis, code marks and link syntax, and collapses whitespace. */
export function cleanInline(value: string): string {
  return value
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const furniture = [
  /^\d{1,4}$/,
  /^page \d+(?: of \d+)?$/i,
  /^(?:skip|jump)(?: back)? to (?:the )?(?:top|main content|content|navigation)(?: of (?:the )?page)?\.?$/i,
  /^(?:back to top|select image to enlarge|print(?: this page)?|share(?: this page)?|contact us|in this section|on this page)$/i,
  /^(?:page )?last (?:reviewed|updated|modified)\b/i,
  /^(?:accept|reject|manage)(?: all)? cookies\b|\bcookies? (?:policy|settings|notice)\b/i,
  /^(?:tel|telephone|phone|fax|e-?mail)\s*[:.]/i,
  /\b(?:website|web) design by\b|\bpowered by\b|\ball rights reserved\b|^©|^copyright\b/i,
  /^(?:https?:\/\/|www\.)\S+$/i,
  /^[\w-]+(?:\.[\w-]+)*\.(?:gov\.uk|org\.uk|co\.uk|nhs\.uk|ac\.uk|com|org|net)(?:\/\S*)?$/i,
  /^(?:follow us|sign up)\b/i,
];
/** Headings whose section is navigation: everything listed under them is furniture too. */
const furnitureSection = /^(?:(?:quick|external|useful|related) (?:links|images|pages|documents|content)|contents|table of contents)\s*:?$/i;
const tableOfContentsRow = /^(?:\d+(?:\.\d+)*\s+)?[^\t]{2,80}?(?:\t+|\s*\.{3,}\s*|\s{3,})\d{1,3}$/;
const postcode = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/;
const councilName =
  /^(?:(?:The\s+)?(?:London\s+Borough|Royal\s+Borough|Borough|City|County|Metropolitan\s+Borough)\s+of\s+[A-Z][\w’'-]+(?:\s+(?:and\s+)?[A-Z][\w’'-]+){0,3}|[A-Z][\w’'-]+(?:\s+(?:and\s+)?[A-Z][\w’'-]+){0,3}\s+(?:County\s+|Borough\s+|City\s+|District\s+|Metropolitan\s+Borough\s+|Town\s+|Parish\s+)?Council)$/;

export function isFurnitureSectionHeading(text: string): boolean {
  return furnitureSection.test(text.trim());
}

/** Reads one logical line. */
export function classifyLine(line: SourceLine): ClassifiedLine {
  const indentMatch = /^[ \t]*/.exec(line.text)![0];
  const indent = indentMatch.replace(/\t/g, '    ').length;
  let text = line.text.trim();
  if (text === '') return { kind: 'blank', body: '', quote: '', indent, bulleted: false };

  let headingLevel = line.heading;
  const markdown = markdownHeading.exec(text);
  if (markdown) {
    headingLevel = markdown[1]!.length;
    text = markdown[2]!;
  }
  let bulleted = Boolean(line.listItem);
  const bulletMatch = bullet.exec(text);
  if (bulletMatch && !text.startsWith('**')) {
    bulleted = true;
    text = bulletMatch[1]!.trim();
  }
  const quote = text;
  const body = cleanInline(text);
  const shared = { indent, bulleted, quote, body, ...(headingLevel ? { headingLevel } : {}) };
  if (body === '') return { kind: 'blank', ...shared };

  if (
    furniture.some((pattern) => pattern.test(body)) ||
    furnitureSection.test(body) ||
    tableOfContentsRow.test(line.text.trim()) ||
    (postcode.test(body) && body.length < 150 && (body.match(/,/g)?.length ?? 0) >= 2)
  ) {
    return { kind: 'furniture', ...shared };
  }
  if (councilName.test(body)) return { kind: 'publisher', ...shared };

  const marker = labelledMarker(text);
  if (marker) return { kind: 'marker', marker, ...shared };

  const number = numbered.exec(text);
  if (number) {
    const itemText = number[3]!;
    const bold = boldOpening.exec(itemText);
    return {
      kind: 'numbered',
      number: number[1] ?? number[2]!,
      ...shared,
      body: cleanInline(itemText),
      ...(bold && bold[1]!.length <= 120 ? { boldLead: cleanInline(bold[1]!) } : {}),
    };
  }
  const roman = romanNumbered.exec(text);
  if (roman && roman[2]!.trim().split(/\s+/).length >= 2) {
    return { kind: 'numbered', number: String(romanValues.indexOf(roman[1]!) + 1), ...shared, body: cleanInline(roman[2]!) };
  }
  const letter = lettered.exec(text);
  if (letter && !/^[A-Z]\.\s/.test(letter[3]!) && letter[3]!.trim().split(/\s+/).length >= 2) {
    return { kind: 'lettered', letter: letter[1] ?? letter[2]!, ...shared, body: cleanInline(letter[3]!) };
  }
  if (bulleted) {
    const bold = boldOpening.exec(text);
    return { kind: 'bullet', ...shared, ...(bold && bold[1]!.length <= 120 ? { boldLead: cleanInline(bold[1]!) } : {}) };
  }
  const cells = line.text.trim().split(/\t+/);
  if (cells.length >= 3 || (cells.length === 2 && (cells[0]!.length <= 60 || cells[1]!.length <= 40)) || /^\|.*\|$/.test(text))
    return { kind: 'table', ...shared };
  if (headingLevel || /^(\*\*|__)[^*_]+\1:?$/.test(text) || looksLikeHeading(body)) return { kind: 'heading', ...shared };
  return { kind: 'paragraph', ...shared };
}

/** A short line that does not read as a sentence: no closing full stop, comma or semicolon. */
function looksLikeHeading(body: string): boolean {
  return body.length <= 100 && body.split(' ').length <= 14 && !/[.,;]["”’']?$/.test(body) && /^[A-Z0-9‘'"“(]/.test(body) && !body.includes('\t');
}

function labelledMarker(text: string): LabelledMarker | undefined {
  const unwrapped = text.replace(/^(\*\*|__)(.*?)\1/, '$2');
  const match = labelled.exec(unwrapped);
  if (!match) return undefined;
  const [, label, written, after] = match as unknown as [string, string, string, string];
  if (/^[a-h]$/.test(written)) return undefined;
  const separated = after === '' || /^\s*(?:\*\*|__)?\s*[:.)\-–—]/.test(after) || /^\t/.test(after) || /^\s+(?:\*\*|__)?[A-Z‘'"“(]/.test(after);
  if (!separated) return undefined;
  const columns = after
    .replace(/^\s*(?:\*\*|__)?\s*[:.)\-–—]*\s*/, '')
    .split(/\t+/)
    .map(cleanInline)
    .filter(Boolean);
  const scheme = label
    .toLowerCase()
    .replace(/^our\s+/, '')
    .replace(/\s+/g, ' ');
  return {
    label: cleanInline(label),
    scheme,
    number: numberWords[written.toLowerCase()] ?? written,
    code: cleanInline(`${label} ${written}`),
    title: columns[0] ?? '',
    rest: columns.slice(1).join(' – '),
  };
}

/** What a lead-in line says the list below it holds. */
export type ListKind = 'priorities' | 'weWill' | 'keyActions' | 'actions' | 'deliverables' | 'doWell' | 'directors' | 'unknown';

export interface LeadIn {
  kind: ListKind;
  /** For `priorities`, the document's name for the level: "Strategic objective", "Council priority". */
  term?: string;
  /** The lead-in as written, without its closing colon ("Key actions will include"). */
  display: string;
  /** Roles named on the line itself: "Lead officer: Director of Adult Social Services". */
  inline?: string;
  /** True when only the closing sentence of a longer paragraph is the lead-in. */
  partial: boolean;
}

const directors =
  /^(?:directors?|lead (?:officers?|directors?|members?)|responsible (?:officers?|directors?|leads?)|accountable (?:officers?|directors?)|officers? responsible|owners?|leads?|portfolio holders?|cabinet members?)(?: responsible)?\s*(?::\s*(.*))?$/i;
const deliverables = /^(?:number\s+)?what we will deliver\b.{0,40}$|^(?:our\s+|key\s+)?deliverables\s*:?$/i;
const doWell = /\bwhat we (?:will )?need to do well\b/i;
const keyActions = /^key actions?\b.{0,40}$/i;
const actions =
  /^(?:(?:our|planned|priority|main|the)\s+)?actions?(?:\s+(?:include|will include|planned|for [\w/ -]{1,20}))?\s*:?$|^(?:what|how) we will (?:do|achieve|make)\b.{0,40}$/i;
const weWill = /\bwe will\b/i;
const levelNoun =
  /\b((?:strategic|commissioning|corporate|council(?:['’]?s)?|key|policy|partnership|service|emerging)\s+)?(priorities|priority areas|areas of focus|objectives|outcomes|aims|ambitions|goals|commitments|themes|pillars)\b/gi;
const singular: Record<string, string> = {
  priorities: 'priority',
  'priority areas': 'priority area',
  'areas of focus': 'area of focus',
  objectives: 'objective',
  outcomes: 'outcome',
  aims: 'aim',
  ambitions: 'ambition',
  goals: 'goal',
  commitments: 'commitment',
  themes: 'theme',
  pillars: 'pillar',
};

/** The level a lead-in names ("the following commissioning objectives" → "Commissioning objective"). */
export function levelTerm(text: string): string | undefined {
  const matches = [...text.matchAll(levelNoun)];
  const last = matches[matches.length - 1];
  if (!last) return undefined;
  const prefix =
    last[1]
      ?.trim()
      .toLowerCase()
      .replace(/['’]?s$/, '') ?? '';
  const noun = singular[last[2]!.toLowerCase().replace(/\s+/g, ' ')] ?? last[2]!.toLowerCase();
  return sentenceCase(prefix ? `${prefix} ${noun}` : noun);
}

/**
 * Whether a heading or paragraph introduces a list, and of what. A multi-sentence paragraph
 * counts when its closing sentence does ("… The key objectives are:"), flagged as partial.
 */
export function recogniseLeadIn(body: string, kind: 'heading' | 'paragraph'): LeadIn | undefined {
  const text = body.trim();
  if (text.length > 400) return undefined;
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z‘“"'])/);
  const last = sentences[sentences.length - 1]!;
  const partial = sentences.length > 1;
  const display = last.replace(/\s*[:;.]$/, '');
  const owners = directors.exec(text);
  if (owners && text.length <= 160)
    return { kind: 'directors', display: text.replace(/:.*$/, ''), partial: false, ...(owners[1]?.trim() ? { inline: owners[1].trim() } : {}) };
  if (last.length > 200) return undefined;
  if (deliverables.test(last)) return { kind: 'deliverables', display: display.replace(/^number\s+/i, ''), partial };
  if (doWell.test(last) && last.length <= 120) return { kind: 'doWell', display: display.replace(/\s+is$/i, ''), partial };
  if (keyActions.test(last)) return { kind: 'keyActions', display, partial };
  if (actions.test(last)) return { kind: 'actions', display, partial };
  const endsAsLeadIn = /[:;]$/.test(last);
  if (weWill.test(last) && (endsAsLeadIn || /^we will$/i.test(last)) && last.length <= 160) return { kind: 'weWill', display, partial };
  // "These are:" names no level: the sentence before it does ("… a set of priority areas for action …").
  const term =
    levelTerm(last) ??
    (/^(?:these|they|which) (?:are|include)\s*:$/i.test(last) && sentences.length > 1 ? levelTerm(sentences[sentences.length - 2]!) : undefined);
  // Another body's priorities (a national strategy's, the government's), the aims of a consultation
  // or survey, and a plan's bare "Aims" are context, not this plan's priorities.
  if (term && /\b(?:national|government|cross-government|nhs england|department of|england['’]s)\b/i.test(last)) return { kind: 'unknown', display, partial };
  if (
    term &&
    /\b(?:aims|objectives|purposes?)\s+of\s+(?:the|this|our)\s+(?:consultation|engagement|survey|review|audit|evaluation|research|study|project|exercise|workshops?|event)\b/i.test(
      last,
    )
  )
    return { kind: 'unknown', display, partial };
  if (kind === 'heading' && isAimHeading(text)) return { kind: 'unknown', display, partial };
  if (term && (kind === 'heading' || endsAsLeadIn || /\?$/.test(last) || /\b(?:as follows|are|include|includes|below)\s*[.:]?$/i.test(last))) {
    return { kind: 'priorities', term, display, partial };
  }
  if (endsAsLeadIn && /:$/.test(last)) return { kind: 'unknown', display, partial };
  return undefined;
}

/** "Our policy outcome", "Our vision", "The current vision of the Strategy is:" → the level's name. */
export function visionHeading(body: string): string | undefined {
  const match =
    /^(?:our\s+|the\s+(?:current\s+)?)?(policy\s+outcome|vision|ambition|mission|overarching\s+(?:aim|outcome|ambition))\b(?:\s+(?:of|for)\s+[^:]{0,60}?)?(?:\s+(?:is|are))?\s*:?$/i.exec(
      body.trim(),
    );
  return match ? sentenceCase(match[1]!.replace(/\s+/g, ' ')) : undefined;
}

/** "Our vision is that …", "Our ambition is for …": a vision stated in a paragraph of its own. */
export function visionParagraph(body: string): string | undefined {
  const match = /^(?:our|the)\s+(vision|ambition|mission)\s+(?:for\s+[\w’' ]{1,40}\s+)?is\s+(?:that|to|for)\b/i.exec(body.trim());
  return match ? sentenceCase(match[1]!) : undefined;
}

export const isAimHeading = (body: string) => /^(?:our\s+|the\s+)?aims?\s*:?$/i.test(body.trim());

export const sentenceCase = (value: string) => (value ? value.charAt(0).toUpperCase() + value.slice(1).toLowerCase() : value);
export const capitalise = (value: string) => (value ? value.charAt(0).toUpperCase() + value.slice(1) : value);

/**
 * A title from an item's words: the whole statement when short, else its first sentence or
 * clause, else the words that fit with an ellipsis. Closing colons and semicolons go.
 */
export function shortTitle(text: string, max = 160): string {
  const clean = capitalise(
    cleanInline(text)
      .replace(/^["“‘']+|["”’']+$/g, '')
      .replace(/\s*[:;,]$/, ''),
  );
  if (clean.length <= max) return clean;
  const sentence = /^(.{20,}?[.!?])\s/.exec(clean);
  if (sentence && sentence[1]!.length <= max) return sentence[1]!;
  for (const separator of ['; ', ' – ', ' — ', ' - ']) {
    const at = clean.indexOf(separator, 40);
    if (at > 0 && at <= max) return clean.slice(0, at);
  }
  const comma = clean.lastIndexOf(', ', max);
  if (comma >= 60) return clean.slice(0, comma);
  const space = clean.lastIndexOf(' ', max - 1);
  return `${clean.slice(0, space > 30 ? space : max - 1)}…`;
}

export { slugify } from '../../text.ts';

/** Initials of a level's name for ids: "Strategic objective" → "so", "Area of focus" → "af". */
export function initials(term: string): string {
  const letters = term
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word && !['of', 'and', 'the', 'for'].includes(word))
    .map((word) => word[0])
    .join('');
  return letters || 'p';
}
