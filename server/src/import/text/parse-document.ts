/**
 * Turns a council strategy, plan or inspection report written as plain text, Markdown or HTML
 * into a seed file (seed/FORMAT.md): a rough, automatic version of what the hand-made seed files
 * say, with a verbatim excerpt behind every node, and a list of the lines it did not understand.
 *
 * It recognises the shapes these documents share rather than any one council's layout:
 * labelled priorities ("Strategic Priority 1: …", "Priority One", "Outcome 1 –"), lettered
 * priorities ("A. …") with numbered deliverables, lists introduced by a lead-in ("we will",
 * "Key actions will include", "What we will need to do well is", "Directors responsible:"),
 * a vision or policy outcome, and, for inspection reports, graded judgements with their
 * findings and recommendations. Citations of catalogued legislation become Authority nodes, cited
 * by the plan; an item whose own words cite an Act gets a SUGGESTED statutory-basis link, which
 * counts for nothing until a person accepts it.
 *
 * The output depends on the text and the options only, so importing the same document again
 * yields the same ids and the same file.
 */
import type { SeedFile } from '../seed-format.ts';
import { classifyLine, type ClassifiedLine, isFurnitureSectionHeading, recogniseLeadIn, slugify, visionHeading } from './classify.ts';
import { applyChoices, checkChoices, chosenPrioritySections } from './apply-choices.ts';
import { choiceText, parseChoices } from './choices.ts';
import { daysIn, monthIn } from './dates.ts';
import { CONTEXT, FURNITURE, type Heading, inKeyOrder, type Node, Output, USED, withPrefix } from './document-output.ts';
import { buildOutline } from './outline.ts';
import { describeOutline, type OutlinePart } from './outline-view.ts';
import type { CatalogueEntry } from '../../legislation/catalogue.ts';
import { findProvisionCitations } from '../../legislation/citations.ts';
import { blankPageMarks } from '../../text.ts';
import { provisionNodeId } from '../../legislation/identifiers.ts';
import { inferOrganisation } from './organisation.ts';
import { looksLikeInspection, parseInspection } from './parse-inspection.ts';
import { describePlan, parsePlan } from './parse-plan.ts';
import { checkDocumentText, cutExcerpt, markupRanges, normaliseWhitespace, Quoter, type SourceLine, toSourceLines } from './source-text.ts';
import { parse as parseYaml } from 'yaml';

export { MAX_DOCUMENT_BYTES } from './source-text.ts';

export interface ParseOptions {
  /** The document's file name, as it will sit under seed/documents/ (`document.file`). */
  fileName: string;
  /** The publishing Organisation's id (`org/thurrock-council`); also prefixes the plan's id. */
  publisherId?: string;
  /** Who drew the links (`curation.by`); defaults to "Automatic text import". */
  curatedBy?: string;
  /** When (`curation.at`, YYYY-MM-DD); defaults to today, so pass it for byte-identical re-imports. */
  at?: string;
  /** A person's corrections of the recognised outline (choices.ts), such as `level 2 = priorities`. */
  choices?: readonly string[];
  /**
   * Entries of the stored statute catalogue for names in the text (legislation/stored-catalogue.ts),
   * looked for beside the built-in catalogue's.
   */
  statutes?: readonly CatalogueEntry[];
}

export interface NotUnderstoodLine {
  /** 1-based line of the input. */
  line: number;
  /** The line's words (tags removed), shortened to 500 characters. */
  text: string;
  reason: string;
}

export interface ParsedDocument {
  seed: SeedFile;
  notUnderstood: NotUnderstoodLine[];
  /** The recognised outline, with what each part became. */
  outline: OutlinePart[];
  /** The choices applied, in their canonical words. */
  choices: string[];
}

