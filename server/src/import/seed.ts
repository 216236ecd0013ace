import { fileURLToPath } from 'node:url';
import type { Gateway } from '../db/gateway.ts';
import { loadBatch } from '../queries/load.ts';
import { readSeedDirectory } from './seed-files.ts';

/** The project's seed data folder. */
export const seedDir = fileURLToPath(new URL('../../../seed/', import.meta.url));

/**
 * Validates every seed file, then loads them all in one transaction. Throws SeedValidationError,
 * having written nothing, if any file is unsound. Safe to run again: a second load changes nothing.
 */
export async function seedGraph(gateway: Gateway, log: (line: string) => void = console.log, dir = seedDir) {
  const started = Date.now();
  const batch = readSeedDirectory(dir);
  log(`Seed data valid: ${batch.nodes.length} nodes and ${batch.links.length} links.`);
  let lastShown = 0;
  const result = await loadBatch(gateway, batch, (done, total, what) => {
    const percent = Math.floor((done / total) * 100);
    if (percent - lastShown >= 20 || done === total) {
      lastShown = percent;
      log(`  loading… ${percent}% (${what})`);
    }
  });
  log(`Seed data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return result;
}
