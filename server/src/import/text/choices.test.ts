import { describe, expect, it } from 'vitest';
import { MEASURES_NOTE } from './apply-choices.ts';
import { ChoiceError, choiceText, headingMatches, parseChoices, startsWithWords } from './choices.ts';
import { parseStrategyDocument } from './parse-document.ts';
import { formatOutline } from './outline-view.ts';

const plan = [
  '# Healthy Places Strategy 2024-2027',
  '',
  '## Our vision',
  '',
  'A county where everyone lives well.',
  '',
  '## Starting well',
  '',
  '### Healthy pregnancies',
  '',
  '- Offer every pregnant woman a stop smoking service',
  '- Train midwives in brief advice',
  '',
  '### Ready for school',
  '',
  '- Fund two more family hubs',
  '  - one in Crawley',
  '',
  '## Ageing well',
  '',
  '### Staying independent',
  '',
  '- Extend the falls prevention service',
  '',
  '### Key data',
  '',
  '- Falls admissions per 100,000 people',
  '- Delayed discharges per month',
  '',
  '## Next steps',
  '',
  'The board met in May. The board will publish a delivery plan in 2025.',
].join('\n');

const read = (choices: string[], text = plan) => parseStrategyDocument(text, { fileName: 'healthy-places.md', at: '2024-01-01', choices });
const nodes = (choices: string[], label?: string) => read(choices).seed.nodes.filter((node) => !label || node.label === label);
const titles = (choices: string[], label: string) => nodes(choices, label).map((node) => node.title);
const parentTitle = (choices: string[], title: string) => {
  const all = nodes(choices);
  const node = all.find((item) => item.title === title);
  return all.find((item) => item.id === (node as { parent?: string } | undefined)?.parent)?.title;
};

describe('parseChoices', () => {
  it('reads the short and the long forms into one canonical form', () => {
    const choices = parseChoices([
      'level 2 = priorities',
      'headings at level 3 are objectives',
      'the section "Our vision" is context',
      "the table under 'Key data' holds measures",
      'items of lists at depth 1 are actions',
      'list “(opening)” = skip',
      'section "What is context" = context',
      'the paragraphs under "Next steps" hold actions',
    ]);
    expect(choices.map(choiceText)).toEqual([
      'level 2 = priorities',
      'level 3 = objectives',
      'section "Our vision" = context',
      'list "Key data" = measures',
      'depth 1 = actions',
      'list "(opening)" = context',
      'section "What is context" = context',
      'paragraphs "Next steps" = actions',
    ]);
  });

  it('names the choice at fault: an unknown kind, an unknown target, a level out of range, two kinds for one target', () => {
    expect(() => parseChoices(['level 2 = priorities', 'level 3 = goals'])).toThrow(/choice 2 \("level 3 = goals"\): "goals" is not a kind/);
    expect(() => parseChoices(['chapter "Two" = actions'])).toThrow(/choice 1 .*"chapter "Two"" is not a target/);
    expect(() => parseChoices(['level 9 = actions'])).toThrow(/choice 1 .*levels run from 1 to 6/);
    expect(() => parseChoices(['section "A" = context', 'the section "a." is actions'])).toThrow(/choice 2 .*already chosen as context/);
    expect(() => parseChoices(['priorities'])).toThrow(ChoiceError);
  });

  it('reads a passage named by its first words, and actions of the plan', () => {
    const choices = parseChoices([
      'the sentence starting "The board will" is an action of the plan',
      "paragraph beginning with 'We work' = actions",
      'item that starts with “Fund two” = plan actions',
      'text starting "Falls admissions" = skip',
    ]);
    expect(choices.map(choiceText)).toEqual([
      'sentence starting "The board will" = actions of the plan',
      'text starting "We work" = actions',
      'text starting "Fund two" = actions of the plan',
      'text starting "Falls admissions" = context',
    ]);
    expect(() => parseChoices(['text starting "..." = actions'])).toThrow(/choice 1 .*quoted words are empty/);
    expect(() => parseChoices(['text starting "We work" = actions', 'paragraph starting "we work." = context'])).toThrow(
      /choice 2 .*already chosen as actions/,
    );
  });

  it('matches the first words of a passage on word boundaries, * standing for any words', () => {
    expect(startsWithWords('The board will', 'The Board will publish a plan.')).toBe(true);
    expect(startsWithWords('The board', 'The boardroom is open.')).toBe(false);
    expect(startsWithWords('The * will publish', 'The new board will publish a plan.')).toBe(true);
    expect(startsWithWords('will publish', 'The board will publish a plan.')).toBe(false);
  });

  it('compares heading text without case or punctuation, and * stands for any words', () => {
    expect(headingMatches('starting well', 'Starting Well:')).toBe(true);
    expect(headingMatches('* - key initiatives', 'Living Well – Key Initiatives')).toBe(true);
    expect(headingMatches('starting', 'Starting well')).toBe(false);
  });
});

