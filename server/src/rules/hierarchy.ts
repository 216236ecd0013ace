/** The hierarchy's rule for one placement: what a node of one label may sit under. */
import { hierarchyRuleOf, type HierarchyRule } from '../../../schema/graph-model.ts';
import type { Fault, FaultPath } from './faults.ts';
import { checkLabel, type LabelFault, type NodeRef } from './labels.ts';

/**
 * Checks that a node of `childLabel` may sit under `parent` (schema/graph-model.ts `hierarchy`):
 * a label that sits under nothing cannot have a parent, and the parent must exist with a label
 * the hierarchy allows. `rule` is the placing link's rule when the child may have a parent at all.
 */
export function checkParent(childLabel: string, parent: NodeRef, at: FaultPath = []): { rule?: HierarchyRule; faults: (Fault | LabelFault)[] } {
  const rule = hierarchyRuleOf(childLabel);
  if (!rule) return { faults: [{ at, message: `a ${childLabel} cannot have a parent` }] };
  return { rule, faults: checkLabel(parent, rule.parents, `the parent of a ${childLabel}`, at) };
}
