/**
 * The label check every reference to another node passes: the id names a node (in the batch or
 * in the graph) and its label is one the rule allows.
 */
import type { NodeLabel } from '../../../schema/graph-model.ts';
import type { Fault, FaultPath } from './faults.ts';

/** A node referred to by id, with its label, or `undefined` when nothing has that id. */
export interface NodeRef {
  id: string;
  label: string | undefined;
}

/**
 * A fault of a reference: `label` undefined when the id names nothing; otherwise the label found
 * and those `allowed`, so a route can word the fault its own way.
 */
export interface LabelFault extends Fault {
  id: string;
  label?: string;
  allowed?: readonly NodeLabel[];
}

/**
 * Checks that `node` exists and carries one of the `allowed` labels. `role` names what the node
 * is for in the message: "owner", "the parent of a Priority", "the start of a CITES link".
 *
 * @example
 * checkLabel({ id: 'theme/x', label: 'Plan' }, ['Theme'], 'a theme', ['themes', 0])
 * // [{ at: ['themes', 0], id: 'theme/x', …, message: 'a theme must be Theme, but theme/x is Plan' }]
 */
export function checkLabel(node: NodeRef, allowed: readonly NodeLabel[], role: string, at: FaultPath = []): LabelFault[] {
  if (node.label === undefined) return [{ at, id: node.id, message: `unknown id ${node.id}` }];
  if ((allowed as readonly string[]).includes(node.label)) return [];
  return [{ at, id: node.id, label: node.label, allowed, message: `${role} must be ${allowed.join(' or ')}, but ${node.id} is ${node.label}` }];
}
