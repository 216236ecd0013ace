/**
 * Reads a PDF into Markdown text the text importer understands: headings from font size and
 * weight, bullets and numbering kept as list items (nested by indentation), cells of aligned
 * columns separated by tabs, wrapped lines joined into their paragraph, and running headers,
 * footers and page numbers dropped. The text it returns is what the document is stored as, so
 * every excerpt is quoted from it word for word.
 */

/** One line of a page, as laid out. */
export interface PdfLine {
  page: number;
  /** Baseline, from the top of the page (points). */
  top: number;
  x: number;
  size: number;
  bold: boolean;
  text: string;
  /** Height of the page, to tell running headers and footers. */
  pageHeight: number;
}

interface TextPiece {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  bold: boolean;
}

const boldFont = /bold|black|heavy|semibold|demi/i;

/** Lays the positioned pieces of one page out as lines, tabs between far-apart columns. */
export function piecesToLines(pieces: TextPiece[], page: number, pageHeight: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: { pieces: TextPiece[]; y: number } | undefined;
  const flush = () => {
    if (!current) return;
    const kept = current.pieces.filter((piece) => piece.str !== '');
    const sorted = [...kept].sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    let boldChars = 0;
    let chars = 0;
    let size = 0;
    for (const piece of sorted) {
      const gap = piece.x - end;
      if (text && gap > Math.max(piece.size, 6) * 2.2) text = `${text.trimEnd()}\t`;
      else if (text && gap > piece.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(piece.str)) text += ' ';
      text += piece.str;
      end = Math.max(end, piece.x + piece.width);
      const visible = piece.str.replace(/\s/g, '').length;
      chars += visible;
      if (piece.bold) boldChars += visible;
      if (visible) size = Math.max(size, piece.size);
    }
    // Control characters (unmapped glyphs) are no words of the document.
    const clean = text
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
      .replace(/[ \u00A0]+/g, ' ')
      .replace(/ *\t */g, '\t')
      .trim();
    if (clean && chars)
      lines.push({
        page,
        top: pageHeight - current.y,
        x: sorted.find((piece) => piece.str.trim())?.x ?? 0,
        size,
        bold: boldChars / chars > 0.8,
        text: clean,
        pageHeight,
      });
    current = undefined;
  };
  for (const piece of pieces) {
    if (current && Math.abs(piece.y - current.y) > Math.max(piece.size, 4) * 0.45) flush();
    if (!current) current = { pieces: [], y: piece.y };
    current.pieces.push(piece);
  }
  flush();
  return lines;
}

/** Every line of every page of the PDF. */
export async function pdfLines(bytes: Uint8Array): Promise<PdfLine[]> {
  // Loaded here, not at the top: pdf.js's legacy build installs core-js polyfills over globals
  // (JSON.stringify among them, about 15 times slower), and only the import workers, which read
  // documents, should carry them; the server's main thread answers every request with JSON.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 });
  const document = await task.promise;
  try {
    const lines: PdfLine[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      // Font names (and so weights) are only known once the page's operators are read.
      await page.getOperatorList();
      const fontName = (id: string) => {
        try {
          return (page.commonObjs.get(id) as { name?: string } | undefined)?.name ?? '';
        } catch {
          return '';
        }
      };
      const pieces: TextPiece[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, c, d, x, y] = item.transform as number[];
        const size = Math.round(Math.hypot(c!, d!) * 2) / 2 || Math.round(Math.hypot(a!, b!) * 2) / 2;
        const family = `${fontName(item.fontName)} ${content.styles[item.fontName]?.fontFamily ?? ''}`;
        pieces.push({ str: item.str, x: x!, y: y!, width: item.width, size, bold: boldFont.test(family) });
      }
      const [, , , height] = page.view;
      lines.push(...piecesToLines(pieces, number, height ?? 842));
      page.cleanup();
    }
    return lines;
  } finally {
    await document.destroy();
  }
}

const pageNumber = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const furnitureKey = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/**
 * Drops running headers and footers: a line near the top or bottom of the page that recurs
 * (digits aside) on many pages, and page numbers there.
 */
export function dropRunningLines(lines: PdfLine[]): PdfLine[] {
  const pages = new Set(lines.map((line) => line.page)).size;
  const margin = (line: PdfLine) => line.top < line.pageHeight * 0.09 || line.top > line.pageHeight * 0.9;
  const pagesWith = new Map<string, Set<number>>();
  for (const line of lines) {
    if (!margin(line)) continue;
    const key = furnitureKey(line.text);
    const seen = pagesWith.get(key) ?? new Set<number>();
    seen.add(line.page);
    pagesWith.set(key, seen);
  }
  const recurring = (line: PdfLine) => (pagesWith.get(furnitureKey(line.text))?.size ?? 0) >= Math.max(3, pages * 0.3);
  return lines.filter((line) => !(margin(line) && (pageNumber.test(line.text) || (pages >= 3 && recurring(line)))));
}

const bulletStart = /^([•●▪◦‣∙·*\-–—◼◻◾\u25AA\u25CF\u25E6\uF0B7\uF0A7\uF076\uF0D8\uF0FC\u2713\u2714➢➤►○■□])\s*(?=\S)/;
const numberStart = /^(?:\d{1,2}(?:\.\d{1,2})*[.)]|\(?[a-z]\)|\(\d{1,2}\))\s/;

/** The body text size: the size most characters are set in. */
export function bodySize(lines: PdfLine[]): number {
  const chars = new Map<number, number>();
  for (const line of lines) chars.set(line.size, (chars.get(line.size) ?? 0) + line.text.length);
  let best = 0;
  let most = -1;
  for (const [size, count] of chars) if (count > most) [best, most] = [size, count];
  return best;
}

