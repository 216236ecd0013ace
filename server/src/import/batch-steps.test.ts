import { describe, expect, it } from 'vitest';
import { excerptFinder } from '../rules/index.ts';
import {
  buildBatch,
  collectDefinitions,
  documentNode,
  type EntryContext,
  labelsOf,
  nodeEntry,
  observationsOf,
  publisherLink,
  StatedLinks,
  statedLink,
  yearOf,
} from './batch-steps.ts';
import type { NodeDefinition } from './seed-format.ts';
import { checkSeed, type ExistingNode, type ParsedFile, parseSeedText, type SeedFault } from './seed-files.ts';

const content = 'Our Plan\nPriority 1: Keep children safe\nSupport care leavers into work.\nHelp unpaid carers.\nCare leavers in work: 41 per cent.';
const source = (excerpt: string) => ({ section: 'Plan', excerpt });
const plan = { id: 'plan', label: 'Plan', title: 'Our Plan', kind: 'STRATEGY', status: 'ADOPTED', source: source('Our Plan') };
const priority = { id: 'plan/p1', label: 'Priority', parent: 'plan', title: 'Keep children safe', source: source('Priority 1: Keep children safe') };
const action = { id: 'plan/p1/a1', label: 'Action', parent: 'plan/p1', title: 'Support care leavers', source: source('Support care leavers into work.') };
const theme = { id: 'theme/care-leavers', label: 'Theme', title: 'Care leavers', source: source('care leavers') };
const council = { id: 'org/council', label: 'Organisation', title: 'Council', kind: 'COUNCIL', source: source('Our Plan') };

/** A file carrying its document, as an import makes it; fails the test if its shape is unsound. */
function fileOf(
  nodes: Record<string, unknown>[],
  { id = 'document/plan', publisher, links = [] }: { id?: string; publisher?: string; links?: unknown[] } = {},
) {
  const faults: SeedFault[] = [];
  const file = checkSeed(
    {
      document: { id, title: 'Our Plan', file: 'plan.txt', kind: 'STRATEGY', content, publisher },
      curation: { by: 'Curators', at: '2026-01-01' },
      nodes,
      links,
    },
    `${id}.yaml`,
    null,
    faults,
  );
  expect(faults).toEqual([]);
  return file!;
}

/** The context a file's entries are checked in, with the labels of its own definitions and of `existing`. */
function contextOf(file: ParsedFile, existing: Record<string, string> = {}, stated = new StatedLinks()): EntryContext {
  const { definitions } = collectDefinitions([file]);
  const graph = new Map(Object.entries(existing).map(([id, label]): [string, ExistingNode] => [id, { label }]));
  return {
    file,
    labelOf: labelsOf(definitions, graph),
    definedHere: (id) => definitions.get(id)?.file === file,
    stated,
    findExcerpt: excerptFinder(file.documentText),
  };
}

const messages = (faults: readonly SeedFault[]) => faults.map(({ path, message }) => `${path}: ${message}`);
const linkText = ({ from, type, to }: { from: string; type: string; to: string }) => `${from} ${type} ${to}`;

describe('collectDefinitions', () => {
  it('keeps the first definition of each id and names both places of a second, and a document id used twice', () => {
    const first = fileOf([plan, theme]);
    const second = fileOf(
      [
        { ...theme, title: 'Again' },
        { mention: 'plan', source: source('Our Plan') },
      ],
      { id: 'document/plan' },
    );
    const { definitions, faults } = collectDefinitions([first, second]);
    expect([...definitions.keys()]).toEqual(['plan', 'theme/care-leavers']);
    expect(definitions.get('theme/care-leavers')).toMatchObject({ file: first, index: 1 });
    expect(messages(faults)).toEqual([
      'document.id: document id document/plan is used by another seed file',
      'nodes[0].id: theme/care-leavers is already defined in document/plan.yaml (nodes[1]); use a mention to name it again',
    ]);
  });

  it('gives labels from the files first, then from the graph', () => {
    const { definitions } = collectDefinitions([fileOf([plan])]);
    const labelOf = labelsOf(
      definitions,
      new Map([
        ['plan', { label: 'Theme' }],
        ['act', { label: 'Authority' }],
      ]),
    );
    expect([labelOf('plan'), labelOf('act'), labelOf('nothing')]).toEqual(['Plan', 'Authority', undefined]);
  });
});

