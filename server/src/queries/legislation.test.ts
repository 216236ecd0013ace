import { describe, expect, it } from 'vitest';
import { nodeLabels, referenceLabels, referenceRelationshipTypes, relationshipTypes } from '../../../schema/graph-model.ts';
import { contentHash, statements, titleKey } from './legislation.ts';

describe('the legislation statements', () => {
  it('name only labels and relationship types of the graph model', () => {
    const labels = new Set<string>(['Entity', 'Change', ...nodeLabels, ...referenceLabels]);
    const types = new Set<string>([...relationshipTypes, ...referenceRelationshipTypes]);
    for (const { name, text } of Object.values(statements)) {
      for (const [, label] of text.matchAll(/\(\w*:(\w+)/g)) expect(labels, `${name} names ${label}`).toContain(label);
      for (const [, alternatives] of text.matchAll(/\[\w*:([\w|]+)/g))
        for (const type of alternatives!.split('|')) expect(types, `${name} names ${type}`).toContain(type);
    }
  });

  it('keys titles for lookup without case, a leading "The", "&" or punctuation', () => {
    expect(titleKey('The Care and Support (Eligibility Criteria) Regulations 2015')).toBe('care and support eligibility criteria regulations 2015');
    expect(titleKey("Children's & Families Act 2014")).toBe('childrens and families act 2014');
  });

  it('hashes what it would write, so unchanged data is not written again', () => {
    expect(contentHash({ a: 1, b: ['x'] })).toBe(contentHash({ a: 1, b: ['x'] }));
    expect(contentHash({ a: 1, b: ['x'] })).not.toBe(contentHash({ a: 1, b: ['y'] }));
  });
});
