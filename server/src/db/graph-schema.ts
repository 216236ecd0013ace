import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cypher, type Gateway, type Statement } from './gateway.ts';

const schemaFile = fileURLToPath(new URL('../../../schema/graph.cypher', import.meta.url));

/** The constraint and index statements of schema/graph.cypher, comments removed. */
export function graphSchemaStatements(): Statement[] {
  const text = readFileSync(schemaFile, 'utf8')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return text
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean)
    .map((statement, index) => cypher(`schema.${index + 1}`, statement));
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