describe('choices applied to a plan', () => {
  it('reads a plan automatically when no choice is given', () => {
    expect(read([]).choices).toEqual([]);
  });

  it('makes the headings at a level the priorities, and only those', () => {
    expect(titles(['level 2 = priorities', 'section "Our vision" = context', 'section "Next steps" = context'], 'Priority')).toEqual([
      'Starting well',
      'Ageing well',
    ]);
  });

  it('makes the headings at a level objectives under their priority, with the actions in them under the objective', () => {
    const choices = [
      'level 2 = priorities',
      'level 3 = objectives',
      'section "Our vision" = context',
      'section "Next steps" = context',
      'section "Key data" = context',
    ];
    expect(titles(choices, 'Objective')).toEqual(['Healthy pregnancies', 'Ready for school', 'Staying independent']);
    expect(parentTitle(choices, 'Healthy pregnancies')).toBe('Starting well');
    expect(parentTitle(choices, 'Offer every pregnant woman a stop smoking service')).toBe('Healthy pregnancies');
  });

  it('takes a section chosen as context out, with everything read in it', () => {
    const before = titles(['level 2 = priorities', 'level 3 = objectives'], 'Action');
    const after = titles(['level 2 = priorities', 'level 3 = objectives', 'section "Starting well" = context'], 'Action');
    expect(before).toContain('Train midwives in brief advice');
    expect(after).not.toContain('Train midwives in brief advice');
    expect(titles(['level 2 = priorities', 'section "Starting well" = context'], 'Priority')).not.toContain('Starting well');
  });

  it('makes the paragraphs under a heading actions (their "will" sentences), under no priority when none holds them', () => {
    const choices = ['level 2 = priorities', 'section "Our vision" = context', 'section "Next steps" = context', 'list "Next steps" = actions'];
    // A heading chosen as context wins over a choice for what is under it.
    expect(titles(choices, 'Action')).not.toContain('The board will publish a delivery plan in 2025.');
    const kept = ['level 2 = priorities', 'section "Our vision" = context', 'list "Next steps" = actions'];
    expect(titles(kept, 'Action')).toContain('The board will publish a delivery plan in 2025.');
    expect(titles(kept, 'Action')).not.toContain('The board met in May.');
  });

  it('tells the paragraphs under a heading from its lists', () => {
    const text = `${plan}\n\n## Our partners\n\nWe work with the NHS. The partnership will meet every quarter.\n\n- Sussex Police\n- The fire service\n`;
    const paragraphs = parseStrategyDocument(text, { fileName: 'healthy-places.md', choices: ['level 2 = priorities', 'paragraphs "Our partners" = actions'] });
    const actions = paragraphs.seed.nodes.filter((node) => node.label === 'Action').map((node) => node.title);
    expect(actions).toContain('The partnership will meet every quarter.');
    expect(actions).not.toContain('We work with the NHS.');
    const lists = parseStrategyDocument(text, { fileName: 'healthy-places.md', choices: ['level 2 = priorities', 'list "Our partners" = context'] });
    expect(lists.outline.find((part) => part.target === 'list "Our partners"')?.became).toBe('context, skipped');
    expect(lists.outline.find((part) => part.target === 'paragraphs "Our partners"')?.became).not.toBe('context, skipped');
  });

  it('keeps a list chosen as measures as context, and says why in the outline', () => {
    const choices = ['level 2 = priorities', 'list "Key data" = measures'];
    const result = read(choices);
    expect(result.seed.nodes.map((node) => node.title)).not.toContain('Falls admissions per 100,000 people');
    expect(result.outline.find((part) => part.target === 'list "Key data"')?.became).toBe(MEASURES_NOTE);
  });

  it('makes list items at a depth actions of their holder', () => {
    expect(titles(['level 2 = priorities', 'depth 1 = actions'], 'Action')).toContain('One in Crawley');
    expect(titles(['level 2 = priorities', 'depth 1 = context'], 'Action')).not.toContain('One in Crawley');
  });

  it('makes a list chosen as objectives objectives of the priority, their nested items actions', () => {
    const choices = ['level 2 = priorities', 'list "Ready for school" = objectives'];
    expect(titles(choices, 'Objective')).toEqual(['Fund two more family hubs']);
    expect(parentTitle(choices, 'One in Crawley')).toBe('Fund two more family hubs');
  });

  const listed = [
    '# Healthy Places Strategy 2024-2027',
    '',
    '## Our priorities',
    '',
    'This plan has three priorities:',
    '',
    '1. Fewer falls.',
    '2. Fewer drug deaths. This includes watching for new synthetic opioids in Sussex.',
    '3. Better housing.',
    '',
    'We will review the priorities every year.',
    '',
    '## Next steps',
    '',
    'The board met in May. The board will publish a delivery plan in 2025. The plan will be signed off in June.',
  ].join('\n');
  const readListed = (choices: string[]) => {
    const all = parseStrategyDocument(listed, { fileName: 'healthy-places.md', choices }).seed.nodes;
    const parentOf = (title: string) => {
      const parent = (all.find((node) => node.title === title) as { parent?: string } | undefined)?.parent;
      return all.find((node) => node.id === parent)?.label;
    };
    return { titles: (label: string) => all.filter((node) => node.label === label).map((node) => node.title), parentOf, all };
  };

  it('makes a sentence of a list item read as a priority an action of that priority, keeping the priority', () => {
    expect(readListed([]).titles('Action')).not.toContain('This includes watching for new synthetic opioids in Sussex.');
    const chosen = readListed(['sentence starting "This includes" = actions']);
    expect(chosen.titles('Priority')).toHaveLength(3);
    const action = chosen.all.find((node) => node.title === 'This includes watching for new synthetic opioids in Sussex.') as { parent?: string };
    expect(chosen.all.find((node) => node.id === action.parent)?.title).toMatch(/^Fewer drug deaths/);
    // Taken as the plan's own, the sentence still leaves its item's priority standing.
    const own = readListed(['sentence starting "This includes" = actions of the plan']);
    expect(own.titles('Priority')).toHaveLength(3);
    expect(own.parentOf('This includes watching for new synthetic opioids in Sussex.')).toBe('Plan');
  });

  it('takes one sentence of a paragraph as an action, or as context, leaving the others', () => {
    const one = readListed(['text starting "The board will publish" = actions']).titles('Action');
    expect(one).toContain('The board will publish a delivery plan in 2025.');
    expect(one).not.toContain('The plan will be signed off in June.');
    const rest = readListed(['paragraphs "Next steps" = actions', 'sentence starting "The plan will be signed" = context']).titles('Action');
    expect(rest).toContain('The board will publish a delivery plan in 2025.');
    expect(rest).not.toContain('The plan will be signed off in June.');
  });

  it('makes a passage chosen as actions of the plan an action of no priority, even one read under a priority', () => {
    const read = readListed(['level 2 = priorities', 'text starting "We will review" = actions']);
    expect(read.parentOf('We will review the priorities every year.')).toBe('Priority');
    const plan = readListed(['level 2 = priorities', 'text starting "We will review" = actions of the plan']);
    expect(plan.parentOf('We will review the priorities every year.')).toBe('Plan');
    expect(plan.titles('Priority')).toContain('Our priorities');
    // A whole list chosen as the plan's actions goes under the plan too.
    const list = readListed(['section "Next steps" = context', 'list "Our priorities" = actions of the plan']);
    expect(list.parentOf('Better housing.')).toBe('Plan');
  });

  it('refuses a choice naming nothing in the document, or a kind the document cannot hold, naming the choice', () => {
    expect(() => read(['text starting "Nothing like this" = actions'])).toThrow(
      /choice 1 \(text starting "Nothing like this" = actions\): the document has no paragraph, list item, row or sentence starting "Nothing like this"/,
    );
    expect(() => read(['level 2 = priorities', 'section "Living well" = context'])).toThrow(
      /choice 2 \(section "Living well" = context\): the document has no heading "Living well"/,
    );
    expect(() => read(['level 5 = actions'])).toThrow(/no heading at level 5/);
    expect(() => read(['depth 4 = actions'])).toThrow(/no list item at depth 4/);
    expect(() => read(['list "Key data" = recommendations'])).toThrow(/recommendations belong to inspection reports/);
  });
});

