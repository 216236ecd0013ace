/**
 * Applies a person's choices (choices.ts) to what the readers recognised automatically: parts
 * chosen as context are taken out, and headings, lists and list items chosen as priorities,
 * objectives, actions or recommendations become those items, under the priority or objective
 * they sit in. Where no choice is given, the automatic reading stands.
 */
import { type Choice, ChoiceError, type ChoiceTarget, choiceText, headingMatches, type PartKind, startsWithWords } from './choices.ts';
import { shortTitle } from './classify.ts';
import { CONTEXT, fullText, type Node, type Output, USED } from './document-output.ts';
import { allBlocks, allSections, type Block, type Section } from './outline.ts';
import { sentencesOf } from './words.ts';

/** What a document is read as, and the item its parts hang from. */
export interface ChoiceScope {
  /** The plan's id, for a plan; the report's id, for an inspection report. */
  rootId: string;
  inspection: boolean;
}

/** Why a list chosen as measures is kept as context. */
export const MEASURES_NOTE = 'measures, kept as context: a measure needs observed values, which the document does not give';

/** The name the part before the first heading goes by in choices. */
export const OPENING = '(opening)';

const titleOf = (section: Section) => (section.level === 0 ? OPENING : section.title);

/** The choice for a heading: one naming it wins over one naming its level. */
export function sectionChoice(section: Section, choices: readonly Choice[]): PartKind | undefined {
  if (section.level === 0) return undefined;
  const named = choices.find(({ target }) => target.kind === 'section' && headingMatches(target.heading, section.title));
  return named?.is ?? choices.find(({ target }) => target.kind === 'level' && target.level === section.level)?.is;
}

/** The choice for the lists and tables right under a heading. */
export const listChoice = (section: Section, choices: readonly Choice[]): PartKind | undefined =>
  choices.find(({ target }) => target.kind === 'list' && headingMatches(target.heading, titleOf(section)))?.is;

/** The choice for the paragraphs right under a heading: their own, else that of its lists when it has none. */
export const paragraphsChoice = (section: Section, choices: readonly Choice[]): PartKind | undefined =>
  choices.find(({ target }) => target.kind === 'paragraphs' && headingMatches(target.heading, titleOf(section)))?.is ??
  (section.blocks.some((block) => block.kind !== 'paragraph') ? undefined : listChoice(section, choices));

const depthChoice = (depth: number, choices: readonly Choice[]): PartKind | undefined =>
  choices.find(({ target }) => target.kind === 'depth' && target.depth === depth)?.is;

/** A passage a `text starting "…"` choice names: a whole block, or one sentence of a paragraph or list item. */
interface Passage {
  section: Section;
  block: Block;
  words: string;
  quote: string;
  sentence: boolean;
}

/** The passages under `root` that start with the words of a `text starting` target. */
export function passagesFor(root: Section, target: Extract<ChoiceTarget, { kind: 'text' }>): Passage[] {
  return [root, ...allSections(root)].flatMap((section) =>
    section.blocks.flatMap((block): Passage[] => {
      const text = block.kind === 'row' ? block.cells!.filter(Boolean).join(' ') : block.body;
      if (!target.sentence && startsWithWords(target.words, text)) return [{ section, block, words: text, quote: block.quote, sentence: false }];
      if (block.kind === 'row') return [];
      return sentencesOf(block.body)
        .filter((sentence) => startsWithWords(target.words, sentence))
        .map((sentence) => ({ section, block, words: sentence, quote: sentence, sentence: true }));
    }),
  );
}

/** Sections inside a section chosen as context (or measures), whose own choices do not count. */
function insideContext(root: Section, choices: readonly Choice[]): Set<Section> {
  const inside = new Set<Section>();
  const walk = (section: Section, skipped: boolean) => {
    if (skipped) inside.add(section);
    const chosen = sectionChoice(section, choices);
    for (const child of section.children) walk(child, skipped || chosen === 'context' || chosen === 'measures');
  };
  walk(root, false);
  return inside;
}