describe('a file’s document', () => {
  it('becomes a Document node with its text', () => {
    expect(documentNode(fileOf([plan]))).toEqual({
      label: 'Document',
      id: 'document/plan',
      props: { id: 'document/plan', title: 'Our Plan', file: 'plan.txt', published: null, kind: 'STRATEGY', url: null, content },
    });
  });

  it('is linked from its publisher, which must be an organisation', () => {
    const published = fileOf([council], { publisher: 'org/council' });
    expect(publisherLink(published, contextOf(published).labelOf)).toEqual({
      nodes: [],
      links: [
        {
          type: 'PUBLISHES',
          from: 'org/council',
          to: 'document/plan',
          props: { by: 'Curators', at: '2026-01-01', documentId: 'document/plan', basis: 'STATED' },
        },
      ],
      faults: [],
    });
    const wrong = fileOf([plan], { publisher: 'plan' });
    expect(messages(publisherLink(wrong, contextOf(wrong).labelOf).faults)).toEqual(['document.publisher: publisher must be Organisation, but plan is Plan']);
    const unknown = fileOf([plan], { publisher: 'org/nobody' });
    expect(messages(publisherLink(unknown, contextOf(unknown).labelOf).faults)).toEqual(['document.publisher: unknown id org/nobody']);
  });
});

describe('StatedLinks', () => {
  it('tells where a link was first stated, and numbers each parent’s children in turn', () => {
    const stated = new StatedLinks();
    expect(stated.take({ from: 'a', type: 'CITES', to: 'b' }, 'f.yaml links[0]')).toBeUndefined();
    expect(stated.take({ from: 'a', type: 'CITES', to: 'c' }, 'f.yaml links[1]')).toBeUndefined();
    expect(stated.take({ from: 'a', type: 'CITES', to: 'b' }, 'g.yaml links[4]')).toBe('f.yaml links[0]');
    expect([stated.nextPosition('p'), stated.nextPosition('q'), stated.nextPosition('p')]).toEqual([0, 0, 1]);
  });
});

describe('nodeEntry', () => {
  it('makes a node placed under its parent, sourced from the document, owned and themed', () => {
    const file = fileOf([plan, priority, { ...action, owner: 'org/council', themes: ['theme/care-leavers'] }, theme, council]);
    const context = contextOf(file);
    context.stated.nextPosition('plan/p1');
    const { nodes, links, faults } = nodeEntry(file.nodes[2]!, 2, context);
    expect(faults).toEqual([]);
    expect(nodes).toEqual([
      {
        label: 'Action',
        id: 'plan/p1/a1',
        props: { id: 'plan/p1/a1', title: 'Support care leavers', documentId: 'document/plan', position: 1 },
      },
    ]);
    expect(links.map(linkText)).toEqual([
      'plan/p1 HAS_ACTION plan/p1/a1',
      'plan/p1/a1 SOURCED_FROM document/plan',
      'plan/p1/a1 OWNED_BY org/council',
      'plan/p1/a1 CONCERNS theme/care-leavers',
    ]);
    expect(links[1]!.props).toEqual({
      by: 'Curators',
      at: '2026-01-01',
      documentId: 'document/plan',
      basis: 'STATED',
      section: 'Plan',
      excerpt: 'Support care leavers into work.',
    });
  });

  it('names each fault of an entry at its path, in the entry’s order', () => {
    const file = fileOf([
      plan,
      {
        ...priority,
        parent: 'plan/p1/a1',
        owner: 'theme/care-leavers',
        themes: ['theme/care-leavers', 'theme/care-leavers', 'plan'],
        source: source('Keep all safe'),
      },
      action,
      theme,
    ]);
    const { nodes, links, faults } = nodeEntry(file.nodes[1]!, 1, contextOf(file));
    expect(messages(faults)).toEqual([
      'nodes[1].source.excerpt: excerpt not found word for word in plan.txt: "Keep all safe"',
      'nodes[1].parent: the parent of a Priority must be Plan or Priority, but plan/p1/a1 is Action',
      'nodes[1].owner: owner must be Role or Organisation, but theme/care-leavers is Theme',
      'nodes[1].themes[1]: duplicate CONCERNS link from plan/p1 to theme/care-leavers (also at document/plan.yaml nodes[1].themes[0])',
      'nodes[1].themes[2]: a theme must be Theme, but plan is Plan',
    ]);
    expect(nodes.map(({ id }) => id)).toEqual(['plan/p1']);
    expect(links.map(linkText)).toEqual(['plan/p1 SOURCED_FROM document/plan', 'plan/p1 CONCERNS theme/care-leavers']);
  });

  it('links a mention to the document, and refuses a mention of nothing', () => {
    const file = fileOf([
      { mention: 'act', source: source('Help unpaid carers.') },
      { mention: 'nothing', source: source('Our Plan') },
    ]);
    const context = contextOf(file, { act: 'Authority' });
    expect(nodeEntry(file.nodes[0]!, 0, context).links.map(linkText)).toEqual(['act SOURCED_FROM document/plan']);
    expect(messages(nodeEntry(file.nodes[1]!, 1, context).faults)).toEqual(['nodes[1].mention: unknown id nothing']);
  });

  it('adds nothing for a second definition of an id another file defines, but still checks its excerpt', () => {
    const file = fileOf([{ ...theme, source: source('not in the plan') }]);
    const result = nodeEntry(file.nodes[0]!, 0, { ...contextOf(file), definedHere: () => false });
    expect(result.nodes).toEqual([]);
    expect(result.links).toEqual([]);
    expect(messages(result.faults)).toEqual(['nodes[0].source.excerpt: excerpt not found word for word in plan.txt: "not in the plan"']);
  });
});

