import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeed, type SeedFault, validateSeeds } from '../seed-files.ts';
import { LinkDefinition, Mention, NodeDefinition, SeedFile } from '../seed-format.ts';
import { parseStrategyDocument, type ParsedDocument, type ParseOptions } from './parse-document.ts';

const documentsDir = join(import.meta.dirname, '../../../../seed/documents');
const read = (name: string) => readFileSync(join(documentsDir, name), 'utf8');
const files = {
  people: '000_5b15adc1cc3989ba.txt',
  caring: '001_250f95085b3a9135.txt',
  thurrock: '002_88537f17d4321af1.txt',
  redditch: '003_f20e3529060d3fa0.txt',
  ofsted: '004_ff7442e9b29031ab.txt',
};
const at = '2026-11-22';

type AnyNode = Record<string, unknown> & {
  id: string;
  label: string;
  title: string;
  parent?: string;
  owner?: string;
  code?: string;
  term?: string;
  kind?: string;
  grade?: string;
  text?: string;
  source: { section: string; excerpt: string };
};

const normalise = (value: string) => value.replace(/\s+/g, ' ').trim();

/**
 * Parses and checks the result the way the loader will: the zod schemas, every excerpt against
 * the input, and the seed loader's own reference, hierarchy and link-label checks.
 */
function parseChecked(text: string, options: Partial<ParseOptions> & { fileName?: string } = {}): ParsedDocument & { nodes: AnyNode[] } {
  const result = parseStrategyDocument(text, { fileName: 'document.txt', at, ...options });
  const seed = SeedFile.parse(result.seed);
  for (const node of seed.nodes) ('mention' in node ? Mention : NodeDefinition).parse(node);
  for (const link of seed.links) LinkDefinition.parse(link);
  const source = normalise(text);
  const nodes = seed.nodes as AnyNode[];
  for (const node of nodes) expect(source, `${node.id} excerpt`).toContain(normalise(node.source.excerpt));
  for (const link of seed.links) if (link.excerpt) expect(source, `${link.from} ${link.type} ${link.to} excerpt`).toContain(normalise(link.excerpt));
  expect(new Set(nodes.map(({ id }) => id)).size).toBe(nodes.length);

  const faults: SeedFault[] = [];
  const parsed = checkSeed({ ...result.seed, document: { ...result.seed.document, content: text } }, result.seed.document.file, null, faults);
  expect(faults).toEqual([]);
  const existing = new Map(options.publisherId ? [[options.publisherId, { label: 'Organisation' }]] : []);
  expect(() => validateSeeds([parsed!], faults, existing)).not.toThrow();
  return { ...result, nodes };
}

const byLabel = (nodes: AnyNode[], label: string) => nodes.filter((node) => node.label === label);
const childrenOf = (nodes: AnyNode[], parent: string) => nodes.filter((node) => node.parent === parent);

describe('the People Strategy consultation (000)', () => {
  const { seed, nodes, notUnderstood } = parseChecked(read(files.people), { fileName: files.people, publisherId: 'org/redbridge-council' });

  it('recovers the plan: title, five-year period from "over the next five years", consultation status', () => {
    const [plan] = byLabel(nodes, 'Plan');
    expect(plan).toMatchObject({
      id: 'redbridge-people-strategy-2024',
      title: 'People Strategy',
      kind: 'STRATEGY',
      status: 'CONSULTATION',
      periodStart: 2024,
      periodEnd: 2029,
    });
    expect(seed.document).toEqual({
      id: 'document/redbridge-people-strategy-consultation',
      title: 'People Strategy Consultation - closing date for survey: 28th February 2024',
      file: files.people,
      publisher: 'org/redbridge-council',
      published: '2023-12-14',
      kind: 'CONSULTATION',
    });
    expect(seed.links).toContainEqual({ from: 'org/redbridge-council', type: 'PUBLISHES', to: 'redbridge-people-strategy-2024', basis: 'STATED' });
  });

  it('finds five strategic priorities with 10, 7, 8, 6 and 7 "we will" statements', () => {
    const priorities = byLabel(nodes, 'Priority');
    expect(priorities.map(({ code }) => code)).toEqual([
      'Strategic Priority 1',
      'Strategic Priority 2',
      'Strategic Priority 3',
      'Strategic Priority 4',
      'Strategic Priority 5',
    ]);
    expect(priorities.map(({ title }) => title)).toEqual([
      'Be Happy, Safe and Well',
      'Achieve Your Full Potential',
      'Disproportionality and Equity',
      'Develop the Workforce',
      'Build Relationships and Work in Partnership',
    ]);
    expect(priorities.every(({ term, parent }) => term === 'Strategic priority' && parent === 'redbridge-people-strategy-2024')).toBe(true);
    expect(priorities.map(({ id }) => childrenOf(nodes, id).length)).toEqual([10, 7, 8, 6, 7]);
    const first = childrenOf(nodes, 'redbridge-people-strategy-2024/sp1');
    expect(first[0]).toMatchObject({
      id: 'redbridge-people-strategy-2024/sp1/w1',
      label: 'Action',
      term: 'We will',
      title: 'Aim to ensure that every child has the best start in life.',
      source: { section: 'Strategic Priority 1: Be Happy, Safe and Well', excerpt: 'Aim to ensure that every child has the best start in life.' },
    });
    expect(first.every(({ label, term }) => label === 'Action' && term === 'We will')).toBe(true);
  });

  it('reports the narrative and the survey instructions it did not understand, not the page furniture', () => {
    expect(notUnderstood.map(({ line }) => line)).toEqual([5, 7, 68, 70, 72, 74, 76]);
    expect(notUnderstood[0]).toMatchObject({ line: 5, reason: 'narrative text outside any recognised priority, objective or list' });
    expect(notUnderstood[0]!.text).toMatch(/^The Redbridge People strategy outlines/);
  });
});

