/** Where each item of a plan sits, recorded on it as the graph's own properties. */
import { planItemLabels } from '../../../schema/graph-model.ts';

/**
 * Records on every priority, objective and action where it sits: the plan at the top of its
 * hierarchy (`planId`) and the top-level priority of that plan it falls under (`topPriorityId`;
 * a top-level priority's own id), so questions about one plan and coverage by priority are
 * answered from indexed properties rather than traversals. An item placed under a node already
 * in the graph (`outside`) sits where that node does. Sets the properties on `nodes` in place.
 *
 * @example
 * // One new action under a priority already in the graph:
 * recordPlacement([action], () => priority.id, () => ({ label: 'Priority', props: priority.props }));
 */
export function recordPlacement(
  nodes: readonly { id: string; label: string; props: Record<string, unknown> }[],
  parentOf: (id: string) => string | undefined,
  outside: (id: string) => { label: string; props?: Record<string, unknown> } | undefined = () => undefined,
): void {
  const labels = new Map(nodes.map((node) => [node.id, node.label]));
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  for (const node of nodes) {
    if (!(planItemLabels as readonly string[]).includes(node.label)) continue;
    const chain = [node.id];
    for (let parent = parentOf(node.id); parent && chain.length <= 20; parent = parentOf(parent)) chain.push(parent);
    const root = chain.at(-1)!;
    const rootInGraph = labels.has(root) ? undefined : outside(root);
    const rootLabel = labels.get(root) ?? rootInGraph?.label;
    const underPlan = chain.at(-2);
    const placement =
      rootLabel === 'Plan'
        ? { planId: root, topPriorityId: underPlan && labels.get(underPlan) === 'Priority' ? underPlan : undefined }
        : { planId: text(rootInGraph?.props?.planId), topPriorityId: text(rootInGraph?.props?.topPriorityId) };
    if (placement.planId) node.props.planId = placement.planId;
    if (placement.topPriorityId) node.props.topPriorityId = placement.topPriorityId;
  }
}
