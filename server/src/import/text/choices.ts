/**
 * A person's corrections of what the importer recognised in a document's outline: short
 * sentences saying what a heading level, a section, the lists under a heading or the list items
 * at a depth are. Targets are named by heading level or by heading text (compared without case
 * or punctuation), never by line number, so the same choices apply to a new version of the
 * document.
 *
 *   level 2 = priorities                 every heading at level 2 is a priority (and only those)
 *   section "Our vision" = context       that heading and everything under it is context
 *   list "Key initiatives" = actions     the lists and tables right under that heading (its
 *                                        paragraphs too, when it has no list or table)
 *   paragraphs "Next steps" = actions    the paragraphs right under that heading (only their
 *                                        "will" sentences, when any has one)
 *   depth 1 = actions                    list items nested one deep
 *   text starting "We will endeavour" = actions of the plan
 *                                        the paragraph, list item or row starting with those
 *                                        words, else the sentence that does (`sentence starting`
 *                                        takes only the sentence), wherever it is
 *
 * `actions of the plan` are actions that belong to no priority: the plan holds them.
 *
 * Longer forms read the same: `headings at level 2 are priorities`, `the section "Our vision"
 * is context`, `the table under "Key initiatives" holds actions`, `items of lists at depth 1 are
 * actions`. A `*` in a heading's text stands for any words ("* - key initiatives").
 */

/** What a part of a document can be. */
export const partKinds = ['priorities', 'objectives', 'actions', 'actions of the plan', 'measures', 'recommendations', 'context'] as const;
export type PartKind = (typeof partKinds)[number];

export type ChoiceTarget =
  | { kind: 'level'; level: number }
  | { kind: 'section'; heading: string }
  | { kind: 'list'; heading: string }
  | { kind: 'paragraphs'; heading: string }
  | { kind: 'depth'; depth: number }
  /** A passage named by its first words: the block they start, else the sentence (only a sentence when `sentence`). */
  | { kind: 'text'; words: string; sentence: boolean };

/** One correction: the part it names and what that part is. */
export interface Choice {
  target: ChoiceTarget;
  is: PartKind;
}

/** A choice that cannot be read or applied: names the choice, and nothing is imported. */
export class ChoiceError extends Error {}

const kindWords: Record<string, PartKind> = {
  priority: 'priorities',
  priorities: 'priorities',
  objective: 'objectives',
  objectives: 'objectives',
  action: 'actions',
  actions: 'actions',
  'actions of the plan': 'actions of the plan',
  'action of the plan': 'actions of the plan',
  'plan actions': 'actions of the plan',
  'actions without priority': 'actions of the plan',
  'actions without a priority': 'actions of the plan',
  measure: 'measures',
  measures: 'measures',
  recommendation: 'recommendations',
  recommendations: 'recommendations',
  context: 'context',
  skip: 'context',
  skipped: 'context',
};

/** Heading text as compared: lower case, every run of punctuation or spaces one space. */
export const normaliseHeading = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}*]+/gu, ' ')
    .trim();

const quoted = `["“'‘](.+)["”'’]`;
const targetForms: [RegExp, (match: RegExpExecArray) => ChoiceTarget][] = [
  [/^(?:(?:all\s+)?headings?\s+(?:at|of)\s+)?level\s+(\d)$/i, (match) => ({ kind: 'level', level: Number(match[1]) })],
  [new RegExp(`^(?:the\\s+)?(?:section|heading)\\s+${quoted}$`, 'i'), (match) => ({ kind: 'section', heading: match[1]!.trim() })],
  [
    new RegExp(`^(?:the\\s+)?(?:lists?|tables?|items?)(?:\\s+(?:under|in|of|below))?\\s+${quoted}$`, 'i'),
    (match) => ({ kind: 'list', heading: match[1]!.trim() }),
  ],
  [
    new RegExp(`^(?:the\\s+)?(?:paragraphs?|text)(?:\\s+(?:under|in|of|below))?\\s+${quoted}$`, 'i'),
    (match) => ({ kind: 'paragraphs', heading: match[1]!.trim() }),
  ],
  [/^(?:(?:the\s+)?items\s+(?:of\s+lists\s+)?(?:at\s+)?)?depth\s+(\d)$/i, (match) => ({ kind: 'depth', depth: Number(match[1]) })],
  [
    new RegExp(
      `^(?:the\\s+)?(sentence|paragraph|item|row|line|text|words)s?\\s+(?:that\\s+)?(?:starts?|starting|begins?|beginning)(?:\\s+with)?\\s+${quoted}$`,
      'i',
    ),
    (match) => ({ kind: 'text', words: match[2]!.trim(), sentence: match[1]!.toLowerCase() === 'sentence' }),
  ],
];

