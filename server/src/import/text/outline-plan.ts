/**
 * Reads a plan from its outline when its headings carry the structure: sections that are the
 * plan's priorities (the sections a list near the start enumerates, or the sections that hold an
 * "actions" or "key initiatives" part), and under each the actions: the items of such a part, the
 * items a "we will" lead-in introduces, and "we will" sentences. Context parts (key data, case
 * studies, monitoring, progress so far) hold no actions.
 */
import { recogniseLeadIn, shortTitle, slugify } from './classify.ts';
import { MEASURES_NOTE } from './apply-choices.ts';
import { isCommitment } from './commitment.ts';
import { fullText, type Node, type Output, USED } from './document-output.ts';
import { allBlocks, allSections, type Block, type Section } from './outline.ts';
import { comparable, sentencesOf } from './words.ts';

/** A heading over what the plan will do. */
export const isActionHeading = (title: string) =>
  /\b(?:actions?|key (?:initiatives?|activities|deliverables|commitments)|initiatives|what we will do|how we will (?:do|achieve|deliver|get there)|we will|our commitments|commitments|deliverables|what we will deliver|next steps)\b/i.test(
    title,
  ) && !/\b(?:previous|progress|achieved|achievements|review of|so far|completed|calls? to action)\b/i.test(title);

/** A heading over context: background, data, evidence, case studies, monitoring, progress. */
export const isContextHeading = (title: string) =>
  /\b(?:background|context|introduction|foreword|key (?:issues|data|facts|challenges)|issues and challenges|case stud(?:y|ies)|monitoring|measur(?:es|ing)|indicators?|progress|achievements?|what we have (?:done|achieved)|review|evidence|data|statistics|references|glossary|appendix|appendices|contents|acknowledg\w*|summary of|national|what (?:is|are)|why\b|how we developed|consultation|governance|equality impact)\b/i.test(
    title,
  );

/** A heading over how progress will be measured: indicators, measures, targets, "Monitoring progress". */
const measuresHeading =
  /\b(?:monitoring (?:progress|performance|success)|measur(?:es|ing) (?:of )?(?:success|progress|impact|performance)|how (?:we will|will we) (?:measure|know|monitor|track)|(?:key |performance |outcome |success )*indicators|kpis?|outcome measures|success measures|performance measures|targets|what success (?:will )?looks? like)\b/i;
/** A heading over measures only: "Actions and targets" still holds actions. */
const isMeasuresHeading = (title: string) => measuresHeading.test(title) && !/\b(?:actions?|deliverables|commitments|initiatives)\b/i.test(title);
/** A paragraph leading in to a list of indicators: "… the HWB will use various local and national indicators, including:". */
const measuresLeadIn = /\b(?:indicators|measures|kpis?|targets|metrics)\b[^.]*:$/i;

/** Headings of the parts every priority shares ("Our goals"), never priorities themselves. */
const isPartHeading = (title: string) =>
  /^(?:our\s+|the\s+|key\s+)?(?:goals?|objectives?|outcomes?|aims?|vision|principles?|ambitions?|priorities|values)\s*:?$/i.test(title.trim());

/** The name an enumerating list item gives: the words before a colon or dash, else all of it. */
export const itemLead = (body: string) => body.split(/\s*[:–—]\s+|\s+-\s+/)[0]!.trim();

const qualifies = (section: Section) =>
  !isActionHeading(section.title) && !isContextHeading(section.title) && !isPartHeading(section.title) && section.title.length <= 160;

/** The level most of the sections sit at, and the sections at it. */
function atCommonLevel(sections: Section[]): Section[] {
  const counts = new Map<number, number>();
  for (const section of sections) counts.set(section.level, (counts.get(section.level) ?? 0) + 1);
  const level = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  return sections.filter((section) => section.level === level);
}

/**
 * The sections that are the plan's priorities, and the list that enumerated them if one did.
 * First choice: the sections a list earlier in the document names one by one (at least two,
 * each name once). Else: the sections holding an actions part, when at least two do.
 */
