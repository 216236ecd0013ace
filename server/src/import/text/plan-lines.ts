/**
 * Reads a plan line by line, for documents whose headings do not carry its structure: labelled
 * and lettered priorities, the lead-ins that say what a list holds, list items, visions and the
 * paragraphs that describe a priority. One reader state, and one handler per kind of line.
 */
import {
  capitalise,
  type ClassifiedLine,
  initials,
  isAimHeading,
  type LeadIn,
  type ListKind,
  recogniseLeadIn,
  shortTitle,
  slugify,
  visionHeading,
  visionParagraph,
} from './classify.ts';
import { fullText, type Heading, type Node, type Output, USED } from './document-output.ts';
import { type FurnitureState, readFurniture } from './furniture.ts';

/** An item that lists sit under: the plan, or a labelled or lettered priority or objective. */
export interface Holder {
  node: Node;
  kind: 'plan' | 'labelled' | 'lettered';
  /** How list sections under it are named: "Strategic Priority 1: Be Happy, Safe and Well". */
  sectionName: string;
  /** The comparable name of a labelled level ("strategic priority"). */
  scheme?: string;
  headingLevel?: number;
  owners: string[];
}

/** The list being read: what its items are, and what they sit under (the plan when none). */
interface ListState {
  kind: ListKind;
  term?: string;
  display: string;
  parent?: Holder;
  count: number;
  /** The list's last priority, for the items nested under it. */
  last?: { node: Node; indent: number; actions: number };
}

/** The list item last read, which a wrapped line goes on. */
interface OpenItem {
  node: Node;
  indexes: number[];
  indent: number;
  quote: string;
  words: string;
}

/** Where the reader is: what the lines so far have opened, and what the next line may join or describe. */
export interface PlanReader extends FurnitureState {
  readonly output: Output;
  readonly plan: Holder;
  /** The id of a role named in the plan. */
  readonly roleId: (title: string) => string;
  /** Lines read already: the title, and a priority's title on the line after its code. */
  readonly skip: Set<number>;
  /** Priorities read from list items, which a labelled priority setting one out in full replaces. */
  readonly fromLists: Set<string>;
  /** The section the lines sit in, for the sources. */
  section: string;
  /** The labelled or lettered priority being read, and the objective under it. */
  top?: Holder;
  sub?: Holder;
  list?: ListState;
  /** After a labelled or lettered priority, a list with no lead-in holds its actions. */
  defaultList: boolean;
  /** A vision heading's term: the paragraph after it is the vision. */
  pendingVision?: string;
  /** After an "Our aim" heading under a priority: the next paragraph describes it. */
  pendingAim: boolean;
  /** After a priority: a paragraph straight after it describes it. */
  pendingDescription: boolean;
  /** The scheme of the top level's codes ("strategic priority"); another scheme is a level below. */
  topScheme?: string;
  lastLetter?: string;
  /** What the document calls its priorities, from the lead-in of their list. */
  prioritiesTerm?: string;
  open?: OpenItem;
}

const actionTerms: Partial<Record<ListKind, { prefix: string; term: string }>> = {
  weWill: { prefix: 'w', term: 'We will' },
  keyActions: { prefix: 'ka', term: 'Key action' },
  actions: { prefix: 'a', term: 'Action' },
  deliverables: { prefix: 'd', term: 'Deliverable' },
};

/** A reader at the document's start, in the section its title names. */
export function newPlanReader(output: Output, heading: Heading, plan: Node, roleId: (title: string) => string): PlanReader {
  return {
    output,
    plan: { node: plan, kind: 'plan', sectionName: heading.planName, owners: [] },
    roleId,
    skip: new Set(heading.lineIndexes),
    fromLists: new Set(),
    section: heading.documentTitle,
    defaultList: false,
    pendingAim: false,
    pendingDescription: false,
    furnitureSection: false,
  };
}