describe('the Thurrock Corporate Plan (002)', () => {
  const text = read(files.thurrock);
  const { nodes, notUnderstood, seed } = parseChecked(text, { fileName: files.thurrock, publisherId: 'org/thurrock-council' });
  const expectedOwners: Record<string, string> = {
    a: 'role/thurrock-executive-director-of-adults-and-health',
    b: 'role/thurrock-executive-director-of-adults-and-health',
    c: 'role/thurrock-executive-director-of-childrens-services',
    d: 'role/thurrock-executive-director-of-childrens-services',
    e: 'role/thurrock-executive-director-of-place',
  };
  const expectedDeliverables: Record<string, number[]> = {
    a: [1, 2, 3, 4, 5],
    b: [6, 7, 8, 9, 10, 11, 12],
    c: [13, 14, 15, 16],
    d: [17, 18, 19, 20],
    e: [21, 22, 23],
  };

  it('recovers the plan and its period from "Our priorities for 2024-2029"', () => {
    expect(byLabel(nodes, 'Plan')[0]).toMatchObject({
      id: 'thurrock-corporate-plan-2024',
      title: 'Corporate Plan: People',
      kind: 'CORPORATE_PLAN',
      status: 'ADOPTED',
      periodStart: 2024,
      periodEnd: 2029,
    });
    expect(seed.document).toMatchObject({ title: 'Corporate Plan: People', kind: 'CORPORATE_PLAN' });
  });

  it('finds priorities A–E with deliverables 1–23 under the right letter, owned by the director responsible', () => {
    const lettered = byLabel(nodes, 'Priority').filter(({ code }) => /^[A-E]$/.test(code ?? ''));
    expect(lettered.map(({ code }) => code)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(lettered[2]).toMatchObject({
      id: 'thurrock-corporate-plan-2024/c',
      term: 'Priority',
      source: {
        excerpt:
          'C. Work to ensure the children and young people who access or are at risk of accessing council services are appropriately supported to achieve positive outcomes',
      },
    });
    for (const priority of lettered) {
      const letter = priority.code!.toLowerCase();
      expect(priority.owner, letter).toBe(expectedOwners[letter]);
      const deliverables = childrenOf(nodes, priority.id).filter(({ term }) => term === 'Deliverable');
      expect(
        deliverables.map(({ code }) => Number(code)),
        letter,
      ).toEqual(expectedDeliverables[letter]);
      for (const deliverable of deliverables) {
        expect(deliverable).toMatchObject({ id: `thurrock-corporate-plan-2024/d${deliverable.code}`, label: 'Action', owner: expectedOwners[letter] });
      }
    }
    expect(nodes.find(({ id }) => id === 'thurrock-corporate-plan-2024/d13')).toMatchObject({
      title: 'Work to increase regulated placements, in order to improve access to local high quality placements',
      source: { excerpt: expect.stringMatching(/^13\. Work to increase regulated placements/) },
    });
  });

  it('reads "What we will need to do well is" lists as objectives and the directors as roles', () => {
    expect(childrenOf(nodes, 'thurrock-corporate-plan-2024/a').filter(({ label }) => label === 'Objective')).toMatchObject([
      { id: 'thurrock-corporate-plan-2024/a/dw1', term: 'What we will need to do well' },
      { id: 'thurrock-corporate-plan-2024/a/dw2' },
      { id: 'thurrock-corporate-plan-2024/a/dw3', title: 'Innovate and pilot new solutions' },
    ]);
    expect(byLabel(nodes, 'Role').map(({ id, title }) => `${id} ${title}`)).toEqual([
      'role/thurrock-executive-director-of-adults-and-health Executive Director of Adults and Health',
      "role/thurrock-executive-director-of-childrens-services Executive Director of Children's Services",
      'role/thurrock-executive-director-of-place Executive Director of Place',
    ]);
  });

  it('reads the policy outcome and the numbered strategic objectives', () => {
    expect(nodes.find(({ id }) => id === 'thurrock-corporate-plan-2024/policy-outcome')).toMatchObject({
      label: 'Priority',
      term: 'Policy outcome',
      corporate: true,
    });
    const objectives = byLabel(nodes, 'Priority').filter(({ term }) => term === 'Strategic objective');
    expect(objectives.map(({ id, code }) => `${id} ${code}`)).toEqual(['1', '2', '3', '4'].map((n) => `thurrock-corporate-plan-2024/so${n} ${n}`));
  });

  it('reports the list it could not place', () => {
    expect(notUnderstood.map(({ line }) => line)).toEqual([18, 20, 21, 22, 113]);
  });

  it('gives the same priorities and deliverables for an HTML version, with line numbers kept', () => {
    const html = toHtml(text);
    const fromHtml = parseChecked(html, { fileName: 'thurrock.html', publisherId: 'org/thurrock-council' });
    const shape = (list: AnyNode[]) =>
      list.filter(({ label }) => label !== 'Plan').map(({ id, label, title, parent, code, term, owner }) => ({ id, label, title, parent, code, term, owner }));
    expect(shape(fromHtml.nodes)).toEqual(shape(nodes));
    expect(fromHtml.notUnderstood.map(({ line }) => line)).toEqual(notUnderstood.map(({ line }) => line));
    expect(fromHtml.nodes.find(({ id }) => id === 'role/thurrock-executive-director-of-childrens-services')!.source.excerpt).toBe(
      'Executive Director of Children&#39;s Services',
    );
  });
});

describe('Caring for Redbridge (001)', () => {
  const { nodes, seed, notUnderstood } = parseChecked(read(files.caring), { fileName: files.caring, publisherId: 'org/redbridge-council' });
  const planId = 'caring-for-redbridge-2018';

  it('recovers the framework from its two title lines and its period', () => {
    expect(byLabel(nodes, 'Plan')[0]).toMatchObject({
      id: planId,
      title: 'Caring for Redbridge: Strategic Commissioning Framework for People 2018-2023',
      kind: 'COMMISSIONING_FRAMEWORK',
      status: 'ADOPTED',
      periodStart: 2018,
      periodEnd: 2023,
      source: { excerpt: 'Caring for Redbridge Strategic Commissioning Framework for People **2018 -2023**' },
    });
  });

  it('finds five strategic objectives with 8, 9, 14, 6 and 4 key actions, and the aim of each', () => {
    const objectives = byLabel(nodes, 'Priority').filter(({ term }) => term === 'Strategic objective');
    expect(objectives.map(({ id, code, title }) => `${id} | ${code} | ${title}`)).toEqual([
      `${planId}/so1 | Strategic Objective 1 | Universal Services`,
      `${planId}/so2 | Strategic Objective 2 | Early Intervention and Prevention`,
      `${planId}/so3 | Strategic Objective 3 | Provision of Targeted Services`,
      `${planId}/so4 | Strategic Objective 4 | Working Effectively in Partnership`,
      `${planId}/so5 | Strategic Objective 5 | Working with Communities`,
    ]);
    expect(objectives.map(({ id }) => childrenOf(nodes, id).filter(({ term }) => term === 'Key action').length)).toEqual([8, 9, 14, 6, 4]);
    expect(objectives[0]!.text).toBe('We will provide and support high quality universal services that are accessible to all residents of the Borough.');
    expect(childrenOf(nodes, `${planId}/so1`)[0]).toMatchObject({
      id: `${planId}/so1/ka1`,
      title: 'Implementing the requirement for families to have access to 30 hours free childcare',
    });
  });

  it('keeps the council priorities and commissioning objectives, and drops the lists that only preview the strategic objectives', () => {
    const priorities = byLabel(nodes, 'Priority');
    expect(priorities.filter(({ term }) => term === 'Council priority').map(({ corporate }) => corporate)).toEqual([true, true, true, true]);
    expect(priorities.filter(({ term }) => term === 'Commissioning objective').map(({ id, code }) => `${id} ${code ?? '-'}`)).toEqual([
      `${planId}/co1 1`,
      `${planId}/co2 2`,
      `${planId}/co3 3`,
      `${planId}/co4 -`,
      `${planId}/co5 5`,
    ]);
    expect(priorities.filter(({ title }) => /^Universal Services/.test(title))).toHaveLength(1);
  });

  it('cites the Acts, regulations and code of Table 1 as written, under their canonical ids', () => {
    const cites = seed.links.filter(({ type }) => type === 'CITES');
    expect(cites.map(({ to, excerpt }) => `${to} ← ${excerpt}`)).toEqual([
      'authority/children-and-social-work-act-2017 ← Children and Social Work Act 2017',
      'authority/children-and-families-act-2014 ← Children and Families Act 2014',
      'authority/care-act-2014 ← Care Act 2014',
      'authority/send-code-of-practice-2014 ← SEND Code of Practice 2014',
      'authority/public-services-social-value-act-2012 ← Public Services (Social Value) Act 2012',
      'authority/health-and-social-care-act-2012 ← Health and Social Care Act 2012',
      "authority/breaks-for-carers-of-disabled-children-regulations-2011 ← Breaks for Carers of Disabled Children's Regulations 2011",
      'authority/equality-act-2010 ← Equalities Act 2010',
      'authority/chronically-sick-and-disabled-persons-act-1970 ← Chronically Sick and Disabled Persons Act 1970',
    ]);
    expect(cites.every(({ from, basis }) => from === planId && basis === 'STATED')).toBe(true);
    expect(nodes.find(({ id }) => id === 'authority/equality-act-2010')).toMatchObject({
      label: 'Authority',
      title: 'Equality Act 2010',
      kind: 'ACT',
      legislationId: 'ukpga/2010/15',
      year: 2010,
      citedAs: 'Equalities Act 2010',
      source: { excerpt: 'Equalities Act 2010' },
    });
    expect(notUnderstood.find(({ line }) => line === 122)!.reason).toMatch(/its citations of legislation were recorded$/);
  });
});

describe('the Redditch Sustainable Community Strategy monitoring report (003)', () => {
  const { nodes, seed } = parseChecked(read(files.redditch), { fileName: files.redditch });

  it('finds Priority One to Four and the vision', () => {
    const priorities = byLabel(nodes, 'Priority');
    expect(priorities.filter(({ term }) => term === 'Priority').map(({ id, code, title }) => `${id} | ${code} | ${title}`)).toEqual([
      'redditch-sustainable-community-strategy/p1 | Priority One | Health Inequalities',
      'redditch-sustainable-community-strategy/p2 | Priority Two | Education attainment, school readiness and raising aspirations of young people.',
      'redditch-sustainable-community-strategy/p3 | Priority Three | The economy of Redditch with a focus on providing a larger and more diverse job offer.',
      'redditch-sustainable-community-strategy/p4 | Priority Four | Lead on transformational change of services for citizens in Redditch',
    ]);
    expect(priorities[1]!.text).toMatch(/^Health Inequalities – Focus is on following issues/);
    expect(priorities[0]).toMatchObject({ term: 'Vision', corporate: true, title: expect.stringMatching(/^Redditch will be successful and vibrant/) });
  });

  it('reads the report as monitoring a community strategy with no stated period', () => {
    expect(byLabel(nodes, 'Plan')[0]).toMatchObject({ title: 'Redditch Sustainable Community Strategy', kind: 'COMMUNITY_STRATEGY', status: 'UNKNOWN' });
    expect(seed.document).toMatchObject({ kind: 'MONITORING_REPORT', published: '2018-07' });
  });
});

describe('the Ofsted inspection report (004)', () => {
  const { nodes, seed, notUnderstood } = parseChecked(read(files.ofsted), { fileName: files.ofsted });
  const evidence = byLabel(nodes, 'Evidence');
  const judgements = evidence.filter(({ kind }) => kind === 'JUDGEMENT');

  it('makes the report the root Evidence and no plan', () => {
    expect(byLabel(nodes, 'Plan')).toEqual([]);
    expect(evidence[0]).toMatchObject({ id: 'redbridge-childrens-services-are-outstanding', kind: 'INSPECTION_REPORT', grade: 'OUTSTANDING' });
    expect(seed.document.kind).toBe('NEWS_REPORT');
  });

  it('finds the four judgements with their grades: outstanding three times, good once', () => {
    expect(judgements.map(({ title, grade }) => `${grade} ${title}`)).toEqual([
      'OUTSTANDING Children’s services in Redbridge',
      'OUTSTANDING The experiences and progress of children who need help and protection',
      'GOOD The experiences and progress of children in care and care leavers',
      'OUTSTANDING The impact of leaders on social work practice with children and families',
    ]);
    expect(judgements.every(({ parent }) => parent === evidence[0]!.id)).toBe(true);
  });

  it('files the bullet findings under their judgement, and what remains variable as an area for improvement', () => {
    const kinds = (judgement: AnyNode) => childrenOf(nodes, judgement.id).map(({ kind }) => kind);
    expect(kinds(judgements[1]!)).toEqual(Array(7).fill('STRENGTH'));
    expect(kinds(judgements[2]!)).toEqual([...Array(6).fill('STRENGTH'), 'FINDING', 'AREA_FOR_IMPROVEMENT']);
    expect(childrenOf(nodes, judgements[2]!.id).at(-1)!.source.excerpt).toMatch(/remains variable/);
    expect(kinds(judgements[3]!).filter((kind) => kind === 'STRENGTH')).toHaveLength(9);
  });

  it('finds the recommendation', () => {
    const recommendations = evidence.filter(({ kind }) => kind === 'RECOMMENDATION');
    expect(recommendations).toHaveLength(1);
    expect(recommendations[0]).toMatchObject({
      parent: evidence[0]!.id,
      title: 'Address the consistency of the quality of practice for all care leavers',
      source: {
        excerpt: 'Ofsted recommends that in order to improve, Redbridge should address the consistency of the quality of practice for all care leavers.',
      },
    });
    expect(recommendations[0]!.title.toLowerCase()).toContain('address the consistency of the quality of practice for all care leavers');
  });

  it('leaves only the footer strapline not understood', () => {
    expect(notUnderstood.map(({ line }) => line)).toEqual([72]);
  });
});

describe('a document from a council nobody prepared for', () => {
  const text = `Northshire County Council

Living Well in Northshire: Adult Social Care Plan 2025 to 2028

Introduction

This plan sets out how we will help adults in Northshire to live independent, healthy lives. Cabinet agreed it in March 2025.

Our priorities

Outcome 1 – People live independently at home for longer
We want fewer people to need long-term residential care.
Actions:
- Expand the reablement service so that more people return home after a hospital stay.
- Carry out needs assessments within 28 days, as required by section 9 of the Care Act 2014.
Lead officer: Director of Adult Social Services

Outcome 2 – Carers are recognised and supported
Actions:
- Refresh the carers' strategy with carers, the NHS and voluntary groups.
- Offer every unpaid carer an assessment under the Care Act.
Lead officer: Head of Commissioning

Outcome 3 – Adults are safe from abuse and neglect
Actions:
- Respond to every safeguarding concern within one working day.
- Train all staff in the Mental Capacity Act 2005 and
  the deprivation of liberty safeguards.
Lead officer: Director of Adult Social Services

How we will know we are making a difference

We will publish an annual report on progress to the Health and Wellbeing Board.

Contact us
Tel: 01234 567890
`;
  const { nodes, seed, notUnderstood } = parseChecked(text, { fileName: 'northshire-asc-plan.txt', publisherId: 'org/northshire-county-council' });
  const planId = 'living-well-in-northshire-adult-social-care-2025';

  it('yields a sensible plan: outcomes, their actions and owners', () => {
    expect(byLabel(nodes, 'Plan')[0]).toMatchObject({
      id: planId,
      title: 'Living Well in Northshire: Adult Social Care Plan 2025 to 2028',
      status: 'ADOPTED',
      periodStart: 2025,
      periodEnd: 2028,
    });
    const outcomes = byLabel(nodes, 'Priority');
    expect(outcomes.map(({ id, code, term, title }) => `${id} | ${code} | ${term} | ${title}`)).toEqual([
      `${planId}/o1 | Outcome 1 | Outcome | People live independently at home for longer`,
      `${planId}/o2 | Outcome 2 | Outcome | Carers are recognised and supported`,
      `${planId}/o3 | Outcome 3 | Outcome | Adults are safe from abuse and neglect`,
    ]);
    expect(outcomes[0]!.text).toBe('We want fewer people to need long-term residential care.');
    expect(outcomes.map(({ owner }) => owner)).toEqual([
      'role/northshire-director-of-adult-social-services',
      'role/northshire-head-of-commissioning',
      'role/northshire-director-of-adult-social-services',
    ]);
    for (const outcome of outcomes) {
      const actions = childrenOf(nodes, outcome.id);
      expect(actions.map(({ id, term, owner }) => `${id} ${term} ${owner}`)).toEqual([1, 2].map((n) => `${outcome.id}/a${n} Action ${outcome.owner}`));
    }
    expect(nodes.find(({ id }) => id === `${planId}/o3/a2`)!.text).toBe(
      'Train all staff in the Mental Capacity Act 2005 and the deprivation of liberty safeguards.',
    );
  });

  it('cites the legislation it names and suggests, without asserting, a statutory basis for the actions that cite it', () => {
    expect(seed.links.filter(({ type }) => type === 'CITES').map(({ to, excerpt }) => `${to} ← ${excerpt}`)).toEqual([
      'authority/care-act-2014 ← section 9 of the Care Act 2014',
      'authority/mental-capacity-act-2005 ← Mental Capacity Act 2005',
    ]);
    // The section an item cites is a Provision under its Act, sourced from where the document cites it.
    expect(nodes.filter(({ label }) => label === 'Provision')).toEqual([
      {
        id: 'authority/care-act-2014/s9',
        label: 'Provision',
        title: 's.9 Care Act 2014',
        parent: 'authority/care-act-2014',
        code: 's.9',
        source: { section: expect.any(String), excerpt: 'section 9 of the Care Act 2014' },
      },
    ]);
    expect(seed.links.filter(({ type }) => type === 'GIVES_EFFECT_TO')).toEqual([
      {
        from: `${planId}/o1/a2`,
        type: 'GIVES_EFFECT_TO',
        to: 'authority/care-act-2014/s9',
        basis: 'SUGGESTED',
        rationale: 'Cites "section 9 of the Care Act 2014" in its own words.',
      },
      { from: `${planId}/o2/a2`, type: 'GIVES_EFFECT_TO', to: 'authority/care-act-2014', basis: 'SUGGESTED', rationale: 'Cites "Care Act" in its own words.' },
      {
        from: `${planId}/o3/a2`,
        type: 'GIVES_EFFECT_TO',
        to: 'authority/mental-capacity-act-2005',
        basis: 'SUGGESTED',
        rationale: 'Cites "Mental Capacity Act 2005" in its own words.',
      },
    ]);
  });

  it('reports the introduction and the closing paragraph, not the contact details', () => {
    expect(notUnderstood.map(({ line, reason }) => `${line} ${reason}`)).toEqual([
      '7 narrative text outside any recognised priority, objective or list',
      '33 narrative text outside any recognised priority, objective or list',
    ]);
  });
});

describe('other layouts', () => {
  it('reads an inspection report with a grade table, graded headings and "What needs to improve?"', () => {
    const report = `Northshire County Council
Inspection of children's social care services

Inspection dates: 6 to 17 March 2023

Judgement	Grade
Overall effectiveness	Requires improvement to be good
The experiences and progress of children who need help and protection	Good

What needs to improve?

- The quality and timeliness of assessments for disabled children.
- Management oversight of children on the edge of care.

The experiences and progress of children who need help and protection are good.

Children receive a prompt response when they need help. However, some plans are not always specific enough.

- Strategy meetings are timely and well attended.
- Not all children have their views recorded in their plans.

Recommendations

- The local authority should improve the quality of assessments for disabled children.
`;
    const { nodes, notUnderstood } = parseChecked(report, { fileName: 'ilacs.txt' });
    const reportId = 'inspection-of-childrens-social-care-services';
    expect(nodes[0]).toMatchObject({ id: reportId, kind: 'INSPECTION_REPORT', grade: 'REQUIRES_IMPROVEMENT', date: '2023-03-17' });
    expect(nodes.filter(({ kind }) => kind === 'JUDGEMENT').map(({ title, grade }) => `${grade} ${title}`)).toEqual([
      'REQUIRES_IMPROVEMENT Overall effectiveness',
      'GOOD The experiences and progress of children who need help and protection',
    ]);
    expect(childrenOf(nodes, reportId).map(({ kind, title }) => `${kind} ${title}`)).toEqual([
      'JUDGEMENT Overall effectiveness',
      'JUDGEMENT The experiences and progress of children who need help and protection',
      'AREA_FOR_IMPROVEMENT The quality and timeliness of assessments for disabled children.',
      'AREA_FOR_IMPROVEMENT Management oversight of children on the edge of care.',
      'RECOMMENDATION Improve the quality of assessments for disabled children',
    ]);
    expect(childrenOf(nodes, `${reportId}/j2`).map(({ kind }) => kind)).toEqual(['AREA_FOR_IMPROVEMENT', 'STRENGTH', 'AREA_FOR_IMPROVEMENT']);
    expect(notUnderstood).toEqual([]);
  });

  it('reads a council plan published as one line of HTML, with themes, numbered objectives and entities', () => {
    const html =
      '<!DOCTYPE html><html><head><title>Council Plan</title><script>var s = "Care Act 2014";</script></head><body>' +
      '<h1>Our Council Plan 2022&ndash;2026</h1><p>Agreed by Council in May 2022.</p>' +
      '<h2>Theme 1: Thriving children</h2><p>Children get the best start.</p>' +
      '<h3>Objective 1.1 Safe at home</h3><ul><li>Reduce repeat referrals to children&#8217;s social care.</li>' +
      '<li>Meet our duties under section 17 of the Children Act 1989.</li></ul>' +
      '<h3>Objective 1.2 Learning</h3><ul><li>Improve school readiness.</li></ul>' +
      '<h2>Theme 2: Healthy adults</h2><p>We will:</p><ul><li>Support carers and their families.</li></ul>' +
      '<footer><p>&copy; 2022 Anytown Council</p></footer></body></html>';
    const { nodes, seed, notUnderstood } = parseChecked(html, { fileName: 'council-plan.html', publisherId: 'org/anytown-borough-council' });
    const planId = 'anytown-our-council-plan-2022';
    expect(nodes.map(({ id, label, title }) => `${label} ${id} ${title}`)).toEqual([
      `Plan ${planId} Our Council Plan 2022–2026`,
      `Priority ${planId}/t1 Thriving children`,
      `Objective ${planId}/t1/o1.1 Safe at home`,
      `Action ${planId}/t1/o1.1/w1 Reduce repeat referrals to children’s social care.`,
      `Action ${planId}/t1/o1.1/w2 Meet our duties under section 17 of the Children Act 1989.`,
      `Objective ${planId}/t1/o1.2 Learning`,
      `Action ${planId}/t1/o1.2/w1 Improve school readiness.`,
      `Priority ${planId}/t2 Healthy adults`,
      `Action ${planId}/t2/w1 Support carers and their families.`,
      'Authority authority/children-act-1989 Children Act 1989',
      'Provision authority/children-act-1989/s17 s.17 Children Act 1989',
    ]);
    expect(nodes[1]!.text).toBe('Children get the best start.');
    expect(seed.links.filter(({ type }) => type === 'GIVES_EFFECT_TO').map(({ from, to }) => `${from} ${to}`)).toEqual([
      `${planId}/t1/o1.1/w2 authority/children-act-1989/s17`,
    ]);
    expect(notUnderstood).toEqual([
      { line: 1, text: 'Agreed by Council in May 2022.', reason: 'narrative text outside any recognised priority, objective or list' },
    ]);
  });
});

describe('any document', () => {
  it('gives deep-equal output when parsed twice, and the same ids whatever the date', () => {
    for (const name of Object.values(files)) {
      const text = read(name);
      expect(parseStrategyDocument(text, { fileName: name, at })).toEqual(parseStrategyDocument(text, { fileName: name, at }));
      const ids = (result: ParsedDocument) => result.seed.nodes.map(({ id }) => id);
      expect(ids(parseStrategyDocument(text, { fileName: name }))).toEqual(ids(parseStrategyDocument(text, { fileName: name, at })));
    }
  });

  it('turns text with no structure it knows into a plan with no items, and lists the lines', () => {
    const { nodes, notUnderstood } = parseChecked('Minutes of the meeting\n\nThe committee discussed the budget.\nMembers asked about the library service.\n');
    expect(nodes.map(({ label, title, status }) => `${label} ${title} ${String(status)}`)).toEqual(['Plan Minutes of the meeting UNKNOWN']);
    expect(notUnderstood.map(({ line }) => line)).toEqual([3, 4]);
  });

  it('reads a plain list of priorities under "Our priorities" and a Markdown layout', () => {
    const markdown = `# Healthy Lives Strategy 2023-2027

## Our priorities

1. **Start well** so that every child has a good start.
2. **Live well** by tackling the causes of ill health.

## Priority 1: Start well

### Key actions

* Expand the health visiting offer.
* Work with schools on children's mental health, as the Children and Families Act 2014 expects.
`;
    const { nodes } = parseChecked(markdown, { fileName: 'healthy-lives.md' });
    expect(nodes.map(({ id, label, title }) => `${label} ${id} ${title}`)).toEqual([
      'Plan healthy-lives-strategy-2023 Healthy Lives Strategy 2023-2027',
      'Priority healthy-lives-strategy-2023/p2 Live well',
      'Priority healthy-lives-strategy-2023/p1 Start well',
      'Action healthy-lives-strategy-2023/p1/ka1 Expand the health visiting offer.',
      "Action healthy-lives-strategy-2023/p1/ka2 Work with schools on children's mental health, as the Children and Families Act 2014 expects.",
      'Authority authority/children-and-families-act-2014 Children and Families Act 2014',
    ]);
  });

  it('throws a clear error for empty, oversized or binary input and for unusable options', () => {
    expect(() => parseStrategyDocument('   \n', { fileName: 'a.txt' })).toThrow('The document is empty: there is no text to import.');
    expect(() => parseStrategyDocument('x'.repeat(2 * 1024 * 1024 + 1), { fileName: 'a.txt' })).toThrow(/at most 2 MB can be imported/);
    expect(() => parseStrategyDocument('Plan\n\nPriority 1: Care\u0000', { fileName: 'a.txt' })).toThrow(/^Line 3 contains a NUL character/);
    expect(() => parseStrategyDocument('Plan', { fileName: '../a.txt' })).toThrow(/must be a plain file name/);
    expect(() => parseStrategyDocument('Plan', { fileName: 'a.txt', publisherId: 'Thurrock Council' })).toThrow(/publisher id/);
  });
});

/** Wraps each line of a plain-text document in the HTML element it would be, keeping line numbers. */
function toHtml(text: string): string {
  const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');
  const lines = text.split('\n').map((line) => {
    const words = line.trim();
    if (!words) return '';
    const bullet = /^[•\-*]\s+(.*)$/.exec(words);
    if (bullet) return `<li>${escapeHtml(bullet[1]!)}</li>`;
    if (/^\d+\.\s/.test(words)) return `<li>${escapeHtml(words)}</li>`;
    if (/^[A-E]\.\s/.test(words) || (words.length < 60 && !/[.]$/.test(words))) return `<h2>${escapeHtml(words)}</h2>`;
    return `<p>${escapeHtml(words)}</p>`;
  });
  return `<html><body>${lines.join('\n')}</body></html>\n`;
}

describe('recommendations in a paragraph', () => {
  it('starts one at each sentence saying who should act, keeping what follows with it', async () => {
    const { recommendationsIn } = await import('./parse-inspection.ts');
    expect(
      recommendationsIn(
        'Leaders should cut waiting times. Leaders should also support families while they wait. This includes CAMHS. Health leaders should act at once.',
      ),
    ).toEqual([
      'Leaders should cut waiting times. Leaders should also support families while they wait. This includes CAMHS.',
      'Health leaders should act at once.',
    ]);
  });
});

describe('Markdown front matter', () => {
  it('is left out of the text, and its title titles the document', () => {
    const { seed, notUnderstood } = parseStrategyDocument(
      '---\nlayout: post\ntitle: "Riverside Health Strategy 2025 to 2030"\n---\n\nThe strategy has five priority areas:\n\n- Food\n- Homes\n',
      { fileName: 'post.md' },
    );
    expect(seed.document.title).toBe('Riverside Health Strategy 2025 to 2030');
    expect(notUnderstood.map(({ text }) => text).join(' ')).not.toMatch(/layout/);
  });
});

describe('lead-ins that introduce no priorities of this plan', () => {
  it('leaves out a national strategy’s priorities, a consultation’s objectives and bare aims', async () => {
    const { recogniseLeadIn } = await import('./classify.ts');
    expect(recogniseLeadIn('The 2012 National Suicide Prevention Strategy highlighted six priority areas for action:', 'paragraph')?.kind).toBe('unknown');
    expect(recogniseLeadIn('The specific objectives of the consultation were:', 'paragraph')?.kind).toBe('unknown');
    expect(recogniseLeadIn('Aims', 'heading')?.kind).toBe('unknown');
    expect(recogniseLeadIn('Our local priorities are:', 'paragraph')?.kind).toBe('priorities');
    expect(recogniseLeadIn('It sets out a set of priority areas for action in the county. These are:', 'paragraph')).toMatchObject({
      kind: 'priorities',
      term: 'Priority area',
    });
  });
});

describe('items nested under a listed priority', () => {
  it('are its actions, not more priorities', () => {
    const text =
      'Partnership Plan 2024-2027\n\nThe plan has two priorities:\n\n1. Safer streets.\n  1. Light every underpass.\n  2. Close drug markets.\n2. Healthy homes.\n  1. Insulate 500 homes.\n';
    const { seed } = parseStrategyDocument(text, { fileName: 'plan.txt' });
    const nodes = seed.nodes as { label?: string; title?: string; parent?: string; id?: string }[];
    const priorities = nodes.filter(({ label }) => label === 'Priority');
    expect(priorities.map(({ title }) => title)).toEqual(['Safer streets.', 'Healthy homes.']);
    expect(nodes.filter(({ label, parent }) => label === 'Action' && parent === priorities[0]!.id).map(({ title }) => title)).toEqual([
      'Light every underpass.',
      'Close drug markets.',
    ]);
  });
});

describe('the title', () => {
  it('is the line after a cover line naming only the place, and never a web address', () => {
    const report = parseStrategyDocument('Derby City\nInspection of services for children in need of help and protection\n\nWords of the report.\n', {
      fileName: 'report.txt',
    });
    expect(report.seed.document.title).toBe('Inspection of services for children in need of help and protection');
    const plan = parseStrategyDocument('example.gov.uk\n\n# Riverside Drug and Alcohol Partnership\n\nWords.\n', { fileName: 'plan.md' });
    expect(plan.seed.document.title).toBe('Riverside Drug and Alcohol Partnership');
  });
});

describe('owners of priorities and actions', () => {
  const text = `# Eastmoor Healthy Lives Strategy 2025-2028

Our priorities are:

- Healthy homes
- Active travel
- Safe streets

## Healthy homes

Lead: Director of Public Health

### Actions

- Fund insulation in 500 private rented homes (Lead: Housing Standards)
- Inspect every house in multiple occupation each year

## Active travel

### Actions

| Action | Lead | When |
| --- | --- | --- |
| Build ten miles of protected cycle lanes | Eastmoor City Council | 2026 |
| Offer free cycle training to every primary school | Eastmoor Schools Sport Partnership | 2025 |

## Safe streets

### Key actions

- Light every underpass in the town centre
- Fit safer crossings outside every school
Responsible: Community Safety Team
`;
  const { nodes, seed } = parseChecked(text, { fileName: 'eastmoor.md', publisherId: 'org/eastmoor-city-council' });
  const ownerOf = (title: string) => {
    const action = nodes.find((node) => node.title === title)!;
    expect(action, title).toBeDefined();
    const linked = seed.links.filter((link) => link.from === action.id && link.type === 'OWNED_BY').map((link) => link.to);
    return [action.owner, ...linked].filter(Boolean);
  };

  it('reads a lead after an item, a lead column of a table and a lead after a list as the actions’ owners', () => {
    expect(ownerOf('Fund insulation in 500 private rented homes')).toEqual(['role/eastmoor-housing-standards']);
    expect(ownerOf('Build ten miles of protected cycle lanes')).toEqual(['org/eastmoor-city-council']);
    expect(ownerOf('Offer free cycle training to every primary school')).toEqual(['org/eastmoor-schools-sport-partnership']);
    expect(ownerOf('Light every underpass in the town centre')).toEqual(['role/eastmoor-community-safety-team']);
    expect(ownerOf('Fit safer crossings outside every school')).toEqual(['role/eastmoor-community-safety-team']);
  });

  it('gives a priority its own lead, and its actions without a lead of their own the same', () => {
    expect(ownerOf('Healthy homes')).toEqual(['role/eastmoor-director-of-public-health']);
    expect(ownerOf('Inspect every house in multiple occupation each year')).toEqual(['role/eastmoor-director-of-public-health']);
  });

  it('makes a Role or an Organisation for each owner, quoting where the document names it', () => {
    expect(byLabel(nodes, 'Role').map(({ id, source }) => `${id} ← ${source.excerpt}`)).toEqual([
      'role/eastmoor-director-of-public-health ← Director of Public Health',
      'role/eastmoor-housing-standards ← Housing Standards',
      'role/eastmoor-community-safety-team ← Community Safety Team',
    ]);
    expect(nodes.find(({ id }) => id === 'org/eastmoor-schools-sport-partnership')).toMatchObject({ label: 'Organisation', kind: 'PARTNERSHIP' });
    // The table's header row and the lead lines are read, not actions.
    expect(nodes.filter(({ label }) => label === 'Action').map(({ title }) => title)).not.toContain('Action');
  });
});

describe('judgements on other scales', () => {
  it('reads an area SEND outcome as a judgement, what is effective as strengths and what must be done better as areas for improvement', () => {
    const text = `# Area SEND inspection of Eastmoor Local Area Partnership

Inspection dates: 29 January to 2 February 2024 Dates of previous inspection: 5 to 9 March 2018

## Inspection outcome

The local area partnership’s arrangements lead to inconsistent experiences and outcomes for children and young people with SEND. At the previous inspection in 2018 there were widespread and/or systemic failings.

## What is the area partnership doing that is effective?

- Leaders know the area well and share an ambition for children with SEND.

## What does the area partnership need to do better?

- Too many assessments are not completed within the statutory timescales.

## Areas for improvement

Leaders should make sure that assessments are completed on time.
`;
    const { nodes } = parseChecked(text, { fileName: 'eastmoor-send.md' });
    const report = nodes.find((node) => node.kind === 'INSPECTION_REPORT')!;
    expect(report.date).toBe('2024-02-02');
    const outcome = nodes.filter((node) => node.kind === 'JUDGEMENT');
    expect(outcome.map(({ title, grade, text: words }) => [title, grade, words])).toEqual([
      [
        'Inspection outcome',
        undefined,
        'The local area partnership’s arrangements lead to inconsistent experiences and outcomes for children and young people with SEND.',
      ],
    ]);
    const under = (kind: string) =>
      nodes.filter((node) => node.kind === kind).map(({ title, parent }) => `${parent === outcome[0]!.id ? 'outcome' : parent} ${title}`);
    expect(under('STRENGTH')).toEqual(['outcome Leaders know the area well and share an ambition for children with SEND.']);
    expect(under('AREA_FOR_IMPROVEMENT')).toEqual([
      'outcome Too many assessments are not completed within the statutory timescales.',
      `${report.id} Make sure that assessments are completed on time`,
    ]);
  });

  it('reads CQC-style ratings in a table, "requires improvement" included', () => {
    const text = `# Inspection of Eastmoor local authority children’s services

Inspection dates: 3 to 14 June 2024

| Judgement | Grade |
| --- | --- |
| Safe | Requires improvement |
| Well-led | Good |
| Overall effectiveness | Requires improvement to be good |

Inspectors inspected the council's services for children.
`;
    const { nodes } = parseChecked(text, { fileName: 'eastmoor-ilacs.md' });
    expect(nodes.filter((node) => node.kind === 'JUDGEMENT').map(({ title, grade }) => `${title}: ${grade}`)).toEqual([
      'Safe: REQUIRES_IMPROVEMENT',
      'Well-led: GOOD',
      'Overall effectiveness: REQUIRES_IMPROVEMENT',
    ]);
    expect(nodes.find((node) => node.kind === 'INSPECTION_REPORT')).toMatchObject({ date: '2024-06-14', grade: 'REQUIRES_IMPROVEMENT' });
  });
});

describe('measures in a plan', () => {
  it('recognises lists of indicators and targets as measures, kept as context with a note, not as actions or not understood', () => {
    const text = `# Eastmoor Active Lives Plan 2025-2028

Our priorities are:

- Active children
- Active older people

## Active children

### Actions

- Open every school playground at weekends

### How we will measure success

- Share of children meeting activity guidelines: 47% now, 55% by 2028

## Active older people

### Actions

- Fund walking groups in every ward

We will track these indicators:

- Falls admissions per 100,000 people aged 65 and over
`;
    const { nodes, notUnderstood } = parseChecked(text, { fileName: 'eastmoor-active.md' });
    expect(byLabel(nodes, 'Action').map(({ title }) => title)).toEqual(['Open every school playground at weekends', 'Fund walking groups in every ward']);
    expect(byLabel(nodes, 'Measure')).toEqual([]);
    const measures = notUnderstood.filter(({ reason }) => reason.startsWith('measures, kept as context'));
    expect(measures.map(({ text: words }) => words)).toEqual([
      '- Share of children meeting activity guidelines: 47% now, 55% by 2028',
      '- Falls admissions per 100,000 people aged 65 and over',
    ]);
  });
});