export function findPrioritySections(root: Section): { priorities: Section[]; preview: Block[] } {
  const sections = allSections(root);
  const order = new Map(sections.map((section, position) => [section, position]));
  let best: { priorities: Section[]; preview: Block[] } = { priorities: [], preview: [] };
  for (const holder of [root, ...sections]) {
    const lists: Block[][] = [];
    let run: Block[] = [];
    for (const block of holder.blocks) {
      if (block.kind === 'item' && block.depth === 0) run.push(block);
      else if (block.kind !== 'item') {
        if (run.length >= 2) lists.push(run);
        run = [];
      }
    }
    if (run.length >= 2) lists.push(run);
    for (const list of lists) {
      const names = new Map(list.map((item) => [comparable(itemLead(item.body)), item]));
      // A section the list names is a priority even when its words sound like context ("… data to inform …").
      const after = sections.filter(
        (section) => section.index > list[list.length - 1]!.indexes[0]! && !isActionHeading(section.title) && !isPartHeading(section.title),
      );
      const matched = after.filter((section) => names.has(comparable(section.title)));
      const titles = new Set(matched.map((section) => comparable(section.title)));
      if (matched.length < 2 || titles.size !== matched.length) continue;
      const priorities = atCommonLevel(matched).sort((a, b) => order.get(a)! - order.get(b)!);
      if (priorities.length > best.priorities.length) best = { priorities, preview: list.filter((item) => titles.has(comparable(itemLead(item.body)))) };
    }
  }
  if (best.priorities.length >= 2) return best;
  const holders = new Set<Section>();
  for (const section of sections) {
    if (!isActionHeading(section.title) || !section.parent || section.parent.level === 0) continue;
    if (allBlocks(section).some((block) => block.kind !== 'paragraph') && qualifies(section.parent)) holders.add(section.parent);
  }
  const priorities = atCommonLevel([...holders]);
  return priorities.length >= 2 ? { priorities, preview: [] } : { priorities: [], preview: [] };
}

/** A priority named in the headings of its parts: "Preventing Well - Examples of Local Key Initiatives". */
export interface NamedPriority {
  name: string;
  /** The action parts that name it, in order. */
  parts: Section[];
}

/**
 * Priorities named by the action parts' own headings ("<name> – <actions heading>"), when at
 * least two names are: for documents whose priority sections have no heading of their own.
 */
export function findNamedPriorities(root: Section): NamedPriority[] {
  const byName = new Map<string, NamedPriority>();
  for (const section of allSections(root)) {
    const split = /^(.{3,80}?)\s+[-–—:]\s+(.+)$/.exec(section.title);
    if (!split || !isActionHeading(split[2]!) || isActionHeading(split[1]!) || isContextHeading(split[1]!)) continue;
    const key = comparable(split[1]!);
    const found = byName.get(key) ?? { name: split[1]!, parts: [] };
    found.parts.push(section);
    byName.set(key, found);
  }
  return byName.size >= 2 ? [...byName.values()] : [];
}

/** A priority stated as a numbered paragraph, with the blocks up to the next one. */
export interface NumberedPriority {
  item: Block;
  blocks: Block[];
  section: Section;
}

const levelLeadIn = /\b(?:priorities|priority areas|principles|themes|objectives|outcomes|aims|ambitions|goals|areas of focus|pillars|commitments)\b[^.]*:$/i;

/**
 * Priorities written as numbered paragraphs ("I. Optimise our use of data") after a lead-in that
 * names the level ("… the following four key principles:"), each followed by its own text before
 * the next: at least two, numbered in sequence.
 */
export function findNumberedPriorities(root: Section): NumberedPriority[] {
  for (const section of [root, ...allSections(root)]) {
    const blocks = section.blocks;
    const start = blocks.findIndex((block) => block.kind === 'paragraph' && levelLeadIn.test(block.body));
    if (start < 0) continue;
    const found: NumberedPriority[] = [];
    for (const block of blocks.slice(start + 1)) {
      const numbered = block.kind === 'item' && block.depth === 0 && block.number === String(found.length + 1);
      if (numbered) found.push({ item: block, blocks: [], section });
      else if (found.length) found[found.length - 1]!.blocks.push(block);
      else break;
    }
    // Numbered paragraphs with text between them, not a plain list (which the line reader takes).
    if (found.length >= 2 && found.slice(0, -1).every(({ blocks: between }) => between.some((block) => block.kind === 'paragraph'))) return found;
  }
  return [];
}

