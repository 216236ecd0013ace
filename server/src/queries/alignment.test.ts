import { describe, expect, it } from 'vitest';
import { axisConnections, choosePlanPair, type CandidatePlan } from './alignment.ts';

const plan = (id: string, props: Partial<CandidatePlan> = {}): CandidatePlan => ({
  id,
  title: id.toUpperCase(),
  periodStart: null,
  items: 10,
  hasActions: true,
  publishers: [],
  supersedes: [],
  ...props,
});

describe('choosePlanPair', () => {
  it('takes the most recent succession, the superseded plan first', () => {
    const pair = choosePlanPair([
      plan('a2010', { periodStart: 2010 }),
      plan('b2015', { periodStart: 2015, supersedes: ['a2010'] }),
      plan('c2018', { periodStart: 2018 }),
      plan('d2024', { periodStart: 2024, supersedes: ['c2018'] }),
      plan('big', { items: 500, publishers: ['org'] }),
      plan('bigger', { items: 600, publishers: ['org'] }),
    ]);
    expect([pair?.earlier.id, pair?.later.id]).toEqual(['c2018', 'd2024']);
    expect(pair?.because).toBe('D2024 supersedes C2018');
  });

  it('ignores a succession to a plan with no priorities (not among the candidates)', () => {
    const pair = choosePlanPair([
      plan('new', { supersedes: ['mentioned-only'], publishers: ['org'] }),
      plan('other', { publishers: ['org'], periodStart: 2001 }),
    ]);
    expect(pair?.because).toMatch(/two largest plans of one publisher/);
  });

  it('else takes the two largest plans of the publisher whose two largest hold most, the earlier first', () => {
    const pair = choosePlanPair([
      plan('x1', { items: 40, publishers: ['x'], periodStart: 2024 }),
      plan('x2', { items: 30, publishers: ['x'], periodStart: 2018 }),
      plan('x3', { items: 5, publishers: ['x'] }),
      plan('y1', { items: 60, publishers: ['y'] }),
      plan('y2', { items: 1, publishers: ['y'] }),
    ]);
    expect([pair?.earlier.id, pair?.later.id]).toEqual(['x2', 'x1']);
  });

  it('gives nothing when no publisher has two plans and nothing supersedes', () => {
    expect(choosePlanPair([plan('a', { publishers: ['x'] }), plan('b', { publishers: ['y'] })])).toBeNull();
    expect(choosePlanPair([])).toBeNull();
  });
});

describe('axisConnections', () => {
  const node = (id: string) => ({ id, label: 'Priority' as const, title: id, corporate: false, discretionary: false, properties: {}, version: 1 });
  const edge = { id: 'e', type: 'CONTRIBUTES_TO' as const, from: 'r1', to: 'c1', version: 1 };
  it('gives each row its closest connection and never counts a shared theme as a link', () => {
    const cells = [
      { row: 'r1', column: 'c1', connection: 'SHARED_THEME' as const, links: [], sharedAuthorities: [], sharedThemes: [node('t')] },
      { row: 'r1', column: 'c2', connection: 'LINKED' as const, links: [edge], sharedAuthorities: [], sharedThemes: [] },
      { row: 'r2', column: 'c1', connection: 'SHARED_THEME' as const, links: [], sharedAuthorities: [], sharedThemes: [node('t')] },
    ];
    const entries = axisConnections([node('r1'), node('r2'), node('r3')], cells, 'row');
    expect(entries.map(({ connection }) => connection)).toEqual(['LINKED', 'SHARED_THEME', 'NONE']);
    expect(entries[0]).toMatchObject({ linkedTo: ['c2'], sharesThemeWith: ['c1'], sharesAuthorityWith: [] });
  });
});
