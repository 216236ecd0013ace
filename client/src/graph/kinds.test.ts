import { describe, expect, it } from 'vitest';
import { basisStyles, kinds, visualKind } from './kinds.ts';

/** WCAG 2.2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (lighter! + 0.05) / (darker! + 0.05);
}

describe('the graph’s colours', () => {
  it('keep 3:1 for outlines and links against white, and 4.5:1 for labels on their fill', () => {
    for (const { colour, fill } of Object.values(kinds)) {
      expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
      expect(contrast(colour, fill)).toBeGreaterThanOrEqual(3);
      expect(contrast('#000000', fill)).toBeGreaterThanOrEqual(4.5);
    }
    for (const { colour } of Object.values(basisStyles)) expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('never tell kinds apart by colour alone: no two kinds share a shape and colour', () => {
    const looks = Object.values(kinds).map(({ shape, colour }) => `${shape} ${colour}`);
    expect(new Set(looks).size).toBe(looks.length);
    const lines = Object.values(basisStyles).map(({ line }) => line);
    expect(new Set(lines).size).toBe(lines.length);
  });
});

describe('visualKind', () => {
  it('draws council priorities, and owners of either kind, apart', () => {
    expect(visualKind({ label: 'Priority', corporate: true })).toBe('CouncilPriority');
    expect(visualKind({ label: 'Priority', corporate: false })).toBe('Priority');
    expect(visualKind({ label: 'Role' })).toBe('Owner');
    expect(visualKind({ label: 'Organisation' })).toBe('Owner');
    expect(visualKind({ label: 'Document' })).toBe('Other');
  });
});
