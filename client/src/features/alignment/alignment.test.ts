import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  axisInput,
  axisParam,
  cellFigures,
  cellParam,
  connectionSummary,
  csvFileName,
  matrixCaption,
  matrixToCsv,
  notCovered,
  notCoveredToCsv,
  parseAxis,
  parseCell,
  uncoveredHeadings,
  withKind,
  type Axis,
} from './alignment.ts';

const titles: Record<string, string> = { a: 'Caring for Redbridge', b: 'People Strategy' };
const planTitle = (id: string) => titles[id] ?? id;

describe('parseAxis', () => {
  it('reads a kind with its plan', () => {
    expect(parseAxis('PLAN_ACTIONS:redbridge-people-strategy-2024')).toEqual({ kind: 'PLAN_ACTIONS', planId: 'redbridge-people-strategy-2024' });
  });

  it('reads kinds that need no plan, with or without the colon, and drops a stray plan', () => {
    expect(parseAxis('AUTHORITIES:')).toEqual({ kind: 'AUTHORITIES', planId: null });
    expect(parseAxis('THEMES')).toEqual({ kind: 'THEMES', planId: null });
    expect(parseAxis('PLANS:some-plan')).toEqual({ kind: 'PLANS', planId: null });
  });

  it('leaves the plan unchosen when a plan kind comes without one', () => {
    expect(parseAxis('PLAN_PRIORITIES:')).toEqual({ kind: 'PLAN_PRIORITIES', planId: null });
  });

  it('reads a missing or unknown kind as no axis, which leaves the choice to the data', () => {
    expect(parseAxis(null)).toBeNull();
    expect(parseAxis('EVERYTHING:x')).toBeNull();
  });

  it('round-trips through axisParam', () => {
    for (const axis of [
      { kind: 'PLAN_ACTIONS', planId: 'a' },
      { kind: 'THEMES', planId: null },
    ] as const)
      expect(parseAxis(axisParam(axis))).toEqual(axis);
  });
});

describe('axisInput and withKind', () => {
  it('sends a plan only when there is one', () => {
    expect(axisInput({ kind: 'PLANS', planId: null })).toEqual({ kind: 'PLANS' });
    expect(axisInput({ kind: 'PLAN_ACTIONS', planId: 'p' })).toEqual({ kind: 'PLAN_ACTIONS', planId: 'p' });
  });

  it('keeps the plan when switching between plan kinds and drops it otherwise', () => {
    expect(withKind({ kind: 'PLAN_PRIORITIES', planId: 'p' }, 'PLAN_ACTIONS', 'q')).toEqual({ kind: 'PLAN_ACTIONS', planId: 'p' });
    expect(withKind({ kind: 'PLANS', planId: null }, 'PLAN_ACTIONS', 'q')).toEqual({ kind: 'PLAN_ACTIONS', planId: 'q' });
    expect(withKind({ kind: 'PLAN_ACTIONS', planId: 'p' }, 'AUTHORITIES', 'q')).toEqual({ kind: 'AUTHORITIES', planId: null });
  });
});

describe('cells in the URL', () => {
  it('round-trips a row and column whose ids hold slashes', () => {
    expect(parseCell(cellParam('caring-for-redbridge-2018/so1', 'redbridge-people-strategy-2024/sp1'))).toEqual({
      row: 'caring-for-redbridge-2018/so1',
      column: 'redbridge-people-strategy-2024/sp1',
    });
  });

  it('reads anything malformed as no cell', () => {
    expect(parseCell(null)).toBeNull();
    expect(parseCell('only-a-row')).toBeNull();
    expect(parseCell('a|b|c')).toBeNull();
    expect(parseCell('|b')).toBeNull();
  });
});