/**
 * The sections a `level N = priorities` choice makes the plan's priorities, in document order,
 * leaving out those a choice naming them says otherwise and those inside context; none without
 * such a choice.
 */
export function chosenPrioritySections(root: Section, choices: readonly Choice[]): Section[] {
  if (!choices.some(({ target, is }) => target.kind === 'level' && is === 'priorities')) return [];
  const skipped = insideContext(root, choices);
  return allSections(root).filter((section) => !skipped.has(section) && sectionChoice(section, choices) === 'priorities');
}

/**
 * Refuses choices that name nothing in the outline, and kinds the document's reading cannot take
 * (priorities in an inspection report, recommendations in a plan).
 *
 * @remarks Throws a ChoiceError naming the choice.
 */
export function checkChoices(root: Section, choices: readonly Choice[], inspection: boolean): void {
  const sections = [root, ...allSections(root)];
  const depths = new Set(allBlocks(root).flatMap((block) => (block.kind === 'item' ? [block.depth] : [])));
  choices.forEach((choice, position) => {
    const at = `choice ${position + 1} (${choiceText(choice)})`;
    const { target } = choice;
    const found =
      target.kind === 'level'
        ? sections.some((section) => section.level === target.level)
        : target.kind === 'depth'
          ? depths.has(target.depth)
          : target.kind === 'text'
            ? passagesFor(root, target).length > 0
            : target.kind === 'section'
              ? sections.some((section) => section.level > 0 && headingMatches(target.heading, section.title))
              : sections.some((section) => headingMatches(target.heading, titleOf(section)));
    // A choice for what is under a heading names only the parts it has.
    if (!found) {
      const what =
        target.kind === 'level'
          ? `no heading at level ${target.level}`
          : target.kind === 'depth'
            ? `no list item at depth ${target.depth}`
            : target.kind === 'text'
              ? `no ${target.sentence ? 'sentence' : 'paragraph, list item, row or sentence'} starting "${target.words}"`
              : `no heading "${target.heading}"`;
      throw new ChoiceError(`${at}: the document has ${what}; see the outline for the targets it has.`);
    }
    if (inspection && ['priorities', 'objectives', 'actions', 'actions of the plan'].includes(choice.is))
      throw new ChoiceError(`${at}: this document was read as an inspection report, which holds recommendations, not ${choice.is}.`);
    if (!inspection && choice.is === 'recommendations')
      throw new ChoiceError(`${at}: this document was read as a plan; recommendations belong to inspection reports.`);
  });
}

const labelOf: Record<'priorities' | 'objectives' | 'actions' | 'recommendations', string> = {
  priorities: 'Priority',
  objectives: 'Objective',
  actions: 'Action',
  recommendations: 'Evidence',
};
const prefixOf = { priorities: 'p', objectives: 'o', actions: 'a', recommendations: 'r' } as const;
type ItemKind = keyof typeof labelOf;

/** A sentence saying what will be done. */
const willSentence = /\b(?:will|shall)\b/i;

/** The items a heading's lists and tables hold: their items and rows, a table's header row left out. */
function itemsOf(blocks: Block[]): { block: Block; words: string; quote: string }[] {
  const listed = blocks.filter((block) => block.kind !== 'paragraph');
  const rows = listed.filter((block) => block.kind === 'row');
  // A table's first row of short cells is its header.
  const header = rows.length > 1 && rows[0]!.cells!.length > 1 && rows[0]!.cells!.every((cell) => cell.length <= 40) ? rows[0] : undefined;
  return listed
    .filter((block) => block !== header)
    .map((block) => {
      if (block.kind !== 'row') return { block, words: block.body, quote: block.quote };
      const cells = block.cells!.filter(Boolean);
      const words = cells.length > 1 && cells[0]!.length > 15 ? cells[0]! : cells.join(' – ');
      return { block, words, quote: cells[0] ?? block.quote };
    })
    .filter(({ words }) => words.trim());
}

