import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * One codegen for both sides, from schema/*.graphql: typed resolvers for the server and typed
 * documents for the client. Runs before every build and test run, so generated code cannot drift.
 */
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  documents: ['client/src/**/*.{ts,tsx}', '!client/src/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'server/src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context.ts#Context',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { JSON: 'unknown' },
      },
    },
    'client/src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { JSON: 'unknown' } },
    },
  },
};

export default config;
