import { describe, expect, it } from 'vitest';
import { nodeLabels, searchableLabels } from '../../../schema/graph-model.ts';
import { graphSchemaStatements } from './graph-schema.ts';

describe('graphSchemaStatements', () => {
  const texts = graphSchemaStatements().map((statement) => statement.text);

  it('gives every label of the model its own id constraint, so a new label needs no line in graph.cypher', () => {
    for (const label of nodeLabels) {
      expect(texts).toContain(`CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`);
    }
  });

  it('searches the searchable labels, and creates the index after graph.cypher drops the one it replaced', () => {
    const itemText = texts.findIndex((text) => text.startsWith('CREATE FULLTEXT INDEX item_text'));
    expect(texts[itemText]).toContain(`FOR (n:${searchableLabels.join('|')})`);
    expect(searchableLabels).not.toContain('Observation');
    expect(itemText).toBeGreaterThan(texts.indexOf('DROP INDEX entity_text IF EXISTS'));
  });

  it('names every statement once', () => {
    const names = graphSchemaStatements().map((statement) => statement.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
