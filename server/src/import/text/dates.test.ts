import { describe, expect, it } from 'vitest';
import { daysIn, monthIn, readDay, readMonth, yearRangeIn } from './dates.ts';

describe('reading dates', () => {
  it('reads days written in words or British numerals', () => {
    expect(readDay('13 June 2017')).toBe('2017-06-13');
    expect(readDay('1st Sept 2023')).toBe('2023-09-01');
    expect(readDay('14/12/2023')).toBe('2023-12-14');
    expect(readDay('29 February 2024')).toBe('2024-02-29');
  });

  it('refuses days that do not exist rather than rolling them over', () => {
    expect(readDay('30 February 2024')).toBeUndefined();
    expect(readDay('29 February 2023')).toBeUndefined();
    expect(readDay('31/04/2023')).toBeUndefined();
    expect(readDay('12/13/2023')).toBeUndefined();
    expect(readDay('0 March 2024')).toBeUndefined();
    expect(readMonth('Smarch 2024')).toBeUndefined();
  });

  it('finds the days of an inspection in running text', () => {
    expect(daysIn('Inspection dates: 4 to 8 March 2024').map((day) => day.date)).toEqual(['2024-03-08']);
    expect(daysIn('Inspection dates: 26 February 2024 to 1 March 2024').map((day) => day.date)).toEqual(['2024-02-26', '2024-03-01']);
    expect(daysIn('Inspection dates: 28 to 30 February 2024')).toEqual([]);
  });

  it('reads a month in a title', () => {
    expect(monthIn('Carers Strategy – July 2018')).toBe('2018-07');
    expect(monthIn('Carers Strategy')).toBeUndefined();
  });

  it('reads plan periods as ranges of years', () => {
    expect(yearRangeIn('Strategy 2019-2024')).toEqual({ start: 2019, end: 2024 });
    expect(yearRangeIn('Strategy 2020 to 2023')).toEqual({ start: 2020, end: 2023 });
    expect(yearRangeIn('Plan 2020-23')).toEqual({ start: 2020, end: 2023 });
    expect(yearRangeIn('Plan 2023/24 to 2025/26')).toEqual({ start: 2023, end: 2026 });
    expect(yearRangeIn('Annual plan 2023/24', { singleYear: true })).toEqual({ start: 2023, end: 2024 });
    expect(yearRangeIn('Funding for 2023/24 was cut')).toBeUndefined();
    expect(yearRangeIn('Plan 2099/00', { singleYear: true })).toEqual({ start: 2099, end: 2100 });
  });

  it('refuses ranges that run backwards, are too long or are dates', () => {
    expect(yearRangeIn('2024-2019')).toBeUndefined();
    expect(yearRangeIn('2000-2040')).toBeUndefined();
    expect(yearRangeIn('Published 2019-12-03')).toBeUndefined();
    expect(yearRangeIn('Plan 2023/25', { singleYear: true })).toBeUndefined();
  });
});
