import type { CodegenConfig } from '@graphql-codegen/cli';
import { graphModelTypeDefs } from './schema/graph-model-sdl.ts';

/**
 * One codegen for both sides, from schema/*.graphql and the graph model's enums
 * (schema/graph-model-sdl.ts): typed resolvers for the server, typed documents for the client and
 * for the API's integration tests. Runs before every build and test run, so generated code cannot
 * drift.
 */
const config: CodegenConfig = {
  schema: ['schema/*.graphql', graphModelTypeDefs()],
  ignoreNoDocuments: true,
  generates: {
    'server/src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context.ts#Context',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { JSON: 'unknown' },
        // A gap rule's findings are read page by page from the rule's failing items.
        mappers: { GapRule: '../gap-report.ts#RuleReport' },
      },
    },
    'client/src/generated/': {
      preset: 'client',
      documents: ['client/src/**/*.{ts,tsx}', '!client/src/generated/**'],
      // Masking: a component sees only the fields its own fragment declares, and reads them with
      // readFragment (not a hook, so pure code such as toElements reads fragments too).
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'readFragment' } },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { JSON: 'unknown' } },
    },
    // Typed operations for the API's integration tests, which speak to the server over HTTP.
    'server/test/generated/': {
      preset: 'client',
      documents: ['server/**/*.int.test.ts', 'scripts/**/*.int.test.ts'],
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { JSON: 'unknown' } },
    },
  },
};

export default config;