/**
 * Parses a strategy, plan or inspection document (plain text, Markdown or HTML) into a seed file
 * and the lines it did not understand. A document with no structure it knows gives a plan with no
 * items and every content line in `notUnderstood`, never an error.
 *
 * @remarks Throws an Error naming the problem (and the line) for empty text, text over 2 MB, or
 * text with NUL or other binary control characters, and for options the seed format would reject;
 * a ChoiceError naming the choice for a choice that cannot be read or names nothing in the outline.
 *
 * @example
 * const { seed, notUnderstood } = parseStrategyDocument(text, { fileName: 'plan.txt', publisherId: 'org/thurrock-council' });
 */
export function parseStrategyDocument(text: string, given: ParseOptions): ParsedDocument {
  checkDocumentText(text);
  const options = { ...given, publisherId: given?.publisherId?.trim() || undefined };
  checkOptions(options);
  const lines = toSourceLines(text);
  const classified = readFrontMatter(lines, lines.map(classifyLine));
  const output = new Output(lines, classified, new Quoter(text));
  const heading = findTitle(output, options.fileName);
  const publisherPrefix = prefixOf(options.publisherId);
  const inspection = looksLikeInspection(classified, text, heading.documentTitle);
  const outline = buildOutline(
    classified,
    lines.map((line) => line.text),
    new Set(heading.lineIndexes),
  );
  const choices = parseChoices(options.choices ?? []);
  checkChoices(outline, choices, inspection);

  let documentKind: SeedFile['document']['kind'];
  let citer: string;
  if (inspection) {
    const reportSlug = withPrefix(publisherPrefix, slugify(heading.documentTitle, 50) || 'inspection-report');
    documentKind = /\b(?:said|says|states|stated|added|highlights|concluded) the report\b|\bthe report (?:said|says|states|added|highlights|concluded)\b/i.test(
      text,
    )
      ? 'NEWS_REPORT'
      : 'INSPECTION_REPORT';
    citer = parseInspection(output, heading, reportSlug);
    applyChoices(output, outline, choices, { rootId: citer, inspection });
  } else {
    const plan = describePlan(output, heading, text);
    documentKind = plan.documentKind;
    citer = parsePlan(output, heading, plan, publisherPrefix, outline, chosenPrioritySections(outline, choices));
    applyChoices(output, outline, choices, { rootId: citer, inspection });
    if (options.publisherId) output.link({ from: options.publisherId, type: 'PUBLISHES', to: citer });
  }
  // Named by the person importing, or else inferred: the publisher of a plan, the body a report inspects.
  const inferred = options.publisherId ? undefined : inferOrganisation(text, heading.documentTitle, inspection);
  if (inferred) {
    output.add({
      id: inferred.id,
      label: 'Organisation',
      kind: inferred.kind,
      title: inferred.name,
      source: { section: 'Document', excerpt: output.quoter.quote(inferred.quote, []) },
    } as Node);
    if (inspection) output.link({ from: citer, type: 'ABOUT', to: inferred.id });
    else output.link({ from: inferred.id, type: 'PUBLISHES', to: citer });
  }
  addCitations(output, text, citer, !inspection, options.statutes ?? []);

  const published = publishedDate(output, heading.documentTitle);
  const documentSlug = withPrefix(publisherPrefix, slugify(heading.documentName, 60) || 'document');
  const seed: SeedFile = {
    document: {
      id: `document/${documentSlug}`,
      title: heading.documentTitle,
      file: options.fileName,
      ...(options.publisherId ? { publisher: options.publisherId } : {}),
      ...(published ? { published } : {}),
      kind: documentKind,
    },
    curation: { by: options.curatedBy?.trim() || 'Automatic text import', at: options.at ?? new Date().toISOString().slice(0, 10) },
    nodes: output.nodes.map(inKeyOrder),
    links: output.links,
  };
  return { seed, notUnderstood: collectNotUnderstood(output), outline: describeOutline(output, outline, choices), choices: choices.map(choiceText) };
}

/**
 * A Markdown file's YAML front matter (between "---" lines at the top) is no part of the text;
 * its `title`, when it has one, is the document's title.
 */
