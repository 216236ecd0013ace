/**
 * Reads an inspection report (Ofsted style): the report, its graded judgements, the findings
 * under each (strengths, findings, areas for improvement) and its recommendations. One reader
 * state (InspectionReader) and one handler per kind of line: heading, paragraph, table row and
 * list item.
 */
import { type ClassifiedLine, shortTitle } from './classify.ts';
import { daysIn } from './dates.ts';
import { FURNITURE, fullText, type Heading, type Node, type Output, USED } from './document-output.ts';
import { type FurnitureState, readFurniture } from './furniture.ts';
import { comparable, sentencesOf } from './words.ts';

type Grade = 'OUTSTANDING' | 'GOOD' | 'REQUIRES_IMPROVEMENT' | 'INADEQUATE';

const gradePattern = '(outstanding|good|inadequate|requires? improvement(?: to be good)?)';
const judgementSentence = new RegExp(
  `^(["“‘']?[A-Z].{2,160}?)\\s+(?:is|are|was|were|has been|have been|remains?|continues? to be)\\s+(?:(?:now\\s+)?(?:judged|found|rated|graded|assessed|considered)\\s+(?:to be|as)\\s+)?["“‘']?${gradePattern}(?=\\s*(?:[.,;:!'"”’]|$|\\s(?:and|but|after|following|in|at|for|because|with|since|overall)\\b))`,
  'i',
);
/** The three outcomes of an area SEND inspection (2023 framework), as its reports word them. */
const areaOutcome =
  /\b(?:typically positive experiences and outcomes|inconsistent experiences and outcomes|widespread and\/or systemic failings|widespread or systemic failings|systemic failings leading to significant concerns)\b/i;
