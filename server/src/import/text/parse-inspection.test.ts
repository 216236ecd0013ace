import { describe, expect, it } from 'vitest';
import { classifyLine } from './classify.ts';
import { type Heading, type Node, Output, USED } from './document-output.ts';
import {
  addJudgement,
  type InspectionReader,
  listOpenedBy,
  newInspectionReader,
  readInspectionHeading,
  readInspectionItem,
  readInspectionLines,
  readInspectionParagraph,
  readInspectionTable,
  tableCells,
} from './parse-inspection.ts';
import { Quoter, toSourceLines } from './source-text.ts';

/** A reader over `text`, as the inspection reader starts on a report (no title lines). */
function readerOver(text: string): InspectionReader {
  const lines = toSourceLines(text);
  const output = new Output(lines, lines.map(classifyLine), new Quoter(text));
  const heading: Heading = { documentTitle: 'Report', documentName: 'Report', planName: 'Report', mainTitle: 'Report', lineIndexes: [], excerpt: '' };
  const report = output.add({ id: 'report', label: 'Evidence', kind: 'INSPECTION_REPORT', title: 'Report', source: { section: 'Title', excerpt: '' } } as Node);
  return newInspectionReader(output, heading, report);
}

/** Reads every line of `text` and gives the nodes below the report, as id → [kind, parent, grade]. */
function read(text: string): Record<string, [unknown, string | undefined, unknown]> {
  const reader = readerOver(text);
  readInspectionLines(reader);
  return Object.fromEntries(reader.output.nodes.filter((node) => node.id !== 'report').map((node) => [node.id, [node.kind, node.parent, node.grade]]));
}

