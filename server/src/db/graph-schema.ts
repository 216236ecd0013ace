import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeLabels, searchableLabels } from '../../../schema/graph-model.ts';
import { cypher, type Gateway, type Statement } from './gateway.ts';

const schemaFile = fileURLToPath(new URL('../../../schema/graph.cypher', import.meta.url));

// What follows the model's labels (names and labels from its closed lists only): each label's
// id is unique (`document_id`, `action_id`, …), and the full-text index over what people search,
// made after graph.cypher has dropped the index it replaced.
const labelConstraints = nodeLabels.map((label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`);
const itemText = `CREATE FULLTEXT INDEX item_text IF NOT EXISTS FOR (n:${searchableLabels.join('|')}) ON EACH [n.title, n.text, n.code]`;

/** The constraint and index statements: the model's and those of schema/graph.cypher (comments removed). */
export function graphSchemaStatements(): Statement[] {
  const text = readFileSync(schemaFile, 'utf8')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  const written = text
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
  return [...labelConstraints, ...written, itemText].map((statement, index) => cypher(`schema.${index + 1}`, statement));
}

const awaitIndexes = cypher('schema.awaitIndexes', 'CALL db.awaitIndexes(300)');

/**
 * Applies every constraint and index (each is IF NOT EXISTS, so this is idempotent) and waits
 * until the indexes are online, so the first queries are served by them.
 */
export async function applyGraphSchema(gateway: Gateway): Promise<void> {
  for (const statement of graphSchemaStatements()) await gateway.write(statement);
  await gateway.write(awaitIndexes);
}
