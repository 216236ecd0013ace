import { describe, expect, it } from 'vitest';
import { classifyLine } from './classify.ts';
import { allSections, buildOutline } from './outline.ts';
import {
  actionsIn,
  actionsInBlocks,
  findNamedPriorities,
  findNumberedPriorities,
  findPrioritySections,
  isActionHeading,
  isContextHeading,
  itemLead,
  objectivesIn,
  ownersIn,
} from './outline-plan.ts';
import { toSourceLines } from './source-text.ts';

const outlineOf = (text: string) => {
  const lines = toSourceLines(text);
  return buildOutline(
    lines.map(classifyLine),
    lines.map((line) => line.text),
  );
};

const plan = `# Example Strategy 2025-2028

Our priorities are:

- Working together: partners act as one
- Healthy homes

## Working together

Some background words.

### Example actions

- What: Pilot a shared front door
  Who: Wellbeing hubs
- Train every housing officer
  - a nested detail

### Key data

- 40% of homes are damp

## Healthy homes

We will inspect every rented home. The council cannot do it alone. In the event of a flood, we will open rest centres.

We will:

- fund insulation in 500 homes
`;

describe('the outline', () => {
  it('nests sections by heading level and keeps each block with its lines', () => {
    const root = outlineOf(plan);
    expect(allSections(root).map(({ title, level }) => `${level} ${title}`)).toEqual([
      '1 Example Strategy 2025-2028',
      '2 Working together',
      '3 Example actions',
      '3 Key data',
      '2 Healthy homes',
    ]);
    const actions = allSections(root)[2]!;
    expect(actions.blocks.map(({ kind, depth, body }) => `${kind} ${depth} ${body}`)).toEqual([
      'item 0 What: Pilot a shared front door Who: Wellbeing hubs',
      'item 0 Train every housing officer',
      'item 1 a nested detail',
    ]);
    expect(actions.blocks[0]!.indexes).toHaveLength(2);
  });

  it('reads Markdown table rows into cells and skips the ruler row', () => {
    const root = outlineOf('| Judgement | Grade |\n| --- | --- |\n| Overall effectiveness | Good |\n');
    expect(root.blocks.map(({ cells }) => cells)).toEqual([
      ['Judgement', 'Grade'],
      ['Overall effectiveness', 'Good'],
    ]);
  });
});

describe('recognising a plan on the outline', () => {
  it('takes as priorities the sections an earlier list names, each once', () => {
    const { priorities, preview } = findPrioritySections(outlineOf(plan));
    expect(priorities.map(({ title }) => title)).toEqual(['Working together', 'Healthy homes']);
    expect(preview).toHaveLength(2);
  });

  it('else takes the sections that hold an actions part, when two or more do', () => {
    const text =
      '# Plan\n\n## Clean air\n\n### Our actions\n\n- Plant trees\n\n## Warm homes\n\n### Our actions\n\n- Insulate lofts\n\n## Background\n\nWords.\n';
    expect(findPrioritySections(outlineOf(text)).priorities.map(({ title }) => title)).toEqual(['Clean air', 'Warm homes']);
    expect(findPrioritySections(outlineOf('# Plan\n\n## Clean air\n\n### Our actions\n\n- Plant trees\n')).priorities).toEqual([]);
  });

  it('finds actions in actions parts, under a "we will" lead-in and in "we will" sentences, but not in context parts', () => {
    const [first, second] = findPrioritySections(outlineOf(plan)).priorities;
    expect(actionsIn(first!).map(({ words }) => words)).toEqual(['Pilot a shared front door', 'Train every housing officer']);
    expect(actionsIn(second!).map(({ words }) => words)).toEqual([
      'We will inspect every rented home.',
      'In the event of a flood, we will open rest centres.',
      'fund insulation in 500 homes',
    ]);
  });

  it('tells action headings from context headings', () => {
    expect(['Example actions', 'Key initiatives', 'What we will do', 'Our commitments'].every(isActionHeading)).toBe(true);
    expect(['Progress on actions so far', 'Calls to action', 'Key data'].some(isActionHeading)).toBe(false);
    expect(['Key issues and challenges', 'Case study', 'Monitoring progress', 'Background'].every(isContextHeading)).toBe(true);
    expect(isContextHeading('Healthy homes')).toBe(false);
  });

  it('names a list item by its words before a colon or dash', () => {
    expect(itemLead('Starting Well: This theme covers the early years')).toBe('Starting Well');
    expect(itemLead('Ageing well – later life')).toBe('Ageing well');
    expect(itemLead('Healthy homes')).toBe('Healthy homes');
  });

  it('takes numbered paragraphs after a lead-in naming the level as priorities, each with the text up to the next', () => {
    const text =
      '# Addendum\n\nWe will work to the following three key principles:\n\nI. Use our data well\n\nWe will share data. A key action here will be to publish it.\n\nII. Listen to residents\n\nThere are two approaches:\n\n- Ask residents each year\n\nIII. Work as one\n\nWords.\n';
    const found = findNumberedPriorities(outlineOf(text));
    expect(found.map(({ item }) => item.body)).toEqual(['Use our data well', 'Listen to residents', 'Work as one']);
    expect(actionsInBlocks(found[0]!.blocks, 'I', false, true).map(({ words }) => words)).toEqual([
      'We will share data.',
      'A key action here will be to publish it.',
    ]);
    expect(actionsInBlocks(found[1]!.blocks, 'II', false, true).map(({ words }) => words)).toEqual(['Ask residents each year']);
    expect(findNumberedPriorities(outlineOf('Our priorities are:\n\n1. One thing here\n2. Another thing here\n'))).toEqual([]);
  });

  it('takes priorities named in their action parts’ headings, when two or more are', () => {
    const text =
      '# Strategy\n\n## Preventing Well - Key Issues\n\n- Too few checks\n\n## Preventing Well - Key Initiatives\n\n- Health checks for all\n\n## Living Well – Our actions\n\n- Memory cafés\n';
    const named = findNamedPriorities(outlineOf(text));
    expect(named.map(({ name, parts }) => `${name}: ${parts.length}`)).toEqual(['Preventing Well: 1', 'Living Well: 1']);
    expect(findNamedPriorities(outlineOf('# S\n\n## Housing – key actions\n\n- Build\n'))).toEqual([]);
  });
});

