/**
 * `npm run seed [-- --reset [--yes]]`: validates seed/ and loads into Neo4j (NEO4J_URI, or the
 * local server) the seed documents that are new or changed since they were last loaded, leaving
 * what people changed through the app in place. `--reset` loads every seed document again and
 * replaces people's changes to them: it lists them and asks first (`--yes` answers for you).
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { connectionSettings } from '../server/src/main.ts';
import { createGateway } from '../server/src/db/gateway.ts';
import { applyGraphSchema } from '../server/src/db/graph-schema.ts';
import { describePersonChange, planSeed, seedGraph } from '../server/src/import/seed.ts';
import { SeedValidationError } from '../server/src/import/seed-files.ts';
import { neo4jForScripts } from './environment.ts';
import { readSettings } from '../server/src/config.ts';

const { values } = parseArgs({ options: { reset: { type: 'boolean', default: false }, yes: { type: 'boolean', default: false } } });

/** Asks on the terminal; without one, only --yes can agree. */
async function confirm(question: string): Promise<boolean> {
  if (values.yes) return true;
  if (!process.stdin.isTTY) {
    console.error('Not replacing anything: run with --yes to confirm without a terminal.');
    return false;
  }
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await terminal.question(question)).trim());
  } finally {
    terminal.close();
  }
}

const { settings } = await neo4jForScripts({ name: 'dev', port: readSettings().NEO4J_BOLT_PORT });
const gateway = createGateway(connectionSettings(settings));
try {
  await applyGraphSchema(gateway);
  if (values.reset) {
    const plan = await planSeed(gateway, undefined, true);
    console.log(
      `A reset loads all ${plan.documents.length} seed documents again: ${plan.created} items created, ${plan.updated} replaced with the seed's version.`,
    );
    if (plan.personChanges.length) {
      console.log(`It replaces ${plan.personChanges.length} changes people made in the app:`);
      for (const change of plan.personChanges) console.log(describePersonChange(change, true));
    } else {
      console.log('No change made in the app is replaced.');
    }
    if (await confirm('Reset the seed documents now? [y/N] ')) await seedGraph(gateway, console.log, undefined, { reset: true, plan });
    else process.exitCode = 1;
  } else {
    await seedGraph(gateway);
  }
} catch (error) {
  console.error(error instanceof SeedValidationError ? error.message : error);
  process.exitCode = 1;
} finally {
  await gateway.close();
}