/** Who the document says leads an item: the name as written, and the line it is written on. */
export interface FoundOwner {
  name: string;
  index: number;
}

/** An action found in a priority: its words, what to quote, its lines, the document's name for it, and who leads it. */
export interface FoundAction {
  words: string;
  quote: string;
  indexes: number[];
  term: string;
  section: string;
  owners?: FoundOwner[];
}

const weWillSentence = /^(?:[A-Z][^.!?:]{0,60}?[\s,])?we will\b|^an?\s+key action\b/i;
/** "What: Pilot project …  Who: … When: …" → the "what"; "… (Lead: Public Health)" → the words before the lead. */
const labelledWhat = (body: string) => {
  const what = /^(?:what|action)\s*:\s*(.+?)(?:\s+(?:who|when|lead|owner|by when|timescales?|how)\s*:.*)?$/i.exec(body);
  if (what) return what[1]!.trim();
  // Only a lead at the end is cut off, so the words left are still the document's own.
  const lead = ownerLabelled.exec(body);
  const before = lead && lead.index + lead[0].length === body.length ? body.slice(0, lead.index).trim() : body;
  return before.length >= 10 ? before.replace(/[.;,]$/, '') : body;
};

const ownerLabel = String.raw`(?:who|lead(?:\s+(?:officer|organisation|organization|partner|agency|body|member|director))?|owner|responsible(?:\s+(?:officer|lead|body|organisation))?|accountable(?:\s+(?:officer|body|lead))?)`;
/** "Lead: Public Health", "(Lead: …)", "Who: …" within an item, up to the next label or the bracket's end. */
const ownerLabelled = new RegExp(
  String.raw`[\s.;,–—-]*\(?\b${ownerLabel}\s*:\s*([^()]+?)\s*(?:\)|(?=\s+(?:what|when|by when|timescales?|how|measures?|targets?|status|partners?)\s*:)|$)`,
  'i',
);
/** A paragraph that only names a lead: "Lead officer: Director of Adult Social Services". */
const ownerParagraph = new RegExp(String.raw`^${ownerLabel}\s*:\s*(.{2,150}?)\.?$`, 'i');
/** A table column of owners: "Lead", "Owner", "Responsible", "Accountable", "Who". */
const ownerColumn = new RegExp(String.raw`^(?:${ownerLabel}|lead\s*\/\s*owner|leads?|owners?|who leads(?: it)?|by whom)\s*:?$`, 'i');
const actionColumn = /^(?:actions?|what(?: we will do)?|deliverables?|commitments?|key actions?|activit(?:y|ies)|tasks?)\b/i;

/** The owners an item names ("… (Lead: Public Health)", "What: … Who: Fire Service"), on its first line. */
export function ownersIn(body: string, index: number): FoundOwner[] {
  const match = ownerLabelled.exec(body);
  return match ? splitOwners(match[1]!, index) : [];
}

/** "Public Health; NHS Sussex" or "Public Health / Fire Service" → each name. */
const splitOwners = (names: string, index: number): FoundOwner[] =>
  names
    .split(/;\s*|\s+\/\s+|,\s*(?=[A-Z])/)
    .map((name) => name.replace(/[.,;:]+$/, '').trim())
    .filter((name) => name.length >= 2 && name.length <= 120 && !/^(?:tbc|tbd|n\/a|all|various|none)$/i.test(name))
    .map((name) => ({ name, index }));

/**
 * The actions among a priority's blocks: items of an actions part (`inActions`), items after a
 * "we will" lead-in (or, with `afterColon`, after any paragraph ending in a colon), and "we will"
 * sentences.
 */
