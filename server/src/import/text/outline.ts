/**
 * The outline of a document: sections with levels (from headings), and in each its blocks in
 * order: paragraphs, list items (with nesting depth and number) and table rows (with cells).
 * Every reader (text, Markdown, HTML, Word, PDF) ends in classified lines, so every format gets
 * the same outline; each piece keeps the indexes of its lines for verdicts and excerpts.
 */
import type { ClassifiedLine } from './classify.ts';

export interface Block {
  kind: 'paragraph' | 'item' | 'row';
  /** The line indexes the block is made of (a wrapped list item spans several). */
  indexes: number[];
  /** The words, markup removed. */
  body: string;
  /** The words to quote. */
  quote: string;
  /** Nesting of a list item: 0 for the outermost. */
  depth: number;
  number?: string;
  cells?: string[];
}

export interface Section {
  title: string;
  quote: string;
  /** 0 for the document itself, else the heading level (1–6). */
  level: number;
  /** Index of the heading's line; -1 for the document. */
  index: number;
  blocks: Block[];
  children: Section[];
  parent?: Section;
}

/** Reader state: the open sections (outermost first) and the list items open at each depth. */
interface OutlineState {
  stack: Section[];
  items: { indent: number; block: Block }[];
  last?: Block;
}

const itemKinds = new Set(['bullet', 'numbered', 'lettered', 'marker']);

function onHeading(state: OutlineState, line: ClassifiedLine, index: number): void {
  const level = line.headingLevel!;
  while (state.stack.length > 1 && state.stack[state.stack.length - 1]!.level >= level) state.stack.pop();
  const parent = state.stack[state.stack.length - 1]!;
  const section: Section = { title: line.body, quote: line.quote || line.body, level, index, blocks: [], children: [], parent };
  parent.children.push(section);
  state.stack.push(section);
  state.items = [];
  state.last = undefined;
}

function onItem(state: OutlineState, line: ClassifiedLine, index: number): void {
  // An item as far in as an open one, or further out, closes it.
  while (state.items.length && state.items[state.items.length - 1]!.indent >= line.indent) state.items.pop();
  const block: Block = {
    kind: 'item',
    indexes: [index],
    body: line.body,
    quote: line.quote,
    depth: state.items.length,
    ...((line.number ?? line.letter) ? { number: line.number ?? line.letter } : {}),
  };
  state.stack[state.stack.length - 1]!.blocks.push(block);
  state.items.push({ indent: line.indent, block });
  state.last = block;
}

function onRow(state: OutlineState, line: ClassifiedLine, index: number, raw: string): void {
  const cells = (raw.includes('\t') ? raw.split('\t') : raw.replace(/^\s*\||\|\s*$/g, '').split('|')).map((cell) => cell.replace(/\*\*|__/g, '').trim());
  // A Markdown table's ruler row (| --- | --- |) is no content.
  if (cells.every((cell) => /^:?-{2,}:?$/.test(cell) || cell === '')) return;
  const block: Block = { kind: 'row', indexes: [index], body: line.body, quote: line.quote, depth: 0, cells };
  state.stack[state.stack.length - 1]!.blocks.push(block);
  state.items = [];
  state.last = block;
}

function onParagraph(state: OutlineState, line: ClassifiedLine, index: number): void {
  const open = state.items[state.items.length - 1];
  // A line indented under a list item, or going on in lower case, continues it.
  if (open && state.last === open.block && (line.indent > open.indent || /^[a-z(]/.test(line.body))) {
    open.block.indexes.push(index);
    open.block.body = `${open.block.body} ${line.body}`;
    open.block.quote = `${open.block.quote} ${line.quote}`;
    return;
  }
  const block: Block = { kind: 'paragraph', indexes: [index], body: line.body, quote: line.quote, depth: 0 };
  state.stack[state.stack.length - 1]!.blocks.push(block);
  state.items = [];
  state.last = block;
}

/**
 * Builds the outline. Lines with a heading level (Markdown "#", HTML <h1>–<h6>, a PDF's larger
 * or bold type) open sections; blank lines, furniture and the lines in `skip` (the title) are
 * left out; everything else is a block of the innermost open section.
 */
export function buildOutline(classified: ClassifiedLine[], rawLines: string[], skip: Set<number> = new Set()): Section {
  const root: Section = { title: '', quote: '', level: 0, index: -1, blocks: [], children: [] };
  const state: OutlineState = { stack: [root], items: [] };
  classified.forEach((line, index) => {
    if (skip.has(index) || line.kind === 'furniture' || line.kind === 'publisher') return;
    if (line.kind === 'blank') {
      state.last = undefined;
      return;
    }
    if (line.headingLevel) onHeading(state, line, index);
    else if (itemKinds.has(line.kind)) onItem(state, line, index);
    else if (line.kind === 'table') onRow(state, line, index, rawLines[index]!.trim());
    else onParagraph(state, line, index);
  });
  return root;
}

/** Every section below `section`, depth first, in document order. */
export function allSections(section: Section): Section[] {
  return section.children.flatMap((child) => [child, ...allSections(child)]);
}

/** The blocks of a section and of all its subsections, in document order. */
export function allBlocks(section: Section): Block[] {
  return [...section.blocks, ...section.children.flatMap(allBlocks)];
}
