/**
 * The rules every write runs, whichever route it takes (seed files, imports, graph exports,
 * editing): pure functions that return faults rather than throw, so each route reports them in
 * its own terms. The graph model they apply is schema/graph-model.ts; the property schemas are
 * the seed format's (import/seed-format.ts).
 */
export { findCycles, type CycleFault } from './cycles.ts';
export { excerptFinder } from './excerpts.ts';
export { pathText, within, type Fault, type FaultPath } from './faults.ts';
export { checkGraphManaged, type GraphManagedFault } from './graph-managed.ts';
export { checkParent } from './hierarchy.ts';
export { checkLabel, type LabelFault, type NodeRef } from './labels.ts';
export { checkLink, checkNoSelfLink } from './links.ts';
export { recordPlacement } from './placement.ts';
export { checkNodeEntry, checkNodeProperties, propertySchema } from './properties.ts';
