/**
 * The import graph's rules, checked by `npm run lint`: imports flow one way, from the GraphQL
 * resolvers to the services (the rules) to the query modules (data access) to the gateway, with
 * the graph model and small shared types and helpers at the bottom; no circles, server or client.
 */

/** What a query module may import: the gateway, the model, its sibling query modules and the bottom helpers. */
const queryModuleMayImport = [
  '^server/src/db/',
  '^server/src/queries/',
  '^server/src/generated/',
  '^server/src/(errors|user|natural-order|text|graph-batch|gap-report)\\.ts$',
  '^schema/(graph-model|csv|csv-template)\\.ts$',
];

const test = '\\.test\\.tsx?$|/test/';

export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle of imports, type-only ones included: one module of it cannot be understood, tested or moved without the others.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'queries-import-only-below',
      severity: 'error',
      comment:
        'Query modules hold data access only: they import the gateway, the model and the bottom helpers, never the importer, the services or the GraphQL layer.',
      from: { path: '^server/src/queries/', pathNot: test },
      to: { path: '^(server|schema|client|scripts|bench)/', pathNot: queryModuleMayImport },
    },
    {
      name: 'services-not-to-graphql',
      severity: 'error',
      comment: 'Services hold the rules; the GraphQL resolvers call them, never the other way round.',
      from: { path: '^server/src/(services|import)/' },
      to: { path: '^server/src/graphql/' },
    },
    {
      name: 'bottom-imports-nothing-above',
      severity: 'error',
      comment:
        'The model, the gateway, the legislation catalogue and the shared helpers sit at the bottom: they import no query module, service, importer or resolver.',
      from: {
        path: '^(schema/|server/src/db/|server/src/legislation/catalogue\\.ts$|server/src/(errors|user|natural-order|text|graph-batch|gap-report)\\.ts$)',
      },
      to: { path: '^server/src/(queries|services|import|graphql)/' },
    },
    {
      name: 'client-not-to-server',
      severity: 'error',
      comment: 'The client speaks to the server over GraphQL only; the schema and the graph model are what they share.',
      from: { path: '^client/src/' },
      to: { path: '^server/' },
    },
    {
      name: 'production-not-to-scripts-or-bench',
      severity: 'error',
      comment: 'The app never depends on its command-line scripts or its benchmarks.',
      from: { path: '^(server/src|client/src|schema)/', pathNot: test },
      to: { path: '^(scripts|bench)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve: also what a misread file would give, so the rules above would check nothing.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Imports name their files with the .ts extension, resolved as written; tsconfig.json maps no
    // paths, so dependency-cruiser needs nothing from it.
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mjs', '.js'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'types', 'default'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    babelConfig: { fileName: '.dependency-cruiser.babel.mjs' },
  },
};
