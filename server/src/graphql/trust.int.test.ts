/**
 * Answers an officer can defend, on the seeded graph: a trace tells the item's own links from
 * those it inherits, and the gap rules neither over-claim nor cry wolf.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { startTestApi, type TestApi } from '../../test/api.ts';

const Trace = graphql(`
  query TrustTest_Trace($id: ID!) {
    trace(id: $id) {
      paths { nodes reaches inherited via }
      ends {
        node { id title }
        reaches
        own
        inheritedFrom { id label }
      }
    }
  }
`);

const Rules = graphql(`
  query TrustTest_Rules($scope: ScopeInput, $codes: [String!]) {
    gaps(scope: $scope, codes: $codes) {
      total
      rules {
        code
        severity
        title
        explanation
        counts
        checked
        passing
        findingCount
        informationCount
        findings(first: 1000) { node { id label } severity detail }
      }
    }
  }
`);

const Evidence = graphql(`
  query TrustTest_Evidence($id: ID!) {
    evidenceChain(id: $id) {
      responses {
        action { id }
        priorities { id corporate }
        authorities { id }
        ends { node { id } own inheritedFrom { id } }
      }
    }
  }
`);

const Plans = graphql(`
  query TrustTest_Plans($references: Boolean) {
    plans(first: 100, references: $references) {
      totalCount
      plans { plan { id } itemCount }
    }
  }
`);

const Coverage = graphql(`
  query TrustTest_Coverage {
    coverage { byPlan { subject { id } checked } }
  }
`);

const Behind = graphql(`
  query TrustTest_Behind($scope: ScopeInput, $subject: ID) {
    coverage(scope: $scope) { byPriority { subject { id } checked passing } }
    gaps(scope: $scope, subject: $subject) { total rules { code findings(first: 1000) { subjects } } }
  }
`);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

const traceOf = async (id: string) => {
  const { data, errors } = await api.execute(Trace, { id });
  expect(errors).toBeUndefined();
  return data!.trace;
};

describe('own versus inherited in a trace', () => {
  it('shows that no Caring for Redbridge key action serves a council priority by its own link: each is inherited from its priority or the plan', async () => {
    for (const id of ['caring-for-redbridge-2018/so3/ka4', 'caring-for-redbridge-2018/so1/ka1']) {
      const trace = await traceOf(id);
      const priorities = trace.ends.filter(({ reaches }) => reaches === 'CORPORATE_PRIORITY');
      expect(priorities.length).toBeGreaterThan(0);
      for (const end of priorities) {
        expect(end.own).toBe(false);
        expect(end.inheritedFrom.length).toBeGreaterThan(0);
      }
      // The plan's own links to the council priorities are inherited from the plan.
      expect(priorities.some(({ inheritedFrom }) => inheritedFrom.some(({ id: parent }) => parent === 'caring-for-redbridge-2018'))).toBe(true);
    }
  });

  it("tells so3/ka4's own Act (Children and Social Work Act 2017) from the Care Act 2014 it inherits from its priority", async () => {
    const trace = await traceOf('caring-for-redbridge-2018/so3/ka4');
    const end = (id: string) => trace.ends.find(({ node }) => node.id === id);
    expect(end('authority/children-and-social-work-act-2017')).toMatchObject({ reaches: 'AUTHORITY', own: true, inheritedFrom: [] });
    expect(end('authority/care-act-2014')).toMatchObject({
      reaches: 'AUTHORITY',
      own: false,
      inheritedFrom: [{ id: 'caring-for-redbridge-2018/so3', label: 'Priority' }],
    });
    const carePaths = trace.paths.filter(({ nodes }) => nodes.at(-1) === 'authority/care-act-2014');
    expect(carePaths.length).toBeGreaterThan(0);
    for (const path of carePaths) expect(path).toMatchObject({ inherited: true, via: 'caring-for-redbridge-2018/so3' });
    for (const path of trace.paths.filter(({ nodes }) => nodes.at(-1) === 'authority/children-and-social-work-act-2017' && nodes.length === 2)) {
      expect(path).toMatchObject({ inherited: false, via: null });
    }
  });
});

describe('own versus inherited in an evidence chain', () => {
  it('says for each response which council priorities and authorities are its own and which it inherits', async () => {
    const { data, errors } = await api.execute(Evidence, { id: 'ofsted-redbridge-2018/recommendation' });
    expect(errors).toBeUndefined();
    const w3 = data!.evidenceChain.responses.find(({ action }) => action.id === 'redbridge-people-strategy-2024/sp2/w3')!;
    const end = (id: string) => w3.ends.find(({ node }) => node.id === id);
    for (const { id } of [...w3.authorities, ...w3.priorities.filter(({ corporate }) => corporate)]) expect(end(id), id).toBeDefined();
    expect(end('authority/children-and-social-work-act-2017')?.own).toBe(true);
    // Its council priorities come through its strategic priority, not a link of its own.
    const councilPriorities = w3.ends.filter(({ node }) => node.id.startsWith('redbridge-corporate-plan/'));
    expect(councilPriorities.length).toBeGreaterThan(0);
    for (const priority of councilPriorities) expect(priority).toMatchObject({ own: false, inheritedFrom: [{ id: 'redbridge-people-strategy-2024/sp2' }] });
  });
});

describe('gap rules', () => {
  it("passes Thurrock's council-wide outcome, served through the strategic objectives under it", async () => {
    const { data } = await api.execute(Rules, { scope: { planId: 'thurrock-corporate-plan-2024' }, codes: ['PRIORITY_WITHOUT_ACTIONS'] });
    const rule = data!.gaps.rules[0]!;
    expect(rule.checked).toBeGreaterThan(0);
    expect(rule.findings.map(({ node }) => node.id)).not.toContain('thurrock-corporate-plan-2024/outcome');
  });

  it('checks only performance measures for recent data and an owner, so no context statistic is flagged stale', async () => {
    const { data } = await api.execute(Rules, { codes: ['MEASURE_WITHOUT_RECENT_DATA', 'MEASURE_WITHOUT_OWNER'] });
    const stale = data!.gaps.rules.find(({ code }) => code === 'MEASURE_WITHOUT_RECENT_DATA')!;
    const owner = data!.gaps.rules.find(({ code }) => code === 'MEASURE_WITHOUT_OWNER')!;
    // The seed's measures that an item is measured by or someone owns: the performance measures.
    expect(stale.checked).toBe(owner.checked);
    expect(stale.checked).toBeLessThan(20);
    expect(stale.explanation).toMatch(/context statistics/i);
  });

  it('says every rule, what it counts and every finding in plain English, with no relationship type names', async () => {
    const { data } = await api.execute(Rules, {});
    const relationshipType = /\b[A-Z]+(?:_[A-Z]+)+\b/;
    for (const rule of data!.gaps.rules) {
      for (const text of [rule.title, rule.explanation, rule.counts]) expect(text, rule.code).not.toMatch(relationshipType);
      expect(rule.counts.length, rule.code).toBeGreaterThan(20);
      for (const { detail } of rule.findings) expect(detail, rule.code).not.toMatch(relationshipType);
    }
  });

  it('lists, for information only, actions whose statutory basis comes only from above them, naming what they inherit', async () => {
    const { data } = await api.execute(Rules, {
      scope: { planId: 'caring-for-redbridge-2018' },
      codes: ['ACTION_RELIES_ON_INHERITED_BASIS', 'ACTION_WITHOUT_STATUTORY_BASIS'],
    });
    const inherited = data!.gaps.rules.find(({ code }) => code === 'ACTION_RELIES_ON_INHERITED_BASIS')!;
    expect(inherited.severity).toBe('INFO');
    expect(inherited.findingCount).toBe(inherited.informationCount);
    expect(data!.gaps.total).toBe(
      data!.gaps.rules.find(({ code }) => code === 'ACTION_WITHOUT_STATUTORY_BASIS')!.findingCount -
        data!.gaps.rules.find(({ code }) => code === 'ACTION_WITHOUT_STATUTORY_BASIS')!.informationCount,
    );
    // so3/ka4 gives effect to an Act itself, so its basis is not only inherited.
    expect(inherited.findings.map(({ node }) => node.id)).not.toContain('caring-for-redbridge-2018/so3/ka4');
    const finding = inherited.findings[0];
    expect(finding?.detail).toMatch(/^Its statutory basis comes from above it: .+ \((act|regulation|statutory guidance|provision)\)/);
  });
});

describe('the gaps behind a coverage figure', () => {
  it('lists exactly the failures a priority counts, and only findings counted against it', async () => {
    const scope = { planId: 'redbridge-people-strategy-2024' };
    const subject = 'redbridge-people-strategy-2024/sp2';
    const { data, errors } = await api.execute(Behind, { scope, subject });
    expect(errors).toBeUndefined();
    const row = data!.coverage.byPriority.find(({ subject: { id } }) => id === subject)!;
    expect(row.checked - row.passing).toBeGreaterThan(0);
    expect(data!.gaps.total).toBe(row.checked - row.passing);
    for (const rule of data!.gaps.rules) for (const finding of rule.findings) expect(finding.subjects).toContain(subject);
  });
});

describe('documents mentioned in passing', () => {
  it('keeps them as references: not in the plan list, the gap scopes or coverage by plan', async () => {
    const [{ data: plans }, { data: references }, { data: coverage }] = await Promise.all([
      api.execute(Plans, { references: false }),
      api.execute(Plans, { references: true }),
      api.execute(Coverage, {}),
    ]);
    const listed = plans!.plans.plans.map(({ plan }) => plan.id);
    expect(listed).toContain('thurrock-corporate-plan-2024');
    expect(listed).not.toContain('redbridge-carers-framework');
    expect(plans!.plans.plans.every(({ itemCount }) => itemCount > 0)).toBe(true);
    expect(plans!.plans.totalCount).toBe(listed.length);
    const referenced = references!.plans.plans.map(({ plan }) => plan.id);
    expect(referenced).toContain('redbridge-carers-framework');
    expect(references!.plans.plans.every(({ itemCount }) => itemCount === 0)).toBe(true);
    for (const { subject } of coverage!.coverage.byPlan) expect(referenced).not.toContain(subject.id);
  });
});
