import { describe, expect, it } from 'vitest';
import { closeMatchEdits, provisionKey, readSearchText, toLuceneQuery } from './search.ts';

const lucene = (text: string, close: string[] = []) => {
  const terms = readSearchText(text);
  return terms && toLuceneQuery(terms, new Set(close));
};

describe('toLuceneQuery', () => {
  it('ranks the phrase, then all words, then any word, with the last word as a prefix', () => {
    expect(lucene('Care leavers')).toBe('"care leavers"^4 OR (care AND leavers)^2 OR care OR leavers OR leavers*');
  });

  it('keeps only letters and digits, so Lucene syntax cannot get through', () => {
    expect(lucene('title:[a TO z] care~ "x')).toBe(
      '"title a to z care x"^4 OR (title AND a AND to AND z AND care AND x)^2 OR title OR a OR to OR z OR care OR x',
    );
    expect(readSearchText('!!! ~~~')).toBeNull();
    expect(readSearchText('')).toBeNull();
  });

  it('reads AND and OR in capitals as joining words, not as words to find', () => {
    expect(readSearchText('care AND leavers')).toEqual(readSearchText('care leavers'));
    expect(readSearchText('care OR leavers')).toEqual(readSearchText('care leavers'));
    expect(readSearchText('AND OR')).toBeNull();
  });

  it('keeps lower-case and, or and not as words', () => {
    expect(lucene('health and care')).toContain('"health and care"^4');
    expect(lucene('not in education')).toContain('"not in education"^4');
  });

  it('leaves out what has the word after NOT', () => {
    expect(readSearchText('care NOT leavers')).toMatchObject({ words: ['care'], excluded: ['leavers'] });
    expect(lucene('care NOT leavers')).toBe('+(care OR care*) -(leavers)');
    expect(readSearchText('NOT care')).toBeNull();
  });

  it('refuses text over the length limit, naming the field', () => {
    expect(() => readSearchText('a'.repeat(501))).toThrow(expect.objectContaining({ message: 'text is too long: 501 characters, at most 500.' }));
  });
});

describe('close matches', () => {
  it('matches a word the graph does not hold as a fuzzy term, below the exact words', () => {
    expect(lucene('safegaurding', ['safegaurding'])).toBe('safegaurding~2^0.5');
    expect(lucene('care leavers covnant', ['covnant'])).toBe('"care leavers"^4 OR (care AND leavers AND covnant~2)^2 OR care OR leavers OR covnant~2^0.5');
  });

  it('allows no edits to short words and numbers, one to middling words and two to long ones', () => {
    expect([closeMatchEdits('ab'), closeMatchEdits('1989'), closeMatchEdits('carer'), closeMatchEdits('safegaurding')]).toEqual([0, 0, 1, 2]);
  });
});

describe('citations', () => {
  it.each([
    ['section 17 of the Children Act 1989', 'section 17 of the Children Act 1989'],
    ['s.17 of the Children Act 1989', 'section 17 of the Children Act 1989'],
    ['Children Act 1989 s17', 'section 17 of the Children Act 1989'],
  ])('reads %s as a citation, not as the number 17', (text, description) => {
    const terms = readSearchText(text)!;
    expect(terms.citations.map((citation) => citation.description)).toEqual([description]);
    expect(terms.words).toEqual([]);
    const query = toLuceneQuery(terms);
    expect(query).toBe('("children act 1989" AND ("section 17" OR "s 17" OR s17))^6 OR "children act 1989"^3');
    expect(query).not.toMatch(/(^| )17( |$)/);
  });

  it('reads every provision a citation names, and none of their numbers as words', () => {
    const terms = readSearchText('ss. 17 and 20 of the Children Act 1989 reg. 4 of the Care and Support (Eligibility Criteria) Regulations 2015')!;
    expect(terms.citations.map(({ provisions }) => provisions)).toEqual([['section/17', 'section/20'], ['regulation/4']]);
    expect(terms.words).toEqual([]);
  });

  it('reads an Act of the stored catalogue given with the text', () => {
    const stored = {
      id: 'authority/zq-licensing-act-2097',
      title: 'Zq Licensing Act 2097',
      kind: 'ACT' as const,
      year: 2097,
      legislationId: 'ukpga/2097/1',
      aliases: [],
    };
    expect(readSearchText('s.5 of the Zq Licensing Act 2097')!.citations.map(({ description }) => description)).toEqual(['section 5 of any Act']);
    expect(readSearchText('s.5 of the Zq Licensing Act 2097', [stored])).toMatchObject({
      words: [],
      citations: [{ authorities: [stored], provisions: ['section/5'], description: 'section 5 of the Zq Licensing Act 2097' }],
    });
  });

  it('reads a provision of an Act named without its year as a citation of every Act of that name', () => {
    for (const text of ['s17 Children Act', 'section 17 of the Children Act', 'Children Act s.17']) {
      const [citation] = readSearchText(text)!.citations;
      expect(citation?.authorities.map(({ id }) => id)).toEqual(['authority/children-act-1989', 'authority/children-act-2004']);
      expect(citation?.section).toBe('17');
    }
  });

  it('keeps the other words of the text as words', () => {
    const terms = readSearchText('duties under section 17 of the Children Act 1989 NOT adults')!;
    expect(terms).toMatchObject({ words: ['duties', 'under'], excluded: ['adults'] });
    expect(terms.citations).toHaveLength(1);
  });

  it('searches a section with no Act named as a section, never as the bare number', () => {
    for (const text of ['section 17', 's.17', 's17']) {
      const terms = readSearchText(text)!;
      expect(terms).toMatchObject({ words: [], citations: [{ authorities: [], section: '17', description: 'section 17 of any Act' }] });
      expect(toLuceneQuery(terms)).toBe('("section 17" OR "s 17" OR s17)^3');
    }
    expect(readSearchText('17 families')).toMatchObject({ words: ['17', 'families'], citations: [] });
  });

  it('leaves out what names the Act when NOT stands before a citation', () => {
    const terms = readSearchText('care leavers NOT section 17 of the Children Act 1989')!;
    expect(terms).toMatchObject({ words: ['care', 'leavers'], excluded: ['children act 1989'], citations: [] });
    expect(toLuceneQuery(terms)).toBe('+("care leavers"^4 OR (care AND leavers)^2 OR care OR leavers OR leavers*) -("children act 1989")');
    expect(readSearchText('care NOT s.17')).toMatchObject({ words: ['care'], excluded: ['section 17'], citations: [] });
    expect(readSearchText('NOT section 17')).toBeNull();
  });

  it('compares provision codes in one form', () => {
    expect(['s.17', 'section 17', '17', 'S 17'].map(provisionKey)).toEqual(['17', '17', '17', '17']);
    expect(provisionKey('Part 3')).toBe('part 3');
  });
});