describe('inspection line handlers', () => {
  it('listOpenedBy: the headings that open recommendations, areas for improvement, strengths and weaknesses', () => {
    expect(listOpenedBy('What needs to improve?')).toBe('improvements');
    expect(listOpenedBy('Recommendations')).toBe('recommendations');
    expect(listOpenedBy('Areas for priority action')).toBe('improvements');
    expect(listOpenedBy('What is the local area partnership doing well?')).toBe('strengths');
    expect(listOpenedBy('What does the local area partnership need to do better?')).toBe('weaknesses');
    expect(listOpenedBy('Recommendations made at the last inspection')).toBeUndefined();
  });

  it('readInspectionHeading: a grade alone under a heading judges that heading, and both lines are used', () => {
    const reader = readerOver('## Overall effectiveness\n## Good');
    readInspectionHeading(reader, reader.output.classified[0]!, 0);
    expect(reader.judgement).toBeUndefined();
    readInspectionHeading(reader, reader.output.classified[1]!, 1);
    expect(reader.judgement).toMatchObject({ kind: 'JUDGEMENT', title: 'Overall effectiveness', grade: 'GOOD' });
    expect(reader.output.status.slice(0, 2)).toEqual([USED, USED]);
  });

  it('readInspectionHeading: a plain heading ends a list of recommendations, back to the judgement’s findings', () => {
    const reader = readerOver('## Recommendations\n## Help and protection');
    readInspectionHeading(reader, reader.output.classified[0]!, 0);
    expect(reader.list).toBe('recommendations');
    readInspectionHeading(reader, reader.output.classified[1]!, 1);
    expect(reader.list).toBeUndefined();
    expect(reader.section).toBe('Help and protection');
  });

  it('addJudgement: an area graded twice (a summary table, then its own section) is one judgement', () => {
    const reader = readerOver('x');
    addJudgement(reader, 'Overall effectiveness', 'GOOD', 'x', 0);
    const first = reader.judgement;
    addJudgement(reader, 'Overall  effectiveness:', 'GOOD', 'x', 0);
    expect(reader.judgement).toBe(first);
    expect(reader.output.nodes.filter((node) => node.kind === 'JUDGEMENT')).toHaveLength(1);
  });

  it('readInspectionParagraph: a graded sentence is a judgement; one about an earlier inspection is not', () => {
    expect(read('The experiences and progress of children in care are good.\nAt the previous inspection in 2019, help and protection was inadequate.')).toEqual(
      {
        'report/j1': ['JUDGEMENT', 'report', 'GOOD'],
        'report/j1/f1': ['FINDING', 'report/j1', undefined],
      },
    );
  });

  it('readInspectionParagraph: only the first area SEND outcome stated is the judgement', () => {
    const reader = readerOver(
      'The local area partnership’s SEND arrangements lead to inconsistent experiences and outcomes for children.\nTypically positive experiences and outcomes are seen in the early years.',
    );
    readInspectionLines(reader);
    expect(reader.output.nodes.slice(1).map((node) => [node.kind, node.title])).toEqual([
      ['JUDGEMENT', 'Inspection outcome'],
      ['FINDING', 'Typically positive experiences and outcomes are seen in the early years.'],
    ]);
  });

  it('readInspectionParagraph: under recommendations, each "… should …" sentence starts one and the sentences after it belong to it', () => {
    const reader = readerOver(
      '## Recommendations\nLeaders should improve supervision. This includes regular reflective sessions. The council should reduce caseloads.',
    );
    readInspectionLines(reader);
    const asks = reader.output.nodes.filter((node) => node.kind === 'RECOMMENDATION');
    expect(asks.map((node) => [node.title, node.text])).toEqual([
      ['Improve supervision. This includes regular reflective sessions', 'Leaders should improve supervision. This includes regular reflective sessions.'],
      ['Reduce caseloads', 'The council should reduce caseloads.'],
    ]);
  });

  it('tableCells: Markdown and tab-separated rows, emphasis removed', () => {
    expect(tableCells('| **Overall effectiveness** | Good |')).toEqual(['Overall effectiveness', 'Good']);
    expect(tableCells('Leaders\tshould act\t')).toEqual(['Leaders', 'should act']);
  });

  it('readInspectionTable: a graded row is a judgement, a separator row furniture, and under recommendations the "should" cell is one', () => {
    const reader = readerOver('| Help and protection | Requires improvement to be good |\n|---|---|\n| Leaders | Leaders should review plans. |');
    const { output } = reader;
    readInspectionTable(reader, output.classified[0]!, 0);
    expect(reader.judgement).toMatchObject({ title: 'Help and protection', grade: 'REQUIRES_IMPROVEMENT' });
    readInspectionTable(reader, output.classified[1]!, 1);
    expect(output.status[1]).toBe('furniture');
    readInspectionTable(reader, output.classified[2]!, 2);
    expect(output.status[2]).toBe('table row (tables are not read)');
    reader.list = 'recommendations';
    readInspectionTable(reader, output.classified[2]!, 2);
    expect(output.nodes.at(-1)).toMatchObject({ kind: 'RECOMMENDATION', title: 'Review plans', parent: 'report' });
  });

  it('readInspectionItem: under a good judgement an item is a strength, unless it says something needs to improve', () => {
    const reader = readerOver('- Social workers know children well.\n- Supervision is not consistently recorded.');
    addJudgement(reader, 'Help and protection', 'GOOD', 'x', 0);
    readInspectionItem(reader, reader.output.classified[0]!, 0);
    readInspectionItem(reader, reader.output.classified[1]!, 1);
    expect(reader.output.nodes.slice(-2).map((node) => node.kind)).toEqual(['STRENGTH', 'AREA_FOR_IMPROVEMENT']);
  });

  it('readInspectionItem: items nested under a recommendation are part of it', () => {
    const reader = readerOver('## What needs to improve?\n- Leaders should improve:\n    - supervision\n- Planning for care leavers.');
    readInspectionLines(reader);
    const asks = reader.output.nodes.filter((node) => node.kind === 'AREA_FOR_IMPROVEMENT');
    expect(asks.map((node) => node.text ?? node.title)).toEqual(['Leaders should improve supervision', 'Planning for care leavers.']);
  });

  it('readInspectionItem: an item outside any judgement or recommendations is not understood, and says why', () => {
    const reader = readerOver('- Planning for care leavers.');
    readInspectionItem(reader, reader.output.classified[0]!, 0);
    expect(reader.output.status[0]).toBe('list item outside any judgement or recommendations');
  });

  it('readInspectionParagraph: under a judgement, a sentence is a finding, an area for improvement when it says so', () => {
    const reader = readerOver('Plans are clear.\nPlans are not always updated.\nA heading-like line');
    addJudgement(reader, 'Help and protection', 'REQUIRES_IMPROVEMENT', 'x', 0);
    for (const index of [0, 1, 2]) readInspectionParagraph(reader, reader.output.classified[index]!, index);
    expect(reader.output.nodes.slice(-2).map((node) => node.kind)).toEqual(['FINDING', 'AREA_FOR_IMPROVEMENT']);
    expect(reader.output.status[2]).toBeUndefined();
  });
});
