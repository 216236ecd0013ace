import { defineConfig } from 'vitest/config';

/**
 * Three tiers, visible in file names: unit (*.test.ts, pure code), integration (*.int.test.ts,
 * real Neo4j and real HTTP) and browser (*.browser.test.ts, real Chromium against the built app
 * served by the real server). Run them all with `npm test`, which provides the Neo4j.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{server,client,scripts}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', '**/*.browser.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{server,scripts}/**/*.int.test.ts'],
          setupFiles: ['server/test/require-neo4j.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
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
