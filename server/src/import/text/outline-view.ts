/**
 * The recognised outline as a person reviews it: each heading, and inside it its lists, tables
 * and runs of paragraphs, with where it is, the name a choice gives it (choices.ts) and what it
 * became. Flat, in document order, with a depth for the tree; long texts are cut and a very long
 * outline is cut short, so the dry run of a large document stays small.
 */
import { type Choice, type PartKind, targetText } from './choices.ts';
import { listChoice, MEASURES_NOTE, OPENING, paragraphsChoice, sectionChoice } from './apply-choices.ts';
import { CONTEXT, FURNITURE, type Node, type Output, USED } from './document-output.ts';
import type { Block, Section } from './outline.ts';

/** One part of the outline. */
export interface OutlinePart {
  /** HEADING, LIST, TABLE or PARAGRAPHS. */
  kind: 'HEADING' | 'LIST' | 'TABLE' | 'PARAGRAPHS';
  /** Nesting in the tree: 0 for a top heading and for what sits before the first heading. */
  depth: number;
  /** The heading's level (1–6); for lists, tables and paragraphs, the level of their heading. */
  level: number;
  /** The heading's words, or the part's first words, cut to 100 characters. */
  title: string;
  /** 1-based line of the document's text where the part starts. */
  line: number;
  /** The page the part starts on, when the document has pages (a PDF). */
  page?: number;
  /** How many list items, rows or paragraphs the part has (1 for a heading). */
  size: number;
  /** The target a choice names it by: `section "…"` for a heading, `list "…"` for what is under one. */
  target: string;
  /** The kind a choice gave the target, if any. */
  chosen: PartKind | null;
  /** What it became: "priority plan-x/p2", "5 actions under “…”", "context, skipped", "not understood". */
  became: string;
}

/** At most this many parts are described; the rest are counted in a last part. */
export const MAX_OUTLINE_PARTS = 400;

const cut = (value: string, max = 100) => (value.length > max ? `${value.slice(0, max - 1).trimEnd()}…` : value);

const nameOf: Record<string, [string, string]> = {
  Priority: ['priority', 'priorities'],
  Objective: ['objective', 'objectives'],
  Action: ['action', 'actions'],
  Evidence: ['finding', 'findings'],
};
const evidenceName: Record<string, [string, string]> = {
  RECOMMENDATION: ['recommendation', 'recommendations'],
  AREA_FOR_IMPROVEMENT: ['area for improvement', 'areas for improvement'],
  JUDGEMENT: ['judgement', 'judgements'],
  STRENGTH: ['strength', 'strengths'],
};
const namesOf = (node: Node) =>
  node.label === 'Evidence'
    ? (evidenceName[String(node.kind)] ?? nameOf.Evidence!)
    : (nameOf[node.label] ?? [node.label.toLowerCase(), `${node.label.toLowerCase()}s`]);