export function actionsInBlocks(blocks: Block[], sectionName: string, inActions: boolean, afterColon = false): FoundAction[] {
  const found: FoundAction[] = [];
  let leadIn: string | undefined;
  // Items after a paragraph that only ends in a colon may be context ("Local data shows:"): only commitments among them are actions.
  let uncertain = false;
  let measuring = false;
  // The actions of the list or table just read, which a "Lead: …" paragraph after it names the owner of.
  let run: FoundAction[] = [];
  let columns: { action: number; owner: number } | undefined;
  for (const block of blocks) {
    if (block.kind !== 'row') columns = undefined;
    if (block.kind === 'paragraph') {
      const owner = ownerParagraph.exec(block.body);
      if (owner && run.length) {
        for (const action of run) if (!action.owners?.length) action.owners = splitOwners(owner[1]!, block.indexes[0]!);
        continue;
      }
      run = [];
      const lead = recogniseLeadIn(block.body, 'paragraph');
      // "We will track these indicators:" leads in to measures, even under an actions heading.
      measuring = measuresLeadIn.test(block.body);
      const named = lead && ['weWill', 'keyActions', 'actions', 'deliverables'].includes(lead.kind) && !measuring;
      leadIn = named ? lead.display : afterColon && /:$/.test(block.body) ? 'Action' : undefined;
      uncertain = Boolean(leadIn) && !named;
      if (leadIn && lead) continue;
      for (const sentence of sentencesOf(block.body)) {
        if (/[:]$/.test(sentence)) continue;
        // Under an actions heading a sentence that commits to something is an action, however it is worded.
        if (weWillSentence.test(sentence)) found.push({ words: sentence, quote: sentence, indexes: block.indexes, term: 'We will', section: sectionName });
        else if (inActions && isCommitment(sentence))
          found.push({ words: sentence, quote: sentence, indexes: block.indexes, term: 'Action', section: sectionName });
      }
      continue;
    }
    if (measuring) continue;
    if (block.kind === 'item' && block.depth === 0 && (inActions || leadIn) && (inActions || !uncertain || isCommitment(block.body))) {
      const words = labelledWhat(block.body);
      const action: FoundAction = {
        words,
        quote: labelledWhat(block.quote),
        indexes: block.indexes,
        term: leadIn ? shortTitle(leadIn, 60) : 'Action',
        section: sectionName,
        owners: ownersIn(block.body, block.indexes[0]!),
      };
      found.push(action);
      run.push(action);
    } else if (block.kind === 'row' && block.cells) {
      // A header row naming an owners column says which cell of each row below is the owner.
      const owner = block.cells.findIndex((cell) => ownerColumn.test(cell));
      if (owner >= 0) {
        columns = {
          owner,
          action: Math.max(
            0,
            block.cells.findIndex((cell) => actionColumn.test(cell)),
          ),
        };
        continue;
      }
      const words = block.cells[columns?.action ?? 0];
      if (!inActions || !words || words.length <= 15) continue;
      const named = columns ? (block.cells[columns.owner] ?? '') : '';
      const action: FoundAction = {
        words,
        quote: words,
        indexes: block.indexes,
        term: 'Action',
        section: sectionName,
        owners: splitOwners(named, block.indexes[0]!),
      };
      found.push(action);
      run.push(action);
    }
  }
  return found;
}

/** The actions under a priority section (see the module's description), but for those in the `skip` sections. */
export function actionsIn(priority: Section, skip: ReadonlySet<Section> = new Set()): FoundAction[] {
  const found: FoundAction[] = [];
  const walk = (section: Section, inActions: boolean) => {
    found.push(...actionsInBlocks(section.blocks, section.title, inActions));
    for (const child of section.children) {
      // "How we will measure success" holds measures, not actions, though it says "we will".
      if (skip.has(child) || isMeasuresHeading(child.title) || (isContextHeading(child.title) && !isActionHeading(child.title))) continue;
      walk(child, inActions || isActionHeading(child.title));
    }
  };
  walk(priority, isActionHeading(priority.title));
  return found;
}

/** An objective read under a priority, with the actions found under it. */
export interface ReadObjective {
  title: string;
  quote: string;
  indexes: number[];
  section: string;
  actions: FoundAction[];
}

interface ReadPriority {
  title: string;
  quote: string;
  indexes: number[];
  section: string;
  actions: FoundAction[];
  owners?: FoundOwner[];
  objectives?: ReadObjective[];
}

/** A heading naming a priority's objectives: "Objectives", "Our aims", "Goals", "Outcomes we want (to see)". */
const objectivesHeading =
  /^(?:our\s+|the\s+|key\s+|strategic\s+|main\s+)?(?:goals?|objectives?|aims?|outcomes?(?:\s+we\s+want(?:\s+to\s+(?:see|achieve))?)?)\s*:?$/i;

