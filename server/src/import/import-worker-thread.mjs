// The entry of an import worker (import-worker.ts). Node 20 does not apply the parent's module
// loaders (tsx, given with --import) to worker threads, so the worker registers tsx itself before
// it loads the TypeScript that does the work.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { prepareImport } = await import('./import-document.ts');
const { serveImports } = await import('./import-worker.ts');
serveImports(parentPort, prepareImport);
