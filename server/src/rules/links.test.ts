import { describe, expect, it } from 'vitest';
import { allLinkRules } from '../../../schema/graph-model.ts';
import { checkParent } from './hierarchy.ts';
import { checkLabel } from './labels.ts';
import { checkLink, checkNoSelfLink } from './links.ts';

describe('checkLabel', () => {
  it('passes a node of an allowed label, and names an unknown id or a wrong label', () => {
    expect(checkLabel({ id: 'org/a', label: 'Organisation' }, ['Role', 'Organisation'], 'owner')).toEqual([]);
    expect(checkLabel({ id: 'org/b', label: undefined }, ['Role', 'Organisation'], 'owner', ['owner'])).toEqual([
      { at: ['owner'], id: 'org/b', message: 'unknown id org/b' },
    ]);
    expect(checkLabel({ id: 'plan-a', label: 'Plan' }, ['Theme'], 'a theme', ['themes', 1])).toEqual([
      { at: ['themes', 1], id: 'plan-a', label: 'Plan', allowed: ['Theme'], message: 'a theme must be Theme, but plan-a is Plan' },
    ]);
  });
});

describe('checkParent', () => {
  it('places a node under a parent the hierarchy allows, with the placing link’s rule', () => {
    expect(checkParent('Action', { id: 'p/o1', label: 'Objective' })).toEqual({
      rule: { type: 'HAS_ACTION', parents: ['Plan', 'Priority', 'Objective', 'Action'] },
      faults: [],
    });
  });

  it('refuses a parent for a label that sits under nothing, and a parent of the wrong label', () => {
    expect(checkParent('Measure', { id: 'p', label: 'Plan' }, ['parent'])).toEqual({ faults: [{ at: ['parent'], message: 'a Measure cannot have a parent' }] });
    expect(checkParent('Priority', { id: 'p/a1', label: 'Action' }).faults).toEqual([
      expect.objectContaining({ message: 'the parent of a Priority must be Plan or Priority, but p/a1 is Action' }),
    ]);
    expect(checkParent('Priority', { id: 'nowhere', label: undefined }).faults).toEqual([expect.objectContaining({ message: 'unknown id nowhere' })]);
  });
});

describe('checkLink', () => {
  it('passes labels the type joins', () => {
    expect(checkLink('GIVES_EFFECT_TO', { id: 'p/a1', label: 'Action' }, { id: 'act', label: 'Authority' })).toEqual([]);
  });

  it('names each end whose label the type does not join, start first', () => {
    expect(checkLink('RESPONDS_TO', { id: 'theme/a', label: 'Theme' }, { id: 'p/p1', label: 'Priority' }).map(({ at, message }) => [at, message])).toEqual([
      [['from'], 'the start of a RESPONDS_TO link must be Priority or Objective or Action, but theme/a is Theme'],
      [['to'], 'the end of a RESPONDS_TO link must be Evidence, but p/p1 is Priority'],
    ]);
  });

  it('refuses the loader’s own links by default, and takes them against the rules of every link', () => {
    const [plan, priority] = [
      { id: 'p', label: 'Plan' },
      { id: 'p/p1', label: 'Priority' },
    ];
    expect(checkLink('HAS_PRIORITY', plan, priority)).toEqual([
      { at: ['type'], message: 'HAS_PRIORITY links are made by the loader (use parent, owner or themes)' },
    ]);
    expect(checkLink('HAS_PRIORITY', plan, priority, (type) => allLinkRules[type as keyof typeof allLinkRules])).toEqual([]);
  });

  it('refuses a link from a node to itself', () => {
    expect(checkNoSelfLink('p', 'q')).toEqual([]);
    expect(checkNoSelfLink('p', 'p')).toEqual([{ at: ['to'], message: 'a link cannot join a node to itself' }]);
  });
});