/**
 * A priority's objectives, where a part of it is headed as its objectives: each subsection of that
 * part is one, with the actions under it, or, when it has no subsections, each item of its list
 * (at least two). Returns the parts read, whose actions are the objectives' and not the priority's.
 */
export function objectivesIn(priority: Section): { objectives: ReadObjective[]; parts: Set<Section> } {
  const objectives: ReadObjective[] = [];
  const parts = new Set<Section>();
  for (const part of priority.children) {
    if (!objectivesHeading.test(part.title.trim())) continue;
    if (part.children.length >= 2) {
      parts.add(part);
      for (const objective of part.children)
        objectives.push({ title: objective.title, quote: objective.quote, indexes: [objective.index], section: part.title, actions: actionsIn(objective) });
      continue;
    }
    const items = part.blocks.filter((block) => block.kind === 'item' && block.depth === 0);
    if (items.length < 2 || part.children.length) continue;
    parts.add(part);
    for (const item of items) objectives.push({ title: item.body, quote: item.quote, indexes: item.indexes, section: part.title, actions: [] });
  }
  return { objectives, parts };
}

/** The leads a section names for itself: "Lead: …" paragraphs among its own blocks before any list or table. */
function sectionOwners(section: Section): FoundOwner[] {
  const owners: FoundOwner[] = [];
  for (const block of section.blocks) {
    if (block.kind !== 'paragraph') break;
    const owner = ownerParagraph.exec(block.body);
    if (owner) owners.push(...splitOwners(owner[1]!, block.indexes[0]!));
  }
  return owners;
}

const organisationKinds: [RegExp, string][] = [
  [/\bcouncil\b/i, 'COUNCIL'],
  [/\b(?:nhs|trust|integrated care (?:board|system)|icb|clinical commissioning group|ccg|hospital)\b/i, 'NHS_BODY'],
  [/\bboard\b/i, 'BOARD'],
  [/\b(?:partnership|alliance)\b/i, 'PARTNERSHIP'],
];

/**
 * The node an owner's name stands for: an Organisation when the name is one's (a council, an NHS
 * body, a board or partnership, named with more than its kind), else a Role of the publisher
 * ("Public Health", "Director of Adult Social Services"). Made once; returns its id.
 */
export function ownerNode(output: Output, owner: FoundOwner, roleId: (name: string) => string, section: string): string {
  const kind = organisationKinds.find(([pattern]) => pattern.test(owner.name))?.[1];
  const role = /\b(?:director|head|manager|officer|chief|executive|commissioner|co-?ordinator|consultant|cabinet member|portfolio holder|chair|lead(?:er)?)\b/i;
  const named = owner.name.split(/\s+/).filter((word) => /^[A-Z]/.test(word)).length >= 2;
  const organisation = kind && named && !role.test(owner.name);
  const id = organisation ? `org/${slugify(owner.name, 60)}` : roleId(owner.name);
  if (!output.byId.has(id)) {
    output.add({
      id,
      label: organisation ? 'Organisation' : 'Role',
      title: shortTitle(owner.name, 200),
      ...(organisation ? { kind } : {}),
      source: { section, excerpt: output.quote(owner.name, [owner.index]) },
    } as Node);
  }
  return id;
}

/**
 * The plan's priorities with their actions, by the first rule that finds two or more: sections an
 * earlier list enumerates; priorities named in their action parts' headings; sections holding an
 * actions part; numbered paragraphs after a lead-in naming the level.
 */
export function readPriorities(root: Section, chosen: Section[] = []): { priorities: ReadPriority[]; preview: Block[] } {
  const ofSections = (sections: Section[]) =>
    sections.map((section) => {
      const { objectives, parts } = objectivesIn(section);
      return {
        title: section.title,
        quote: section.quote,
        indexes: [section.index],
        section: section.parent?.title || 'Priorities',
        actions: actionsIn(section, parts),
        owners: sectionOwners(section),
        objectives,
      };
    });
  if (chosen.length) return { priorities: ofSections(chosen), preview: [] };
  const { priorities: sections, preview } = findPrioritySections(root);
  if (preview.length) return { priorities: ofSections(sections), preview };
  const named = findNamedPriorities(root);
  if (named.length >= 2) {
    return {
      priorities: named.map(({ name, parts }) => ({
        title: name,
        quote: parts[0]!.quote,
        indexes: [parts[0]!.index],
        section: 'Priorities',
        actions: parts.flatMap((part) => actionsInBlocks(allBlocks(part), part.title, true)),
      })),
      preview: [],
    };
  }
  if (sections.length >= 2) return { priorities: ofSections(sections), preview: [] };
  const numbered = findNumberedPriorities(root).map(({ item, blocks, section }) => ({
    title: item.body,
    quote: item.quote,
    indexes: item.indexes,
    section: section.title || 'Priorities',
    actions: actionsInBlocks(blocks, shortTitle(item.body, 120), false, true),
  }));
  return { priorities: numbered, preview: [] };
}