/**
 * The items a heading's paragraphs hold: when any of them says what "will" be done, those
 * sentences; else each paragraph. A paragraph ending in a colon leads in to what follows.
 */
function paragraphItemsOf(blocks: Block[]): { block: Block; words: string; quote: string }[] {
  const paragraphs = blocks.filter((block) => block.kind === 'paragraph' && !/:["”’']?$/.test(block.body));
  const will = paragraphs.flatMap((block) =>
    sentencesOf(block.body)
      .filter((sentence) => willSentence.test(sentence))
      .map((sentence) => ({ block, words: sentence, quote: sentence })),
  );
  return will.length ? will : paragraphs.map((block) => ({ block, words: block.body, quote: block.quote }));
}

/** Applies the choices to what the readers built in `output` from the outline under `root`. */
export function applyChoices(output: Output, root: Section, choices: readonly Choice[], scope: ChoiceScope): void {
  if (!choices.length) return;
  const skipped = insideContext(root, choices);
  const sections = [root, ...allSections(root)];
  const parentOf = new Map<Section, Section>();
  for (const section of sections) for (const child of section.children) parentOf.set(child, section);
  const spanOf = (section: Section): number[] => [
    ...[section, ...allSections(section)].flatMap(({ index }) => (index >= 0 ? [index] : [])),
    ...allBlocks(section).flatMap((block) => block.indexes),
  ];
  const firstLine = (id: string) => output.linesOf.get(id)?.[0];
  const nodesAt = (index: number) => output.nodes.filter((node) => firstLine(node.id) === index);

  /** Takes out every node first quoted from these lines, with everything under it. */
  const dropLines = (indexes: number[], verdict: string) => {
    const lines = new Set(indexes);
    for (const node of [...output.nodes]) {
      const line = firstLine(node.id);
      if (line === undefined || !lines.has(line) || node.id === scope.rootId) continue;
      for (const below of output.descendants(node.id)) output.remove(below.id);
      output.remove(node.id);
    }
    for (const index of lines) output.status[index] = verdict;
  };

  // Context first, so nothing chosen inside it is added again.
  for (const section of sections) {
    const chosen = skipped.has(section) ? undefined : sectionChoice(section, choices);
    if (chosen === 'context' || chosen === 'measures') dropLines(spanOf(section), chosen === 'measures' ? MEASURES_NOTE : CONTEXT);
    else if (!skipped.has(section)) {
      for (const [part, paragraphs] of [
        [listChoice(section, choices), false],
        [paragraphsChoice(section, choices), true],
      ] as const) {
        if (part !== 'context' && part !== 'measures') continue;
        dropLines(
          section.blocks.filter((block) => (block.kind === 'paragraph') === paragraphs).flatMap((block) => block.indexes),
          part === 'measures' ? MEASURES_NOTE : CONTEXT,
        );
      }
    }
  }
  const live = (section: Section) => !skipped.has(section) && !['context', 'measures'].includes(sectionChoice(section, choices) ?? '');
  for (const section of sections.filter(live)) {
    for (const block of section.blocks) {
      if (block.kind !== 'item') continue;
      const chosen = depthChoice(block.depth, choices);
      if ((chosen === 'context' || chosen === 'measures') && !listChoice(section, choices))
        dropLines(block.indexes, chosen === 'measures' ? MEASURES_NOTE : CONTEXT);
    }
  }

  /**
   * The item a new `kind` sits under at line `index` of `section`: the priority or objective an
   * enclosing heading became, else the last one read from a heading or labelled line before it
   * under its own heading, else the plan or report.
   */
  const holderFor = (kind: ItemKind, section: Section, index: number): Node => {
    const root = output.byId.get(scope.rootId)!;
    if (kind === 'priorities' || kind === 'recommendations') return root;
    const fits = (node: Node) => (kind === 'objectives' ? node.label === 'Priority' : node.label === 'Priority' || node.label === 'Objective');
    for (let at: Section | undefined = section; at && at.level > 0; at = parentOf.get(at)) {
      const own = nodesAt(at.index).find(fits);
      if (own) return own;
    }
    // Else the last one read before it under its own heading, from a heading or a labelled or
    // lettered line: a list item holds only what is nested in it. Only its own heading: a cover
    // or contents heading over the whole document would otherwise hand everything to the last priority.
    const span = new Set(spanOf(section));
    const earlier = output.nodes.filter((node) => {
      const line = firstLine(node.id);
      if (!fits(node) || line === undefined || line >= index || !span.has(line)) return false;
      const read = output.classified[line]!;
      return Boolean(read.headingLevel) || read.kind === 'heading' || read.kind === 'marker' || read.kind === 'lettered';
    });
    if (earlier.length) return earlier.reduce((last, node) => (firstLine(node.id)! > firstLine(last.id)! ? node : last));
    return root;
  };

  /** Makes `words` (first quoted from `indexes`) a `kind` under its holder, unless a node of that kind already starts there. */
  const make = (kind: ItemKind, words: string, quote: string, indexes: number[], section: Section, holder?: Node, part = false): Node | undefined => {
    const label = labelOf[kind];
    const there = nodesAt(indexes[0]!);
    const same = there.find((node) => node.label === label && (kind !== 'recommendations' || node.kind === 'RECOMMENDATION'));
    if (same && output.words.get(same.id)?.startsWith(words.slice(0, 40)) !== false) {
      // An action chosen as the plan's own leaves the priority it was read under.
      if (holder?.id === scope.rootId && kind === 'actions' && same.parent !== holder.id) output.reparent(same, holder.id);
      return same;
    }
    const parent = holder ?? holderFor(kind, section, indexes[0]!);
    // What was read there as something else is now this; what sat under it moves with it. A
    // sentence is only part of its block: what the rest of the block became stays.
    const replaced = (part ? [] : there).filter(
      (node) =>
        node.id !== scope.rootId && node.id !== parent.id && node.label !== label && ['Priority', 'Objective', 'Action', 'Evidence'].includes(node.label),
    );
    const title = shortTitle(words);
    const siblings = (output.children.get(parent.id) ?? []).length;
    const node = output.add(
      {
        id: output.uniqueId(`${parent.id}/${prefixOf[kind]}${siblings + 1}`),
        label,
        ...(kind === 'recommendations' ? { kind: 'RECOMMENDATION' } : {}),
        title,
        parent: parent.id,
        term: kind === 'recommendations' ? undefined : `${labelOf[kind]} (chosen)`,
        text: fullText(words, title),
        source: { section: titleOf(section), excerpt: output.quote(quote, indexes) },
      } as Node,
      words,
    );
    for (const old of replaced) {
      for (const child of output.children.get(old.id) ?? []) {
        const moved = output.byId.get(child);
        if (moved) output.reparent(moved, node.id);
      }
      output.remove(old.id);
    }
    for (const index of indexes) output.status[index] = USED;
    return node;
  };

  const asItem = (kind: PartKind | undefined): ItemKind | undefined =>
    kind === 'actions of the plan' ? 'actions' : kind && kind in labelOf ? (kind as ItemKind) : undefined;
  /** The plan itself, for actions chosen as the plan's own. */
  const planFor = (kind: PartKind | undefined) => (kind === 'actions of the plan' ? output.byId.get(scope.rootId) : undefined);

  // Headings chosen as priorities, objectives or actions, outermost first, so what is inside finds them.
  for (const section of sections.filter(live)) {
    const chosen = sectionChoice(section, choices);
    const kind = asItem(chosen);
    if (!kind) continue;
    const node = make(kind, section.title, section.quote, [section.index], section, kind === 'priorities' ? output.byId.get(scope.rootId) : planFor(chosen));
    if (!node || kind === 'actions') continue;
    // Items read inside it that belong below it move under it.
    const span = new Set(spanOf(section).filter((index) => index !== section.index));
    for (const other of [...output.nodes]) {
      const line = firstLine(other.id);
      if (line === undefined || !span.has(line) || other.id === node.id) continue;
      const under = kind === 'priorities' ? ['Objective', 'Action'] : ['Action'];
      const parent = output.byId.get(other.parent ?? '');
      const parentInside = parent && span.has(firstLine(parent.id) ?? -1);
      if (under.includes(other.label) && !parentInside) output.reparent(other, node.id);
    }
  }

  // The list items right under a heading chosen as a priority or objective, that nothing read, are its actions.
  for (const section of sections.filter(live)) {
    const kind = sectionChoice(section, choices);
    if ((kind !== 'priorities' && kind !== 'objectives') || listChoice(section, choices)) continue;
    for (const block of section.blocks) {
      if (block.kind === 'item' && !block.indexes.some((index) => output.status[index] === USED) && depthChoice(block.depth, choices) === undefined)
        make('actions', block.body, block.quote, block.indexes, section);
    }
  }

  // Lists, tables and paragraphs chosen under a heading, then list items chosen by depth.
  for (const section of sections.filter(live)) {
    const paragraphChosen = paragraphsChoice(section, choices);
    const paragraphKind = asItem(paragraphChosen);
    if (paragraphKind)
      for (const { block, words, quote } of paragraphItemsOf(section.blocks))
        make(paragraphKind, words, quote, block.indexes, section, planFor(paragraphChosen));
    const listChosen = listChoice(section, choices);
    const kind = asItem(listChosen);
    if (kind) {
      const made = new Map<Block, Node>();
      for (const { block, words, quote } of itemsOf(section.blocks)) {
        const nested = block.kind === 'item' && block.depth > 0;
        const outer = nested ? [...made].reverse().find(([other]) => other.kind === 'item' && other.depth < block.depth)?.[1] : undefined;
        const own: ItemKind = nested && outer && (kind === 'priorities' || kind === 'objectives') ? 'actions' : kind;
        const node = make(own, words, quote, block.indexes, section, own === kind ? planFor(listChosen) : outer);
        if (node) made.set(block, node);
      }
    }
  }
  for (const section of sections.filter(live)) {
    if (listChoice(section, choices)) continue;
    for (const block of section.blocks) {
      const chosen = block.kind === 'item' ? depthChoice(block.depth, choices) : undefined;
      const kind = asItem(chosen);
      if (kind) make(kind, block.body, block.quote, block.indexes, section, planFor(chosen));
    }
  }

  // Passages named by their first words, last: naming a passage is the most exact choice.
  for (const { target, is } of choices) {
    if (target.kind !== 'text') continue;
    for (const { section, block, words, quote, sentence } of passagesFor(root, target)) {
      if (is === 'context' || is === 'measures') {
        if (!sentence) dropLines(block.indexes, is === 'measures' ? MEASURES_NOTE : CONTEXT);
        // Only what was made of this sentence goes; what the rest of its block became stays.
        else
          for (const node of nodesAt(block.indexes[0]!)) {
            if (node.id === scope.rootId || !startsWithWords(target.words, output.words.get(node.id) ?? node.title)) continue;
            for (const below of output.descendants(node.id)) output.remove(below.id);
            output.remove(node.id);
          }
        continue;
      }
      const kind = asItem(is);
      if (!kind) continue;
      // A sentence of an item read as a priority or objective is said of it.
      const own =
        sentence && kind !== 'priorities'
          ? nodesAt(block.indexes[0]!).find((node) => node.label === 'Priority' || (kind === 'actions' && node.label === 'Objective'))
          : undefined;
      make(kind, words, quote, block.indexes, section, planFor(is) ?? own, sentence);
    }
  }
}
