import { describe, expect, it } from 'vitest';
import { parseAsAt } from './as-at.ts';

describe('parseAsAt', () => {
  it('takes a calendar date written YYYY-MM-DD, and nothing as today', () => {
    expect(parseAsAt('2019-04-01')).toBe('2019-04-01');
    expect(parseAsAt('2024-02-29')).toBe('2024-02-29');
    expect(parseAsAt(null)).toBeNull();
    expect(parseAsAt(undefined)).toBeNull();
  });

  it('refuses anything else, naming the argument', () => {
    for (const bad of ['2019-02-29', '2019-13-01', '2019-4-1', '1 April 2019', '2019-04-01T00:00:00Z', '']) {
      expect(() => parseAsAt(bad), bad).toThrow(
        expect.objectContaining({ message: expect.stringMatching(/^asAt must be a calendar date written YYYY-MM-DD/) }),
      );
      try {
        parseAsAt(bad);
      } catch (error) {
        expect((error as { extensions: unknown }).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'asAt' });
      }
    }
    expect(() => parseAsAt('soon', 'rows.asAt')).toThrow(/^rows\.asAt must be/);
  });
});