/** The canonical words of a target: `level 2`, `section "Our vision"`, `list "Key initiatives"`, `depth 1`. */
export function targetText(target: ChoiceTarget): string {
  switch (target.kind) {
    case 'level':
      return `level ${target.level}`;
    case 'depth':
      return `depth ${target.depth}`;
    case 'text':
      return `${target.sentence ? 'sentence' : 'text'} starting "${target.words}"`;
    default:
      return `${target.kind} "${target.heading}"`;
  }
}

/** The canonical words of a choice: `section "Our vision" = context`. */
export const choiceText = (choice: Choice) => `${targetText(choice.target)} = ${choice.is}`;

/**
 * Reads choices written as `<target> = <kind>` (or the longer forms above).
 *
 * @remarks Throws a ChoiceError naming the choice (its number and words) for an unknown target or
 * kind, and for a target given two different kinds.
 */
export function parseChoices(texts: readonly string[]): Choice[] {
  const choices: Choice[] = [];
  const seen = new Map<string, PartKind>();
  texts.forEach((raw, position) => {
    const text = raw.trim();
    const at = `choice ${position + 1} ("${text.length > 120 ? `${text.slice(0, 119)}…` : text}")`;
    // The kind follows the target; a heading's own words (in quotes) may hold "is" or "=".
    const closing = Math.max(...['"', '”', "'", '’'].map((mark) => text.lastIndexOf(mark)));
    const rest = /^(.*?)\s*(?:=|:|\s(?:is|are|holds?|contains?|has)\s+(?:an?\s+|the\s+)?)\s*([a-z ]+?)\s*\.?$/i.exec(text.slice(closing + 1));
    const split = rest && [text, text.slice(0, closing + 1) + rest[1]!, rest[2]!];
    if (!split || !split[1]!.trim())
      throw new ChoiceError(`${at}: write it as <target> = <kind>, e.g. level 2 = priorities or section "Our vision" = context.`);
    const is = kindWords[split[2]!.toLowerCase().replace(/\s+/g, ' ')];
    if (!is) throw new ChoiceError(`${at}: "${split[2]}" is not a kind; use one of ${partKinds.join(', ')}.`);
    const form = targetForms.find(([pattern]) => pattern.test(split[1]!.trim()));
    if (!form) {
      throw new ChoiceError(
        `${at}: "${split[1]}" is not a target; name one as level <1-6>, section "<heading>", list "<heading>", paragraphs "<heading>", depth <0-9> or text starting "<words>".`,
      );
    }
    const target = form[1](form[0].exec(split[1]!.trim())!);
    if (target.kind === 'level' && (target.level < 1 || target.level > 6)) throw new ChoiceError(`${at}: heading levels run from 1 to 6.`);
    if ('heading' in target && !normaliseHeading(target.heading).replace(/\*/g, '').trim()) throw new ChoiceError(`${at}: the heading's text is empty.`);
    if (target.kind === 'text' && !normaliseHeading(target.words).replace(/\*/g, '').trim()) throw new ChoiceError(`${at}: the quoted words are empty.`);
    const key =
      'heading' in target
        ? `${target.kind} ${normaliseHeading(target.heading)}`
        : target.kind === 'text'
          ? `${targetText(target).split(' ')[0]} ${normaliseHeading(target.words)}`
          : targetText(target);
    const earlier = seen.get(key);
    if (earlier && earlier !== is) throw new ChoiceError(`${at}: ${targetText(target)} is already chosen as ${earlier}.`);
    seen.set(key, is);
    if (!earlier) choices.push({ target, is });
  });
  return choices;
}

/** Whether a heading's text is the one a choice names (`*` in the choice stands for any words). */
export function headingMatches(wanted: string, title: string): boolean {
  const want = normaliseHeading(wanted);
  const have = normaliseHeading(title).replace(/\*/g, ' ');
  if (!want.includes('*')) return want === have;
  const pattern = want
    .split('*')
    .map((part) => part.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(have);
}

/** Whether a passage's text begins with the words a choice quotes (`*` stands for any words). */
export function startsWithWords(wanted: string, text: string): boolean {
  const pattern = normaliseHeading(wanted)
    .split('*')
    .map((part) => part.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .filter(Boolean)
    .join('.*');
  return new RegExp(`^${pattern}(?: |$)`).test(normaliseHeading(text).replace(/\*/g, ' '));
}
