/**
 * Reads a strategy or plan: its period, status and kind, and its structure of priorities,
 * objectives and actions with their owners. See parse-document.ts for what it recognises.
 */
import {
  capitalise,
  type ClassifiedLine,
  initials,
  isAimHeading,
  isFurnitureSectionHeading,
  type LeadIn,
  type ListKind,
  recogniseLeadIn,
  shortTitle,
  slugify,
  visionHeading,
  visionParagraph,
} from './classify.ts';
import type { SeedFile } from '../seed-format.ts';
import type { Section } from './outline.ts';
import { yearRangeIn } from './dates.ts';
import { markMeasures, readOutlinePlan } from './outline-plan.ts';
import { FURNITURE, fullText, type Heading, type Node, type Output, USED, withPrefix } from './document-output.ts';

/** An item that lists sit under: the plan, or a labelled or lettered priority or objective. */
interface Holder {
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

const actionTerms: Partial<Record<ListKind, { prefix: string; term: string }>> = {
  weWill: { prefix: 'w', term: 'We will' },
  keyActions: { prefix: 'ka', term: 'Key action' },
  actions: { prefix: 'a', term: 'Action' },
  deliverables: { prefix: 'd', term: 'Deliverable' },
};

/** What the document says about the plan as a whole. */
export interface PlanFacts {
  status: 'DRAFT' | 'CONSULTATION' | 'ADOPTED' | 'UNKNOWN';
  kind: 'CORPORATE_PLAN' | 'STRATEGY' | 'COMMISSIONING_FRAMEWORK' | 'COMMUNITY_STRATEGY' | 'ACTION_PLAN' | 'BUSINESS_PLAN' | 'OTHER';
  documentKind: SeedFile['document']['kind'];
  periodStart?: number;
  periodEnd?: number;
}

const spokenNumbers: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fifteen: 15, twenty: 20 };

/**
 * The plan's period (a year range in the title, else in a line about the plan, else "over the
 * next five years" counted from the title's year), status (consultation or draft words, else
 * ADOPTED when a period is given, else UNKNOWN) and kinds of plan and document.
 */
export function describePlan(output: Output, heading: Heading, text: string): PlanFacts {
  const { classified } = output;
  const content = classified.filter((line) => line.kind !== 'blank' && line.kind !== 'furniture');
  const opening = content
    .slice(0, 12)
    .map((line) => line.body)
    .join('\n');
  let period = yearRangeIn(heading.documentTitle, { singleYear: true });
  if (!period) {
    for (const line of classified) {
      if (line.kind === 'table' || line.kind === 'furniture' || line.kind === 'blank') continue;
      if (!/\b(?:plan|strategy|framework|priorities|period|commitments|vision|for|covers)\b/i.test(line.body)) continue;
      period = yearRangeIn(line.body);
      if (period) break;
    }
  }
  if (!period) {
    const ahead = /\bover the (?:next|coming) (\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty) years\b/i.exec(text);
    const baseYear = /\b((?:19|20)\d\d)\b/.exec(heading.documentTitle)?.[1] ?? /\b((?:19|20)\d\d)\b/.exec(opening)?.[1];
    if (ahead && baseYear) {
      const years = spokenNumbers[ahead[1]!.toLowerCase()] ?? Number(ahead[1]);
      period = { start: Number(baseYear), end: Number(baseYear) + years };
    }
  }
  const consultation =
    /\bconsultation\b|\bhave your say\b|\blistening exercise\b/i.test(heading.documentTitle) ||
    /\b(?:this|the) consultation\b|\bclosing date\b|\bhave your say\b/i.test(opening);
  const draft = /\bdraft\b/i.test(heading.documentTitle);
  const status = consultation ? 'CONSULTATION' : draft ? 'DRAFT' : period ? 'ADOPTED' : 'UNKNOWN';
  const title = heading.documentTitle;
  const kind = /\b(?:corporate|council|borough|county) plan\b/i.test(title)
    ? 'CORPORATE_PLAN'
    : /\bcommissioning (?:framework|strategy|plan)\b/i.test(title)
      ? 'COMMISSIONING_FRAMEWORK'
      : /\b(?:sustainable )?community strategy\b/i.test(title)
        ? 'COMMUNITY_STRATEGY'
        : /\baction plan\b/i.test(title)
          ? 'ACTION_PLAN'
          : /\b(?:business|service) plan\b/i.test(title)
            ? 'BUSINESS_PLAN'
            : /\b(?:strategy|framework|plan)\b/i.test(title)
              ? 'STRATEGY'
              : 'OTHER';
  const documentKind = consultation
    ? 'CONSULTATION'
    : /\b(?:monitoring|progress|annual|scrutiny|update) report\b|\bmonitoring\b/i.test(title)
      ? 'MONITORING_REPORT'
      : kind === 'CORPORATE_PLAN'
        ? 'CORPORATE_PLAN'
        : 'STRATEGY';
  return { status, kind, documentKind, ...(period ? { periodStart: period.start, periodEnd: period.end } : {}) };
}

