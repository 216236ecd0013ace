import { describe, expect, it } from 'vitest';
import {
  documentUrl,
  enclosingProvisions,
  identifierUri,
  parseLegislationId,
  provisionCode,
  provisionNodeId,
  provisionOfCode,
  provisionSlug,
} from './identifiers.ts';

describe('parseLegislationId', () => {
  it('reads items and provisions from identifiers and every kind of URI the service uses', () => {
    const cases: [string, string, string | null][] = [
      ['ukpga/1989/41', 'ukpga/1989/41', null],
      ['http://www.legislation.gov.uk/id/ukpga/1989/41', 'ukpga/1989/41', null],
      ['https://www.legislation.gov.uk/ukpga/1989/41/data.xml', 'ukpga/1989/41', null],
      ['http://www.legislation.gov.uk/id/ukpga/1989/41/section/17', 'ukpga/1989/41', 'section/17'],
      ['https://www.legislation.gov.uk/ukpga/1989/41/section/17/2/enacted', 'ukpga/1989/41', 'section/17/2'],
      ['/ukpga/2000/38/section/19/2014-04-01', 'ukpga/2000/38', 'section/19'],
      ['ukpga/1985/67/section/6/england+scotland', 'ukpga/1985/67', 'section/6'],
      ['ukpga/1989/41/schedule/2', 'ukpga/1989/41', 'schedule/2'],
      ['ukpga/1996/6/schedule', 'ukpga/1996/6', 'schedule'],
      ['uksi/2013/2299/regulation/4', 'uksi/2013/2299', 'regulation/4'],
      ['ukpga/2014/23/part/1', 'ukpga/2014/23', 'part/1'],
      ['ukpga/1984/27/schedule/9/part/IV', 'ukpga/1984/27', 'schedule/9/part/IV'],
      ['http://www.legislation.gov.uk/id/ukpga/Eliz2/3-4/19', 'ukpga/Eliz2/3-4/19', null],
      ['ukpga/Geo3/41/90/section/1', 'ukpga/Geo3/41/90', 'section/1'],
      ['http://www.legislation.gov.uk/id/ukpga/2018/12/section/1?view=plain', 'ukpga/2018/12', 'section/1'],
    ];
    for (const [input, itemId, provision] of cases) {
      const ref = parseLegislationId(input);
      expect(ref, input).not.toBeNull();
      expect(ref?.itemId, input).toBe(itemId);
      expect(ref?.provision, input).toBe(provision);
      expect(ref?.id, input).toBe(provision ? `${itemId}/${provision}` : itemId);
    }
    expect(parseLegislationId('ukpga/1989/41')).toMatchObject({ type: 'ukpga', year: '1989', number: '41' });
  });

  it('refuses what is not legislation', () => {
    for (const input of [
      '',
      'http://www.legislation.gov.uk/id/effect/key-322c74ea5935adababe5cb5d4de686f6',
      'https://example.org/ukpga/1989/41',
      'ukpga/1989',
      'ukpga/1989/forty-one',
      'ukpga/1989/41/notes/contents',
      'changes/affected/ukpga/1989/41',
    ])
      expect(parseLegislationId(input), input).toBeNull();
  });

  it('gives the identifier URI and the page to read', () => {
    expect(identifierUri('ukpga/1989/41/section/17')).toBe('http://www.legislation.gov.uk/id/ukpga/1989/41/section/17');
    expect(documentUrl('ukpga/1989/41/section/17')).toBe('https://www.legislation.gov.uk/ukpga/1989/41/section/17');
  });
});

describe('provision codes and node ids', () => {
  const cases: [string, string, string][] = [
    ['section/17', 's.17', 's17'],
    ['section/17A', 's.17A', 's17a'],
    ['section/17/2', 's.17(2)', 's17-2'],
    ['section/17/2/a', 's.17(2)(a)', 's17-2-a'],
    ['regulation/4', 'regulation 4', 'reg4'],
    ['regulation/4/1', 'regulation 4(1)', 'reg4-1'],
    ['article/3', 'article 3', 'art3'],
    ['schedule/2', 'Schedule 2', 'sch2'],
    ['schedule', 'Schedule', 'sch'],
    ['schedule/2/paragraph/3', 'Schedule 2 paragraph 3', 'sch2-para3'],
    ['schedule/2/paragraph/3/1', 'Schedule 2 paragraph 3(1)', 'sch2-para3-1'],
    ['part/1', 'Part 1', 'part1'],
    ['part/III/chapter/2', 'Part III Chapter 2', 'partiii-ch2'],
  ];
  it.each(cases)('%s is coded %s with the slug %s', (provision, code, slug) => {
    expect(provisionCode(provision)).toBe(code);
    expect(provisionSlug(provision)).toBe(slug);
  });

  it('puts a provision under its Authority as the seed data does', () => {
    expect(provisionNodeId('authority/children-act-1989', 'section/17')).toBe('authority/children-act-1989/s17');
  });

  it('reads codes and citations back to provision paths', () => {
    const cases: [string, string | null][] = [
      ['s.17', 'section/17'],
      ['s17', 'section/17'],
      ['section 17', 'section/17'],
      ['s.17(6)', 'section/17/6'],
      ['s. 24A(5)', 'section/24A/5'],
      ['regulation 4', 'regulation/4'],
      ['reg. 4(1)', 'regulation/4/1'],
      ['Schedule 2', 'schedule/2'],
      ['Sch. 2 para. 3', 'schedule/2/paragraph/3'],
      ['Part 1', 'part/1'],
      ['Part III', 'part/III'],
      ['article 3', 'article/3'],
      ['wellbeing principle', null],
      ['', null],
    ];
    for (const [code, provision] of cases) expect(provisionOfCode(code), code).toBe(provision);
    for (const provision of ['section/17', 'section/17/2', 'regulation/4', 'schedule/2', 'part/1', 'schedule/2/paragraph/3'])
      expect(provisionOfCode(provisionCode(provision)), provision).toBe(provision);
  });

  it('finds the provisions that enclose one', () => {
    expect(enclosingProvisions('section/17/6/a')).toEqual(['section/17/6', 'section/17']);
    expect(enclosingProvisions('schedule/2/paragraph/3')).toEqual(['schedule/2']);
    expect(enclosingProvisions('section/17')).toEqual([]);
  });
});
