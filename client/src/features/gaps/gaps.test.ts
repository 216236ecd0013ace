import { describe, expect, it } from 'vitest';
import {
  coverageText,
  csvFileName,
  filterRules,
  findingsAt,
  gapsToCsv,
  parseGapFilters,
  percent,
  scopeOfValue,
  scopeParams,
  scopeValue,
  type CsvReport,
  type Scope,
  type Severity,
} from './gaps.ts';

const finding = (id: string, severity: string, overrides: Partial<CsvReport['rules'][number]['findings'][number]> = {}) => ({
  severity,
  detail: 'No outcome measure.',
  node: { id, title: `Title of ${id}` },
  plan: { title: 'People Strategy' },
  ...overrides,
});

describe('parseGapFilters', () => {
  it('reads the whole graph with no filters from an empty URL', () => {
    expect(parseGapFilters(new URLSearchParams())).toEqual({ scope: { kind: 'whole' }, rule: null, severity: null });
  });

  it('reads a plan scope, a rule and a severity', () => {
    expect(parseGapFilters(new URLSearchParams('plan=p1&rule=ACTION_WITHOUT_MEASURE&severity=MEDIUM'))).toEqual({
      scope: { kind: 'plan', id: 'p1' },
      rule: 'ACTION_WITHOUT_MEASURE',
      severity: 'MEDIUM',
    });
  });

  it('reads an organisation scope, and prefers a plan when both are given', () => {
    expect(parseGapFilters(new URLSearchParams('org=org/redbridge-council')).scope).toEqual({ kind: 'organisation', id: 'org/redbridge-council' });
    expect(parseGapFilters(new URLSearchParams('org=o&plan=p')).scope).toEqual({ kind: 'plan', id: 'p' });
  });

  it('reads the date asked as at, and ignores one that is not a date', () => {
    expect(parseGapFilters(new URLSearchParams('plan=p&asAt=2019-04-01')).asAt).toBe('2019-04-01');
    expect(parseGapFilters(new URLSearchParams('asAt=2019-02-30')).asAt).toBeUndefined();
    expect(parseGapFilters(new URLSearchParams('asAt=1-4-2019')).asAt).toBeUndefined();
  });

  it('ignores a severity the API does not know', () => {
    expect(parseGapFilters(new URLSearchParams('severity=urgent')).severity).toBeNull();
  });
});

describe('scope chooser values', () => {
  const scopes: Scope[] = [{ kind: 'plan', id: 'a/b' }, { kind: 'organisation', id: 'org/x' }, { kind: 'whole' }];

  it('round-trips each kind of scope through the chooser', () => {
    for (const scope of scopes) expect(scopeOfValue(scopeValue(scope))).toEqual(scope);
  });

  it('round-trips each kind of scope through the URL, clearing the other parameter', () => {
    expect(scopes.map(scopeParams)).toEqual([
      { plan: 'a/b', org: null },
      { plan: null, org: 'org/x' },
      { plan: null, org: null },
    ]);
    for (const scope of scopes) {
      const { plan, org } = scopeParams(scope);
      const params = new URLSearchParams();
      if (plan) params.set('plan', plan);
      if (org) params.set('org', org);
      expect(parseGapFilters(params).scope).toEqual(scope);
    }
  });
});

describe('filterRules', () => {
  const rules = [
    { code: 'A', severity: 'HIGH', findingCount: 2, informationCount: 1 },
    { code: 'B', severity: 'MEDIUM', findingCount: 1, informationCount: 0 },
    { code: 'C', severity: 'LOW', findingCount: 0, informationCount: 0 },
  ];

  it('keeps every rule, even those with no findings, when nothing is filtered', () => {
    expect(filterRules(rules, { rule: null, severity: null }).map(({ code }) => code)).toEqual(['A', 'B', 'C']);
  });

  it('keeps one rule', () => {
    expect(filterRules(rules, { rule: 'B', severity: null }).map(({ code }) => code)).toEqual(['B']);
  });

  it('keeps the rules with findings of one severity', () => {
    expect(filterRules(rules, { rule: null, severity: 'INFO' }).map(({ code }) => code)).toEqual(['A']);
    expect(filterRules(rules, { rule: null, severity: 'MEDIUM' }).map(({ code }) => code)).toEqual(['B']);
    expect(filterRules(rules, { rule: null, severity: 'LOW' })).toEqual([]);
  });

  it('counts the findings of a severity: INFO ones apart from the rule’s own', () => {
    expect([null, 'HIGH', 'INFO', 'MEDIUM'].map((severity) => findingsAt(rules[0]!, severity as Severity | null))).toEqual([2, 1, 1, 0]);
  });
});