/** Heading level of a line (0 for none): larger sizes rank higher; a bold short line below them. */
export function headingLevels(lines: PdfLine[], body: number): (line: PdfLine) => number {
  const candidates = lines.filter((line) => line.size >= body * 1.12 && line.text.length <= 160 && /\p{L}/u.test(line.text));
  const sizes = [...new Set(candidates.map((line) => line.size))].sort((a, b) => b - a);
  // Sizes used only once or twice beyond the cover (the title) still rank: they are the top.
  const levels = sizes.slice(0, 4);
  return (line) => {
    // A line going on in lower case continues a sentence, whatever its type.
    if (!/\p{L}/u.test(line.text) || line.text.length > 160 || /^\p{Ll}/u.test(line.text)) return 0;
    const rank = levels.indexOf(line.size);
    if (rank >= 0) return rank + 1;
    if (line.size >= body * 1.12) return Math.min(levels.length + 1, 6);
    if (line.bold && Math.abs(line.size - body) < 1 && line.text.split(/\s+/).length <= 14 && !/[.,;]$/.test(line.text) && !bulletStart.test(line.text))
      return Math.min(levels.length + 1, 6);
    return 0;
  };
}

interface Block {
  kind: 'heading' | 'item' | 'paragraph' | 'row';
  level: number;
  x: number;
  text: string;
  /** The page the block starts on. */
  page: number;
  last: PdfLine;
}

/** Joins the laid-out lines into headings, list items, paragraphs and table rows. */
export function linesToBlocks(lines: PdfLine[]): Block[] {
  const body = bodySize(lines);
  const levelOf = headingLevels(lines, body);
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const line of lines) {
    const level = levelOf(line);
    const kind: Block['kind'] = line.text.includes('\t')
      ? 'row'
      : level
        ? 'heading'
        : bulletStart.test(line.text) || numberStart.test(line.text)
          ? 'item'
          : 'paragraph';
    const previous = current?.last;
    const gap = previous ? (previous.page === line.page ? line.top - previous.top : Infinity) : Infinity;
    const close = gap > 0 && gap <= Math.max(line.size, previous?.size ?? 0) * 1.75;
    const continues =
      current &&
      previous &&
      close &&
      kind !== 'row' &&
      current.kind !== 'row' &&
      ((current.kind === 'heading' && kind === 'heading' && current.level === level && !numberStart.test(line.text)) ||
        (current.kind === 'heading' && kind === 'paragraph' && /^\p{Ll}/u.test(line.text) && Math.abs(line.size - previous.size) < 1) ||
        (current.kind !== 'heading' &&
          kind === 'paragraph' &&
          Math.abs(line.size - previous.size) < 1 &&
          (line.bold === previous.bold || /^\p{Ll}/u.test(line.text)) &&
          line.x >= current.x - 2));
    // A paragraph carried over to the next page: it did not end a sentence and the next opens in lower case.
    const carried =
      current &&
      previous &&
      previous.page !== line.page &&
      kind === 'paragraph' &&
      current.kind === 'paragraph' &&
      !/[.!?:]["”’']?$/.test(current.text) &&
      /^[a-z]/.test(line.text);
    if (current && (continues || carried)) {
      current.text = /-$/.test(current.text) && /^[a-z]/.test(line.text) ? `${current.text}${line.text}` : `${current.text} ${line.text}`;
      current.last = line;
      continue;
    }
    current = { kind, level, x: line.x, text: line.text, page: line.page, last: line };
    blocks.push(current);
  }
  // A numbered line set in heading type but running on as a sentence is a list item ("1. Focus on reducing …, particularly …").
  for (const block of blocks) if (block.kind === 'heading' && numberStart.test(block.text) && block.text.split(/\s+/).length > 8) block.kind = 'item';
  return blocks;
}

/**
 * Writes the blocks as Markdown: headings with "#", items as nested "- " or numbered lines, and
 * a comment where each page starts (`<!-- page 2 -->`), unseen in Markdown, so the text reader
 * knows each line's page.
 */
export function blocksToMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  let listXs: number[] = [];
  let page: number | undefined;
  for (const block of blocks) {
    if (block.page !== page) out.push(pageComment(block.page), '');
    page = block.page;
    if (block.kind !== 'item') listXs = [];
    if (block.kind === 'heading') out.push(`${'#'.repeat(block.level)} ${block.text}`);
    else if (block.kind === 'item') {
      while (listXs.length && block.x < listXs[listXs.length - 1]! - 3) listXs.pop();
      if (!listXs.length || block.x > listXs[listXs.length - 1]! + 3) listXs.push(block.x);
      const indent = '  '.repeat(listXs.length - 1);
      const bullet = bulletStart.exec(block.text);
      out.push(bullet ? `${indent}- ${block.text.slice(bullet[0].length)}` : `${indent}${block.text}`);
    } else out.push(block.text);
    out.push('');
  }
  return `${out.join('\n').trim()}\n`;
}

/** Marks where a page starts in the Markdown a PDF is read into; source-text.ts reads it back. */
export const pageComment = (page: number) => `<!-- page ${page} -->`;

/**
 * The PDF as Markdown text (see the module's description).
 *
 * @remarks Throws an Error saying so when the file is not a PDF pdf.js can open, or has no text
 * (a scanned document).
 */
export async function readPdf(bytes: Uint8Array): Promise<string> {
  let lines: PdfLine[];
  try {
    lines = await pdfLines(bytes);
  } catch (error) {
    throw new Error(`The PDF cannot be read: ${(error as Error).message}`);
  }
  const kept = dropRunningLines(lines);
  if (!kept.some((line) => /\p{L}{2}/u.test(line.text))) throw new Error('The PDF has no text to read (a scanned document needs text recognition first).');
  return blocksToMarkdown(linesToBlocks(kept));
}