/**
 * Reads the plan's structure line by line into Plan, Priority, Objective, Action and Role nodes,
 * recording a verdict for every line it uses. Returns the plan's id.
 */
export function parsePlan(
  output: Output,
  heading: Heading,
  facts: PlanFacts,
  publisherPrefix: string,
  outline: Section,
  prioritySections: Section[] = [],
): string {
  const { classified, lines, status } = output;
  const titleYear = /\b((?:19|20)\d\d)\b/.exec(heading.mainTitle)?.[1] ?? (facts.periodStart ? String(facts.periodStart) : '');
  const baseSlug = slugify(heading.mainTitle.replace(/\b(?:19|20)\d\d(?:\s*(?:[-–—]|to)\s*(?:19|20)?\d\d)?\b/gi, ' '), 45) || 'plan';
  const planId = withPrefix(publisherPrefix, [baseSlug, titleYear].filter(Boolean).join('-'));
  const plan = output.add({
    id: planId,
    label: 'Plan',
    title: heading.planName,
    kind: facts.kind,
    status: facts.status,
    periodStart: facts.periodStart,
    periodEnd: facts.periodEnd,
    source: { section: 'Title', excerpt: heading.excerpt },
  } as Node);
  const planHolder: Holder = { node: plan, kind: 'plan', sectionName: heading.planName, owners: [] };
  const roleId = (title: string) => (publisherPrefix ? `role/${publisherPrefix}-${slugify(title, 60)}` : `role/${planId}/${slugify(title, 60)}`);
  // When the headings carry the plan's structure (or a person says which do), the outline says it; else the lines are read one by one.
  if (readOutlinePlan(output, planId, outline, roleId, prioritySections)) {
    markMeasures(output, outline);
    return planId;
  }
  parsePlanLines();
  dropRepeatedPriorities(output, planId);
  markMeasures(output, outline);
  return planId;

  /** Reads the plan line by line, for documents whose headings do not carry its structure. */
  function parsePlanLines(): void {
    let section = heading.documentTitle;
    let top: Holder | undefined;
    let sub: Holder | undefined;
    let list: ListState | undefined;
    let defaultList = false;
    let pendingVision: string | undefined;
    let pendingAim = false;
    let pendingDescription = false;
    let furnitureSection = false;
    let topScheme: string | undefined;
    let lastLetter: string | undefined;
    let prioritiesTerm: string | undefined;
    let open: { node: Node; indexes: number[]; indent: number; quote: string; words: string } | undefined;
    const fromLists = new Set<string>();
    const skip = new Set<number>(heading.lineIndexes);

    const current = () => sub ?? top;
    const listSection = (holder: Holder | undefined, display: string) => {
      const base = holder?.sectionName ?? section;
      return display ? `${base} – ${display}` : base;
    };
    const startList = (kind: ListKind, display: string, extra: Partial<ListState> = {}) => {
      list = { kind, display, count: 0, ...extra };
    };

    const addRoles = (names: string, index: number) => {
      const target = list?.parent ?? current() ?? planHolder;
      for (const name of names
        .split(/;\s*|\s+\/\s+/)
        .map((part) => part.replace(/[.,;:]+$/, '').trim())
        .filter(Boolean)) {
        const id = roleId(name);
        if (!output.byId.has(id)) {
          output.add({
            id,
            label: 'Role',
            title: shortTitle(name, 200),
            source: { section: output.sections[index] || section, excerpt: output.quote(name, [index]) },
          } as Node);
        }
        target.owners.push(id);
        output.own(target.node, id);
        if (target.kind !== 'plan') for (const node of output.descendants(target.node.id)) if (node.label === 'Action') output.own(node, id);
      }
    };

    const applyLeadIn = (leadIn: LeadIn, index: number) => {
      status[index] = leadIn.partial ? `narrative text; only its closing lead-in ("${leadIn.display}") was used` : USED;
      switch (leadIn.kind) {
        case 'weWill':
          // "we will:" inside a list of priorities goes on with it; a lead-in that names another level ("three principles, that we will:") does not.
          if (!top && list?.kind === 'priorities' && !/\b(?:principles|values|commitments)\b/i.test(leadIn.display)) return;
          startList('weWill', leadIn.display, { parent: current() });
          return;
        case 'priorities':
          top = undefined;
          sub = undefined;
          defaultList = false;
          prioritiesTerm = leadIn.term;
          section = leadIn.display;
          startList('priorities', leadIn.display, { term: leadIn.term });
          return;
        case 'directors':
          startList('directors', leadIn.display, { parent: current() });
          if (leadIn.inline) addRoles(leadIn.inline, index);
          return;
        case 'unknown':
          status[index] = 'introduces a list of a kind that was not recognised';
          startList('unknown', leadIn.display);
          return;
        case 'doWell':
        case 'deliverables':
          startList(leadIn.kind, leadIn.display, { parent: top });
          return;
        default:
          startList(leadIn.kind, leadIn.display, { parent: current() });
      }
    };

    const addVision = (term: string, line: ClassifiedLine, index: number) => {
      const words = line.body.replace(/^["“‘']+|["”’']+$/g, '');
      const title = shortTitle(words);
      output.add(
        {
          id: output.uniqueId(`${planId}/${slugify(term)}`),
          label: 'Priority',
          title,
          parent: planId,
          term,
          corporate: true,
          text: fullText(words, title),
          source: { section: term, excerpt: output.quote(line.quote, [index]) },
        } as Node,
        words,
      );
      status[index] = USED;
    };

    const addListItem = (line: ClassifiedLine, index: number) => {
      if (!list) {
        if (top && defaultList) {
          const deliverables = line.kind === 'numbered' && top.kind === 'lettered';
          startList(deliverables ? 'deliverables' : 'weWill', '', { parent: deliverables ? top : current() });
        } else if (line.kind === 'numbered' && line.boldLead) {
          startList('priorities', '', { term: prioritiesTerm ?? 'Priority' });
        } else {
          status[index] = 'list item outside any recognised priority or list';
          return;
        }
      }
      const state = list!;
      const excerpt = output.quote(line.quote, [index]);
      const words = line.body;
      if (state.kind === 'unknown') {
        status[index] = `list item under a lead-in that was not recognised ("${state.display}")`;
        return;
      }
      if (state.kind === 'directors') {
        addRoles(words, index);
        status[index] = USED;
        return;
      }
      // An item nested under a priority of the list is one of its actions, not a priority.
      if (state.kind === 'priorities' && state.last && line.indent > state.last.indent) {
        const parent = state.last.node;
        const title = shortTitle(words);
        state.last.actions += 1;
        const action = output.add(
          {
            id: output.uniqueId(`${parent.id}/a${state.last.actions}`),
            label: 'Action',
            title,
            parent: parent.id,
            code: line.kind === 'numbered' ? line.number : undefined,
            term: 'Action',
            text: fullText(words, title),
            source: { section: listSection(undefined, state.display), excerpt },
          } as Node,
          words,
        );
        status[index] = USED;
        open = { node: action, indexes: [index], indent: line.indent, quote: line.quote, words };
        return;
      }
      state.count += 1;
      let node: Node;
      if (state.kind === 'priorities') {
        const term = state.term ?? 'Priority';
        const title = shortTitle(line.boldLead ?? words);
        node = output.add(
          {
            id: output.uniqueId(`${planId}/${initials(term)}${line.number ?? state.count}`),
            label: 'Priority',
            title,
            parent: planId,
            code: line.number,
            term,
            corporate: /\b(?:council|corporate)\b/i.test(term) ? true : undefined,
            text: fullText(words, title),
            source: { section: listSection(undefined, ''), excerpt },
          } as Node,
          words,
        );
        fromLists.add(node.id);
        state.last = { node, indent: line.indent, actions: 0 };
      } else if (state.kind === 'doWell') {
        const parent = state.parent ?? planHolder;
        const title = shortTitle(words);
        node = output.add(
          {
            id: output.uniqueId(`${parent.node.id}/dw${state.count}`),
            label: 'Objective',
            title,
            parent: parent.node.id,
            term: 'What we will need to do well',
            text: fullText(words, title),
            source: { section: listSection(state.parent, state.display), excerpt },
          } as Node,
          words,
        );
      } else {
        const parent = state.parent ?? planHolder;
        const { prefix, term } = actionTerms[state.kind]!;
        const title = shortTitle(words);
        const id = state.kind === 'deliverables' && line.number ? `${planId}/d${line.number}` : `${parent.node.id}/${prefix}${state.count}`;
        node = output.add(
          {
            id: output.uniqueId(id),
            label: 'Action',
            title,
            parent: parent.node.id,
            code: line.kind === 'numbered' ? line.number : undefined,
            term,
            text: fullText(words, title),
            source: { section: listSection(state.parent, state.display), excerpt },
          } as Node,
          words,
        );
        for (const holder of [top, sub]) for (const owner of holder?.owners ?? []) output.own(node, owner);
      }
      status[index] = USED;
      open = { node, indexes: [index], indent: line.indent, quote: line.quote, words };
    };

    for (let index = 0; index < lines.length; index += 1) {
      const line = classified[index]!;
      output.sections[index] = section;
      if (skip.has(index)) continue;
      if (line.kind === 'blank') {
        open = undefined;
        continue;
      }
      if (line.kind === 'furniture') {
        status[index] = FURNITURE;
        if (isFurnitureSectionHeading(line.body)) furnitureSection = true;
        continue;
      }
      if (furnitureSection) {
        if (line.kind === 'bullet' || line.kind === 'numbered' || line.kind === 'lettered') {
          status[index] = FURNITURE;
          continue;
        }
        furnitureSection = false;
      }
      if (line.kind === 'publisher') {
        status[index] = USED;
        continue;
      }
      if (
        open &&
        (line.kind === 'paragraph' || line.kind === 'heading') &&
        !lines[index]!.listItem &&
        !line.headingLevel &&
        (line.indent > open.indent || /^[a-z(]/.test(line.body))
      ) {
        // A list item wrapped onto the next line: the words join it, and so does the excerpt.
        open.indexes.push(index);
        open.words = `${open.words} ${line.body}`;
        open.quote = `${open.quote} ${line.quote}`;
        const node = open.node as Record<string, unknown>;
        node.text = open.words;
        node.source = { ...(node.source as object), excerpt: output.quote(open.quote, open.indexes) };
        output.words.set(open.node.id, open.words);
        status[index] = USED;
        continue;
      }
      open = undefined;

      if (line.kind === 'marker') {
        const marker = line.marker!;
        let title = marker.title;
        const quoted = [index];
        if (!title) {
          const next = output.nextContent(index);
          const candidate = next >= 0 ? classified[next] : undefined;
          if (candidate && (candidate.kind === 'heading' || candidate.kind === 'paragraph') && candidate.body.length <= 200) {
            title = candidate.body;
            quoted.push(next);
            skip.add(next);
            status[next] = USED;
          }
        }
        const isSub = Boolean(top) && (/\./.test(marker.number) || (topScheme !== undefined && marker.scheme !== topScheme));
        if (!isSub) topScheme ??= marker.scheme;
        if (top?.headingLevel && line.headingLevel && line.headingLevel <= top.headingLevel && !isSub) top = undefined;
        const parent = isSub ? top! : planHolder;
        const titleText = title ? shortTitle(title) : marker.code;
        if (!isSub) dropPreviews(output, fromLists, titleText);
        const words = [title, marker.rest].filter(Boolean).join(' – ');
        const node = output.add(
          {
            id: output.uniqueId(`${isSub ? parent.node.id : planId}/${initials(marker.label)}${marker.number.toLowerCase()}`),
            label: isSub ? 'Objective' : 'Priority',
            title: titleText,
            parent: parent.node.id,
            code: marker.code,
            term: capitalise(marker.label.toLowerCase()),
            ...(!isSub && /\b(?:council|corporate)\b/.test(marker.scheme) ? { corporate: true } : {}),
            text: fullText(words, titleText),
            source: { section: isSub ? parent.sectionName : section, excerpt: output.quote(quoted.map((at) => classified[at]!.quote).join(' '), quoted) },
          } as Node,
          `${marker.code} ${words}`,
        );
        const holder: Holder = {
          node,
          kind: 'labelled',
          sectionName: `${marker.code}: ${titleText}`,
          scheme: marker.scheme,
          owners: [],
          ...(line.headingLevel ? { headingLevel: line.headingLevel } : {}),
        };
        if (isSub) sub = holder;
        else {
          top = holder;
          sub = undefined;
        }
        list = undefined;
        defaultList = true;
        pendingDescription = true;
        pendingAim = false;
        status[index] = USED;
        output.sections[index] = section;
        continue;
      }

      if (
        line.kind === 'lettered' &&
        (line.letter === 'A' || (lastLetter !== undefined && line.letter === String.fromCharCode(lastLetter.charCodeAt(0) + 1)))
      ) {
        lastLetter = line.letter!;
        const term = list?.kind === 'priorities' && list.term ? list.term : (prioritiesTerm ?? 'Priority');
        const title = shortTitle(line.body);
        dropPreviews(output, fromLists, title);
        const node = output.add(
          {
            id: output.uniqueId(`${planId}/${line.letter!.toLowerCase()}`),
            label: 'Priority',
            title,
            parent: planId,
            code: line.letter,
            term,
            text: fullText(line.body, title),
            source: { section, excerpt: output.quote(line.quote, [index]) },
          } as Node,
          line.body,
        );
        top = { node, kind: 'lettered', sectionName: `${term} ${line.letter}`, owners: [], ...(line.headingLevel ? { headingLevel: line.headingLevel } : {}) };
        sub = undefined;
        list = undefined;
        defaultList = true;
        pendingDescription = true;
        pendingAim = false;
        status[index] = USED;
        continue;
      }

      if (line.kind === 'bullet' || line.kind === 'numbered' || line.kind === 'lettered') {
        pendingDescription = false;
        addListItem(line, index);
        continue;
      }

      if (line.kind === 'table') {
        status[index] = 'table row (tables are not read)';
        continue;
      }

      if (line.kind === 'heading') {
        const vision = visionHeading(line.body);
        if (vision) {
          pendingVision = vision;
          status[index] = USED;
          list = undefined;
          continue;
        }
        if (current() && isAimHeading(line.body)) {
          pendingAim = true;
          status[index] = USED;
          continue;
        }
        const leadIn = recogniseLeadIn(line.body, 'heading');
        if (leadIn) {
          applyLeadIn(leadIn, index);
          continue;
        }
        if (top?.headingLevel && line.headingLevel && line.headingLevel <= top.headingLevel) {
          top = undefined;
          sub = undefined;
        }
        section = shortTitle(line.body, 120);
        output.sections[index] = section;
        list = undefined;
        defaultList = false;
        pendingDescription = false;
        pendingAim = false;
        pendingVision = undefined;
        continue;
      }

      // A paragraph.
      if (pendingVision) {
        addVision(pendingVision, line, index);
        pendingVision = undefined;
        continue;
      }
      const visionTerm = visionParagraph(line.body);
      if (visionTerm && !output.byId.has(`${planId}/${slugify(visionTerm)}`)) {
        addVision(visionTerm, line, index);
        continue;
      }
      // "Our aim" under a priority, or a paragraph straight after its heading, describes it.
      const holder = current();
      const describeHolder = () => {
        (holder!.node as Record<string, unknown>).text = line.body;
        output.words.set(holder!.node.id, `${output.words.get(holder!.node.id) ?? ''} ${line.body}`);
        pendingAim = false;
        pendingDescription = false;
        status[index] = USED;
      };
      if (pendingAim && holder && !holder.node.text) {
        describeHolder();
        continue;
      }
      const leadIn = recogniseLeadIn(line.body, 'paragraph');
      if (leadIn) {
        applyLeadIn(leadIn, index);
        continue;
      }
      if (pendingDescription && holder && !holder.node.text) {
        describeHolder();
        continue;
      }
      pendingDescription = false;
      pendingAim = false;
      list = undefined;
    }
  }
}

/**
 * A summary repeats the priorities a later section sets out again (an executive summary and the
 * chapter): a priority with the same words as an earlier one, and nothing under it, goes.
 */
function dropRepeatedPriorities(output: Output, planId: string): void {
  const seen = new Set<string>();
  for (const node of [...output.nodes]) {
    if (node.label !== 'Priority' || node.parent !== planId) continue;
    const key = node.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    if (seen.has(key) && !output.children.get(node.id)?.length) output.remove(node.id);
    else seen.add(key);
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
function dropPreviews(output: Output, fromLists: Set<string>, title: string): void {
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
