import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { catalogueEntry, findCitations, legislationCatalogue } from './legislation-catalogue.ts';

const seedDir = join(import.meta.dirname, '../../../../seed');
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
    ['Working Together to Safeguard Children 2018', 'authority/working-together-to-safeguard-children', 'Working Together to Safeguard Children 2018', undefined],
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

  it('finds nothing in the other four seed documents, which cite no legislation by name', () => {
    for (const name of ['000_5b15adc1cc3989ba.txt', '002_88537f17d4321af1.txt', '003_f20e3529060d3fa0.txt', '004_ff7442e9b29031ab.txt']) {
      expect(cited(documentText(name)), name).toEqual([]);
    }
  });
});
