import { afterAll, describe, expect, it } from 'vitest';
import { testGateway } from '../../test/api.ts';
import { int, type QueryPlan, type Statement } from '../db/gateway.ts';
import { statements as alignment } from './alignment.ts';
import { statements as evidence } from './evidence.ts';
import { statements as gaps } from './gaps.ts';
import { statements as impact } from './impact.ts';
import { statements as legislation } from './legislation.ts';
import { statements as load } from './load.ts';
import { statements as nodes } from './nodes.ts';
import { statements as plans } from './plans.ts';
import { statements as search } from './search.ts';
import { statements as stats } from './stats.ts';
import { statements as trace } from './trace.ts';

const gateway = testGateway();
afterAll(() => gateway.close());

const all: Statement[] = [alignment, evidence, gaps, impact, legislation, load, nodes, plans, search, stats, trace].flatMap((family) => Object.values(family));

// Statements that must read every node of a kind: the whole-graph questions.
const scansByDesign = new Set([
  'stats.labelCounts',
  'stats.totals',
  'alignment.plans',
  'alignment.authorities',
  'alignment.themes',
  'alignment.joiningLinks',
  'alignment.candidatePlans',
  'plans.page',
  'plans.count',
  ...Object.values(gaps)
    .map(({ name }) => name)
    .filter((name) => !['gaps.planExists', 'gaps.planOrganisations', 'gaps.organisationScope'].includes(name)),
]);

/** Parameters of the right types for EXPLAIN, which plans a statement without running it. */
const sampleParams: Record<string, unknown> = {
  id: 'x',
  ids: ['x'],
  members: ['x'],
  first: int(10),
  limit: int(10),
  candidates: int(10),
  maxDepth: int(3),
  query: 'care',
  labels: null,
  includeSuggested: false,
  planId: 'x',
  planIds: null,
  organisationIds: null,
  currentYear: int(2026),
  staleAfterYears: int(3),
  after: null,
  rows: [],
  authorityKindRank: {},
};

function operators(plan: QueryPlan): string[] {
  return [plan.operatorType.replace(/@.*$/, ''), ...plan.children.flatMap(operators)];
}

describe('every Cypher statement of the query modules', () => {
  it('has been collected for checking', () => {
    expect(all.length).toBeGreaterThan(40);
    expect(new Set(all.map(({ name }) => name)).size).toBe(all.length);
  });

  it.each(all.map((statement) => [statement.name, statement] as const))('%s bounds every variable-length pattern', (_name, statement) => {
    const text = statement.text;
    // [*], [*..], [*2..] and [:TYPE*] leave the upper bound open; [*1..4] and [*2] do not.
    expect(text).not.toMatch(/\*\s*\]|\*\s*\d*\s*\.\.\s*\]/);
    // Quantified path patterns: {n,}, and the + and * quantifiers before the next node pattern, are unbounded.
    expect(text).not.toMatch(/\)\s*\{\s*\d*\s*,\s*\}/);
    expect(text).not.toMatch(/\)\s*[+*]\s*\(\w*(:\w+)?\s*[){]/);
  });

  it.each(all.map((statement) => [statement.name, statement] as const))(
    '%s is planned without a full scan or a needless label scan',
    async (name, statement) => {
      const params = Object.fromEntries([...statement.text.matchAll(/\$(\w+)/g)].map(([, key]) => [key, sampleParams[key!] ?? null]));
      const used = operators(await gateway.explain(statement, params));
      expect(used, `${name} scans every node`).not.toContain('AllNodesScan');
      if (!scansByDesign.has(name)) expect(used, `${name} scans a whole label where an index should serve`).not.toContain('NodeByLabelScan');
    },
  );
});