/** Describes the outline under `root` with what the readers made of each part (`output`). */
export function describeOutline(output: Output, root: Section, choices: readonly Choice[]): OutlinePart[] {
  const byLine = new Map<number, Node[]>();
  for (const node of output.nodes) {
    for (const index of output.linesOf.get(node.id) ?? []) {
      const list = byLine.get(index);
      if (list) list.push(node);
      else byLine.set(index, [node]);
    }
  }
  const lineOf = (index: number) => output.lines[index]?.line ?? 0;
  const pageOf = (index: number) => {
    const page = output.lines[index]?.page;
    return page ? { page } : {};
  };

  /** What the blocks became: the nodes made from them, counted by kind and parent, or their lines' verdict. */
  const became = (blocks: Block[]): string => {
    const made = new Map<string, Node>();
    for (const block of blocks) for (const index of block.indexes) for (const node of byLine.get(index) ?? []) made.set(node.id, node);
    if (made.size) {
      const groups = new Map<string, { names: [string, string]; parent?: Node; count: number }>();
      for (const node of made.values()) {
        const names = namesOf(node);
        const key = `${names[0]} ${node.parent ?? ''}`;
        const group = groups.get(key) ?? { names, parent: output.byId.get(node.parent ?? ''), count: 0 };
        group.count += 1;
        groups.set(key, group);
      }
      return [...groups.values()]
        .map(({ names, parent, count }) => {
          const under = parent && parent.label !== 'Plan' && parent.kind !== 'INSPECTION_REPORT' ? ` under “${cut(parent.title, 60)}”` : '';
          return `${count} ${count === 1 ? names[0] : names[1]}${under}`;
        })
        .join('; ')
        .replace(/^(.{240}).+$/s, '$1…');
    }
    const verdicts = blocks.flatMap((block) => block.indexes.map((index) => output.status[index]));
    if (verdicts.some((verdict) => verdict === MEASURES_NOTE)) return MEASURES_NOTE;
    if (verdicts.length && verdicts.every((verdict) => verdict === CONTEXT || verdict === FURNITURE)) return 'context, skipped';
    if (verdicts.some((verdict) => verdict === USED)) return 'read, no item of its own';
    return 'not understood';
  };

  const parts: OutlinePart[] = [];
  let left = 0;
  const push = (part: OutlinePart) => {
    if (parts.length < MAX_OUTLINE_PARTS) parts.push(part);
    else left += 1;
  };

  const describeBlocks = (section: Section, depth: number) => {
    const heading = section.level === 0 ? OPENING : section.title;
    let run: Block[] = [];
    const flush = () => {
      if (!run.length) return;
      const kind = run[0]!.kind === 'item' ? 'LIST' : run[0]!.kind === 'row' ? 'TABLE' : 'PARAGRAPHS';
      const target = targetText({ kind: kind === 'PARAGRAPHS' ? 'paragraphs' : 'list', heading });
      const chosen = (kind === 'PARAGRAPHS' ? paragraphsChoice(section, choices) : listChoice(section, choices)) ?? null;
      const first = run[0]!;
      const title = kind === 'TABLE' && first.cells ? first.cells.filter(Boolean).join(' | ') : first.body;
      push({
        kind,
        depth,
        level: section.level,
        title: cut(title),
        line: lineOf(first.indexes[0]!),
        ...pageOf(first.indexes[0]!),
        size: run.length,
        target,
        chosen,
        became: became(run),
      });
      run = [];
    };
    for (const block of section.blocks) {
      if (run.length && run[0]!.kind !== block.kind) flush();
      run.push(block);
    }
    flush();
  };

  const walk = (section: Section, depth: number) => {
    if (section.level > 0) {
      const own = byLine.get(section.index)?.filter((node) => output.linesOf.get(node.id)?.[0] === section.index) ?? [];
      const verdict = output.status[section.index];
      const what = own.length
        ? own.map((node) => `${namesOf(node)[0]} ${node.id}`).join('; ')
        : verdict === CONTEXT
          ? 'context, skipped'
          : verdict === MEASURES_NOTE
            ? MEASURES_NOTE
            : 'heading';
      push({
        kind: 'HEADING',
        depth,
        level: section.level,
        title: cut(section.title),
        line: lineOf(section.index),
        ...pageOf(section.index),
        size: 1,
        target: targetText({ kind: 'section', heading: section.title }),
        chosen: sectionChoice(section, choices) ?? null,
        became: what,
      });
    }
    describeBlocks(section, section.level > 0 ? depth + 1 : depth);
    for (const child of section.children) walk(child, section.level > 0 ? depth + 1 : depth);
  };
  walk(root, 0);
  if (left)
    parts.push({
      kind: 'PARAGRAPHS',
      depth: 0,
      level: 0,
      title: `… and ${left} more parts, not shown`,
      line: 0,
      size: left,
      target: '',
      chosen: null,
      became: 'not shown',
    });
  return parts;
}

/**
 * The outline as lines of text for a terminal: indented by depth, each part with its line, what
 * it became, and the target to name it by in a choice.
 *
 * @example
 * formatOutline(result.outline) // ['p. 2 line 12  ## Our priorities  → heading   [section "Our priorities"]', …]
 */
export function formatOutline(parts: readonly (Omit<OutlinePart, 'chosen' | 'page'> & { chosen?: string | null; page?: number | null })[]): string[] {
  const width = parts.some((part) => part.page) ? 18 : 10;
  return parts.map((part) => {
    const indent = '  '.repeat(part.depth);
    const what = part.kind === 'HEADING' ? `${'#'.repeat(Math.max(1, part.level))} ${part.title}` : `${part.kind.toLowerCase()} (${part.size}): ${part.title}`;
    const chosen = part.chosen ? `, chosen as ${part.chosen}` : '';
    const place = part.line ? `${part.page ? `p. ${part.page} ` : ''}line ${part.line}` : '';
    return `${place.padEnd(width)}${indent}${what}  → ${part.became}${part.target ? `   [${part.target}${chosen}]` : ''}`;
  });
}
