import { describe, expect, it } from 'vitest';
import { findProvisionCitations } from './citations.ts';

const ids = (text: string) => findProvisionCitations(text).map(({ provisions }) => provisions.map(({ id }) => id));

describe('findProvisionCitations', () => {
  it.each([
    ['section 17 of the Children Act 1989', ['ukpga/1989/41/section/17']],
    ['Section 17 of the Children Act 1989', ['ukpga/1989/41/section/17']],
    ['under s.17 of the Children Act 1989', ['ukpga/1989/41/section/17']],
    ['under s. 17 of the Children Act 1989', ['ukpga/1989/41/section/17']],
    ['a s17 Children Act 1989 assessment', ['ukpga/1989/41/section/17']],
    ['s.11 Children Act 2004', ['ukpga/2004/31/section/11']],
    ['the s 11 Children Act 2004 duty', ['ukpga/2004/31/section/11']],
    ['section 17(10) of the Children Act 1989', ['ukpga/1989/41/section/17/10']],
    ['section 47(1)(b) of the Children Act 1989', ['ukpga/1989/41/section/47/1/b']],
    ['ss. 17 and 20 of the Children Act 1989', ['ukpga/1989/41/section/17', 'ukpga/1989/41/section/20']],
    ['ss.17, 20 and 22 of the Children Act 1989', ['ukpga/1989/41/section/17', 'ukpga/1989/41/section/20', 'ukpga/1989/41/section/22']],
    ['sections 22A to 22C of the Children Act 1989', ['ukpga/1989/41/section/22A', 'ukpga/1989/41/section/22C']],
    ['sections 17-19 of the Children Act 1989', ['ukpga/1989/41/section/17', 'ukpga/1989/41/section/18', 'ukpga/1989/41/section/19']],
    ['Part 1 of the Care Act 2014', ['ukpga/2014/23/part/1']],
    ['Part III of the Children Act 1989', ['ukpga/1989/41/part/III']],
    ['Schedule 2 to the Children Act 1989', ['ukpga/1989/41/schedule/2']],
    ['paragraph 3 of Schedule 2 to the Children Act 1989', ['ukpga/1989/41/schedule/2/paragraph/3']],
    ['reg. 4 of the Care and Support (Eligibility Criteria) Regulations 2015', ['uksi/2015/313/regulation/4']],
    ['regulation 2(1) of the Care and Support (Eligibility Criteria) Regulations 2015', ['uksi/2015/313/regulation/2/1']],
    ['regulations 2 and 3 of the Care and Support (Eligibility Criteria) Regulations 2015', ['uksi/2015/313/regulation/2', 'uksi/2015/313/regulation/3']],
    ['article 2 of the Homelessness (Priority Need for Accommodation) (England) Order 2002', ['uksi/2002/2051/article/2']],
    ['the Children Act 1989, s.17', ['ukpga/1989/41/section/17']],
    ['the Children Act 1989 (section 20)', ['ukpga/1989/41/section/20']],
    ['Children Act 1989, Part 3', ['ukpga/1989/41/part/3']],
    ['the Children Act 1989, Schedule 2', ['ukpga/1989/41/schedule/2']],
    ['s.1 of the Care Act 2014 (the wellbeing principle)', ['ukpga/2014/23/section/1']],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual([expected]);
  });

  it('cites a whole Act when no provision is named, and never a number that belongs to something else', () => {
    expect(ids('We will meet our duties under the Care Act 2014.')).toEqual([[]]);
    expect(ids('In 2017 the Children Act 1989 was amended.')).toEqual([[]]);
    expect(ids('Open 17 family hubs under the Children Act 1989')).toEqual([[]]);
  });

  it('reads each citation of a sentence with its own provisions', () => {
    const text = 'Assessments under section 17 of the Children Act 1989 and s.11 Children Act 2004 inform Part 1 of the Care Act 2014.';
    const found = findProvisionCitations(text);
    expect(found.map(({ matched }) => matched)).toEqual(['section 17 of the Children Act 1989', 's.11 Children Act 2004', 'Part 1 of the Care Act 2014']);
    expect(found.map(({ index, matched }) => text.slice(index, index + matched.length))).toEqual(found.map(({ matched }) => matched));
    expect(found.map(({ provisions }) => provisions.map(({ code }) => code))).toEqual([['s.17'], ['s.11'], ['Part 1']]);
  });

  it('gives codes in the graph form and no identifier for guidance', () => {
    const [citation] = findProvisionCitations('paragraph 3 of Schedule 2 to the Children Act 1989');
    expect(citation?.provisions).toEqual([{ provision: 'schedule/2/paragraph/3', id: 'ukpga/1989/41/schedule/2/paragraph/3', code: 'Schedule 2 paragraph 3' }]);
    const [guidance] = findProvisionCitations('chapter 3 of the Homelessness Code of Guidance');
    expect(guidance?.authority.id).toBe('authority/homelessness-code-of-guidance');
    expect(guidance?.provisions).toEqual([{ provision: 'chapter/3', id: null, code: 'Chapter 3' }]);
  });
});
