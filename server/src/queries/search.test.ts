import { describe, expect, it } from 'vitest';
import { toLuceneQuery } from './search.ts';

describe('toLuceneQuery', () => {
  it('ranks the phrase, then all words, then any word, with the last word as a prefix', () => {
    expect(toLuceneQuery('Care leavers')?.query).toBe('"care leavers"^4 OR (care AND leavers)^2 OR care OR leavers OR leavers*');
  });

  it('keeps only letters and digits, so Lucene syntax cannot get through', () => {
    expect(toLuceneQuery('title:[a TO z] care~ "x')?.query).toBe('"title a to z care x"^4 OR (title AND a AND to AND z AND care AND x)^2 OR title OR a OR to OR z OR care OR x');
    expect(toLuceneQuery('!!! ~~~')).toBeNull();
    expect(toLuceneQuery('')).toBeNull();
  });

  it('reads AND and OR in capitals as joining words, not as words to find', () => {
    expect(toLuceneQuery('care AND leavers')).toEqual(toLuceneQuery('care leavers'));
    expect(toLuceneQuery('care OR leavers')).toEqual(toLuceneQuery('care leavers'));
    expect(toLuceneQuery('AND OR')).toBeNull();
  });

  it('keeps lower-case and, or and not as words', () => {
    expect(toLuceneQuery('health and care')?.query).toContain('"health and care"^4');
    expect(toLuceneQuery('not in education')?.query).toContain('"not in education"^4');
  });

  it('leaves out what has the word after NOT', () => {
    expect(toLuceneQuery('care NOT leavers')).toEqual({ query: '+("care"^4 OR (care)^2 OR care OR care*) -(leavers)', excluded: ['leavers'] });
    expect(toLuceneQuery('NOT care')).toBeNull();
  });

  it('refuses text over the length limit, naming the field', () => {
    expect(() => toLuceneQuery('a'.repeat(501))).toThrow(expect.objectContaining({ message: 'text is too long: 501 characters, at most 500.' }));
  });
});
