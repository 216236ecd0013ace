import { describe, expect, it } from 'vitest';
import { formatTimeOn, formatWhen, showValue, valueChanges } from './history.ts';

describe('valueChanges', () => {
  it('lists each value an edit changed, before and after', () => {
    expect(valueChanges({ title: 'Old', code: null }, { title: 'New', code: '2' })).toEqual([
      { key: 'title', before: 'Old', after: 'New' },
      { key: 'code', before: 'none', after: '2' },
    ]);
  });

  it('names camel-case properties in words and leaves out what did not change', () => {
    expect(valueChanges({ periodEnd: 2029, status: 'DRAFT' }, { periodEnd: 2030, status: 'DRAFT' })).toEqual([
      { key: 'period end', before: '2029', after: '2030' },
    ]);
  });

  it('gives nothing for changes recorded as lists, and shows flags and removals plainly', () => {
    expect(valueChanges(null, ['a|CONCERNS|b'])).toEqual([]);
    expect(valueChanges({ corporate: true }, { corporate: null })).toEqual([{ key: 'corporate', before: 'yes', after: 'none' }]);
    expect(showValue(['a', 'b'])).toBe('a, b');
  });
});

describe('formatWhen', () => {
  it('writes an ISO time as a British date and time', () => {
    // ICU versions differ in the word between date and time.
    expect(formatWhen('2026-11-22T13:50:29.019Z', 'en-GB', 'UTC')).toMatch(/^22 November 2026(,| at) 13:50$/);
    expect(formatWhen('not a date')).toBe('not a date');
  });
});

describe('formatTimeOn', () => {
  it('writes the time first, then the day, as a sentence about when something happened', () => {
    expect(formatTimeOn('2026-12-07T16:42:59.999Z', 'en-GB', 'UTC')).toBe('16:42 on 7 December 2026');
    expect(formatTimeOn('2026-12-07T09:05:00Z', 'en-GB', 'UTC')).toBe('09:05 on 7 December 2026');
  });

  it('uses the given time zone, so a late change can fall on the next day', () => {
    expect(formatTimeOn('2026-06-30T23:30:00Z', 'en-GB', 'Europe/London')).toBe('00:30 on 1 July 2026');
  });

  it('leaves text that is not a time as it is', () => {
    expect(formatTimeOn('not a date')).toBe('not a date');
  });
});
