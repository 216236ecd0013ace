/** The properties the graph sets itself, which no write sets directly. */
import { managedByGraph } from '../queries/shapes.ts';
import type { Fault } from './faults.ts';

const isGraphManaged = new Set<string>(managedByGraph);

/** A graph-managed property a write tried to set. */
export interface GraphManagedFault extends Fault {
  key: string;
}

/**
 * Checks that a write sets none of the graph's own properties (queries/shapes.ts
 * `managedByGraph`: id, label, placement, source document, versions): each one in `props` is a
 * fault at its key. With `current` (what the graph holds), a value equal to the current one
 * (absent counts as null) is no change, and no fault.
 */
export function checkGraphManaged(props: Record<string, unknown>, current?: Record<string, unknown>): GraphManagedFault[] {
  return Object.keys(props)
    .filter((key) => isGraphManaged.has(key) && !(current && JSON.stringify(props[key]) === JSON.stringify(current[key] ?? null)))
    .map((key) => ({ at: [key], key, message: 'is managed by the graph and cannot be changed' }));
}