/** Reads every line into the plan's Priority, Objective, Action and Role nodes, with a verdict for each. */
export function readPlanLines(reader: PlanReader): void {
  const { output } = reader;
  for (let index = 0; index < output.lines.length; index += 1) {
    const line = output.classified[index]!;
    output.sections[index] = reader.section;
    if (reader.skip.has(index)) continue;
    if (line.kind === 'blank') reader.open = undefined;
    else if (!readFurniture(output, reader, line, index) && !joinOpenItem(reader, line, index)) {
      reader.open = undefined;
      readPlanLine(reader, line, index);
    }
  }
}

/** Hands a line of words to the handler for its kind. */
function readPlanLine(reader: PlanReader, line: ClassifiedLine, index: number): void {
  if (line.kind === 'marker') readMarker(reader, line, index);
  else if (isNextLetter(reader, line)) readLetteredPriority(reader, line, index);
  else if (line.kind === 'bullet' || line.kind === 'numbered' || line.kind === 'lettered') {
    reader.pendingDescription = false;
    readListItem(reader, line, index);
  } else if (line.kind === 'table') reader.output.status[index] = 'table row (tables are not read)';
  else if (line.kind === 'heading') readHeading(reader, line, index);
  else readParagraph(reader, line, index);
}

const current = (reader: PlanReader) => reader.sub ?? reader.top;

/** A list's section: "<holder or section> – <lead-in>". */
const listSection = (reader: PlanReader, holder: Holder | undefined, display: string) => {
  const base = holder?.sectionName ?? reader.section;
  return display ? `${base} – ${display}` : base;
};

const startList = (reader: PlanReader, kind: ListKind, display: string, extra: Partial<ListState> = {}) => {
  reader.list = { kind, display, count: 0, ...extra };
};

/**
 * A list item wrapped onto the next line: a line indented under it, or going on in lower case,
 * joins its words and its excerpt. A heading or a new list item never does.
 */
