/**
 * The drawing of a large impact answer, grouped: one node per plan standing for its dependents,
 * and inside a plan opened, one node per level (its actions, its objectives) where a level has
 * many. Pure, so what is grouped is tested without a browser.
 */
import { makeFragmentData, readFragment } from '../../generated/fragment-masking.ts';
import type { Basis, GraphElement_EdgeFragment, GraphElement_NodeFragment } from '../../generated/graphql.ts';
import { kinds, layerNames, visualKind } from '../../graph/kinds.ts';
import { GraphEdgeFragment, GraphNodeFragment, type GraphInput, type GraphNodeRef } from '../../graph/toElements.ts';

/** Answers with more dependents than this are drawn grouped by plan. */
export const groupAbove = 30;
/** Inside an opened plan, a level with more items than this is a group of its own. */
export const levelGroupAbove = 12;

/** Ids of group nodes start with this, so the view can tell them from the graph's own. */
export const groupIdPrefix = 'group:';

export interface PlanGroupInput {
  plan: { id: string; title: string } | null;
  count: number;
  nodeIds: readonly string[];
}

export interface ImpactInput {
  root: GraphNodeRef;
  subgraph: GraphInput;
  byPlan: readonly PlanGroupInput[];
}

// The group of items in no plan has no label of the graph's own: it is drawn as the kind Other.
const noPlanLabel = 'Other' as GraphElement_NodeFragment['label'];

/** The key of a plan's group (what `open` holds); the group of no plan has one too. */
export const planGroupKey = (plan: { id: string } | null) => `plan:${plan?.id ?? ''}`;
const levelGroupKey = (planKey: string, layer: number) => `${planKey}|${layer}`;

/** Whether the answer is drawn grouped at all. */
export const isGrouped = (impact: ImpactInput) => impact.subgraph.nodes.length - 1 > groupAbove;

/**
 * What to draw for `impact` with the groups whose keys are in `open` opened: the answer itself
 * when it is small (isGrouped), otherwise the root, a node per closed group and the items of
 * open ones. Links between what a group holds and the rest become one link per type and end,
 * saying how many links it stands for.
 */
export function groupedGraph(impact: ImpactInput, open: ReadonlySet<string>): GraphInput {
  if (!isGrouped(impact)) return { nodes: [...impact.subgraph.nodes], edges: [...impact.subgraph.edges] };
  const root = readFragment(GraphNodeFragment, impact.root);
  const byId = new Map(readFragment(GraphNodeFragment, impact.subgraph.nodes).map((node) => [node.id, node]));
  const standsFor = new Map<string, string>([[root.id, root.id]]);
  const nodes: GraphElement_NodeFragment[] = [root];
  const groupNode = (id: string, fields: Pick<GraphElement_NodeFragment, 'label' | 'term' | 'title'> & { corporate?: boolean }) =>
    nodes.push({ id, code: null, kind: null, corporate: false, ...fields });
  for (const group of impact.byPlan) {
    const members = group.nodeIds.map((id) => byId.get(id)).filter((node) => node !== undefined);
    const planKey = planGroupKey(group.plan);
    const planName = group.plan?.title ?? 'no plan';
    if (!open.has(planKey)) {
      const id = `${groupIdPrefix}${planKey}`;
      groupNode(id, { label: group.plan ? 'Plan' : noPlanLabel, term: `Group of ${group.count}`, title: group.plan ? group.plan.title : 'Items in no plan' });
      for (const member of members) standsFor.set(member.id, id);
      continue;
    }
    const layers = new Map<number, GraphElement_NodeFragment[]>();
    for (const member of members) {
      const layer = kinds[visualKind(member)].layer;
      layers.set(layer, [...(layers.get(layer) ?? []), member]);
    }
    for (const [layer, level] of layers) {
      const levelKey = levelGroupKey(planKey, layer);
      if (level.length <= levelGroupAbove || open.has(levelKey)) {
        for (const member of level) {
          nodes.push(member);
          standsFor.set(member.id, member.id);
        }
        continue;
      }
      const id = `${groupIdPrefix}${levelKey}`;
      groupNode(id, { label: level[0]!.label, corporate: level[0]!.corporate, term: `Group of ${level.length}`, title: `${layerNames[layer]} of ${planName}` });
      for (const member of level) standsFor.set(member.id, id);
    }
  }
  const edges = new Map<string, GraphElement_EdgeFragment & { count: number }>();
  for (const edge of readFragment(GraphEdgeFragment, impact.subgraph.edges)) {
    const from = standsFor.get(edge.from);
    const to = standsFor.get(edge.to);
    if (!from || !to || from === to) continue;
    if (from === edge.from && to === edge.to) {
      edges.set(edge.id, { ...edge, count: 1 });
      continue;
    }
    const id = `${groupIdPrefix}${from}|${edge.type}|${to}`;
    const before = edges.get(id);
    edges.set(id, { id, type: edge.type, from, to, basis: weaker(before?.basis, edge.basis), rationale: null, count: (before?.count ?? 0) + 1 });
  }
  return {
    nodes: nodes.map((node) => makeFragmentData(node, GraphNodeFragment)),
    edges: [...edges.values()].map(({ count, ...edge }) =>
      makeFragmentData(
        edge.id.startsWith(groupIdPrefix) ? { ...edge, rationale: `Stands for ${count} ${count === 1 ? 'link' : 'links'} of the items grouped.` } : edge,
        GraphEdgeFragment,
      ),
    ),
  };
}

const certainty: Record<Basis, number> = { STATED: 2, CURATED: 1, SUGGESTED: 0 };

/** A link standing for several is as certain as the least certain of them. */
function weaker(a: Basis | null | undefined, b: Basis | null | undefined): Basis {
  const [x, y] = [a ?? 'STATED', b ?? 'STATED'];
  return certainty[x] <= certainty[y] ? x : y;
}

/** The key a group node's id stands for (see groupIdPrefix), or null for the graph's own nodes. */
export const groupKeyOf = (id: string) => (id.startsWith(groupIdPrefix) ? id.slice(groupIdPrefix.length) : null);

/** The keys to open with a group's key: a level group's plan stays open with it. */
export function openWith(open: ReadonlySet<string>, key: string): Set<string> {
  return new Set([...open, key, key.split('|')[0]!]);
}

/** The keys left when a plan's group is closed: its levels close with it. */
export function closeWith(open: ReadonlySet<string>, planKey: string): Set<string> {
  return new Set([...open].filter((key) => key !== planKey && !key.startsWith(`${planKey}|`)));
}
