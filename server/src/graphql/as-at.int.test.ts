import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { removeTestData, startTestApi, testGateway, testTokens, type TestApi, removeTestEffects } from '../../test/api.ts';
import { cypher, type Gateway } from '../db/gateway.ts';
import { applyGraphSchema } from '../db/graph-schema.ts';
import { folderSource } from '../legislation/source.ts';
import { changesFeed } from '../legislation/test-fixtures.ts';
import { updateEffects } from '../legislation/update.ts';
import { loadBatch } from '../queries/load.ts';

const Trace = graphql(`
  query AsAtTest_Trace($id: ID!, $asAt: String) {
    trace(id: $id, asAt: $asAt) {
      root { id inForce }
      paths { nodes }
      subgraph { nodes { id planId inForce repealedOn } }
    }
  }
`);
const Impact = graphql(`
  query AsAtTest_Impact($id: ID!, $asAt: String) {
    impact(id: $id, maxDepth: 2, asAt: $asAt) {
      root { id repealedOn }
      subgraph { nodes { id planId } }
      byPlan { plan { id inForce } }
    }
  }
`);
const Alignment = graphql(`
  query AsAtTest_Alignment($asAt: String) {
    alignment(asAt: $asAt) { rows { id planId } columns { id planId } chosenBecause }
  }
`);
const Evidence = graphql(`
  query AsAtTest_Evidence($id: ID!, $asAt: String) {
    evidenceChain(id: $id, asAt: $asAt) { root { id } responses { action { id planId } } }
  }
`);
const Gaps = graphql(`
  query AsAtTest_Gaps($scope: ScopeInput, $subject: ID, $asAt: String) {
    gaps(scope: $scope, subject: $subject, asAt: $asAt) {
      rules { code findingCount findings(first: 1000) { node { id planId } } }
    }
  }
`);
const Coverage = graphql(`
  query AsAtTest_Coverage($asAt: String) {
    coverage(asAt: $asAt) { byPlan { subject { id } checked } byPriority { subject { id planId } } }
  }
`);
const Retire = graphql(`
  mutation AsAtTest_Retire($from: ID!, $to: ID!, $version: Int!, $reason: String!) {
    retireLink(from: $from, to: $to, version: $version, reason: $reason) { id version }
  }
`);

const PEOPLE_STRATEGY = 'redbridge-people-strategy-2024';
const CARING = 'caring-for-redbridge-2018';
const run = Math.random().toString(36).slice(2, 8);
const prefix = `test-as-at-${run}`;
const plan = `${prefix}/plan`;
const action = `${plan}/a1`;
// An action whose only measure was dropped in the middle of 2022.
const measuredAction = `${plan}/a2`;
const measure = `${prefix}/measure`;
const actId = `ukpga/2099/${7000 + Math.floor(Math.random() * 999)}`;
const act = `${prefix}/act`;
const [s17, s18, s19] = [`${act}/s17`, `${act}/s18`, `${act}/s19`];
const feedPath = `changes/affected/${actId}/data.feed`;
const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

let api: TestApi;
let gateway: Gateway;
let folder: string;