describe('the outline with what each part became', () => {
  it('names every heading and list by its target, says what it became, and where it is', () => {
    const { outline } = read(['level 2 = priorities', 'level 3 = objectives', 'section "Our vision" = context']);
    const part = (target: string, kind = 'HEADING') => outline.find((each) => each.target === target && each.kind === kind);
    expect(part('section "Starting well"')).toMatchObject({ level: 2, depth: 0, line: 7, chosen: 'priorities' });
    expect(part('section "Starting well"')?.became).toMatch(/^priority \S+\/p\d$/);
    expect(part('list "Healthy pregnancies"', 'LIST')).toMatchObject({ size: 2, depth: 2, became: '2 actions under “Healthy pregnancies”' });
    expect(part('section "Our vision"')?.became).toBe('context, skipped');
    expect(part('paragraphs "Our vision"', 'PARAGRAPHS')?.became).toBe('context, skipped');
    const skipped = read(['level 2 = priorities', 'section "Starting well" = context']).outline;
    expect(skipped.find((each) => each.title === 'Ready for school')?.became).toBe('context, skipped');
    expect(formatOutline(outline)[0]).toMatch(/^line 3 +## Our vision {2}→ context, skipped {3}\[section "Our vision", chosen as context\]$/);
  });

  it('adds recommendations to an inspection report from a list chosen as recommendations', () => {
    const report = [
      '# Inspection of children’s services',
      '',
      'Ofsted inspected the local authority. Inspectors found that the experiences and progress of children are good.',
      '',
      '## Next steps for the council',
      '',
      '- Improve the timeliness of plans for care leavers',
      '- Strengthen supervision of social workers',
    ].join('\n');
    const chosen = parseStrategyDocument(report, {
      fileName: 'inspection.md',
      at: '2024-01-01',
      choices: ['list "Next steps for the council" = recommendations'],
    });
    const recommendations = chosen.seed.nodes.filter((node) => node.label === 'Evidence' && (node as { kind?: string }).kind === 'RECOMMENDATION');
    expect(recommendations.map((node) => node.title)).toEqual(['Improve the timeliness of plans for care leavers', 'Strengthen supervision of social workers']);
    expect(() => parseStrategyDocument(report, { fileName: 'inspection.md', choices: ['level 2 = priorities'] })).toThrow(/read as an inspection report/);
    expect(() => parseStrategyDocument(report, { fileName: 'inspection.md', choices: ['level 2 = actions of the plan'] })).toThrow(
      /read as an inspection report/,
    );
  });
});
