import { describe, expect, it } from 'vitest';
import { asAtInWords, isAsAtDate } from './as-at-date.ts';

describe('the as-at date', () => {
  it('says a date in words, whatever the time zone', () => {
    expect(asAtInWords('2019-04-01')).toBe('1 April 2019');
    expect(asAtInWords('2023-12-31')).toBe('31 December 2023');
  });

  it('takes only calendar dates written YYYY-MM-DD', () => {
    expect(isAsAtDate('2019-04-01')).toBe(true);
    expect(isAsAtDate('2024-02-29')).toBe(true);
    for (const bad of ['2019-02-29', '2019-13-01', '2019-4-1', '1-4-2019', '', '2019-04-01T00:00']) expect(isAsAtDate(bad), bad).toBe(false);
  });
});
