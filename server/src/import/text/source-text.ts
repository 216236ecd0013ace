/**
 * The input side of the text importer: the hard limits on what it reads, the document as logical
 * lines that keep their line numbers in the input (HTML tags stripped, entities decoded, block
 * elements on lines of their own), and quoting that only ever returns words that appear in the
 * input, whitespace aside, as the seed loader requires of every excerpt.
 */
import { blankPageMarks, normaliseWhitespace } from '../../text.ts';

/** The most the importer reads: 2 MB of UTF-8 text. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

/**
 * Throws a clear Error if the text cannot be imported: it is empty, larger than 2 MB, or holds
 * NUL or other control characters that only binary data has (tab, line and page breaks are fine).
 */
export function checkDocumentText(text: string): void {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new Error('The document is empty: there is no text to import.');
  }
  // A UTF-16 code unit is at most 3 bytes of UTF-8, so short texts need no encoding to check.
  const bytes = text.length * 3 <= MAX_DOCUMENT_BYTES ? 0 : new TextEncoder().encode(text).length;
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new Error(`The document is ${(bytes / 1024 / 1024).toFixed(1)} MB of text; at most 2 MB can be imported.`);
  }
  const binary = /[\u0000-\u0008\u000E-\u001F\u007F]/.exec(text);
  if (binary) {
    const line = lineAt(text, binary.index);
    const code = binary[0].charCodeAt(0);
    const what = code === 0 ? 'a NUL character' : `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new Error(`Line ${line} contains ${what}: this looks like binary data, not a text document.`);
  }
}

/** 1-based line of an offset, counting "\n" only (so "\r\n" is one line break). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}

export interface SourceLine {
  /** 1-based line of the input where this line's text starts. */
  line: number;
  /** The words of the line: tags removed, entities decoded, indentation kept. */
  text: string;
  /** Offsets in the input of the line's first and last verbatim character. */
  start: number;
  end: number;
  /** The verbatim pieces of the input (between tags) that make up the line. */
  chunks: string[];
  /** Heading level, from <h1>–<h6> or a Markdown "#". */
  heading?: number;
  /** The line was opened by an HTML <li>. */
  listItem?: boolean;
  /** The page the line is on, when the text says (a PDF's `<!-- page 2 -->`). */
  page?: number;
}

const blockTags = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'title',
  'tr',
  'ul',
]);

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  pound: '£',
  euro: '€',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  shy: '',
};

/** Decodes the HTML character references a council web page uses. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** Tags, comments, and elements whose content is never document text, plus line breaks. */
const markup =
  /<!--[\s\S]*?-->|<(script|style|head|noscript|template|svg|nav)\b[^>]*>[\s\S]*?<\/\1\s*>|<!doctype[^>]*>|<\/?([a-z][a-z0-9-]*)\b(?:[^<>"']|"[^"<>]{0,2000}"|'[^'<>]{0,2000}'){0,4000}>|\n/gi;

/** Where a page starts, as the PDF reader marks it. */
const pageComment = /^<!--\s*page\s+(\d{1,5})\s*-->$/i;

/**
 * Splits the input into logical lines. Plain text and Markdown give one line per input line;
 * HTML block elements (headings, paragraphs, list items, table rows) start new lines, table
 * cells are separated by tabs and inline tags vanish, so a page written on one line still
 * yields its structure. Each line keeps the input line number where its text starts, and its page
 * when the text marks pages.
 */
export function toSourceLines(input: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let lineNumber = 1;
  let current: SourceLine | undefined;
  let pending: { heading?: number; listItem?: boolean } = {};
  let tagsOnLine = false;
  let page: number | undefined;

  const flush = (blankIfEmpty: boolean) => {
    if (current && current.text.trim() !== '') lines.push(current);
    else if (blankIfEmpty && !tagsOnLine) lines.push({ line: lineNumber, text: '', start: -1, end: -1, chunks: [] });
    current = undefined;
  };
  const addText = (raw: string, offset: number) => {
    if (raw === '') return;
    const firstWord = raw.search(/\S/);
    if (!current) {
      if (firstWord === -1) return;
      current = { line: lineNumber, text: '', start: offset + firstWord, end: offset + firstWord, chunks: [], ...pending, ...(page ? { page } : {}) };
      pending = {};
    }
    current.text += decodeEntities(raw);
    if (firstWord !== -1) {
      current.chunks.push(raw.trim());
      current.end = offset + raw.trimEnd().length;
    }
  };

  let at = 0;
  markup.lastIndex = 0;
  for (let match = markup.exec(input); match; match = markup.exec(input)) {
    addText(input.slice(at, match.index).replace(/\r$/, ''), at);
    at = match.index + match[0].length;
    if (match[0] === '\n') {
      flush(true);
      lineNumber += 1;
      tagsOnLine = false;
      continue;
    }
    tagsOnLine = true;
    const pageStart = pageComment.exec(match[0]);
    if (pageStart) page = Number(pageStart[1]);
    const name = match[2]?.toLowerCase();
    const closing = match[0].startsWith('</');
    if (name && blockTags.has(name)) {
      flush(false);
      if (!closing && /^h[1-6]$/.test(name)) pending.heading = Number(name[1]);
      if (!closing && name === 'li') pending.listItem = true;
    } else if (name === 'td' || name === 'th') {
      if (current && !closing) current.text += '\t';
    }
    lineNumber += countNewlines(match[0]);
  }
  addText(input.slice(at).replace(/\r$/, ''), at);
  flush(false);
  return lines;
}

/**
 * Offsets [start, end) of the input that are markup, not words: tags, comments, scripts and
 * styles. In order, so a caller can binary-search them.
 */
export function markupRanges(input: string): [number, number][] {
  const ranges: [number, number][] = [];
  markup.lastIndex = 0;
  for (let match = markup.exec(input); match; match = markup.exec(input)) {
    if (match[0] !== '\n') ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

const countNewlines = (value: string) => {
  let count = 0;
  for (let index = value.indexOf('\n'); index !== -1; index = value.indexOf('\n', index + 1)) count += 1;
  return count;
};

/** The one whitespace normalisation every excerpt comparison uses, as the seed loader does. */
export { normaliseWhitespace };

/**
 * Cuts a (whitespace-normalised) passage to at most `max` characters at a sentence end, else at a
 * word. The result is a prefix, so it is still verbatim.
 */
export function cutExcerpt(passage: string, max = 300): string {
  if (passage.length <= max) return passage;
  const head = passage.slice(0, max + 1);
  let sentenceEnd = -1;
  for (const match of head.matchAll(/[.!?;]["”’']?(?=\s)/g)) if (match.index >= 40) sentenceEnd = match.index + match[0].length;
  if (sentenceEnd > 0) return passage.slice(0, sentenceEnd);
  const space = head.lastIndexOf(' ', max);
  return passage.slice(0, space > 40 ? space : max).trim();
}

/**
 * Quotes the input. Every excerpt it returns appears in the input once whitespace is collapsed,
 * which is how the seed loader checks excerpts; when the wanted words do not (a decoded entity, a
 * word split by an inline tag), it quotes the longest verbatim piece of the line instead.
 */
export class Quoter {
  private readonly input: string;
  private readonly normalised: string;

  /** Quotes `input` as the seed loader reads it: page marks are not words of the document. */
  constructor(input: string) {
    this.input = blankPageMarks(input);
    this.normalised = normaliseWhitespace(this.input);
  }

  /** Whether the passage appears in the input, whitespace aside. */
  contains(passage: string, near?: { start: number; end: number }): boolean {
    const wanted = normaliseWhitespace(passage);
    if (!wanted) return false;
    if (near && near.start >= 0 && normaliseWhitespace(this.input.slice(near.start, near.end)).includes(wanted)) return true;
    return this.normalised.includes(wanted);
  }

  /** A verbatim excerpt for `wanted`, taken from `lines` (one item may span several lines). */
  quote(wanted: string, lines: readonly SourceLine[], max = 300): string {
    const first = lines[0];
    const last = lines[lines.length - 1];
    const near = first && last ? { start: first.start, end: last.end } : undefined;
    const passage = normaliseWhitespace(wanted);
    if (this.contains(passage, near)) return cutExcerpt(passage, max);
    const pieces = lines
      .flatMap((line) => line.chunks)
      .map(normaliseWhitespace)
      .filter(Boolean);
    const words = new Set(passage.toLowerCase().split(' '));
    const overlap = (piece: string) =>
      piece
        .toLowerCase()
        .split(' ')
        .filter((word) => words.has(word)).length;
    const best = pieces.filter((piece) => this.contains(piece, near)).sort((a, b) => overlap(b) - overlap(a) || b.length - a.length)[0];
    if (best) return cutExcerpt(best, max);
    return cutExcerpt(normaliseWhitespace(this.input.slice(first?.start ?? 0, last?.end ?? 0)) || this.normalised, max);
  }
}