export function readFrontMatter(lines: SourceLine[], classified: ClassifiedLine[]): ClassifiedLine[] {
  if (lines[0]?.text.trim() !== '---') return classified;
  const end = lines.findIndex((line, index) => index > 0 && line.text.trim() === '---');
  if (end < 0) return classified;
  let front: unknown;
  try {
    front = parseYaml(
      lines
        .slice(1, end)
        .map((line) => line.text)
        .join('\n'),
    );
  } catch {
    return classified;
  }
  const title = typeof front === 'object' && front && typeof (front as { title?: unknown }).title === 'string' ? (front as { title: string }).title.trim() : '';
  return classified.map((line, index) => {
    if (index > end) return line;
    if (title && index > 0 && index < end && /^title\s*:/.test(lines[index]!.text.trim()))
      return { ...line, kind: 'heading', headingLevel: 1, body: title, quote: title };
    return { ...line, kind: 'furniture' };
  });
}

function checkOptions(options: ParseOptions): void {
  if (!options || typeof options.fileName !== 'string' || !/^[\w.-]+$/.test(options.fileName)) {
    throw new Error(`The file name "${options?.fileName ?? ''}" must be a plain file name (letters, digits, "_", "-" and "."), as under seed/documents/.`);
  }
  if (options.publisherId !== undefined && !/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9.-]*)*$/.test(options.publisherId)) {
    throw new Error(`The publisher id "${options.publisherId}" must be a lowercase slug such as org/thurrock-council.`);
  }
  if (options.at !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(options.at)) {
    throw new Error(`The curation date "${options.at}" must be YYYY, YYYY-MM or YYYY-MM-DD.`);
  }
}

