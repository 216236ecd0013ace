import { afterAll, describe, expect, it } from 'vitest';
import { testGateway } from '../../test/api.ts';
import { int, type QueryPlan, type Statement } from '../db/gateway.ts';
import { statements as alignment } from './alignment.ts';
import { statements as evidence } from './evidence.ts';
import { rules as gapRules } from './gaps.ts';
import { statements as gaps } from './gaps.ts';
import { statements as impact } from './impact.ts';
import { statements as lawReview } from './law-review.ts';
import { statements as legislation } from './legislation.ts';
import { statements as load } from './load.ts';
import { statements as nodes } from './nodes.ts';
import { statements as plans } from './plans.ts';
import { statements as search } from './search.ts';
import { statements as stats } from './stats.ts';
import { statements as trace } from './trace.ts';

const gateway = testGateway();
afterAll(() => gateway.close());

const all: Statement[] = [alignment, evidence, gaps, impact, lawReview, legislation, load, nodes, plans, search, stats, trace].flatMap((family) =>
  Object.values(family),
);

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
  'lawReview.suspectLinks',
  ...gapRules.flatMap(({ statements }) => [statements.wholeGraph.name, ...(statements.eachItem ? [statements.eachItem.wholeGraph.name] : [])]),
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

/** The parameters that name a scope (plans, organisations, Acts, nodes), with values: a statement using one is a scoped question. */
const scopeParams: Record<string, unknown> = { planIds: ['x'], organisationIds: ['x'], planId: 'x', legislationIds: ['x'], ids: ['x'] };
const scoped = all.filter(({ text }) => Object.keys(scopeParams).some((key) => new RegExp(`\\$${key}\\b`).test(text)));

const paramsFor = (statement: Statement, values: Record<string, unknown>) =>
  Object.fromEntries([...statement.text.matchAll(/\$(\w+)/g)].map(([, key]) => [key, values[key!] ?? null]));

function operators(plan: QueryPlan): string[] {
  return [plan.operatorType.replace(/@.*$/, ''), ...plan.children.flatMap(operators)];
}

// Operators that read all of a label, an index or a relationship type.
const SCAN =
  /^(AllNodesScan|NodeByLabelScan|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|NodeIndexScan|\w*RelationshipTypes?Scan|\w*AllRelationshipsScan|\w*RelationshipIndexScan)$/;

/**
 * The operators of a plan that read what the whole graph holds, as "operator (details)": scans,
 * and index seeks by constants only (every recommendation, every Act), which no scope narrows.
 */
function wholeGraphReads(plan: QueryPlan): string[] {
  const type = plan.operatorType.replace(/@.*$/, '');
  const details = String(plan.arguments.Details ?? '');
  const byConstant = /Seek/.test(type) && details.includes('$auto') && !/\$(?!auto)\w/.test(details);
  return [...(SCAN.test(type) || byConstant ? [`${type} (${details})`] : []), ...plan.children.flatMap(wholeGraphReads)];
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
      const used = operators(await gateway.explain(statement, paramsFor(statement, sampleParams)));
      expect(used, `${name} scans every node`).not.toContain('AllNodesScan');
      if (!scansByDesign.has(name)) expect(used, `${name} scans a whole label where an index should serve`).not.toContain('NodeByLabelScan');
    },
  );

  it('knows the scoped questions', () => {
    const names = scoped.map(({ name }) => name);
    for (const rule of gapRules) {
      expect(names).toContain(rule.statements.inScope.name);
      expect(names).not.toContain(rule.statements.wholeGraph.name);
    }
    expect(names).toContain('lawReview.suspectLinksInPlan');
  });

  it.each(scoped.map((statement) => [statement.name, statement] as const))(
    '%s, given its scope, starts from the scope rather than reading what the whole graph holds',
    async (name, statement) => {
      const plan = await gateway.explain(statement, paramsFor(statement, { ...sampleParams, ...scopeParams }));
      expect(wholeGraphReads(plan), `${name} reads what the whole graph holds though its scope is given`).toEqual([]);
    },
  );
});
