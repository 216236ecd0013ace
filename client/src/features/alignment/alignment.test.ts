import { describe, expect, it } from 'vitest';
import { axisInput, axisParam, cellParam, defaultRows, matrixCaption, parseAxis, parseCell, shadeLevel, uncoveredHeadings, withKind } from './alignment.ts';

const titles: Record<string, string> = { a: 'Caring for Redbridge', b: 'People Strategy' };
const planTitle = (id: string) => titles[id] ?? id;

describe('parseAxis', () => {
  it('reads a kind with its plan', () => {
    expect(parseAxis('PLAN_ACTIONS:redbridge-people-strategy-2024', defaultRows)).toEqual({ kind: 'PLAN_ACTIONS', planId: 'redbridge-people-strategy-2024' });
  });

  it('reads kinds that need no plan, with or without the colon, and drops a stray plan', () => {
    expect(parseAxis('AUTHORITIES:', defaultRows)).toEqual({ kind: 'AUTHORITIES', planId: null });
    expect(parseAxis('THEMES', defaultRows)).toEqual({ kind: 'THEMES', planId: null });
    expect(parseAxis('PLANS:some-plan', defaultRows)).toEqual({ kind: 'PLANS', planId: null });
  });

  it('leaves the plan unchosen when a plan kind comes without one', () => {
    expect(parseAxis('PLAN_PRIORITIES:', defaultRows)).toEqual({ kind: 'PLAN_PRIORITIES', planId: null });
  });

  it('falls back on a missing or unknown kind', () => {
    expect(parseAxis(null, defaultRows)).toBe(defaultRows);
    expect(parseAxis('EVERYTHING:x', defaultRows)).toBe(defaultRows);
  });

  it('round-trips through axisParam', () => {
    for (const axis of [defaultRows, { kind: 'THEMES', planId: null } as const]) expect(parseAxis(axisParam(axis), defaultRows)).toEqual(axis);
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

describe('shadeLevel', () => {
  it('spreads strengths over five shades against the strongest cell', () => {
    expect([0, 1, 2, 3, 4, 5].map((strength) => shadeLevel(strength, 5))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(shadeLevel(1, 40)).toBe(1);
    expect(shadeLevel(40, 40)).toBe(5);
    expect(shadeLevel(3, 0)).toBe(0);
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
    expect(uncoveredHeadings({ kind: 'PLAN_ACTIONS', planId: 'b' }, { kind: 'THEMES', planId: null }, planTitle).columns).toBe('Themes connected to no action of People Strategy');
  });

  it('captions the matrix with both axes, keeping the plan titles as written', () => {
    expect(matrixCaption({ kind: 'PLAN_PRIORITIES', planId: 'a' }, { kind: 'PLAN_PRIORITIES', planId: 'b' }, planTitle)).toBe(
      'Priorities of Caring for Redbridge (rows) against priorities of People Strategy (columns)',
    );
  });
});