describe('observationsOf', () => {
  const measure = {
    id: 'measure/work',
    label: 'Measure',
    title: 'Care leavers in work',
    unit: 'per cent',
    polarity: 'HIGHER_IS_BETTER',
    area: 'Here',
    source: source('Care leavers in work: 41 per cent.'),
    observations: [
      { period: '2023/24', value: 41 },
      { period: '2023/24', value: 12, unit: 'people' },
      { period: '2023/24', value: 45, area: 'England', breakdown: 'Boys' },
      { period: '2023/24', value: 40, unit: 'per cent', area: 'Here' },
    ],
  };

  it('makes one node per period, breakdown, area and unit, linked from the measure and sourced as it is', () => {
    const file = fileOf([measure]);
    const { nodes, links, faults } = observationsOf(file.nodes[0] as Extract<NodeDefinition, { label: 'Measure' }>, file, ['nodes', 0]);
    expect(nodes.map(({ id, props }) => [id, props.title, props.year, props.unit, props.area, props.position])).toEqual([
      ['measure/work/2023-24', 'Care leavers in work: 2023/24', 2023, 'per cent', 'Here', 0],
      ['measure/work/2023-24/people', 'Care leavers in work: 2023/24', 2023, 'people', 'Here', 1],
      ['measure/work/2023-24/boys/england', 'Care leavers in work: 2023/24, Boys, England', 2023, 'per cent', 'England', 2],
    ]);
    expect(links.slice(0, 2).map(linkText)).toEqual(['measure/work HAS_OBSERVATION measure/work/2023-24', 'measure/work/2023-24 SOURCED_FROM document/plan']);
    expect(messages(faults)).toEqual(['nodes[0].observations[3]: repeats period 2023/24 with the same breakdown, area and unit']);
  });

  it('reads the latest year a period names', () => {
    expect([yearOf('2015/16'), yearOf('2012/13-2015/16'), yearOf('Q3'), yearOf('1999')]).toEqual([2015, 2015, null, 1999]);
  });
});

