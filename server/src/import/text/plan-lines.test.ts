import { describe, expect, it } from 'vitest';
import { classifyLine } from './classify.ts';
import { type Heading, type Node, Output, USED } from './document-output.ts';
import { readFurniture } from './furniture.ts';
import {
  addRoles,
  applyLeadIn,
  isNextLetter,
  joinOpenItem,
  newPlanReader,
  type PlanReader,
  readHeading,
  readListItem,
  readMarker,
  readPlanLines,
} from './plan-lines.ts';
import { Quoter, toSourceLines } from './source-text.ts';

/** A reader over `text`, as the plan reader starts on a document titled "Test Plan" (no title lines). */
function readerOver(text: string): PlanReader {
  const lines = toSourceLines(text);
  const output = new Output(lines, lines.map(classifyLine), new Quoter(text));
  const heading: Heading = {
    documentTitle: 'Test Plan',
    documentName: 'Test Plan',
    planName: 'Test Plan',
    mainTitle: 'Test Plan',
    lineIndexes: [],
    excerpt: '',
  };
  const plan = output.add({ id: 'plan', label: 'Plan', title: 'Test Plan', source: { section: 'Title', excerpt: '' } } as Node);
  return newPlanReader(output, heading, plan, (title) => `role/${title.toLowerCase().replace(/\W+/g, '-')}`);
}

/** Reads every line of `text` and gives the nodes below the plan, as id → [label, parent, title]. */
function read(text: string): Record<string, [string, string | undefined, string]> {
  const reader = readerOver(text);
  readPlanLines(reader);
  return Object.fromEntries(reader.output.nodes.filter((node) => node.id !== 'plan').map((node) => [node.id, [node.label, node.parent, node.title]]));
}

