/**
 * Reads an inspection report (Ofsted style): the report, its graded judgements, the findings
 * under each (strengths, findings, areas for improvement) and its recommendations.
 */
import { type ClassifiedLine, isFurnitureSectionHeading, shortTitle } from './classify.ts';
import { daysIn } from './dates.ts';
import { FURNITURE, fullText, type Heading, type Node, type Output, USED } from './document-output.ts';

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

const sentencesOf = (value: string) => value.split(/(?<=[.!?]["”’']?)\s+(?=["“‘']?[A-Z])/).filter(Boolean);

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

/**
 * Reads the report into Evidence nodes: the report (INSPECTION_REPORT, graded as its headline or
 * overall judgement grades it), each JUDGEMENT with its grade, the bullet points and paragraphs
 * under a judgement as STRENGTH, FINDING or AREA_FOR_IMPROVEMENT, and RECOMMENDATIONs. Returns
 * the report's id.
 */
export function parseInspection(output: Output, heading: Heading, reportId: string): string {
  const { classified, lines, status } = output;
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
    status[dated.index] = USED;
  }

  let section = heading.documentTitle;
  let judgement: Node | undefined;
  let list: 'findings' | 'recommendations' | 'improvements' | 'strengths' | 'weaknesses' | undefined;
  let lastHeading: { index: number; body: string } | undefined;
  let furnitureSection = false;
  const counters = new Map<string, number>();
  const next = (parent: string, prefix: string) => {
    const key = `${parent} ${prefix}`;
    const count = (counters.get(key) ?? 0) + 1;
    counters.set(key, count);
    return output.uniqueId(`${parent}/${prefix}${count}`);
  };

  const judgements = new Map<string, Node>();
  let outcomeRead = false;
  const addJudgement = (subject: string, grade: Grade | undefined, excerptWords: string, index: number, text?: string) => {
    // A report often grades an area twice (a summary table, then its own section): one judgement.
    const key = subject
      .toLowerCase()
      .replace(/[^a-z]+/g, ' ')
      .trim();
    const earlier = judgements.get(key);
    if (earlier) {
      judgement = earlier;
      section = shortTitle(subject, 120);
      list = 'findings';
      return;
    }
    judgement = output.add({
      id: next(reportId, 'j'),
      label: 'Evidence',
      kind: 'JUDGEMENT',
      title: shortTitle(subject),
      grade,
      parent: reportId,
      text,
      source: { section, excerpt: output.quote(excerptWords, [index]) },
    } as Node);
    judgements.set(key, judgement);
    section = shortTitle(subject, 120);
    list = 'findings';
  };
  const addFinding = (
    kind: 'STRENGTH' | 'FINDING' | 'AREA_FOR_IMPROVEMENT' | 'RECOMMENDATION',
    words: string,
    quote: string,
    index: number,
    title = shortTitle(words),
  ) => {
    // What a report says needs to improve, and what it recommends, is about the whole report.
    const parent = kind === 'RECOMMENDATION' || list === 'improvements' ? report : (judgement ?? report);
    const node = output.add({
      id: next(parent.id, kind === 'RECOMMENDATION' ? 'r' : 'f'),
      label: 'Evidence',
      kind,
      title,
      parent: parent.id,
      text: fullText(words, title),
      source: { section, excerpt: output.quote(quote, [index]) },
    } as Node);
    status[index] = USED;
    if (kind === 'RECOMMENDATION' || kind === 'AREA_FOR_IMPROVEMENT')
      lastAsk = { node, indent: classified[index]!.indent, leadIn: classified[index]!.kind === 'paragraph' && /:["”’']?$/.test(words) };
  };
  // The recommendation last read: items nested under it, or after its closing colon, are part of it.
  let lastAsk: { node: Node; indent: number; leadIn: boolean } | undefined;
  const partOfLastAsk = (line: ClassifiedLine, index: number) => {
    if (!lastAsk || !(line.indent > lastAsk.indent || lastAsk.leadIn)) return false;
    const node = lastAsk.node as Record<string, unknown>;
    node.text = `${(node.text as string | undefined) ?? lastAsk.node.title} ${line.body}`;
    status[index] = USED;
    return true;
  };
  const recommendationTitle = (words: string) => {
    const match = recommendationSentence.exec(words) ?? /\bshould\s+(.+?)[.!]?$/i.exec(words);
    return shortTitle(match ? match[1]! : words);
  };

  for (let index = 0; index < lines.length; index += 1) {
    const line = classified[index]!;
    output.sections[index] = section;
    if (status[index] === USED || line.kind === 'blank') continue;
    if (line.kind === 'furniture') {
      status[index] = FURNITURE;
      if (isFurnitureSectionHeading(line.body)) furnitureSection = true;
      continue;
    }
    if (furnitureSection) {
      if (line.kind === 'bullet' || line.kind === 'numbered') {
        status[index] = FURNITURE;
        continue;
      }
      furnitureSection = false;
    }
    if (line.kind === 'publisher') {
      status[index] = USED;
      continue;
    }
    const body = line.body;

    if (line.kind === 'heading') {
      lastAsk = undefined;
      const graded = headingJudgement.exec(body);
      if (graded) {
        addJudgement(graded[1]!, gradeOf(graded[2]!), line.quote, index);
        status[index] = USED;
        continue;
      }
      if (lastHeading && new RegExp(`^${gradePattern}\\.?$`, 'i').test(body)) {
        addJudgement(lastHeading.body, gradeOf(body), `${classified[lastHeading.index]!.quote} ${line.quote}`, index);
        status[lastHeading.index] = USED;
        status[index] = USED;
        continue;
      }
      if (
        /^(?:recommendations?|what (?:needs|the local authority needs|the council needs|leaders need) to (?:improve|do)(?: better| next)?|areas? for (?:priority action|improvement|development))\s*[:?]?$/i.test(
          body,
        )
      ) {
        list = /recommend/i.test(body) ? 'recommendations' : 'improvements';
        section = shortTitle(body, 120);
        output.sections[index] = section;
        status[index] = USED;
        continue;
      }
      if (/^(?:strengths?|what is working well|what works well)\s*[:?]?$/i.test(body) || doingWell.test(body)) {
        list = 'strengths';
        section = shortTitle(body, 120);
        output.sections[index] = section;
        status[index] = USED;
        continue;
      }
      if (doingBetter.test(body)) {
        list = 'weaknesses';
        section = shortTitle(body, 120);
        output.sections[index] = section;
        status[index] = USED;
        continue;
      }
      section = shortTitle(body, 120);
      output.sections[index] = section;
      lastHeading = { index, body };
      // A list of recommendations ends at the next heading.
      if (list === 'recommendations' || list === 'improvements' || list === 'strengths' || list === 'weaknesses') list = judgement ? 'findings' : undefined;
      continue;
    }
    lastHeading = undefined;

    if (line.kind === 'paragraph') {
      lastAsk = undefined;
      const sentences = sentencesOf(body);
      let handled = false;
      for (const sentence of sentences) {
        const found = judgementIn(sentence);
        const outcome = !found && !outcomeRead && areaOutcome.test(sentence) && !historical.test(sentence);
        if (outcome) {
          // An area SEND outcome is one of three, not a four-point grade: a judgement with the outcome as its words.
          outcomeRead = true;
          addJudgement(/\boutcome\b/i.test(section) ? section : 'Inspection outcome', undefined, sentence, index, sentence);
          handled = true;
        } else if (found) {
          const text = sentences.length > 2 ? body : normalise(sentence) !== normalise(found.clause) ? sentence : undefined;
          addJudgement(found.subject, found.grade, found.clause, index, text);
          handled = true;
        } else if (recommendationSentence.test(sentence)) {
          addFinding('RECOMMENDATION', sentence, sentence, index, recommendationTitle(sentence));
          judgement = undefined;
          list = undefined;
          handled = true;
        }
      }
      if (handled) {
        status[index] = USED;
        continue;
      }
      if ((list === 'recommendations' || list === 'improvements') && /\bshould\b/i.test(body)) {
        for (const recommendation of recommendationsIn(body))
          addFinding(
            list === 'recommendations' ? 'RECOMMENDATION' : 'AREA_FOR_IMPROVEMENT',
            recommendation,
            recommendation,
            index,
            recommendationTitle(recommendation),
          );
        continue;
      }
      if (judgement && /[.!?]["”’']?$/.test(body)) {
        addFinding(needsImprovement(body) ? 'AREA_FOR_IMPROVEMENT' : 'FINDING', body, line.quote, index);
        continue;
      }
      continue;
    }

    if (line.kind === 'table') {
      // A summary table of judgements: "Overall effectiveness <TAB> Good".
      // Cells are tab-separated (HTML, PDF) or between Markdown's "|".
      const raw = lines[index]!.text.trim();
      const cells = (/^\|.*\|$/.test(raw) ? raw.slice(1, -1).split('|') : raw.split('\t')).map((cell) => cell.replace(/\*\*|__/g, '').trim()).filter(Boolean);
      if (cells.every((cell) => /^:?-{2,}:?$/.test(cell))) {
        status[index] = FURNITURE;
        continue;
      }
      const graded = cells.length === 2 ? new RegExp(`^${gradePattern}\\.?$`, 'i').exec(cells[1]!) : null;
      if (graded) {
        addJudgement(cells[0]!, gradeOf(graded[1]!), line.quote, index);
        status[index] = USED;
      } else if (cells.length === 2 && /^judgements?$/i.test(cells[0]!) && /^(?:grade|rating)s?$/i.test(cells[1]!)) status[index] = USED;
      else if ((list === 'recommendations' || list === 'improvements') && cells.some((cell) => /\bshould\b/.test(cell))) {
        // A table of who must do what: the cell that says what should be done.
        const cell = cells.find((value) => /\bshould\b/.test(value))!;
        addFinding(list === 'recommendations' ? 'RECOMMENDATION' : 'AREA_FOR_IMPROVEMENT', cell, cell, index, recommendationTitle(cell));
      } else if (list === 'recommendations' || list === 'improvements') status[index] = USED;
      else status[index] = 'table row (tables are not read)';
      continue;
    }

    // A list item (or a labelled line, which an inspection report reads as one).
    if ((list === 'recommendations' || list === 'improvements') && partOfLastAsk(line, index)) continue;
    if (list === 'recommendations') addFinding('RECOMMENDATION', body, line.quote, index, recommendationTitle(body));
    else if (list === 'improvements') addFinding('AREA_FOR_IMPROVEMENT', body, line.quote, index);
    else if (list === 'strengths') addFinding('STRENGTH', body, line.quote, index);
    // What a partnership needs to do better: weaknesses found, under the outcome, not recommendations.
    else if (list === 'weaknesses') addFinding(judgement ? 'AREA_FOR_IMPROVEMENT' : 'FINDING', body, line.quote, index);
    else if (judgement) {
      const grade = judgement.grade as Grade | undefined;
      const kind = needsImprovement(body) ? 'AREA_FOR_IMPROVEMENT' : grade === 'OUTSTANDING' || grade === 'GOOD' ? 'STRENGTH' : 'FINDING';
      addFinding(kind, body, line.quote, index);
    } else status[index] = 'list item outside any judgement or recommendations';
  }
  if (!report.grade) {
    const overall = output.nodes.find((node) => node.kind === 'JUDGEMENT' && /\boverall\b/i.test(node.title));
    if (overall?.grade) (report as Record<string, unknown>).grade = overall.grade;
  }
  return reportId;
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

const normalise = (value: string) => value.replace(/\s+/g, ' ').trim().replace(/[.!]$/, '');
