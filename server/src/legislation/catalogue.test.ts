import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { catalogueEntry, findCitations, legislationCatalogue } from './catalogue.ts';

const seedDir = join(import.meta.dirname, '../../../seed');
const documentText = (name: string) => readFileSync(join(seedDir, 'documents', name), 'utf8');
const cited = (text: string) => findCitations(text).map(({ authority, matched, section }) => ({ id: authority.id, matched, ...(section ? { section } : {}) }));

describe('the legislation catalogue', () => {
  it('has unique ids in the project style, with years and legislation.gov.uk ids that agree', () => {
    const ids = legislationCatalogue.map(({ id }) => id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of legislationCatalogue) {
      expect(entry.id).toMatch(/^authority\/[a-z0-9][a-z0-9-]*$/);
      if (entry.kind === 'STATUTORY_GUIDANCE') {
        expect(entry.legislationId, entry.id).toBeUndefined();
        continue;
      }
      expect(entry.legislationId, entry.id).toMatch(entry.kind === 'ACT' ? /^ukpga\/\d{4}\/\d+$/ : /^uksi\/\d{4}\/\d+$/);
      expect(entry.legislationId!.split('/')[1], entry.id).toBe(String(entry.year));
      expect(entry.title, entry.id).toMatch(new RegExp(`${entry.year}$`));
      expect(entry.id, entry.id).toMatch(new RegExp(`-${entry.year}$`));
    }
    const legislationIds = legislationCatalogue.flatMap(({ legislationId }) => (legislationId ? [legislationId] : []));
    expect(new Set(legislationIds).size).toBe(legislationIds.length);
    expect(legislationCatalogue.length).toBeGreaterThanOrEqual(150);
  });

  it('resolves every title and alias to its own entry, never to a shorter or longer neighbour', () => {
    for (const entry of legislationCatalogue) {
      for (const name of [entry.title, ...entry.aliases, ...(entry.exactAliases ?? [])]) {
        const found = findCitations(`As set out in ${name}.`);
        expect(
          found.map(({ authority }) => authority.id),
          name,
        ).toEqual([entry.id]);
      }
    }
  });

  it('holds the Acts, regulations and guidance people services cite, with the right chapter numbers', () => {
    const expected: Record<string, string | undefined> = {
      'authority/care-act-2014': 'ukpga/2014/23',
      'authority/children-and-families-act-2014': 'ukpga/2014/6',
      'authority/children-and-social-work-act-2017': 'ukpga/2017/16',
      'authority/children-act-1989': 'ukpga/1989/41',
      'authority/children-act-2004': 'ukpga/2004/31',
      'authority/equality-act-2010': 'ukpga/2010/15',
      'authority/health-and-social-care-act-2012': 'ukpga/2012/7',
      'authority/public-services-social-value-act-2012': 'ukpga/2012/3',
      'authority/chronically-sick-and-disabled-persons-act-1970': 'ukpga/1970/44',
      'authority/breaks-for-carers-of-disabled-children-regulations-2011': 'uksi/2011/707',
      'authority/mental-capacity-act-2005': 'ukpga/2005/9',
      'authority/mental-health-act-1983': 'ukpga/1983/20',
      'authority/education-act-1996': 'ukpga/1996/56',
      'authority/adoption-and-children-act-2002': 'ukpga/2002/38',
      'authority/children-leaving-care-act-2000': 'ukpga/2000/35',
      'authority/homelessness-reduction-act-2017': 'ukpga/2017/13',
      'authority/housing-act-1996': 'ukpga/1996/52',
      'authority/domestic-abuse-act-2021': 'ukpga/2021/17',
      'authority/health-and-care-act-2022': 'ukpga/2022/31',
      'authority/counter-terrorism-and-security-act-2015': 'ukpga/2015/6',
      'authority/education-and-inspections-act-2006': 'ukpga/2006/40',
      'authority/local-safeguarding-children-boards-review-regulations-2013': 'uksi/2013/2299',
      'authority/smoke-free-premises-and-enforcement-regulations-2006': 'uksi/2006/3368',
      'authority/smoke-free-private-vehicles-regulations-2015': 'uksi/2015/286',
      'authority/child-safeguarding-practice-review-and-relevant-agency-england-regulations-2018': 'uksi/2018/789',
      'authority/local-safeguarding-children-boards-regulations-2006': 'uksi/2006/90',
      'authority/housing-act-2004': 'ukpga/2004/34',
      'authority/homelessness-act-2002': 'ukpga/2002/7',
      'authority/crime-and-disorder-act-1998': 'ukpga/1998/37',
      'authority/data-protection-act-1998': 'ukpga/1998/29',
      'authority/freedom-of-information-act-2000': 'ukpga/2000/36',
      'authority/care-and-support-eligibility-criteria-regulations-2015': 'uksi/2015/313',
      'authority/send-code-of-practice-2014': undefined,
      'authority/working-together-to-safeguard-children': undefined,
    };
    for (const [id, legislationId] of Object.entries(expected)) {
      const entry = catalogueEntry(id);
      expect(entry, id).toBeDefined();
      expect(entry!.legislationId, id).toBe(legislationId);
    }
    expect(catalogueEntry('authority/send-code-of-practice-2014')!.kind).toBe('STATUTORY_GUIDANCE');
    expect(catalogueEntry('authority/working-together-to-safeguard-children')!.kind).toBe('STATUTORY_GUIDANCE');
  });

  it('agrees with every Authority the hand-made seed files define under the same id', () => {
    let compared = 0;
    for (const name of readdirSync(seedDir).filter((file) => file.endsWith('.yaml'))) {
      const seed = parse(readFileSync(join(seedDir, name), 'utf8')) as { nodes: Record<string, unknown>[] };
      for (const node of seed.nodes) {
        if (node.label !== 'Authority') continue;
        const entry = catalogueEntry(node.id as string);
        if (!node.legislationId && !entry) continue;
        expect(entry, `${name}: ${String(node.id)} has a legislation id but is not in the catalogue`).toBeDefined();
        expect({ kind: entry!.kind, legislationId: entry!.legislationId, year: entry!.year }).toEqual({
          kind: node.kind,
          legislationId: node.legislationId,
          year: node.year,
        });
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(9);
  });
});

describe('finding citations', () => {
  it('finds every Act, regulation and code in Table 1 of Caring for Redbridge, misspellings included', () => {
    const text = documentText('001_250f95085b3a9135.txt');
    const table = text.split('\n').find((line) => line.startsWith('Legislation, Guidance and Practice'))!;
    expect(cited(table)).toEqual([
      { id: 'authority/children-and-social-work-act-2017', matched: 'Children and Social Work Act 2017' },
      { id: 'authority/children-and-families-act-2014', matched: 'Children and Families Act 2014' },
      { id: 'authority/care-act-2014', matched: 'Care Act 2014' },
      { id: 'authority/send-code-of-practice-2014', matched: 'SEND Code of Practice 2014' },
      { id: 'authority/public-services-social-value-act-2012', matched: 'Public Services (Social Value) Act 2012' },
      { id: 'authority/health-and-social-care-act-2012', matched: 'Health and Social Care Act 2012' },
      { id: 'authority/breaks-for-carers-of-disabled-children-regulations-2011', matched: "Breaks for Carers of Disabled Children's Regulations 2011" },
      { id: 'authority/equality-act-2010', matched: 'Equalities Act 2010' },
      { id: 'authority/chronically-sick-and-disabled-persons-act-1970', matched: 'Chronically Sick and Disabled Persons Act 1970' },
    ]);
    // The whole framework cites nothing else: no "Care Act" inside another title, no policy
    // papers mistaken for law.
    expect(new Set(findCitations(text).map(({ authority }) => authority.id)).size).toBe(9);
  });

  it('reports offsets and the exact text, so excerpts can quote it', () => {
    const text = 'Our duties under s.1 of the Care Act 2014 and the Equalities Act 2010.';
    for (const citation of findCitations(text)) expect(text.slice(citation.index, citation.index + citation.matched.length)).toBe(citation.matched);
    expect(findCitations(text)[0]!.index).toBe(text.indexOf('s.1'));
  });

  it.each([
    ['section 17 of the Children Act 1989', 'authority/children-act-1989', 'section 17 of the Children Act 1989', '17'],
    ['s.1 of the Care Act 2014', 'authority/care-act-2014', 's.1 of the Care Act 2014', '1'],
    ['s17 of the Children Act 1989', 'authority/children-act-1989', 's17 of the Children Act 1989', '17'],
    ['Part 3 of the Children and Families Act 2014', 'authority/children-and-families-act-2014', 'Part 3 of the Children and Families Act 2014', 'Part 3'],
    ['Schedule 2 to the Children Act 1989', 'authority/children-act-1989', 'Schedule 2 to the Children Act 1989', 'Schedule 2'],
    ['the Care Act 2014, section 42', 'authority/care-act-2014', 'Care Act 2014, section 42', '42'],
    ['Children & Families Act 2014', 'authority/children-and-families-act-2014', 'Children & Families Act 2014', undefined],
    ['the CHILDREN AND SOCIAL WORK ACT 2017', 'authority/children-and-social-work-act-2017', 'CHILDREN AND SOCIAL WORK ACT 2017', undefined],
    ['duties in the Care Act', 'authority/care-act-2014', 'Care Act', undefined],
    ['as CSWA 2017 requires', 'authority/children-and-social-work-act-2017', 'CSWA 2017', undefined],
    ['the Equalities Act', 'authority/equality-act-2010', 'Equalities Act', undefined],
    ["Children's Act 1989", 'authority/children-act-1989', "Children's Act 1989", undefined],
    ['Children and Families\n    Act 2014', 'authority/children-and-families-act-2014', 'Children and Families\n    Act 2014', undefined],
    ['the SEND Code of Practice', 'authority/send-code-of-practice-2014', 'SEND Code of Practice', undefined],
    ['SEND Code of Practice (2015)', 'authority/send-code-of-practice-2014', 'SEND Code of Practice (2015)', undefined],
    [
      'Working Together to Safeguard Children 2018',
      'authority/working-together-to-safeguard-children',
      'Working Together to Safeguard Children 2018',
      undefined,
    ],
    ['Public Services Social Value Act 2012', 'authority/public-services-social-value-act-2012', 'Public Services Social Value Act 2012', undefined],
    ['the Counter Terrorism and Security Act 2015', 'authority/counter-terrorism-and-security-act-2015', 'Counter Terrorism and Security Act 2015', undefined],
    ['our Prevent duty', 'authority/counter-terrorism-and-security-act-2015', 'Prevent duty', undefined],
    ['Health and Care Act 2022', 'authority/health-and-care-act-2022', 'Health and Care Act 2022', undefined],
    ['the Health &amp; Care Act', 'authority/health-and-care-act-2022', 'Health &amp; Care Act', undefined],
    ['Adoption and Children Act 2002', 'authority/adoption-and-children-act-2002', 'Adoption and Children Act 2002', undefined],
    ['Children (Leaving Care) Act 2000', 'authority/children-leaving-care-act-2000', 'Children (Leaving Care) Act 2000', undefined],
  ])('reads %j', (text, id, matched, section) => {
    expect(cited(text)).toEqual([{ id, matched, ...(section ? { section } : {}) }]);
  });

  it.each([
    ['a title that merely contains a shorter one', 'the Health and Social Care Act sets out', []],
    ['a name that needs its year', 'under the Children Act and the Housing Act', []],
    ['a name with the wrong year', 'the Care Act 2015', []],
    ['ordinary words', 'a duty of care act quickly; we prevent duty creep; the children act out; together we care', []],
    ['a year-less name inside another title', 'the Health and Care Act and the Local Care Act', ['authority/health-and-care-act-2022']],
    ['Think Local Act Personal', 'Think Local Act Personal 2011', []],
  ])('ignores %s', (_, text, ids) => {
    expect(findCitations(text).map(({ authority }) => authority.id)).toEqual(ids);
  });

  it('finds the Education and Inspections Act, the LSCB (Review) Regulations and the Smoke-free regulations written "Smokefree"', () => {
    const inspection =
      'Ofsted produces this report under its power to combine reports in accordance with section 152 of the Education and Inspections Act 2006. ' +
      'The review of the Local Safeguarding Children Board was carried out under the Local Safeguarding Children Boards (Review) Regulations 2013.';
    expect(cited(inspection)).toEqual([
      { id: 'authority/education-and-inspections-act-2006', matched: 'section 152 of the Education and Inspections Act 2006', section: '152' },
      { id: 'authority/local-safeguarding-children-boards-review-regulations-2013', matched: 'Local Safeguarding Children Boards (Review) Regulations 2013' },
    ]);
    const tobacco =
      'The Smokefree (Premises and Enforcement) Regulations 2006 came into force on 1st July 2007. ' +
      'The Smokefree (Private vehicles) Regulations 2015 came into force on 1st October 2016.';
    expect(cited(tobacco).map(({ id }) => catalogueEntry(id)!.legislationId)).toEqual(['uksi/2006/3368', 'uksi/2015/286']);
  });

  it.each([
    ['the Smoke free (Premises and Enforcement) Regulations 2006', 'authority/smoke-free-premises-and-enforcement-regulations-2006'],
    ['Childrens Act 1989', 'authority/children-act-1989'],
    ['the Children Leaving Care Act 2000', 'authority/children-leaving-care-act-2000'],
    ['Antisocial Behaviour, Crime and Policing Act 2014', 'authority/anti-social-behaviour-crime-and-policing-act-2014'],
    ['the Anti-Social Behaviour Crime and Policing Act', 'authority/anti-social-behaviour-crime-and-policing-act-2014'],
    ['Care Planning, Placement and Case Review Regulations 2010', 'authority/care-planning-placement-and-case-review-regulations-2010'],
    ['Care and Support (Independent Advocacy Support) Regulations 2014', 'authority/care-and-support-independent-advocacy-support-no-2-regulations-2014'],
    ["Children's Homes Regulations 2015", 'authority/childrens-homes-england-regulations-2015'],
    ['duties under the Homelessness Reduction Act', 'authority/homelessness-reduction-act-2017'],
    ['Domestic Abuse Act (2021)', 'authority/domestic-abuse-act-2021'],
    ['the Education & Inspections Act', 'authority/education-and-inspections-act-2006'],
    ['LSCB (Review) Regulations 2013', 'authority/local-safeguarding-children-boards-review-regulations-2013'],
    ['the Health and Safety at Work Act 1974', 'authority/health-and-safety-at-work-etc-act-1974'],
  ])('reads the informal or misspelt %j', (text, id) => {
    expect(findCitations(text).map(({ authority }) => authority.id)).toEqual([id]);
  });

  it.each([
    ['Children Act 2004 and Children and Families Act 2014', ['authority/children-act-2004', 'authority/children-and-families-act-2014']],
    ['Housing Act 1996, Part 7 and the Housing Act 2004', ['authority/housing-act-1996', 'authority/housing-act-2004']],
    ['the National Health Service Act 2006 and the Health Act 2006', ['authority/national-health-service-act-2006', 'authority/health-act-2006']],
    ['Mental Health Act 2007, amending the Mental Health Act 1983', ['authority/mental-health-act-2007', 'authority/mental-health-act-1983']],
    ['the Data Protection Act 1998, replaced by the Data Protection Act 2018', ['authority/data-protection-act-1998', 'authority/data-protection-act-2018']],
    ['Education Act 2002 and Education and Inspections Act 2006', ['authority/education-act-2002', 'authority/education-and-inspections-act-2006']],
    [
      'the Counter-Terrorism and Security Act 2015, not the Terrorism Act 2000',
      ['authority/counter-terrorism-and-security-act-2015', 'authority/terrorism-act-2000'],
    ],
    ['The Equality Act 2010 (Specific Duties) Regulations 2011', ['authority/equality-act-2010-specific-duties-regulations-2011']],
    [
      'the Children Act 1989 Representations Procedure (England) Regulations 2006',
      ['authority/children-act-1989-representations-procedure-england-regulations-2006'],
    ],
    [
      'Health and Social Care Act 2008 (Regulated Activities) Regulations 2014',
      ['authority/health-and-social-care-act-2008-regulated-activities-regulations-2014'],
    ],
    ['Smoke and Carbon Monoxide Alarm (England) Regulations 2015', ['authority/smoke-and-carbon-monoxide-alarm-england-regulations-2015']],
    ['the Homelessness Act 2002 and the Homelessness Reduction Act 2017', ['authority/homelessness-act-2002', 'authority/homelessness-reduction-act-2017']],
    [
      'Working Together to Safeguard Children (2023); see also Working together to improve school attendance',
      ['authority/working-together-to-safeguard-children', 'authority/working-together-to-improve-school-attendance'],
    ],
  ])('tells near names apart in %j', (text, ids) => {
    expect(findCitations(text).map(({ authority }) => authority.id)).toEqual(ids);
  });

  it.each([
    ['an Act name that needs its year', 'under the Housing Act, the Education Act and the Data Protection Act'],
    ["a year that is not the Act's", 'the Housing Act 1997 and the Education and Inspections Act 2007'],
    ['lower-case prose', 'smoke free homes; our local safeguarding children boards reviewed regulations'],
  ])('ignores %s', (_, text) => {
    expect(findCitations(text)).toEqual([]);
  });

  it('finds nothing in the other four seed documents, which cite no legislation by name', () => {
    for (const name of ['000_5b15adc1cc3989ba.txt', '002_88537f17d4321af1.txt', '003_f20e3529060d3fa0.txt', '004_ff7442e9b29031ab.txt']) {
      expect(cited(documentText(name)), name).toEqual([]);
    }
  });
});