/** "org/thurrock-council" → "thurrock"; "org/london-borough-of-redbridge" → "redbridge". */
function prefixOf(publisherId: string | undefined): string {
  if (!publisherId) return '';
  const last = publisherId.split('/').pop() ?? '';
  return last
    .replace(/^(?:the-)?(?:london-borough-of|royal-borough-of|city-of|borough-of|county-of)-/, '')
    .replace(/-(?:metropolitan-borough|borough|county|city|district|town|parish)?-?council$/, '')
    .replace(/-+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Title and date

function findTitle(output: Output, fileName: string): Heading {
  const { classified, lines } = output;
  // The title is the first heading or line of text, unless the document opens with its
  // structure (a priority, a list), when the file name stands in.
  let titleIndex = classified.findIndex((line) => line.kind !== 'blank' && line.kind !== 'furniture' && line.kind !== 'publisher');
  const opening = titleIndex >= 0 ? classified[titleIndex]! : undefined;
  const fallbackName =
    fileName
      .replace(/\.[^.]+$/, '')
      .replace(/[_-]+/g, ' ')
      .trim() || 'Untitled document';
  if (!opening || opening.body.length > 200 || !['heading', 'paragraph', 'table'].includes(opening.kind)) {
    const first = lines.findIndex((line) => line.text.trim() !== '');
    const excerpt = output.quote(lines[first]!.text, [first]);
    return { documentTitle: fallbackName, documentName: fallbackName, planName: fallbackName, mainTitle: fallbackName, lineIndexes: [], excerpt };
  }
  // A cover that names the place first ("Derby City", then "Inspection of services for …") is titled by the line after.
  const following = output.nextContent(titleIndex);
  const cover = following >= 0 ? classified[following]! : undefined;
  if (
    cover &&
    opening.body.split(' ').length <= 3 &&
    /^(?:inspection|review|report|annual report)\b/i.test(cover.body) &&
    cover.body.length <= 200 &&
    ['heading', 'paragraph'].includes(cover.kind)
  ) {
    output.status[titleIndex] = USED;
    titleIndex = following;
  }
  const title = classified[titleIndex]!;
  const indexes = [titleIndex];
  let subtitle: ClassifiedLine | undefined;
  const next = output.nextContent(titleIndex);
  const candidate = next >= 0 ? classified[next]! : undefined;
  if (
    candidate &&
    title.body.length <= 40 &&
    candidate.kind === 'heading' &&
    candidate.body.length <= 80 &&
    !recogniseLeadIn(candidate.body, 'heading') &&
    !visionHeading(candidate.body) &&
    !isFurnitureSectionHeading(candidate.body)
  ) {
    subtitle = candidate;
    indexes.push(next);
  }
  const tidy = (value: string) => value.replace(/\b((?:19|20)\d\d)\s*([-–—])\s*((?:19|20)?\d\d)\b/g, '$1$2$3').replace(/[\s:;,]+$/, '');
  const mainTitle = tidy(title.body);
  const documentTitle = subtitle ? `${mainTitle}: ${tidy(subtitle.body)}` : mainTitle;
  const firstPart = (value: string) => {
    const parts = value.split(/\s+[-–—]\s+/);
    return parts.length > 1 && parts[0]!.split(' ').length >= 2 ? parts[0]! : value;
  };
  const documentName = firstPart(mainTitle);
  const planMain = documentName.replace(/\s*\(?\b(?:consultation(?:\s+draft)?|draft(?:\s+for\s+consultation)?|draft)\b\)?\s*$/i, '').trim() || documentName;
  const planName = subtitle ? `${planMain}: ${tidy(subtitle.body)}` : planMain;
  for (const index of indexes) output.status[index] = USED;
  const excerpt = output.quote(indexes.map((index) => classified[index]!.quote).join(' '), indexes);
  return { documentTitle, documentName, planName, mainTitle: planMain, lineIndexes: indexes, excerpt };
}

/** The document's date where it states one ("Page last reviewed: 14/12/2023", "… – July 2018"). */
function publishedDate(output: Output, title: string): string | undefined {
  const stated = /\b(?:last (?:reviewed|updated|modified)|published|date of publication|issued|dated)\b\s*(?:on)?\s*:?\s*/gi;
  for (const line of output.lines) {
    for (const match of line.text.matchAll(stated)) {
      const day = daysIn(line.text.slice(match.index + match[0].length))[0];
      if (day?.index === 0) return day.date;
    }
  }
  return monthIn(title);
}

// ---------------------------------------------------------------------------------------------
// Legislation

/**
 * Every catalogued authority the text cites becomes an Authority node (its source is the first
 * citation) that the plan or report CITES, and every section, Part, Schedule or regulation cited
 * of it a Provision node under it (`authority/children-act-1989/s17`, the id the legislation
 * update gives the same provision), sourced from its first citation. An item whose own words cite
 * one also gets a SUGGESTED GIVES_EFFECT_TO link, for a person to accept or reject: to the
 * provisions its words name, else to the authority.
 */
function addCitations(output: Output, text: string, citer: string, suggestBasis: boolean, statutes: readonly CatalogueEntry[]): void {
  const { lines, status } = output;
  // The logical line holding an offset: the last one starting at or before it.
  const starts = lines.map((line, index) => ({ start: line.start, index })).filter(({ start }) => start >= 0);
  const lineIndexAt = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]!.start <= offset) low = middle;
      else high = middle - 1;
    }
    return starts[low]?.index ?? 0;
  };
  // Words inside a tag (an attribute, a script) are not the document's words.
  const markup = markupRanges(text);
  const inMarkup = (offset: number) => {
    let low = 0;
    let high = markup.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [from, to] = markup[middle]!;
      if (offset < from) high = middle - 1;
      else if (offset >= to) low = middle + 1;
      else return true;
    }
    return false;
  };
  const wordsIn = (from: number, to: number) =>
    to > from
      ? (text
          .slice(from, to)
          .replace(/<[^>]*>/g, ' ')
          .match(/[A-Za-z]{3,}/g)?.length ?? 0)
      : 0;

  const defined = new Set<string>();
  // Per citing line: how far the words around its citations have been counted, and how many.
  const citing = new Map<number, { cursor: number; words: number }>();
  // A page mark is no words of the document, so a citation running on across a page break is read without it.
  for (const cited of findProvisionCitations(blankPageMarks(text), statutes)) {
    const { citation, authority } = cited;
    if (inMarkup(citation.index)) continue;
    const lineIndex = lineIndexAt(citation.index);
    const counted = citing.get(lineIndex) ?? { cursor: lines[lineIndex]!.start, words: 0 };
    counted.words += wordsIn(counted.cursor, cited.index);
    counted.cursor = Math.max(counted.cursor, cited.index + cited.matched.length, citation.index + citation.matched.length);
    citing.set(lineIndex, counted);

    const section = output.sections[lineIndex] || 'Document';
    const page = lines[lineIndex]!.page;
    const onPage = page ? { page } : {};
    if (!defined.has(authority.id)) {
      defined.add(authority.id);
      const excerpt = normaliseWhitespace(citation.matched);
      output.add({
        id: authority.id,
        label: 'Authority',
        title: authority.title,
        kind: authority.kind,
        legislationId: authority.legislationId,
        year: authority.year,
        citedAs: excerpt,
        source: { section, excerpt, ...onPage },
      } as Node);
      output.link({ from: citer, type: 'CITES', to: authority.id, section, excerpt });
    }
    for (const provision of cited.provisions) {
      const id = provisionNodeId(authority.id, provision.provision);
      if (defined.has(id)) continue;
      defined.add(id);
      output.add({
        id,
        label: 'Provision',
        title: `${provision.code} ${authority.title}`,
        parent: authority.id,
        code: provision.code,
        source: { section, excerpt: normaliseWhitespace(cited.matched), ...onPage },
      } as Node);
    }
  }
  // A line that is only citations (a list of Acts) is understood; one with more words is not.
  for (const [lineIndex, counted] of citing) {
    const verdict = status[lineIndex];
    if (verdict === USED || verdict === FURNITURE) continue;
    const words = counted.words + wordsIn(counted.cursor, lines[lineIndex]!.end);
    status[lineIndex] = words < 3 ? USED : `${verdict ?? defaultReason(output, lineIndex) ?? 'not understood'}; its citations of legislation were recorded`;
  }
  if (!suggestBasis) return;
  for (const node of output.nodes) {
    if (node.label !== 'Priority' && node.label !== 'Objective' && node.label !== 'Action') continue;
    const words = output.words.get(node.id) ?? `${node.title} ${(node.text as string | undefined) ?? ''}`;
    const seen = new Set<string>();
    for (const cited of findProvisionCitations(words, statutes)) {
      const provisions = cited.provisions.map(({ provision }) => provisionNodeId(cited.authority.id, provision)).filter((id) => defined.has(id));
      const targets = provisions.length ? provisions : [cited.authority.id];
      const rationale = `Cites "${normaliseWhitespace(provisions.length ? cited.matched : cited.citation.matched)}" in its own words.`;
      for (const target of targets) {
        if (seen.has(target) || !defined.has(target)) continue;
        seen.add(target);
        output.link({ from: node.id, type: 'GIVES_EFFECT_TO', to: target, basis: 'SUGGESTED', rationale });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// What was not understood

function defaultReason(output: Output, index: number): string | undefined {
  const line = output.classified[index]!;
  switch (line.kind) {
    case 'blank':
    case 'furniture':
    case 'publisher':
      return undefined;
    case 'heading': {
      const next = output.nextContent(index, true);
      const following = next >= 0 ? output.classified[next]! : undefined;
      if (following && following.kind !== 'heading') return undefined;
      return 'a heading or short line with nothing under it';
    }
    case 'table':
      return 'table row (tables are not read)';
    case 'paragraph':
      return 'narrative text outside any recognised priority, objective or list';
    default:
      return 'list item outside any recognised priority or list';
  }
}

function collectNotUnderstood(output: Output): NotUnderstoodLine[] {
  const found: NotUnderstoodLine[] = [];
  output.lines.forEach((line, index) => {
    const verdict = output.status[index];
    if (verdict === USED || verdict === FURNITURE || verdict === CONTEXT) return;
    const reason = verdict ?? defaultReason(output, index);
    if (!reason) return;
    const words = normaliseWhitespace(line.text);
    found.push({ line: line.line, text: words.length > 500 ? `${cutExcerpt(words, 499)}…` : words, reason });
  });
  return found;
}