describe('owners named in an item', () => {
  it('reads "Who:", "(Lead: …)" and "Responsible:" labels, several names, and no placeholder', () => {
    const names = (body: string) => ownersIn(body, 0).map(({ name }) => name);
    expect(names('What: Pilot a project Who: Fire Service When: Short term (by March 2020)')).toEqual(['Fire Service']);
    expect(names('Fund insulation in 500 homes (Lead: Housing Standards)')).toEqual(['Housing Standards']);
    expect(names('Open two hubs. Responsible officer: Head of Libraries; NHS Sussex')).toEqual(['Head of Libraries', 'NHS Sussex']);
    expect(names('Open two hubs (Lead: TBC)')).toEqual([]);
    expect(names('Support people who need help')).toEqual([]);
  });
});

describe('objectives under a priority', () => {
  const text = `# Plan 2025-2028

## Starting well

### Our goals

#### Fewer babies are born underweight

We will help mothers stop smoking in pregnancy.

#### Children are ready for school

We will fund speech and language support in every nursery.

### Key initiatives

- Family hubs in every district

## Ageing well

### Outcomes we want

- Fewer older people are lonely
- More people die in the place they choose

### Background

- Our population is ageing

## Living well

### Our approach

#### Working with communities

We will fund ten community groups.

#### Using data

We will publish a dashboard.
`;
  const [starting, ageing, living] = allSections(outlineOf(text)).filter(({ level }) => level === 2);

  it('reads the subsections of a part headed as goals as objectives, with their actions, and leaves the other actions to the priority', () => {
    const { objectives, parts } = objectivesIn(starting!);
    expect(objectives.map(({ title, actions }) => [title, actions.map(({ words }) => words)])).toEqual([
      ['Fewer babies are born underweight', ['We will help mothers stop smoking in pregnancy.']],
      ['Children are ready for school', ['We will fund speech and language support in every nursery.']],
    ]);
    expect(actionsIn(starting!, parts).map(({ words }) => words)).toEqual(['Family hubs in every district']);
  });

  it('reads the items of a list headed "Outcomes we want" as objectives', () => {
    expect(objectivesIn(ageing!).objectives.map(({ title }) => title)).toEqual(['Fewer older people are lonely', 'More people die in the place they choose']);
  });

  it('reads no objectives where no heading says so', () => {
    expect(objectivesIn(living!).objectives).toEqual([]);
  });
});

describe('commitments where the layout is uncertain', () => {
  it('takes sentences that commit to something under an actions heading, and only commitments from a list after a bare colon', () => {
    const root = outlineOf(`# Plan

## Warm homes

### Our actions

Partners will fund insulation in 500 homes. Damp was found in 40% of homes last year. Review the private rented sector licensing scheme.

Local data shows:

- 40% of homes are damp
- Expand the home energy advice service
`);
    const [actions] = allSections(root).filter(({ title }) => title === 'Our actions');
    expect(actionsInBlocks(actions!.blocks, 'Our actions', true).map(({ words }) => words)).toEqual([
      'Partners will fund insulation in 500 homes.',
      'Review the private rented sector licensing scheme.',
      '40% of homes are damp',
      'Expand the home energy advice service',
    ]);
    expect(actionsInBlocks(actions!.blocks, 'Our actions', false, true).map(({ words }) => words)).toEqual(['Expand the home energy advice service']);
  });
});