export function joinOpenItem(reader: PlanReader, line: ClassifiedLine, index: number): boolean {
  const { open, output } = reader;
  if (!open || (line.kind !== 'paragraph' && line.kind !== 'heading') || output.lines[index]!.listItem || line.headingLevel) return false;
  if (!(line.indent > open.indent || /^[a-z(]/.test(line.body))) return false;
  open.indexes.push(index);
  open.words = `${open.words} ${line.body}`;
  open.quote = `${open.quote} ${line.quote}`;
  const node = open.node as Record<string, unknown>;
  node.text = open.words;
  node.source = { ...(node.source as object), excerpt: output.quote(open.quote, open.indexes) };
  output.words.set(open.node.id, open.words);
  output.status[index] = USED;
  return true;
}

/** A labelled priority's title: on its line, else the short line after it (which is then read). */
function markerTitle(reader: PlanReader, line: ClassifiedLine, index: number): { title: string; quoted: number[] } {
  const { output } = reader;
  const quoted = [index];
  let title = line.marker!.title;
  if (!title) {
    const next = output.nextContent(index);
    const candidate = next >= 0 ? output.classified[next] : undefined;
    if (candidate && (candidate.kind === 'heading' || candidate.kind === 'paragraph') && candidate.body.length <= 200) {
      title = candidate.body;
      quoted.push(next);
      reader.skip.add(next);
      output.status[next] = USED;
    }
  }
  return { title, quoted };
}

/**
 * "Strategic Priority 1: …": a priority, or an objective under the priority being read when its
 * number is dotted ("1.2") or its level is another than the first one read.
 */
export function readMarker(reader: PlanReader, line: ClassifiedLine, index: number): void {
  const { output, top } = reader;
  const marker = line.marker!;
  const { title, quoted } = markerTitle(reader, line, index);
  const isSub = Boolean(top) && (/\./.test(marker.number) || (reader.topScheme !== undefined && marker.scheme !== reader.topScheme));
  if (!isSub) reader.topScheme ??= marker.scheme;
  const parent = isSub ? top! : reader.plan;
  const titleText = title ? shortTitle(title) : marker.code;
  if (!isSub) dropPreviews(output, reader.fromLists, titleText);
  const words = [title, marker.rest].filter(Boolean).join(' – ');
  const node = output.add(
    {
      id: output.uniqueId(`${parent.node.id}/${initials(marker.label)}${marker.number.toLowerCase()}`),
      label: isSub ? 'Objective' : 'Priority',
      title: titleText,
      parent: parent.node.id,
      code: marker.code,
      term: capitalise(marker.label.toLowerCase()),
      ...(!isSub && /\b(?:council|corporate)\b/.test(marker.scheme) ? { corporate: true } : {}),
      text: fullText(words, titleText),
      source: {
        section: isSub ? parent.sectionName : reader.section,
        excerpt: output.quote(quoted.map((at) => output.classified[at]!.quote).join(' '), quoted),
      },
    } as Node,
    `${marker.code} ${words}`,
  );
  const sectionName = `${marker.code}: ${titleText}`;
  openHolder(reader, { node, kind: 'labelled', sectionName, scheme: marker.scheme, owners: [], ...headingLevelOf(line) }, isSub, index);
}

const headingLevelOf = (line: ClassifiedLine) => (line.headingLevel ? { headingLevel: line.headingLevel } : {});

/** A priority (or objective) opens: a list after it holds its actions, and a paragraph straight after describes it. */
function openHolder(reader: PlanReader, holder: Holder, isSub: boolean, index: number): void {
  if (isSub) reader.sub = holder;
  else {
    reader.top = holder;
    reader.sub = undefined;
  }
  reader.list = undefined;
  reader.defaultList = true;
  reader.pendingDescription = true;
  reader.pendingAim = false;
  reader.output.status[index] = USED;
}

/** "A." opens lettered priorities, and each next letter goes on with them; another letter is a list item. */
export const isNextLetter = (reader: PlanReader, line: ClassifiedLine) =>
  line.kind === 'lettered' &&
  (line.letter === 'A' || (reader.lastLetter !== undefined && line.letter === String.fromCharCode(reader.lastLetter.charCodeAt(0) + 1)));

/** "B. Healthy communities": a priority named with the term of the list it is in. */
function readLetteredPriority(reader: PlanReader, line: ClassifiedLine, index: number): void {
  const { output, list } = reader;
  const letter = line.letter!;
  reader.lastLetter = letter;
  const term = list?.kind === 'priorities' && list.term ? list.term : (reader.prioritiesTerm ?? 'Priority');
  const title = shortTitle(line.body);
  dropPreviews(output, reader.fromLists, title);
  const node = output.add(
    {
      id: output.uniqueId(`${reader.plan.node.id}/${letter.toLowerCase()}`),
      label: 'Priority',
      title,
      parent: reader.plan.node.id,
      code: letter,
      term,
      text: fullText(line.body, title),
      source: { section: reader.section, excerpt: output.quote(line.quote, [index]) },
    } as Node,
    line.body,
  );
  openHolder(reader, { node, kind: 'lettered', sectionName: `${term} ${letter}`, owners: [], ...headingLevelOf(line) }, false, index);
}

/**
 * The list an item belongs to: the one open, else the actions of the priority just read, else
 * (for a numbered item with a bold lead) a list of priorities. None for an item outside all of them.
 */
function listFor(reader: PlanReader, line: ClassifiedLine): ListState | undefined {
  const { top } = reader;
  if (reader.list) return reader.list;
  if (top && reader.defaultList) {
    // Numbered items under a lettered priority are its deliverables.
    const deliverables = line.kind === 'numbered' && top.kind === 'lettered';
    startList(reader, deliverables ? 'deliverables' : 'weWill', '', { parent: deliverables ? top : current(reader) });
  } else if (line.kind === 'numbered' && line.boldLead) {
    startList(reader, 'priorities', '', { term: reader.prioritiesTerm ?? 'Priority' });
  }
  return reader.list;
}

/** A bullet, numbered or lettered item: what it becomes depends on the list it is in. */
export function readListItem(reader: PlanReader, line: ClassifiedLine, index: number): void {
  const { status } = reader.output;
  const list = listFor(reader, line);
  if (!list) {
    status[index] = 'list item outside any recognised priority or list';
    return;
  }
  if (list.kind === 'unknown') {
    status[index] = `list item under a lead-in that was not recognised ("${list.display}")`;
    return;
  }
  if (list.kind === 'directors') {
    addRoles(reader, line.body, index);
    status[index] = USED;
    return;
  }
  // An item nested under a priority of the list is one of its actions, not a priority.
  const nested = list.kind === 'priorities' && list.last && line.indent > list.last.indent;
  if (!nested) list.count += 1;
  const node = nested
    ? addNestedAction(reader, list, line, index)
    : list.kind === 'priorities'
      ? addListPriority(reader, list, line, index)
      : list.kind === 'doWell'
        ? addDoWellObjective(reader, list, line, index)
        : addListAction(reader, list, line, index);
  status[index] = USED;
  reader.open = { node, indexes: [index], indent: line.indent, quote: line.quote, words: line.body };
}

/** An item indented under a listed priority: an action of that priority. */
function addNestedAction(reader: PlanReader, list: ListState, line: ClassifiedLine, index: number): Node {
  const { output } = reader;
  const last = list.last!;
  const title = shortTitle(line.body);
  last.actions += 1;
  return output.add(
    {
      id: output.uniqueId(`${last.node.id}/a${last.actions}`),
      label: 'Action',
      title,
      parent: last.node.id,
      code: line.kind === 'numbered' ? line.number : undefined,
      term: 'Action',
      text: fullText(line.body, title),
      source: { section: listSection(reader, undefined, list.display), excerpt: output.quote(line.quote, [index]) },
    } as Node,
    line.body,
  );
}

/** An item of a list of priorities: a priority titled by its bold lead, when it has one. */
function addListPriority(reader: PlanReader, list: ListState, line: ClassifiedLine, index: number): Node {
  const { output } = reader;
  const term = list.term ?? 'Priority';
  const title = shortTitle(line.boldLead ?? line.body);
  const node = output.add(
    {
      id: output.uniqueId(`${reader.plan.node.id}/${initials(term)}${line.number ?? list.count}`),
      label: 'Priority',
      title,
      parent: reader.plan.node.id,
      code: line.number,
      term,
      corporate: /\b(?:council|corporate)\b/i.test(term) ? true : undefined,
      text: fullText(line.body, title),
      source: { section: listSection(reader, undefined, ''), excerpt: output.quote(line.quote, [index]) },
    } as Node,
    line.body,
  );
  reader.fromLists.add(node.id);
  list.last = { node, indent: line.indent, actions: 0 };
  return node;
}

/** An item of "What we will need to do well": an objective of the priority being read. */
function addDoWellObjective(reader: PlanReader, list: ListState, line: ClassifiedLine, index: number): Node {
  const { output } = reader;
  const parent = list.parent ?? reader.plan;
  const title = shortTitle(line.body);
  return output.add(
    {
      id: output.uniqueId(`${parent.node.id}/dw${list.count}`),
      label: 'Objective',
      title,
      parent: parent.node.id,
      term: 'What we will need to do well',
      text: fullText(line.body, title),
      source: { section: listSection(reader, list.parent, list.display), excerpt: output.quote(line.quote, [index]) },
    } as Node,
    line.body,
  );
}

/** An item of a list of actions ("We will:", "Key actions"): an action owned by the owners of what it is under. */
function addListAction(reader: PlanReader, list: ListState, line: ClassifiedLine, index: number): Node {
  const { output } = reader;
  const parent = list.parent ?? reader.plan;
  const { prefix, term } = actionTerms[list.kind]!;
  const title = shortTitle(line.body);
  // Deliverables are numbered across the plan: their number is their id.
  const id = list.kind === 'deliverables' && line.number ? `${reader.plan.node.id}/d${line.number}` : `${parent.node.id}/${prefix}${list.count}`;
  const node = output.add(
    {
      id: output.uniqueId(id),
      label: 'Action',
      title,
      parent: parent.node.id,
      code: line.kind === 'numbered' ? line.number : undefined,
      term,
      text: fullText(line.body, title),
      source: { section: listSection(reader, list.parent, list.display), excerpt: output.quote(line.quote, [index]) },
    } as Node,
    line.body,
  );
  for (const holder of [reader.top, reader.sub]) for (const owner of holder?.owners ?? []) output.own(node, owner);
  return node;
}

/**
 * A heading: a vision's heading, "Our aim" under a priority, a lead-in, or else a new section,
 * which closes the priority being read when it is a heading of the same level or higher.
 */
export function readHeading(reader: PlanReader, line: ClassifiedLine, index: number): void {
  const { status } = reader.output;
  const vision = visionHeading(line.body);
  if (vision) {
    reader.pendingVision = vision;
    status[index] = USED;
    reader.list = undefined;
    return;
  }
  if (current(reader) && isAimHeading(line.body)) {
    reader.pendingAim = true;
    status[index] = USED;
    return;
  }
  const leadIn = recogniseLeadIn(line.body, 'heading');
  if (leadIn) {
    applyLeadIn(reader, leadIn, index);
    return;
  }
  if (reader.top?.headingLevel && line.headingLevel && line.headingLevel <= reader.top.headingLevel) {
    reader.top = undefined;
    reader.sub = undefined;
  }
  reader.section = shortTitle(line.body, 120);
  reader.output.sections[index] = reader.section;
  reader.list = undefined;
  reader.defaultList = false;
  reader.pendingDescription = false;
  reader.pendingAim = false;
  reader.pendingVision = undefined;
}

/**
 * A paragraph: the vision after its heading (or one that names itself), a description of the
 * priority just read or under "Our aim", a lead-in, or else text that closes the list being read.
 */
export function readParagraph(reader: PlanReader, line: ClassifiedLine, index: number): void {
  if (reader.pendingVision) {
    addVision(reader, reader.pendingVision, line, index);
    reader.pendingVision = undefined;
    return;
  }
  const visionTerm = visionParagraph(line.body);
  if (visionTerm && !reader.output.byId.has(visionId(reader, visionTerm))) {
    addVision(reader, visionTerm, line, index);
    return;
  }
  const holder = current(reader);
  const describable = holder && !holder.node.text;
  if (reader.pendingAim && describable) {
    describeHolder(reader, holder, line, index);
    return;
  }
  const leadIn = recogniseLeadIn(line.body, 'paragraph');
  if (leadIn) applyLeadIn(reader, leadIn, index);
  else if (reader.pendingDescription && describable) describeHolder(reader, holder, line, index);
  else {
    reader.pendingDescription = false;
    reader.pendingAim = false;
    reader.list = undefined;
  }
}

const visionId = (reader: PlanReader, term: string) => `${reader.plan.node.id}/${slugify(term)}`;

/** The paragraph becomes the text of the priority (or objective) it describes. */
function describeHolder(reader: PlanReader, holder: Holder, line: ClassifiedLine, index: number): void {
  const { output } = reader;
  (holder.node as Record<string, unknown>).text = line.body;
  output.words.set(holder.node.id, `${output.words.get(holder.node.id) ?? ''} ${line.body}`);
  reader.pendingAim = false;
  reader.pendingDescription = false;
  output.status[index] = USED;
}

/** A vision (or mission) statement: a corporate priority of the plan, named by its term. */
function addVision(reader: PlanReader, term: string, line: ClassifiedLine, index: number): void {
  const { output } = reader;
  const words = line.body.replace(/^["“‘']+|["”’']+$/g, '');
  const title = shortTitle(words);
  output.add(
    {
      id: output.uniqueId(visionId(reader, term)),
      label: 'Priority',
      title,
      parent: reader.plan.node.id,
      term,
      corporate: true,
      text: fullText(words, title),
      source: { section: term, excerpt: output.quote(line.quote, [index]) },
    } as Node,
    words,
  );
  output.status[index] = USED;
}

/** A lead-in starts the list it names, under the priority it sits in (or the plan). */
export function applyLeadIn(reader: PlanReader, leadIn: LeadIn, index: number): void {
  const { status } = reader.output;
  status[index] = leadIn.partial ? `narrative text; only its closing lead-in ("${leadIn.display}") was used` : USED;
  switch (leadIn.kind) {
    case 'weWill':
      // "we will:" inside a list of priorities goes on with it; a lead-in that names another level ("three principles, that we will:") does not.
      if (!reader.top && reader.list?.kind === 'priorities' && !/\b(?:principles|values|commitments)\b/i.test(leadIn.display)) break;
      startList(reader, 'weWill', leadIn.display, { parent: current(reader) });
      break;
    case 'priorities':
      reader.top = undefined;
      reader.sub = undefined;
      reader.defaultList = false;
      reader.prioritiesTerm = leadIn.term;
      reader.section = leadIn.display;
      startList(reader, 'priorities', leadIn.display, { term: leadIn.term });
      break;
    case 'directors':
      startList(reader, 'directors', leadIn.display, { parent: current(reader) });
      if (leadIn.inline) addRoles(reader, leadIn.inline, index);
      break;
    case 'unknown':
      status[index] = 'introduces a list of a kind that was not recognised';
      startList(reader, 'unknown', leadIn.display);
      break;
    case 'doWell':
    case 'deliverables':
      startList(reader, leadIn.kind, leadIn.display, { parent: reader.top });
      break;
    default:
      startList(reader, leadIn.kind, leadIn.display, { parent: current(reader) });
  }
}

/**
 * Roles named by a "Lead officer:" line or list ("Director of Public Health; Head of Housing"):
 * each owns what the list sits under, and every action already under a priority.
 */
export function addRoles(reader: PlanReader, names: string, index: number): void {
  const { output } = reader;
  const target = reader.list?.parent ?? current(reader) ?? reader.plan;
  for (const name of names
    .split(/;\s*|\s+\/\s+/)
    .map((part) => part.replace(/[.,;:]+$/, '').trim())
    .filter(Boolean)) {
    const id = reader.roleId(name);
    if (!output.byId.has(id)) {
      output.add({
        id,
        label: 'Role',
        title: shortTitle(name, 200),
        source: { section: output.sections[index] || reader.section, excerpt: output.quote(name, [index]) },
      } as Node);
    }
    target.owners.push(id);
    output.own(target.node, id);
    if (target.kind !== 'plan') for (const node of output.descendants(target.node.id)) if (node.label === 'Action') output.own(node, id);
  }
}

const stopWords = new Set(['and', 'of', 'the', 'in', 'with', 'to', 'for', 'a', 'an', 'on', 'our']);
const significantWords = (title: string) =>
  new Set(
    title
      .replace(/\(.*$/, '')
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word && !stopWords.has(word)),
  );

/**
 * A summary list ("five major areas of focus: 1. Universal Services …") often previews the
 * labelled priorities the document then sets out in full ("Strategic Objective 1: Universal
 * Services"). When a full one arrives, list items whose titles it repeats are dropped.
 */
export function dropPreviews(output: Output, fromLists: Set<string>, title: string): void {
  const full = significantWords(title);
  if (full.size === 0) return;
  for (const id of fromLists) {
    const preview = output.byId.get(id);
    if (!preview || output.children.get(id)?.length) continue;
    const words = significantWords(preview.title);
    const shared = [...words].filter((word) => full.has(word)).length;
    if (shared / new Set([...words, ...full]).size >= 0.6 || (shared >= 2 && shared === Math.min(words.size, full.size))) {
      output.remove(id);
      fromLists.delete(id);
    }
  }
}
