import { describe, expect, it } from 'vitest';
import { choicesByTarget, choiceTexts, outlineTree } from './importing.ts';

describe('the outline of an import preview', () => {
  it('nests parts by their depth', () => {
    const tree = outlineTree([
      { depth: 0, title: 'A' },
      { depth: 1, title: 'A list' },
      { depth: 1, title: 'A.1' },
      { depth: 2, title: 'A.1 list' },
      { depth: 0, title: 'B' },
    ]);
    expect(
      tree.map(({ part, children }) => [part.title, children.map((child) => [child.part.title, child.children.map((inner) => inner.part.title)])]),
    ).toEqual([
      [
        'A',
        [
          ['A list', []],
          ['A.1', ['A.1 list']],
        ],
      ],
      ['B', []],
    ]);
  });

  it('reads and writes choices by target, leaving out targets set back to automatic', () => {
    const chosen = choicesByTarget(['section "Our vision = the future" = context', 'level 2 = priorities']);
    expect([...chosen]).toEqual([
      ['section "Our vision = the future"', 'context'],
      ['level 2', 'priorities'],
    ]);
    chosen.set('level 2', '');
    chosen.set('list "Key initiatives"', 'actions');
    expect(choiceTexts(chosen)).toEqual(['section "Our vision = the future" = context', 'list "Key initiatives" = actions']);
  });

  it('keeps choices whose kind has several words, and choices naming a passage the outline does not list', () => {
    const texts = ['text starting "We will endeavour" = actions of the plan', 'list "Next steps" = actions of the plan'];
    const chosen = choicesByTarget(texts);
    expect(chosen.get('text starting "We will endeavour"')).toBe('actions of the plan');
    expect(choiceTexts(chosen)).toEqual(texts);
  });
});