beforeAll(async () => {
  // Gaps and coverage of the whole graph, asked four times, take more database time than one
  // client's minute allows on a slow machine; the limit has its own tests.
  api = await startTestApi({ QUERY_COST_BUDGET: '0' });
  gateway = testGateway();
  await applyGraphSchema(gateway);
  folder = await mkdtemp(join(tmpdir(), 'as-at-'));
  const at = '2026-01-01T00:00:00.000Z';
  const item = { planId: plan, topPriorityId: action };
  await loadBatch(gateway, {
    nodes: [
      { label: 'Plan', id: plan, props: { title: 'Test partnership plan', kind: 'STRATEGY', status: 'ADOPTED', periodStart: 2018, periodEnd: 2030 } },
      { label: 'Action', id: action, props: { title: 'Join up support for families', ...item } },
      { label: 'Action', id: measuredAction, props: { title: 'Open family hubs', planId: plan, topPriorityId: measuredAction } },
      { label: 'Measure', id: measure, props: { title: 'Families using a hub' } },
      { label: 'Authority', id: act, props: { title: 'Test Families Act 2099', kind: 'ACT', legislationId: actId } },
      { label: 'Provision', id: s17, props: { title: 'Family support', code: 's.17', legislationId: `${actId}/section/17` } },
      { label: 'Provision', id: s18, props: { title: 'Family hubs', code: 's.18', legislationId: `${actId}/section/18` } },
      { label: 'Provision', id: s19, props: { title: 'Early help', code: 's.19', legislationId: `${actId}/section/19` } },
    ],
    links: [
      { type: 'HAS_ACTION', from: plan, to: action, props: { basis: 'STATED', by: 'test', at } },
      { type: 'HAS_ACTION', from: plan, to: measuredAction, props: { basis: 'STATED', by: 'test', at } },
      {
        type: 'MEASURED_BY',
        from: measuredAction,
        to: measure,
        props: { basis: 'CURATED', rationale: 'Hub use.', by: 'test', at, retiredAt: '2022-06-30T09:00:00.000Z', validTo: '2022-06-30T09:00:00.000Z' },
      },
      { type: 'HAS_PROVISION', from: act, to: s17, props: { basis: 'STATED', by: 'test', at } },
      { type: 'HAS_PROVISION', from: act, to: s18, props: { basis: 'STATED', by: 'test', at } },
      { type: 'HAS_PROVISION', from: act, to: s19, props: { basis: 'STATED', by: 'test', at } },
      { type: 'CONTRIBUTES_TO', from: action, to: `${PEOPLE_STRATEGY}/sp1`, props: { basis: 'CURATED', rationale: 'Serves both.', by: 'test', at } },
      { type: 'CONTRIBUTES_TO', from: action, to: `${CARING}/so1`, props: { basis: 'CURATED', rationale: 'Serves both.', by: 'test', at } },
      { type: 'GIVES_EFFECT_TO', from: action, to: s17, props: { basis: 'CURATED', rationale: 'Support.', by: 'test', at } },
      // Retired in the middle of 2022, with the end day the law review writes.
      {
        type: 'GIVES_EFFECT_TO',
        from: action,
        to: s18,
        props: { basis: 'CURATED', rationale: 'Hubs.', by: 'test', at, retiredAt: '2022-06-30T09:00:00.000Z', validTo: '2022-06-30T09:00:00.000Z' },
      },
      { type: 'GIVES_EFFECT_TO', from: action, to: s19, props: { basis: 'CURATED', rationale: 'Early help.', by: 'test', at } },
    ],
  });
  // s.17 repealed by an effect in legislation.gov.uk's changes feed, in force on 1 June 2021.
  await mkdir(dirname(join(folder, feedPath)), { recursive: true });
  await writeFile(
    join(folder, feedPath),
    changesFeed({
      path: feedPath,
      effects: [
        {
          effectId: `key-${prefix}-1`,
          type: 'repealed',
          affected: actId,
          affectedTitle: 'Test Families Act 2099',
          affectedProvisions: [{ path: 'section/17', text: 's. 17' }],
          affecting: 'ukpga/2021/98',
          affectingTitle: 'Test Reform Act 2021',
          affectingProvisions: [{ path: 'section/1', text: 's. 1' }],
          applied: true,
          inForce: [{ date: '2021-06-01', qualification: 'wholly in force' }],
        },
      ],
    }),
  );
  expect(await updateEffects({ gateway, source: folderSource(folder), acts: [actId] })).toMatchObject({ written: 1 });
});