describe('cells and what is not covered', () => {
  const node = (id: string, title = id) => ({ id, title, label: 'Priority' });
  const matrix = {
    rows: [node('r1', '=HYPERLINK("http://x","y")'), node('r2', 'Plain row'), node('r3', '+1 more')],
    columns: [node('c1', 'Column one'), node('c2', '@c2')],
    linkedItems: [node('r1/a', 'An action under r1')],
    cells: [
      {
        row: 'r1',
        column: 'c1',
        connection: 'LINKED' as const,
        links: [{ from: 'c1', to: 'r1/a', type: 'INFORMED_BY', basis: 'CURATED' }],
        sharedAuthorities: [],
        sharedThemes: [{ title: 'Care' }],
      },
      { row: 'r2', column: 'c2', connection: 'SHARED_THEME' as const, links: [], sharedAuthorities: [], sharedThemes: [{ title: '-Prevention' }] },
    ],
  };
  const rowEntries = [
    { node: matrix.rows[0]!, connection: 'LINKED' as const, sharesAuthorityWith: [], sharesThemeWith: ['c1'] },
    { node: matrix.rows[1]!, connection: 'SHARED_THEME' as const, sharesAuthorityWith: [], sharesThemeWith: ['c2'] },
    { node: matrix.rows[2]!, connection: 'NONE' as const, sharesAuthorityWith: [], sharesThemeWith: [] },
  ];

  it('counts links, shared authorities and shared themes apart, leaving out none of them silently', () => {
    expect(cellFigures({ links: [1, 2], sharedAuthorities: [1], sharedThemes: [1, 2, 3] })).toEqual(['2 links', '1 shared authority', '3 shared themes']);
    expect(cellFigures({ links: [], sharedAuthorities: [], sharedThemes: [1] })).toEqual(['1 shared theme']);
  });

  it('lists what no link reaches, what shares nothing first, and never a linked row', () => {
    expect(notCovered(rowEntries).map(({ node }) => node.id)).toEqual(['r3', 'r2']);
    expect(connectionSummary(rowEntries, { singular: 'action', plural: 'actions' })).toBe(
      '1 of 3 actions is linked directly; 0 share an authority but no link, 1 shares only a theme, and 1 shares nothing.',
    );
    expect(connectionSummary(rowEntries.slice(1), { singular: 'action', plural: 'actions' })).toMatch(/^None of the 2 actions is linked directly;/);
  });

  it('writes the matrix as CSV, one line per connected cell, formulas made inert', () => {
    const [header, ...lines] = parseCsv(matrixToCsv(matrix)) as string[][];
    expect(header).toEqual(['Row id', 'Row', 'Column id', 'Column', 'Connection', 'Links', 'Linked items', 'Shared authorities', 'Shared themes']);
    expect(lines).toEqual([
      [
        'r1',
        `'=HYPERLINK("http://x","y")`,
        'c1',
        'Column one',
        'Linked directly',
        '1',
        'Column one informed by An action under r1 (Curated by a person)',
        '',
        'Care',
      ],
      ['r2', 'Plain row', 'c2', "'@c2", 'Shares a theme only', '0', '', '', "'-Prevention"],
    ]);
  });

  it('writes what is not covered as CSV, with what each shares', () => {
    const [header, ...lines] = parseCsv(notCoveredToCsv(rowEntries, matrix, 'row')) as string[][];
    expect(header).toEqual(['Id', 'Kind', 'Title', 'Connection', 'Shares an authority with', 'Authorities shared', 'Shares a theme with', 'Themes shared']);
    expect(lines).toEqual([
      ['r3', 'Priority', "'+1 more", 'Nothing connects it', '', '', '', ''],
      ['r2', 'Priority', 'Plain row', 'Shares a theme only', '', '', "'@c2", "'-Prevention"],
    ]);
  });

  it('names the files after both axes', () => {
    const rows: Axis = { kind: 'PLAN_ACTIONS', planId: 'caring-for-redbridge-2018' };
    const columns: Axis = { kind: 'PLAN_PRIORITIES', planId: 'redbridge-people-strategy-2024' };
    expect(csvFileName(rows, columns, 'matrix')).toBe('alignment-caring-for-redbridge-2018-actions-by-redbridge-people-strategy-2024-priorities.csv');
    expect(csvFileName({ kind: 'PLANS', planId: null }, { kind: 'AUTHORITIES', planId: null }, 'not-covered-rows')).toBe(
      'alignment-plans-by-authorities-not-covered-rows.csv',
    );
  });
});

describe('headings', () => {
  it('asks what each plan committed to that the other does not cover, in words true whichever came first', () => {
    expect(uncoveredHeadings({ kind: 'PLAN_PRIORITIES', planId: 'a' }, { kind: 'PLAN_PRIORITIES', planId: 'b' }, planTitle)).toEqual({
      rows: 'What Caring for Redbridge committed to that People Strategy does not cover',
      columns: 'What People Strategy takes on that Caring for Redbridge does not cover',
    });
  });

  it('names the sets for other kinds', () => {
    expect(uncoveredHeadings({ kind: 'PLANS', planId: null }, { kind: 'AUTHORITIES', planId: null }, planTitle)).toEqual({
      rows: 'Plans connected to no authority',
      columns: 'Authorities connected to no plan',
    });
    expect(uncoveredHeadings({ kind: 'PLAN_ACTIONS', planId: 'b' }, { kind: 'THEMES', planId: null }, planTitle).columns).toBe(
      'Themes connected to no action of People Strategy',
    );
  });

  it('captions the matrix with both axes, keeping the plan titles as written', () => {
    expect(matrixCaption({ kind: 'PLAN_PRIORITIES', planId: 'a' }, { kind: 'PLAN_PRIORITIES', planId: 'b' }, planTitle)).toBe(
      'Priorities of Caring for Redbridge (rows) against priorities of People Strategy (columns)',
    );
  });
});
