import { describe, expect, it } from 'vitest';
import { excerptFinder } from './excerpts.ts';

describe('excerptFinder', () => {
  const find = () => excerptFinder('Our plan\n\nFirst   point.\tSecond point\nacross a line.\nThird point.');

  it('finds the document’s own words across line breaks, tabs and repeated spaces', () => {
    const found = find();
    expect(found('First point. Second point across a line.')).toBe(true);
    expect(found('Second point\n across a line.')).toBe(true);
  });

  it('finds excerpts in any order, and refuses words the document does not hold', () => {
    const found = find();
    expect(found('Third point.')).toBe(true);
    expect(found('Our plan')).toBe(true);
    expect(found('First point.')).toBe(true);
    expect(found('Fourth point.')).toBe(false);
    expect(found('First  Second')).toBe(false);
  });
});