describe('gapsToCsv', () => {
  it('writes a header and one CRLF-ended row per finding, in the documented columns', () => {
    const csv = gapsToCsv({ rules: [{ code: 'ACTION_WITHOUT_MEASURE', findings: [finding('p/a1', 'MEDIUM'), finding('p/a2', 'MEDIUM', { plan: null })] }] });
    expect(csv).toBe(
      'Rule code,Severity,Node id,Node title,Plan,Detail\r\n' +
        'ACTION_WITHOUT_MEASURE,MEDIUM,p/a1,Title of p/a1,People Strategy,No outcome measure.\r\n' +
        'ACTION_WITHOUT_MEASURE,MEDIUM,p/a2,Title of p/a2,,No outcome measure.\r\n',
    );
  });

  it('quotes fields holding commas, quotes and line breaks, doubling the quotes', () => {
    const csv = gapsToCsv({
      rules: [
        {
          code: 'R',
          findings: [
            finding('x', 'LOW', {
              node: { id: 'x', title: 'Be Happy, Safe and Well' },
              detail: 'Cited as "the Act"\nin full',
              plan: { title: 'Line one\r\nLine two' },
            }),
          ],
        },
      ],
    });
    expect(csv.split('\r\n')[1]).toBe('R,LOW,x,"Be Happy, Safe and Well","Line one');
    expect(csv).toContain('"Be Happy, Safe and Well","Line one\r\nLine two","Cited as ""the Act""\nin full"\r\n');
  });

  it('writes titles and details that a spreadsheet would run as formulas as text', () => {
    const csv = gapsToCsv({
      rules: [
        {
          code: 'R',
          findings: [
            finding('x', 'LOW', { node: { id: 'x', title: '=HYPERLINK("http://x","y")' }, detail: "=cmd|' /C calc'!A0", plan: { title: '@SUM(A1)' } }),
            finding('y', 'LOW', { node: { id: 'y', title: '+1' }, detail: '-1', plan: { title: '\tTabbed' } }),
          ],
        },
      ],
    });
    expect(csv.split('\r\n').slice(1, 3)).toEqual([`R,LOW,x,"'=HYPERLINK(""http://x"",""y"")",'@SUM(A1),'=cmd|' /C calc'!A0`, `R,LOW,y,'+1,'\tTabbed,'-1`]);
  });

  it('writes just the header when there is nothing to export', () => {
    expect(gapsToCsv({ rules: [] })).toBe('Rule code,Severity,Node id,Node title,Plan,Detail\r\n');
  });
});

describe('csvFileName', () => {
  it('names the date asked as at', () => {
    expect(csvFileName({ scope: { kind: 'whole' }, rule: null, severity: null, asAt: '2019-04-01' })).toBe('gaps-whole-graph-as-at-2019-04-01.csv');
  });

  it('names the scope and any filters', () => {
    expect(csvFileName({ scope: { kind: 'whole' }, rule: null, severity: null })).toBe('gaps-whole-graph.csv');
    expect(csvFileName({ scope: { kind: 'plan', id: 'redbridge-people-strategy-2024' }, rule: 'ACTION_WITHOUT_MEASURE', severity: null })).toBe(
      'gaps-redbridge-people-strategy-2024-action-without-measure.csv',
    );
    expect(csvFileName({ scope: { kind: 'organisation', id: 'org/redbridge-council' }, rule: null, severity: 'HIGH' })).toBe(
      'gaps-org-redbridge-council-high.csv',
    );
  });
});

describe('coverage figures', () => {
  it('reads as a sentence with a whole percentage', () => {
    expect(coverageText(26, 38)).toBe('26 of 38 pass (68%)');
    expect(coverageText(40, 130, 'checks')).toBe('40 of 130 checks pass (31%)');
    expect(coverageText(0, 0)).toBe('Nothing to check');
  });

  it('never rounds a partial result to none or all', () => {
    expect(percent(1, 1000)).toBe(1);
    expect(percent(999, 1000)).toBe(99);
    expect(percent(0, 5)).toBe(0);
    expect(percent(5, 5)).toBe(100);
  });
});