describe('statedLink', () => {
  const file = fileOf([plan, priority, action, theme], {
    links: [
      { from: 'plan/p1/a1', type: 'CONCERNS', to: 'theme/care-leavers', excerpt: 'care leavers into work' },
      { from: 'theme/care-leavers', type: 'RESPONDS_TO', to: 'plan/p1', excerpt: 'not there' },
      { from: 'plan', type: 'HAS_PRIORITY', to: 'plan/p1', excerpt: 'not there' },
      { from: 'plan', type: 'SUPERSEDES', to: 'plan' },
      { from: 'plan/p1/a1', type: 'CONCERNS', to: 'theme/care-leavers', basis: 'CURATED', rationale: 'Again.' },
    ],
  });
  const context = contextOf(file);
  const [concerns, responds, placing, self, again] = file.seed.links.map((link, index) => statedLink(link, index, context));

  it('states a link with its provenance and the fields it was given', () => {
    expect(concerns).toEqual({
      nodes: [],
      links: [
        {
          type: 'CONCERNS',
          from: 'plan/p1/a1',
          to: 'theme/care-leavers',
          props: { by: 'Curators', at: '2026-01-01', documentId: 'document/plan', basis: 'STATED', excerpt: 'care leavers into work' },
        },
      ],
      faults: [],
    });
  });

  it('names the ends its type cannot join, its excerpt, a loader’s type alone, a self link and a second of the same', () => {
    expect(messages(responds!.faults)).toEqual([
      'links[1].from: the start of a RESPONDS_TO link must be Priority or Objective or Action, but theme/care-leavers is Theme',
      'links[1].to: the end of a RESPONDS_TO link must be Evidence, but plan/p1 is Priority',
      'links[1].excerpt: excerpt not found word for word in plan.txt: "not there"',
    ]);
    expect(messages(placing!.faults)).toEqual(['links[2].type: HAS_PRIORITY links are made by the loader (use parent, owner or themes)']);
    expect(messages(self!.faults)).toEqual(['links[3].to: a link cannot join a node to itself']);
    expect(messages(again!.faults)).toEqual(['links[4]: duplicate CONCERNS link from plan/p1/a1 to theme/care-leavers (also at document/plan.yaml links[0])']);
    expect([responds, placing, self, again].flatMap((step) => step!.links)).toEqual([]);
  });
});

describe('buildBatch', () => {
  it('runs the steps file by file, numbering children across files, and records placement', () => {
    const first = fileOf([council, plan, priority], { publisher: 'org/council' });
    const second = fileOf([{ ...priority, id: 'plan/p2', title: 'Help unpaid carers', source: source('Help unpaid carers.') }, action], {
      id: 'document/more',
    });
    const { batch, faults } = buildBatch([first, second], new Map());
    expect(faults).toEqual([]);
    expect(batch.nodes.map(({ id }) => id)).toEqual(['document/plan', 'org/council', 'plan', 'plan/p1', 'document/more', 'plan/p2', 'plan/p1/a1']);
    const props = new Map(batch.nodes.map(({ id, props }) => [id, props]));
    expect(props.get('plan/p2')).toMatchObject({ position: 1, planId: 'plan', topPriorityId: 'plan/p2' });
    expect(props.get('plan/p1/a1')).toMatchObject({ position: 0, planId: 'plan', topPriorityId: 'plan/p1' });
    expect(batch.links.map(linkText)).toContain('org/council PUBLISHES document/plan');
  });

  it('reports a cycle as a fault of the files together, and records no placement when there is a fault', () => {
    const file = fileOf([
      plan,
      { ...priority, parent: 'plan/p1/p2' },
      { ...priority, id: 'plan/p1/p2', parent: 'plan/p1', source: source('Keep children safe') },
    ]);
    const { batch, faults } = buildBatch([file], new Map());
    expect(faults).toEqual([{ file: 'seed/', path: '', message: 'cycle: plan/p1/p2 → plan/p1 → plan/p1/p2' }]);
    expect(batch.nodes.some(({ props }) => 'planId' in props)).toBe(false);
  });

  it('places items under a node already in the graph where that node sits, and names the line of a fault', () => {
    const faults: SeedFault[] = [];
    const file = parseSeedText(
      `document: { id: document/more, title: More, file: more.txt, kind: STRATEGY, content: ${JSON.stringify(content)} }
curation: { by: Curators, at: "2026-01-01" }
nodes:
  - { id: plan/p1/a2, label: Action, parent: plan/p1, title: Help, source: { section: Plan, excerpt: "Help unpaid carers." } }
  - { id: plan/p1/a3, label: Action, parent: plan/p9, title: Help, source: { section: Plan, excerpt: "Help unpaid carers." } }
`,
      'more.yaml',
      null,
      faults,
    )!;
    expect(faults).toEqual([]);
    const existing = new Map<string, ExistingNode>([['plan/p1', { label: 'Priority', props: { planId: 'plan', topPriorityId: 'plan/p1' } }]]);
    expect(buildBatch([file], existing).faults).toEqual([{ file: 'more.yaml', path: 'nodes[1].parent', line: 5, message: 'unknown id plan/p9' }]);
    const sound = { ...file, nodes: file.nodes.slice(0, 1) };
    const { batch } = buildBatch([sound], existing);
    expect(batch.nodes.find(({ id }) => id === 'plan/p1/a2')?.props).toMatchObject({ position: 0, planId: 'plan', topPriorityId: 'plan/p1' });
  });
});