/** Adds an item the outline was read into, quoted from its lines, which are then used. */
function addReadItem(
  output: Output,
  label: 'Priority' | 'Objective' | 'Action',
  id: string,
  parent: string,
  term: string,
  item: { words: string; quote: string; indexes: number[]; section: string },
): Node {
  const title = shortTitle(item.words);
  const node = output.add(
    {
      id: output.uniqueId(id),
      label,
      title,
      parent,
      term,
      text: fullText(item.words, title),
      source: { section: item.section, excerpt: output.quote(item.quote, item.indexes) },
    } as Node,
    item.words,
  );
  for (const index of item.indexes) output.status[index] = USED;
  return node;
}

/**
 * Reads the plan's priorities and actions from the outline into `output`, under `planId`: the
 * `chosen` sections when a person named them, else those the headings show. Returns false,
 * adding nothing, when the headings do not carry a plan's structure.
 */
export function readOutlinePlan(output: Output, planId: string, root: Section, roleId: (name: string) => string, chosen: Section[] = []): boolean {
  const read = readPriorities(root, chosen);
  const preview = read.preview;
  if (read.priorities.length < (chosen.length ? 1 : 2)) return false;
  for (const section of allSections(root)) {
    output.sections[section.index] = section.title;
    for (const block of allBlocks(section)) for (const index of block.indexes) output.sections[index] = section.title;
  }
  for (const item of preview) for (const index of item.indexes) output.status[index] = USED;
  read.priorities.forEach((found, position) => {
    const priority = addReadItem(output, 'Priority', `${planId}/p${position + 1}`, planId, 'Priority', { ...found, words: found.title });
    const owners = (named: FoundOwner[] | undefined, section: string) =>
      (named ?? []).map((owner) => {
        output.status[owner.index] = USED;
        return ownerNode(output, owner, roleId, section);
      });
    const priorityOwners = owners(found.owners, shortTitle(found.title));
    for (const owner of priorityOwners) output.own(priority, owner);
    const addActions = (actions: FoundAction[], parent: Node) =>
      actions.forEach((action, count) => {
        const node = addReadItem(output, 'Action', `${parent.id}/a${count + 1}`, parent.id, action.term, action);
        // An action's own lead, else its priority's.
        const own = owners(action.owners, action.section);
        for (const owner of own.length ? own : priorityOwners) output.own(node, owner);
      });
    addActions(found.actions, priority);
    (found.objectives ?? []).forEach((read, position) => {
      const objective = addReadItem(output, 'Objective', `${priority.id}/o${position + 1}`, priority.id, 'Objective', { ...read, words: read.title });
      for (const owner of priorityOwners) output.own(objective, owner);
      addActions(read.actions, objective);
    });
  });
  return true;
}

/**
 * Marks the lists and tables of measures, which nothing else read, with the note that they are
 * measures kept as context: a Measure needs observed values, which a plan's list of indicators
 * and targets does not give. They are then reported as recognised, not as not understood.
 */
export function markMeasures(output: Output, root: Section): void {
  const mark = (blocks: Block[]) => {
    for (const block of blocks) {
      if (block.kind === 'paragraph') continue;
      for (const index of block.indexes) if (output.status[index] === undefined) output.status[index] = MEASURES_NOTE;
    }
  };
  for (const section of [root, ...allSections(root)]) {
    if (section !== root && isMeasuresHeading(section.title)) {
      mark(allBlocks(section));
      continue;
    }
    let after = false;
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') after = measuresLeadIn.test(block.body);
      else if (after) mark([block]);
    }
  }
}
