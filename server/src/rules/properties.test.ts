import { describe, expect, it } from 'vitest';
import { checkNodeEntry, checkNodeProperties, propertySchema } from './properties.ts';

describe('checkNodeProperties', () => {
  it('takes the properties of a kind, leaving out those given as undefined', () => {
    expect(checkNodeProperties('Plan', { kind: 'STRATEGY', status: 'ADOPTED', periodStart: 2024, text: undefined }, { partial: false })).toEqual({
      props: { kind: 'STRATEGY', status: 'ADOPTED', periodStart: 2024 },
      faults: [],
    });
  });

  it('names an unknown key and a value outside its closed list at their place', () => {
    expect(checkNodeProperties('Plan', { colour: 'red' }, { partial: true }).faults).toEqual([{ at: [], message: 'Unrecognized key: "colour"' }]);
    expect(checkNodeProperties('Plan', { status: 'GONE' }, { partial: true }).faults).toEqual([
      { at: ['status'], message: expect.stringMatching(/^Invalid option: expected one of "DRAFT"\|/) },
    ]);
  });

  it('does not ask for the fields that become links or nodes, nor for the title', () => {
    for (const field of ['id', 'label', 'title', 'source', 'parent', 'owner', 'themes']) expect(propertySchema('Action').shape).not.toHaveProperty(field);
    expect(propertySchema('Measure').shape).not.toHaveProperty('observations');
    expect(checkNodeProperties('Action', { parent: 'x' }, { partial: true }).faults).toEqual([{ at: [], message: 'Unrecognized key: "parent"' }]);
  });

  it('asks for what a kind requires only when the properties are the whole node', () => {
    expect(checkNodeProperties('Plan', { kind: 'STRATEGY' }, { partial: true }).faults).toEqual([]);
    expect(checkNodeProperties('Plan', { kind: 'STRATEGY' }, { partial: false }).faults).toEqual([{ at: ['status'], message: 'is required for a Plan' }]);
    expect(checkNodeProperties('Measure', { unit: 'per cent', polarity: 'SIDEWAYS' }, { partial: false }).faults).toEqual([
      { at: ['polarity'], message: expect.stringMatching(/^Invalid option/) },
    ]);
  });
});

describe('checkNodeEntry', () => {
  const source = { section: 'Title', excerpt: 'Our plan' };

  it('reads a mention or a definition as the seed format does', () => {
    expect(checkNodeEntry({ mention: 'plan-a', source })).toEqual({ entry: { mention: 'plan-a', source }, faults: [] });
    const theme = { id: 'theme/a', label: 'Theme', title: 'A', source };
    expect(checkNodeEntry(theme)).toEqual({ entry: theme, faults: [] });
  });

  it('names each fault at its path inside the entry', () => {
    expect(checkNodeEntry({ id: 'Not a slug', label: 'Theme', title: 'A', source: { section: 'Title' } }).faults).toEqual([
      { at: ['id'], message: 'must be a lowercase slug such as plan-2024/sp1' },
      { at: ['source', 'excerpt'], message: 'Invalid input: expected string, received undefined' },
    ]);
    expect(checkNodeEntry({ mention: 'plan-a', source, label: 'Plan' }).faults).toEqual([{ at: [], message: 'Unrecognized key: "label"' }]);
    expect(checkNodeEntry({ id: 'x', label: 'Planet', title: 'X', source }).faults).toEqual([
      { at: ['label'], message: expect.stringMatching(/^Invalid discriminator value/) },
    ]);
  });
});
