/** The rule that chains never loop back on themselves. */
import { acyclicChains } from '../../../schema/graph-model.ts';
import type { Fault } from './faults.ts';

/** A loop: the ids along it, the first repeated at the end. */
export interface CycleFault extends Fault {
  ids: string[];
}

/**
 * Finds every cycle in the hierarchy or in SUPERSEDES/PART_OF chains (schema/graph-model.ts
 * `acyclicChains`), which no plan or organisation can have, among `links`; other types are
 * ignored. Linear in the links, and safe on chains thousands deep.
 */
export function findCycles(links: readonly { type: string; from: string; to: string }[]): CycleFault[] {
  const faults: CycleFault[] = [];
  const acyclic = new Set<string>(Object.values(acyclicChains).flat());
  const next = new Map<string, string[]>();
  for (const link of links) {
    if (!acyclic.has(link.type)) continue;
    const targets = next.get(link.from);
    if (targets) targets.push(link.to);
    else next.set(link.from, [link.to]);
  }
  const done = new Set<string>();
  // Depth first with a stack of its own rather than recursion, so a chain thousands deep neither
  // overflows the call stack nor copies its trail at every step. `onTrail` maps each node of the
  // current path to its place on it.
  const trail: string[] = [];
  const nextChild: number[] = [];
  const onTrail = new Map<string, number>();
  const enter = (id: string) => {
    onTrail.set(id, trail.length);
    trail.push(id);
    nextChild.push(0);
  };
  for (const root of next.keys()) {
    if (done.has(root)) continue;
    enter(root);
    while (trail.length) {
      const id = trail[trail.length - 1]!;
      const children = next.get(id) ?? [];
      const index = nextChild[nextChild.length - 1]!;
      if (index === children.length) {
        done.add(id);
        onTrail.delete(id);
        trail.pop();
        nextChild.pop();
        continue;
      }
      nextChild[nextChild.length - 1] = index + 1;
      const to = children[index]!;
      const at = onTrail.get(to);
      if (at !== undefined) {
        const ids = [...trail.slice(at), to];
        faults.push({ at: [], ids, message: `cycle: ${ids.join(' → ')}` });
      } else if (!done.has(to)) enter(to);
    }
  }
  return faults;
}
