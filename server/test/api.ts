/**
 * Helpers for integration tests: the real API server on a free port, spoken to over real HTTP,
 * and a gateway to the same Neo4j for arranging and checking data.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, beforeAll } from 'vitest';
import { readSettings } from '../src/config.ts';
import { createGateway, cypher, type Gateway } from '../src/db/gateway.ts';
import { connectionSettings, startServer, type RunningServer } from '../src/main.ts';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

export interface TestApi {
  url: string;
  /** Sends an operation over HTTP and returns the parsed response body. */
  execute<T = Record<string, unknown>, V = Record<string, unknown>>(
    document: TypedDocumentNode<T, V> | string,
    variables?: V,
    options?: { token?: string },
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** Tokens the test API accepts, one per role. */
export const testTokens = { editor: 'editor-token-for-tests-0001', admin: 'admin-token-for-tests-0001' };

/**
 * The real server on a free port, ready to answer: `settings` over the environment's, in
 * production mode (the built client at /) and taking the test editor's token unless they say
 * otherwise.
 */
export async function startTestServer(settings: Record<string, string> = {}, options?: Parameters<typeof startServer>[1]): Promise<RunningServer> {
  const server = await startServer(
    readSettings({ ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', AUTH_TOKENS: `Test Editor:editor:${testTokens.editor}`, ...settings }),
    options,
  );
  await waitForReady(server.url);
  return server;
}

export async function startTestApi(overrides: Record<string, string> = {}): Promise<TestApi & { server: RunningServer }> {
  const server = await startTestServer({
    NODE_ENV: 'test',
    AUTH_TOKENS: `Test Editor:editor:${testTokens.editor},Test Admin:admin:${testTokens.admin}`,
    ...overrides,
  });
  return {
    url: server.url,
    server,
    async execute(document, variables, options) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(options?.token ? { authorization: `Bearer ${options.token}` } : {}) },
        body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    close: () => server.close(),
  };
}

/** Polls /ready until the server says it is ready, or fails after `timeoutMs`. */
export async function waitForReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${url}/ready`).catch(() => undefined);
    if (response?.ok) return;
    if (Date.now() > deadline) throw new Error(`${url} was not ready within ${timeoutMs} ms: ${await response?.text()}`);
    await new Promise((wait) => setTimeout(wait, 250));
  }
}

/** A gateway to the test Neo4j, for arranging and checking data directly. */
export function testGateway(): Gateway {
  return createGateway(connectionSettings(readSettings()));
}

/** Removes the nodes a test made (ids starting with `prefix`) and the history recorded about them. */
export async function removeTestData(gateway: Gateway, prefix: string): Promise<void> {
  await gateway.write(cypher('test.removeNodes', 'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n'), { prefix });
  await gateway.write(cypher('test.removeChanges', 'MATCH (c:Change) WHERE c.subjectId STARTS WITH $prefix DELETE c'), { prefix });
}

/**
 * Removes the effects a test loaded onto the Act `actId` and their history (effect keys starting
 * `key-<prefix>`, as the tests' changes feeds name them).
 */
export async function removeTestEffects(gateway: Gateway, actId: string, prefix: string): Promise<void> {
  await gateway.write(cypher('test.removeEffects', 'MATCH (e:Effect) WHERE e.affectedLegislationId = $actId DETACH DELETE e'), { actId });
  await gateway.write(cypher('test.removeEffectChanges', 'MATCH (c:Change) WHERE c.subjectId STARTS WITH $effects DELETE c'), {
    effects: `effect/key-${prefix}`,
  });
}

/**
 * The API and a gateway for one test file: started before its tests, and afterwards the file's
 * data (ids starting with `prefix`) removed and both closed. Read `api` and `gateway` inside tests.
 */
export function apiForThisFile(prefix: string, overrides: Record<string, string> = {}): { readonly api: TestApi; readonly gateway: Gateway } {
  let api: TestApi | undefined;
  let gateway: Gateway | undefined;
  beforeAll(async () => {
    api = await startTestApi(overrides);
    gateway = testGateway();
  });
  afterAll(async () => {
    if (gateway) await removeTestData(gateway, prefix);
    await api?.close();
    await gateway?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('The test API starts in beforeAll: read it inside a test.');
    return value;
  };
  return {
    get api() {
      return started(api);
    },
    get gateway() {
      return started(gateway);
    },
  };
}