/** Headings over what is done well, and over what must be done better, by whoever is inspected. */
const doingWell = /^what (?:is|are) (?:the )?[\w\s’'-]{2,60}? doing (?:well|that is effective)\s*\??$/i;
const doingBetter = /^what (?:does|do) (?:the )?[\w\s’'-]{2,60}? need to do better\s*\??$/i;
const headingJudgement = new RegExp(`^(.{3,120}?)\\s*[:\\-–—]\\s*(?:judgement|grade|rating)?\\s*:?\\s*${gradePattern}\\.?$`, 'i');
const historical = /\b(?:previous|previously|last|earlier|prior)\b|\b(?:in|since) (?:19|20)\d\d\b/i;
const improvementLanguage =
  /\b(?:requires? improvement|remains? variable|(?:is|are) variable|inconsistent|inconsistency|not (?:yet|always|consistently|sufficiently)|not all|needs? to (?:improve|be improved|strengthen)|should improve|weak(?:er|ness|nesses)?|too (?:slow|many|few|long|often)|delays? in|gaps? in|hindered|lack of|insufficient|poor(?:er)? quality|shortfall|declined)\b/i;

const gradeOf = (written: string): Grade => {
  const value = written.toLowerCase();
  if (value.startsWith('outstanding')) return 'OUTSTANDING';
  if (value.startsWith('good')) return 'GOOD';
  if (value.startsWith('inadequate')) return 'INADEQUATE';
  return 'REQUIRES_IMPROVEMENT';
};

/**
 * A current judgement stated in a sentence ("The experiences and progress of … are
 * outstanding."): its subject, grade, and the judging clause itself, for the excerpt. A grade
 * given to an earlier inspection ("the previous inspection in 2016, when …") does not count.
 */
function judgementIn(sentence: string): { subject: string; grade: Grade; clause: string } | undefined {
  const match = judgementSentence.exec(sentence.trim());
  if (!match || historical.test(match[0])) return undefined;
  return { subject: match[1]!.replace(/^["“‘']+/, ''), grade: gradeOf(match[2]!), clause: match[0] };
}

/** Whether a sentence says something needs to improve now (not at an earlier inspection). */
const needsImprovement = (value: string) => sentencesOf(value).some((sentence) => improvementLanguage.test(sentence) && !historical.test(sentence));

/** Whose action a sentence asks for: "Leaders across the partnership should …". */
const shouldOpening = /^["“‘']?(?:[A-Z][\w’'-]*)(?:\s+[\w’'-]+){0,8}?\s+should\s+(?!also\b)/;

/**
 * The recommendations in a paragraph: each sentence saying who should do something starts one,
 * and the sentences after it ("This includes …", "Leaders should also …") belong to it.
 */
export function recommendationsIn(paragraph: string): string[] {
  const found: string[] = [];
  for (const sentence of sentencesOf(paragraph)) {
    if (shouldOpening.test(sentence) || found.length === 0) found.push(sentence);
    else found[found.length - 1] = `${found[found.length - 1]} ${sentence}`;
  }
  return found;
}

const recommendationSentence = /\brecommend(?:s|ed)?\b.*?\bshould\s+(.+?)[.!]?["”’']?$/i;

/**
 * Whether the document reads as an inspection report: graded judgements, inspection words, and
 * none of a plan's labelled or lettered priorities.
 */
export function looksLikeInspection(classified: ClassifiedLine[], text: string, title: string): boolean {
  const inspectionWords = text.match(/\b(?:ofsted|inspection|inspected|inspectors?|cqc|care quality commission|inspectorate)\b/gi)?.length ?? 0;
  // A report that calls itself an inspection is one, whatever scale it judges on (area SEND outcomes, CQC ratings).
  if (/\binspection\b|\binspected\b/i.test(title) && !/\b(?:plan|strategy|framework)\b/i.test(title) && inspectionWords >= 3) return true;
  if (classified.some((line) => line.kind === 'marker' || line.kind === 'lettered')) return false;
  let judgements = 0;
  for (const line of classified) {
    if (line.kind !== 'paragraph' && line.kind !== 'heading') continue;
    if (headingJudgement.test(line.body)) judgements += 1;
    else for (const sentence of sentencesOf(line.body)) if (judgementIn(sentence)) judgements += 1;
  }
  if (/\b(?:ofsted|inspection|inspected|inspectors?)\b/i.test(title) && judgements >= 1) return true;
  return judgements >= 2 && inspectionWords >= 2;
}

/** The list a heading opened: what its items and paragraphs become. */
type InspectionList = 'findings' | 'recommendations' | 'improvements' | 'strengths' | 'weaknesses';
type FindingKind = 'STRENGTH' | 'FINDING' | 'AREA_FOR_IMPROVEMENT' | 'RECOMMENDATION';

/** Where the inspection reader is: the section, judgement and list the lines so far have opened. */
export interface InspectionReader extends FurnitureState {
  readonly output: Output;
  readonly report: Node;
  /** Judgements by their subject's words: a report often grades an area twice (a summary table, then its own section). */
  readonly judgements: Map<string, Node>;
  /** How many findings or recommendations each parent has, for their ids. */
  readonly counters: Map<string, number>;
  /** The section the lines sit in, for the sources. */
  section: string;
  /** The judgement whose findings are being read. */
  judgement?: Node;
  list?: InspectionList;
  /** The heading just read: a grade on the next line ("Good") grades it. */
  lastHeading?: { index: number; body: string };
  /** An area SEND report states one outcome; later mentions of the outcomes are not judgements. */
  outcomeRead: boolean;
  /** The recommendation last read: items nested under it, or after its closing colon, are part of it. */
  lastAsk?: { node: Node; indent: number; leadIn: boolean };
}

/** A reader at the report's start, in the section its title names. */
export function newInspectionReader(output: Output, heading: Heading, report: Node): InspectionReader {
  return { output, report, judgements: new Map(), counters: new Map(), section: heading.documentTitle, furnitureSection: false, outcomeRead: false };
}

/**
 * Reads the report into Evidence nodes: the report (INSPECTION_REPORT, graded as its headline or
 * overall judgement grades it), each JUDGEMENT with its grade, the bullet points and paragraphs
 * under a judgement as STRENGTH, FINDING or AREA_FOR_IMPROVEMENT, and RECOMMENDATIONs. Returns
 * the report's id.
 */
export function parseInspection(output: Output, heading: Heading, reportId: string): string {
  const report = output.add({
    id: reportId,
    label: 'Evidence',
    kind: 'INSPECTION_REPORT',
    title: heading.documentTitle,
    grade: judgementIn(heading.documentTitle)?.grade,
    source: { section: 'Title', excerpt: heading.excerpt },
  } as Node);
  const dated = inspectionDate(output);
  if (dated) {
    (report as Record<string, unknown>).date = dated.date;
    output.status[dated.index] = USED;
  }
  readInspectionLines(newInspectionReader(output, heading, report));
  if (!report.grade) {
    const overall = output.nodes.find((node) => node.kind === 'JUDGEMENT' && /\boverall\b/i.test(node.title));
    if (overall?.grade) (report as Record<string, unknown>).grade = overall.grade;
  }
  return reportId;
}

/** Reads every line not yet used, each by the handler for its kind. */
export function readInspectionLines(reader: InspectionReader): void {
  const { output } = reader;
  for (let index = 0; index < output.lines.length; index += 1) {
    const line = output.classified[index]!;
    output.sections[index] = reader.section;
    if (output.status[index] === USED || line.kind === 'blank' || readFurniture(output, reader, line, index)) continue;
    if (line.kind === 'heading') {
      readInspectionHeading(reader, line, index);
      continue;
    }
    reader.lastHeading = undefined;
    if (line.kind === 'paragraph') readInspectionParagraph(reader, line, index);
    else if (line.kind === 'table') readInspectionTable(reader, line, index);
    else readInspectionItem(reader, line, index);
  }
}

const nextId = (reader: InspectionReader, parent: string, prefix: string) => {
  const key = `${parent} ${prefix}`;
  const count = (reader.counters.get(key) ?? 0) + 1;
  reader.counters.set(key, count);
  return reader.output.uniqueId(`${parent}/${prefix}${count}`);
};

/** A judgement of an area, whose findings the lines after it are; an area judged before is that judgement again. */
export function addJudgement(reader: InspectionReader, subject: string, grade: Grade | undefined, excerptWords: string, index: number, text?: string): void {
  const { output, report } = reader;
  const key = comparable(subject);
  reader.judgement =
    reader.judgements.get(key) ??
    output.add({
      id: nextId(reader, report.id, 'j'),
      label: 'Evidence',
      kind: 'JUDGEMENT',
      title: shortTitle(subject),
      grade,
      parent: report.id,
      text,
      source: { section: reader.section, excerpt: output.quote(excerptWords, [index]) },
    } as Node);
  reader.judgements.set(key, reader.judgement);
  reader.section = shortTitle(subject, 120);
  reader.list = 'findings';
}

/** A finding or recommendation; what a report says needs to improve, and what it recommends, is about the whole report. */
function addFinding(reader: InspectionReader, kind: FindingKind, words: string, quote: string, index: number, title = shortTitle(words)): void {
  const { output, report } = reader;
  const parent = kind === 'RECOMMENDATION' || reader.list === 'improvements' ? report : (reader.judgement ?? report);
  const node = output.add({
    id: nextId(reader, parent.id, kind === 'RECOMMENDATION' ? 'r' : 'f'),
    label: 'Evidence',
    kind,
    title,
    parent: parent.id,
    text: fullText(words, title),
    source: { section: reader.section, excerpt: output.quote(quote, [index]) },
  } as Node);
  output.status[index] = USED;
  const line = output.classified[index]!;
  if (kind === 'RECOMMENDATION' || kind === 'AREA_FOR_IMPROVEMENT')
    reader.lastAsk = { node, indent: line.indent, leadIn: line.kind === 'paragraph' && /:["”’']?$/.test(words) };
}

/** A recommendation's title: what it says should be done. */
const recommendationTitle = (words: string) => {
  const match = recommendationSentence.exec(words) ?? /\bshould\s+(.+?)[.!]?$/i.exec(words);
  return shortTitle(match ? match[1]! : words);
};

/** Whether the list being read asks for something: recommendations, or areas for improvement. */
const asking = (list: InspectionList | undefined): list is 'recommendations' | 'improvements' => list === 'recommendations' || list === 'improvements';

/** An ask of the list being read: a recommendation, or an area for improvement, titled by what should be done. */
const addAsk = (reader: InspectionReader, list: 'recommendations' | 'improvements', words: string, index: number) =>
  addFinding(reader, list === 'recommendations' ? 'RECOMMENDATION' : 'AREA_FOR_IMPROVEMENT', words, words, index, recommendationTitle(words));

const askHeading =
  /^(?:recommendations?|what (?:needs|the local authority needs|the council needs|leaders need) to (?:improve|do)(?: better| next)?|areas? for (?:priority action|improvement|development))\s*[:?]?$/i;
const strengthsHeading = /^(?:strengths?|what is working well|what works well)\s*[:?]?$/i;
const gradeOnly = new RegExp(`^${gradePattern}\\.?$`, 'i');

/** The list a heading opens: recommendations, areas for improvement, strengths or weaknesses. */
export function listOpenedBy(heading: string): InspectionList | undefined {
  if (askHeading.test(heading)) return /recommend/i.test(heading) ? 'recommendations' : 'improvements';
  if (strengthsHeading.test(heading) || doingWell.test(heading)) return 'strengths';
  if (doingBetter.test(heading)) return 'weaknesses';
  return undefined;
}

/**
 * A graded heading ("Overall effectiveness: Good"), or a grade alone under the heading it grades,
 * is a judgement. Whether the heading was one.
 */
function readGradedHeading(reader: InspectionReader, line: ClassifiedLine, index: number): boolean {
  const { output, lastHeading } = reader;
  const graded = headingJudgement.exec(line.body);
  if (graded) addJudgement(reader, graded[1]!, gradeOf(graded[2]!), line.quote, index);
  else if (lastHeading && gradeOnly.test(line.body)) {
    addJudgement(reader, lastHeading.body, gradeOf(line.body), `${output.classified[lastHeading.index]!.quote} ${line.quote}`, index);
    output.status[lastHeading.index] = USED;
  } else return false;
  output.status[index] = USED;
  return true;
}

/**
 * A heading: a judgement when graded; one naming recommendations, strengths or weaknesses opens
 * that list; any other starts a section and ends such a list.
 */
export function readInspectionHeading(reader: InspectionReader, line: ClassifiedLine, index: number): void {
  const { output } = reader;
  reader.lastAsk = undefined;
  if (readGradedHeading(reader, line, index)) return;
  const opened = listOpenedBy(line.body);
  reader.section = shortTitle(line.body, 120);
  output.sections[index] = reader.section;
  if (opened) {
    reader.list = opened;
    output.status[index] = USED;
    return;
  }
  reader.lastHeading = { index, body: line.body };
  // A list of recommendations, strengths or weaknesses ends at the next heading.
  if (reader.list && reader.list !== 'findings') reader.list = reader.judgement ? 'findings' : undefined;
}

/**
 * The judgements and recommendations a paragraph's sentences state: a graded sentence, an area
 * SEND outcome (the first one stated), "We recommend that … should …". Whether there were any.
 */
function readStatedSentences(reader: InspectionReader, body: string, index: number): boolean {
  const sentences = sentencesOf(body);
  let stated = false;
  for (const sentence of sentences) {
    const found = judgementIn(sentence);
    if (!found && !reader.outcomeRead && areaOutcome.test(sentence) && !historical.test(sentence)) {
      // An area SEND outcome is one of three, not a four-point grade: a judgement with the outcome as its words.
      reader.outcomeRead = true;
      addJudgement(reader, /\boutcome\b/i.test(reader.section) ? reader.section : 'Inspection outcome', undefined, sentence, index, sentence);
    } else if (found) {
      const text = sentences.length > 2 ? body : comparable(sentence) !== comparable(found.clause) ? sentence : undefined;
      addJudgement(reader, found.subject, found.grade, found.clause, index, text);
    } else if (recommendationSentence.test(sentence)) {
      addFinding(reader, 'RECOMMENDATION', sentence, sentence, index, recommendationTitle(sentence));
      reader.judgement = undefined;
      reader.list = undefined;
    } else continue;
    stated = true;
  }
  return stated;
}

/**
 * A paragraph: the judgements and recommendations it states; else, under recommendations, each
 * "… should …" sentence with those after it; else, under a judgement, a finding.
 */
export function readInspectionParagraph(reader: InspectionReader, line: ClassifiedLine, index: number): void {
  const { body } = line;
  const { list } = reader;
  reader.lastAsk = undefined;
  if (readStatedSentences(reader, body, index)) reader.output.status[index] = USED;
  else if (asking(list) && /\bshould\b/i.test(body)) for (const recommendation of recommendationsIn(body)) addAsk(reader, list, recommendation, index);
  else if (reader.judgement && /[.!?]["”’']?$/.test(body))
    addFinding(reader, needsImprovement(body) ? 'AREA_FOR_IMPROVEMENT' : 'FINDING', body, line.quote, index);
}

/** A table row's cells: tab-separated (HTML, PDF) or between Markdown's "|", emphasis removed. */
export function tableCells(row: string): string[] {
  const raw = row.trim();
  return (/^\|.*\|$/.test(raw) ? raw.slice(1, -1).split('|') : raw.split('\t')).map((cell) => cell.replace(/\*\*|__/g, '').trim()).filter(Boolean);
}

/**
 * A table row: a summary table's "Overall effectiveness | Good" is a judgement; under
 * recommendations, a row of who must do what is the cell that says what should be done.
 */
export function readInspectionTable(reader: InspectionReader, line: ClassifiedLine, index: number): void {
  const { output, list } = reader;
  const cells = tableCells(output.lines[index]!.text);
  const graded = cells.length === 2 ? gradeOnly.exec(cells[1]!) : null;
  const ask = asking(list) ? cells.find((cell) => /\bshould\b/.test(cell)) : undefined;
  if (cells.every((cell) => /^:?-{2,}:?$/.test(cell))) output.status[index] = FURNITURE;
  else if (graded) {
    addJudgement(reader, cells[0]!, gradeOf(graded[1]!), line.quote, index);
    output.status[index] = USED;
  } else if (cells.length === 2 && /^judgements?$/i.test(cells[0]!) && /^(?:grade|rating)s?$/i.test(cells[1]!)) output.status[index] = USED;
  else if (asking(list) && ask) addAsk(reader, list, ask, index);
  else output.status[index] = asking(list) ? USED : 'table row (tables are not read)';
}

/**
 * A list item (or a labelled line, which an inspection report reads as one): what it is depends
 * on the list it is in, or, under a judgement alone, on its words and the judgement's grade.
 */
export function readInspectionItem(reader: InspectionReader, line: ClassifiedLine, index: number): void {
  const { list, judgement } = reader;
  const { body, quote } = line;
  if (asking(list) && partOfLastAsk(reader, line, index)) return;
  if (list === 'recommendations') addFinding(reader, 'RECOMMENDATION', body, quote, index, recommendationTitle(body));
  else if (list === 'improvements') addFinding(reader, 'AREA_FOR_IMPROVEMENT', body, quote, index);
  else if (list === 'strengths') addFinding(reader, 'STRENGTH', body, quote, index);
  // What a partnership needs to do better: weaknesses found, under the outcome, not recommendations.
  else if (list === 'weaknesses') addFinding(reader, judgement ? 'AREA_FOR_IMPROVEMENT' : 'FINDING', body, quote, index);
  else if (judgement) {
    const grade = judgement.grade as Grade | undefined;
    const kind = needsImprovement(body) ? 'AREA_FOR_IMPROVEMENT' : grade === 'OUTSTANDING' || grade === 'GOOD' ? 'STRENGTH' : 'FINDING';
    addFinding(reader, kind, body, quote, index);
  } else reader.output.status[index] = 'list item outside any judgement or recommendations';
}

/** An item nested under the last recommendation, or after its closing colon, goes on with its text. */
function partOfLastAsk(reader: InspectionReader, line: ClassifiedLine, index: number): boolean {
  const { lastAsk } = reader;
  if (!lastAsk || !(line.indent > lastAsk.indent || lastAsk.leadIn)) return false;
  const node = lastAsk.node as Record<string, unknown>;
  node.text = `${(node.text as string | undefined) ?? lastAsk.node.title} ${line.body}`;
  reader.output.status[index] = USED;
  return true;
}

/** "Inspection dates: 6 to 17 March 2023" → the last day of the inspection, and its line. */
function inspectionDate(output: Output): { date: string; index: number } | undefined {
  for (let index = 0; index < output.lines.length; index += 1) {
    const text = output.lines[index]!.text;
    if (!/^\s*(?:inspection )?dates? of (?:the )?inspection|^\s*inspection dates?\b/i.test(text)) continue;
    // "Inspection dates: … Dates of previous inspection: …" on one line: the earlier visit's days do not count.
    const current = text.split(/\b(?:dates? of (?:the )?(?:previous|last|earlier) inspection|previous inspection)\b/i)[0]!;
    const last = daysIn(current).at(-1);
    if (last) return { date: last.date, index };
  }
  return undefined;
}
