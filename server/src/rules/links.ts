/** The rules for one link: which labels its type joins, and never a node to itself. */
import { linkRuleOf, type LinkRule } from '../../../schema/graph-model.ts';
import type { Fault } from './faults.ts';
import { checkLabel, type LabelFault, type NodeRef } from './labels.ts';

/**
 * Checks a link of `type` from one node to another against the link rules (by default the links
 * a seed file states and a person draws, schema/graph-model.ts `linkRules`; a graph export is
 * checked against `allLinkRules`). A type with no rule is a fault at `type`; each end whose id
 * names nothing, or whose label the type does not join, is a fault at `from` or `to`.
 */
export function checkLink(type: string, from: NodeRef, to: NodeRef, ruleOf: (type: string) => LinkRule | undefined = linkRuleOf): (Fault | LabelFault)[] {
  const rule = ruleOf(type);
  if (!rule) return [{ at: ['type'], message: `${type} links are made by the loader (use parent, owner or themes)` }];
  return [...checkLabel(from, rule.from, `the start of a ${type} link`, ['from']), ...checkLabel(to, rule.to, `the end of a ${type} link`, ['to'])];
}

/** A link joins two different nodes: one from a node to itself is a fault at `to`. */
export function checkNoSelfLink(from: string, to: string): Fault[] {
  return from === to ? [{ at: ['to'], message: 'a link cannot join a node to itself' }] : [];
}
