import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Node loads graphql's CommonJS build for graphql-yoga; tests must use the same copy, or Yoga
// cannot recognise the coded errors our resolvers throw and masks them.
const resolve = { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] };

/**
 * Three tiers, visible in file names: unit (*.test.ts, pure code), integration (*.int.test.ts,
 * real Neo4j and real HTTP) and browser (*.browser.test.ts, real Chromium against the built app
 * served by the real server). Run them all with `npm test`, which provides the Neo4j.
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['{server,client,scripts}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', '**/*.browser.test.ts', '**/node_modules/**'],
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['{server,scripts}/**/*.int.test.ts'],
          // Files share one database; one at a time, no test sees another's data mid-way.
          fileParallelism: false,
          setupFiles: ['server/test/require-neo4j.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve,
        test: {
          name: 'browser',
          include: ['client/test/**/*.browser.test.ts'],
          setupFiles: ['server/test/require-neo4j.ts'],
          globalSetup: ['client/test/serve-app.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
