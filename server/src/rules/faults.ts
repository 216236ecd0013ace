/**
 * What the write rules report: a fault at a path inside what was checked, with a message that
 * names the id or value at fault. The rules never throw; each route adds where the fault is in
 * its own terms (a seed file's name, path and line; an edit's field) and decides what to do.
 */

/** A path inside the object checked: `['parent']`, `['themes', 2]`, `['observations', 0]`. */
export type FaultPath = readonly (string | number)[];

/** One broken rule: where, and what is wrong. */
export interface Fault {
  at: FaultPath;
  message: string;
}

/** A path as it reads in a message: `nodes[12].source.excerpt`. */
export const pathText = (path: readonly PropertyKey[]): string =>
  path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`)).join('');

/** The same faults, found inside `prefix` of a larger object. */
export const within = <F extends Fault>(prefix: FaultPath, faults: readonly F[]): F[] => faults.map((fault) => ({ ...fault, at: [...prefix, ...fault.at] }));
