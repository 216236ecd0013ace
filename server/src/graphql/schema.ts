import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSchema } from 'graphql-yoga';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { GraphQLScalarType } from 'graphql';
import { graphModelTypeDefs } from '../../../schema/graph-model-sdl.ts';
import { confirmLink } from './mutations/confirmLink.ts';
import { importDocument } from './mutations/importDocument.ts';
import { moveLink } from './mutations/moveLink.ts';
import { retireLink } from './mutations/retireLink.ts';
import { createLink, createNode, deleteLink, deleteNode, linkToCitedProvision, updateNode } from './mutations/editing.ts';
import { acceptSuggestion, rejectSuggestion, suggestLinks } from './mutations/suggestions.ts';
import { alignment } from './resolvers/alignment.ts';
import { GraphEdge, GraphNode } from './resolvers/authors.ts';
import { coverage } from './resolvers/coverage.ts';
import { evidenceChain } from './resolvers/evidenceChain.ts';
import { GapRule } from './resolvers/gapRule.ts';
import { gaps } from './resolvers/gaps.ts';
import { exportGraph } from './resolvers/exportGraph.ts';
import { graphStats } from './resolvers/graphStats.ts';
import { history } from './resolvers/history.ts';
import { impact } from './resolvers/impact.ts';
import { inspections } from './resolvers/inspections.ts';
import { node } from './resolvers/node.ts';
import { planHierarchy } from './resolvers/planHierarchy.ts';
import { plans } from './resolvers/plans.ts';
import { search } from './resolvers/search.ts';
import { suggestions } from './resolvers/suggestions.ts';
import { suspectLinks } from './resolvers/suspectLinks.ts';
import { trace } from './resolvers/trace.ts';

const schemaDir = fileURLToPath(new URL('../../../schema/', import.meta.url));

/** The SDL of schema/, the one source of truth for the API: its .graphql files and the graph model's enums. */
export function typeDefs(): string[] {
  const files = readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(schemaDir, file), 'utf8'));
  return [...files, graphModelTypeDefs()];
}

/** Node properties go out as they are; the scalar is output-only. */
const JsonScalar = new GraphQLScalarType({ name: 'JSON', serialize: (value) => value });

const resolvers: Resolvers = {
  JSON: JsonScalar,
  Query: {
    graphStats,
    node,
    search,
    trace,
    gaps,
    coverage,
    alignment,
    evidenceChain,
    impact,
    inspections,
    plans,
    planHierarchy,
    history,
    suggestions,
    exportGraph,
    suspectLinks,
  },
  GapRule,
  GraphNode,
  GraphEdge,
  Mutation: {
    createNode,
    updateNode,
    deleteNode,
    createLink,
    deleteLink,
    linkToCitedProvision,
    suggestLinks,
    acceptSuggestion,
    rejectSuggestion,
    importDocument,
    confirmLink,
    moveLink,
    retireLink,
  },
};

export function buildSchema() {
  return createSchema<Context>({ typeDefs: typeDefs(), resolvers });
}