afterAll(async () => {
  if (gateway) await removeTestEffects(gateway, actId, prefix);
  if (gateway) await removeTestData(gateway, prefix);
  await api?.close();
  await gateway?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const traceOf = async (id: string, asAt?: string) => {
  const { data, errors } = await api.execute(Trace, { id, asAt });
  expect(errors).toBeUndefined();
  return data!.trace;
};
const reached = (trace: Awaited<ReturnType<typeof traceOf>>) => new Set(trace.paths.flatMap(({ nodes }) => nodes));

describe('trace, impact and alignment as at a date', () => {
  it('as at a date before the People Strategy, leaves it out of a trace and shows Caring for Redbridge as in force', async () => {
    const now = await traceOf(action);
    expect(reached(now).has(`${PEOPLE_STRATEGY}/sp1`)).toBe(true);
    expect(reached(now).has(`${CARING}/so1`)).toBe(true);
    expect(now.subgraph.nodes.every(({ inForce }) => inForce === null)).toBe(true);

    const then = await traceOf(action, '2019-04-01');
    expect(then.root).toEqual({ id: action, inForce: true });
    expect(then.subgraph.nodes.filter(({ id, planId }) => id === PEOPLE_STRATEGY || planId === PEOPLE_STRATEGY)).toEqual([]);
    expect(reached(then).has(`${CARING}/so1`)).toBe(true);
    const caring = then.subgraph.nodes.filter(({ id, planId }) => id === CARING || planId === CARING);
    expect(caring.map(({ id }) => id)).toContain(CARING);
    expect(caring.every(({ inForce }) => inForce === true)).toBe(true);
  });

  it('the same holds downstream: impact of a council priority as at 2019 has Caring for Redbridge in force and no People Strategy', async () => {
    const id = 'redbridge-corporate-plan/quality-of-life-and-civic-pride';
    const now = await api.execute(Impact, { id });
    expect(now.data!.impact.subgraph.nodes.some(({ planId }) => planId === PEOPLE_STRATEGY)).toBe(true);
    const { data, errors } = await api.execute(Impact, { id, asAt: '2019-04-01' });
    expect(errors).toBeUndefined();
    expect(data!.impact.subgraph.nodes.some(({ id: node, planId }) => node === PEOPLE_STRATEGY || planId === PEOPLE_STRATEGY)).toBe(false);
    expect(data!.impact.byPlan.find(({ plan }) => plan?.id === CARING)?.plan).toEqual({ id: CARING, inForce: true });
    // After Caring for Redbridge's period (2018-2023) it is out too.
    const later = await api.execute(Impact, { id, asAt: '2025-01-01' });
    expect(later.data!.impact.subgraph.nodes.some(({ planId }) => planId === CARING)).toBe(false);
  });

  it('a link retired in the past is absent as at today and present as at a day before it ended', async () => {
    for (const asAt of [undefined, today, '2022-06-30']) expect(reached(await traceOf(action, asAt)).has(s18), String(asAt)).toBe(false);
    expect(reached(await traceOf(action, '2022-06-29')).has(s18)).toBe(true);
  });

  it('retiring a link ends it today: as at yesterday it still holds', async () => {
    const [link] = await gateway.read(
      cypher('test.linkVersion', 'MATCH (:Entity {id: $from})-[g:GIVES_EFFECT_TO]->(:Entity {id: $to}) RETURN g.version AS version'),
      {
        from: action,
        to: s19,
      },
    );
    const retired = await api.execute(
      Retire,
      { from: action, to: s19, version: Number(link!.version), reason: 'Early help moved to the new Act.' },
      { token: testTokens.editor },
    );
    expect(retired.errors).toBeUndefined();
    const [ends] = await gateway.read(
      cypher('test.linkEnds', 'MATCH (:Entity {id: $from})-[g:GIVES_EFFECT_TO]->(:Entity {id: $to}) RETURN g.retiredAt AS retiredAt, g.validTo AS validTo'),
      {
        from: action,
        to: s19,
      },
    );
    expect(ends!.validTo).toBe(ends!.retiredAt);
    expect(reached(await traceOf(action)).has(s19)).toBe(false);
    expect(reached(await traceOf(action, today)).has(s19)).toBe(false);
    expect(reached(await traceOf(action, yesterday)).has(s19)).toBe(true);
  });

  it('a provision repealed by an effect shows as repealed from the day the repeal came into force, and not before', async () => {
    const s17In = async (asAt?: string) => (await traceOf(action, asAt)).subgraph.nodes.find(({ id }) => id === s17);
    expect(await s17In('2021-05-31')).toMatchObject({ repealedOn: null });
    expect(await s17In('2021-06-01')).toMatchObject({ repealedOn: '2021-06-01' });
    // Without a date, as today: repealed, and still shown.
    expect(await s17In()).toMatchObject({ repealedOn: '2021-06-01' });
    // The Act itself is not repealed by the repeal of one section.
    expect((await traceOf(action)).subgraph.nodes.find(({ id }) => id === act)).toMatchObject({ repealedOn: null });
    const before = await api.execute(Impact, { id: s17, asAt: '2020-01-01' });
    expect(before.data!.impact.root).toEqual({ id: s17, repealedOn: null });
    const after = await api.execute(Impact, { id: s17, asAt: '2023-01-01' });
    expect(after.data!.impact.root).toEqual({ id: s17, repealedOn: '2021-06-01' });
  });

  it('an evidence chain as at a date lists only the responses of plans in force then', async () => {
    const id = 'ofsted-redbridge-2018/recommendation';
    const now = await api.execute(Evidence, { id });
    expect(now.errors).toBeUndefined();
    expect(now.data!.evidenceChain.responses.map(({ action }) => action.planId)).toContain(PEOPLE_STRATEGY);
    const then = await api.execute(Evidence, { id, asAt: '2019-04-01' });
    expect(then.errors).toBeUndefined();
    expect(then.data!.evidenceChain.responses.map(({ action }) => action.planId)).not.toContain(PEOPLE_STRATEGY);
  });

  it('alignment chooses its plans from those in force on the date', async () => {
    const { data, errors } = await api.execute(Alignment, { asAt: '2019-04-01' });
    expect(errors).toBeUndefined();
    const plans = [...data!.alignment.rows, ...data!.alignment.columns].map(({ id, planId }) => planId ?? id);
    expect(plans).not.toContain(PEOPLE_STRATEGY);
  });

  it('gaps and coverage of the whole graph as at a date check only plans in force then', async () => {
    const findingsAgainst = async (asAt?: string) => {
      const { data, errors } = await api.execute(Gaps, { subject: PEOPLE_STRATEGY, asAt });
      expect(errors).toBeUndefined();
      return data!.gaps.rules.flatMap(({ findings }) => findings.map(({ node }) => node));
    };
    // The People Strategy went out to consultation and was never adopted: it has gaps today, none as at 2019.
    const now = await findingsAgainst();
    expect(now.filter(({ planId }) => planId === PEOPLE_STRATEGY).length).toBeGreaterThan(0);
    expect(await findingsAgainst('2019-04-01')).toEqual([]);

    const coverageAt = async (asAt?: string) => {
      const { data, errors } = await api.execute(Coverage, { asAt });
      expect(errors).toBeUndefined();
      return data!.coverage;
    };
    const today = await coverageAt();
    expect(today.byPlan.map(({ subject }) => subject.id)).toContain(PEOPLE_STRATEGY);
    expect(today.byPriority.some(({ subject }) => subject.planId === PEOPLE_STRATEGY)).toBe(true);
    const then = await coverageAt('2019-04-01');
    expect(then.byPlan.map(({ subject }) => subject.id)).not.toContain(PEOPLE_STRATEGY);
    expect(then.byPriority.some(({ subject }) => subject.planId === PEOPLE_STRATEGY)).toBe(false);
    expect(then.byPlan.find(({ subject }) => subject.id === CARING)?.checked).toBeGreaterThan(0);
  });

  it('a measure link retired in the past counts up to the day before it ended, so the gap appears only from then', async () => {
    const unmeasured = async (asAt?: string) => {
      const { data, errors } = await api.execute(Gaps, { scope: { planId: plan }, asAt });
      expect(errors).toBeUndefined();
      const rule = data!.gaps.rules.find(({ code }) => code === 'ACTION_WITHOUT_MEASURE')!;
      return rule.findings.some(({ node }) => node.id === measuredAction);
    };
    expect(await unmeasured()).toBe(true);
    expect(await unmeasured(today)).toBe(true);
    expect(await unmeasured('2022-06-30')).toBe(true);
    expect(await unmeasured('2022-06-29')).toBe(false);
    // Before the plan's period (2018-2030) nothing of it is checked.
    expect(await unmeasured('2017-06-01')).toBe(false);
  });

  it('refuses a date that is not a calendar date, naming the argument', async () => {
    for (const [document, variables] of [
      [Trace, { id: action, asAt: '2019-02-30' }],
      [Impact, { id: action, asAt: '1 April 2019' }],
      [Alignment, { asAt: '2019-4-1' }],
      [Evidence, { id: action, asAt: 'yesterday' }],
      [Gaps, { asAt: '2019-13-01' }],
      [Coverage, { asAt: '01/04/2019' }],
    ] as const) {
      const { errors } = await api.execute(document as typeof Trace, variables as { id: string; asAt: string });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asAt' });
      expect(errors?.[0]?.message).toMatch(/^asAt must be a calendar date written YYYY-MM-DD/);
    }
  });
});
