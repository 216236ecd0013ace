import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSchema } from 'graphql-yoga';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { graphStats } from './resolvers/graphStats.ts';

const schemaDir = fileURLToPath(new URL('../../../schema/', import.meta.url));

/** The SDL files of schema/, the one source of truth for the API. */
export function typeDefs(): string[] {
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(schemaDir, file), 'utf8'));
}

const resolvers: Resolvers = {
  Query: { graphStats },
};

export function buildSchema() {
  return createSchema<Context>({ typeDefs: typeDefs(), resolvers });
}