describe('plan line handlers', () => {
  it('joinOpenItem: a wrapped line joins the open item; a capitalised line at its indent, or a heading, does not', () => {
    const reader = readerOver('Key actions:\n- Build homes\n  for older residents\nThe council will report.\n# Next');
    readPlanLines(reader);
    const action = reader.output.nodes.find((node) => node.label === 'Action')!;
    expect(action.text).toBe('Build homes for older residents');
    expect(action.source.excerpt).toBe('Build homes for older residents');
    expect(reader.output.status[2]).toBe(USED);
    expect(reader.output.status[3]).toBeUndefined();

    const heading = readerOver('- Item one\n# lower-case heading\nand wrapped words');
    heading.list = { kind: 'weWill', display: '', count: 0 };
    readListItem(heading, heading.output.classified[0]!, 0);
    expect(joinOpenItem(heading, heading.output.classified[1]!, 1)).toBe(false);
    expect(joinOpenItem(heading, heading.output.classified[2]!, 2)).toBe(true);
  });

  it('readMarker: a dotted number, or another scheme than the first, is an objective of the priority being read', () => {
    expect(read('Priority 1: Healthy lives\nPriority 1.1: Active travel\nOutcome 2: Fewer smokers\nPriority 2: Good homes')).toEqual({
      'plan/p1': ['Priority', 'plan', 'Healthy lives'],
      'plan/p1/p1.1': ['Objective', 'plan/p1', 'Active travel'],
      'plan/p1/o2': ['Objective', 'plan/p1', 'Fewer smokers'],
      'plan/p2': ['Priority', 'plan', 'Good homes'],
    });
  });

  it('readMarker: a code alone takes its title from the short line after it, which is then read', () => {
    const reader = readerOver('Strategic Priority 2\nSafe and well\nWe will open two hubs.');
    readMarker(reader, reader.output.classified[0]!, 0);
    expect(reader.output.nodes.at(-1)).toMatchObject({ id: 'plan/sp2', title: 'Safe and well', code: 'Strategic Priority 2' });
    expect(reader.skip.has(1)).toBe(true);
    expect(reader.output.status[1]).toBe(USED);
  });

  it('isNextLetter: "A." opens lettered priorities and only the next letter goes on with them', () => {
    const reader = readerOver('A. Start well in life\nC. Age well at home\nB. Live well every day');
    const [a, c, b] = reader.output.classified;
    expect(isNextLetter(reader, c!)).toBe(false);
    expect(isNextLetter(reader, a!)).toBe(true);
    reader.lastLetter = 'A';
    expect(isNextLetter(reader, b!)).toBe(true);
    expect(isNextLetter(reader, c!)).toBe(false);
  });

  it('readListItem: numbered items under a lettered priority are deliverables numbered across the plan', () => {
    expect(read('A. Start well in life\n3. Open a family hub in every town')).toEqual({
      'plan/a': ['Priority', 'plan', 'Start well in life'],
      'plan/d3': ['Action', 'plan/a', 'Open a family hub in every town'],
    });
  });

  it('readListItem: bold-led numbered items are priorities, and items indented under one are its actions', () => {
    expect(read('1. **Healthy lives** for everyone\n    - Fund walking groups\n2. **Good homes** for all')).toEqual({
      'plan/p1': ['Priority', 'plan', 'Healthy lives'],
      'plan/p1/a1': ['Action', 'plan/p1', 'Fund walking groups'],
      'plan/p2': ['Priority', 'plan', 'Good homes'],
    });
  });

  it('readListItem: an item outside any priority or list is not understood, and says why', () => {
    const reader = readerOver('- Fund walking groups');
    readListItem(reader, reader.output.classified[0]!, 0);
    expect(reader.output.status[0]).toBe('list item outside any recognised priority or list');
    expect(reader.output.nodes).toHaveLength(1);
  });

  it('readHeading: a heading of the priority’s level or higher closes it; a lower one does not', () => {
    const reader = readerOver('## Priority 1: Healthy lives\n### Background\n## Funding');
    readMarker(reader, reader.output.classified[0]!, 0);
    readHeading(reader, reader.output.classified[1]!, 1);
    expect(reader.top?.node.id).toBe('plan/p1');
    expect(reader.section).toBe('Background');
    readHeading(reader, reader.output.classified[2]!, 2);
    expect(reader.top).toBeUndefined();
  });

  it('readParagraph: the paragraph straight after a priority describes it, the next one does not', () => {
    const reader = readerOver('Priority 1: Healthy lives\nPeople live longer in good health.\nThe population is ageing.');
    readPlanLines(reader);
    expect(reader.output.byId.get('plan/p1')?.text).toBe('People live longer in good health.');
    expect(reader.output.status[2]).toBeUndefined();
  });

  it('applyLeadIn: "we will:" inside a list of priorities goes on with it; one that names principles starts actions', () => {
    const reader = readerOver('x');
    reader.list = { kind: 'priorities', display: 'Our priorities', count: 2 };
    applyLeadIn(reader, { kind: 'weWill', display: 'To get there we will', partial: false }, 0);
    expect(reader.list.kind).toBe('priorities');
    applyLeadIn(reader, { kind: 'weWill', display: 'Three principles that we will', partial: true }, 0);
    expect(reader.list.kind).toBe('weWill');
    expect(reader.output.status[0]).toBe('narrative text; only its closing lead-in ("Three principles that we will") was used');
  });

  it('addRoles: each role named owns the priority and the actions already under it', () => {
    const reader = readerOver('Priority 1: Healthy lives\n- Fund walking groups\nLead officers: Director of Public Health / Head of Leisure');
    readPlanLines(reader);
    const { output } = reader;
    expect(output.byId.get('plan/p1')?.owner).toBe('role/director-of-public-health');
    expect(output.byId.get('plan/p1/w1')?.owner).toBe('role/director-of-public-health');
    expect(output.links).toContainEqual({ from: 'plan/p1/w1', type: 'OWNED_BY', to: 'role/head-of-leisure', basis: 'STATED' });
    addRoles(reader, 'Director of Public Health;', 2);
    expect(output.nodes.filter((node) => node.label === 'Role')).toHaveLength(2);
  });

  it('dropPreviews: a listed priority that a labelled one then sets out in full is dropped', () => {
    expect(
      read(
        'Our priorities are:\n1. **Universal Services** for all\n2. **Early Years** for every child\nStrategic Objective 1: Universal Services for every family\nStrategic Objective 2: Early Help',
      ),
    ).toEqual({
      'plan/p2': ['Priority', 'plan', 'Early Years'],
      'plan/so1': ['Priority', 'plan', 'Universal Services for every family'],
      'plan/so2': ['Priority', 'plan', 'Early Help'],
    });
  });

  it('readFurniture: the list items of a contents section are furniture until a line of another kind', () => {
    const reader = readerOver('Contents\n- Introduction\n- Our priorities\nThis plan sets out our aims.\n- Fund walking groups');
    const { output } = reader;
    const kinds = output.classified.map((line, index) => readFurniture(output, reader, line, index));
    expect(kinds).toEqual([true, true, true, false, false]);
  });
});
