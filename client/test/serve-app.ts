/**
 * Browser-test global setup: the real server, in production mode, serving the built client and
 * the API over the real Neo4j that `npm test` provides, on a free port. It accepts the test
 * tokens of server/test/api.ts, so browser tests can sign in as an editor or an admin.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startTestServer, testTokens } from '../../server/test/api.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

export default async function serveApp(project: TestProject) {
  if (!existsSync(new URL('../dist/index.html', import.meta.url))) {
    throw new Error('client/dist is missing: run `npm run build` first (npm test does).');
  }
  const server = await startTestServer({
    AUTH_TOKENS: `Test Editor:editor:${testTokens.editor},Test Admin:admin:${testTokens.admin}`,
    // A log line a request would bury the test output; LOG_LEVEL=info shows them.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  project.provide('appUrl', server.url);
  return () => server.close();
}
