/**
 * A synthetic trace of realistic shape and any size, for the layout's scale tests and the
 * client benchmark (bench/client-graph.ts): a council's plans, priorities, objectives and
 * actions with measures, evidence, owners and themes, linked to law and council priorities.
 * Seeded, so every run sees the same graph.
 */
import { hierarchy, type NodeLabel, type RelationshipType } from '../../../schema/graph-model.ts';
import type { Basis } from '../generated/graphql.ts';

export interface SyntheticNode {
  __typename: 'GraphNode';
  id: string;
  label: NodeLabel;
  title: string;
  code: string | null;
  term: string | null;
  text: string | null;
  kind: string | null;
  status: string | null;
  corporate: boolean;
  discretionary: boolean;
  planId: string | null;
  properties: Record<string, unknown>;
}

export interface SyntheticEdge {
  __typename: 'GraphEdge';
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
  basis: Basis;
  rationale: string | null;
}

export interface SyntheticTrace {
  root: SyntheticNode;
  subgraph: { nodes: SyntheticNode[]; edges: SyntheticEdge[] };
  paths: { nodes: string[]; edges: string[]; reaches: 'AUTHORITY' | 'CORPORATE_PRIORITY'; basis: Basis; inherited: boolean; via: string | null }[];
  /** What the paths reach, each by a link of the root's own (so nothing is inherited). */
  ends: { __typename: 'TraceEnd'; node: SyntheticNode; reaches: 'AUTHORITY'; own: true; inheritedFrom: SyntheticNode[] }[];
  authorities: SyntheticNode[];
  corporatePriorities: SyntheticNode[];
}

const words = (
  'improve outcomes for care leavers children families residents young people adults carers ' +
  'support access housing health education training employment safety community services ' +
  'increase reduce deliver work with partners to ensure local early help quality practice ' +
  'independence wellbeing skills transport climate neighbourhoods digital inclusion the and of in'
).split(' ');

/** A small, fast, seeded generator (mulberry32): the same seed always gives the same numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A trace of about `nodeCount` nodes and `edgeCount` links (800 and 1,200 make the 2,000-element
 * benchmark graph). The root is the first action.
 */
export function syntheticTrace(nodeCount = 800, edgeCount = 1_200, seed = 7): SyntheticTrace {
  const next = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const title = (min: number, max: number) => {
    const length = min + Math.floor(next() * (max - min + 1));
    const text = Array.from({ length }, () => pick(words)).join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  };

  const share = {
    Authority: 0.04,
    CouncilPriority: 0.015,
    Plan: 0.01,
    Priority: 0.075,
    Objective: 0.15,
    Measure: 0.125,
    Evidence: 0.05,
    Role: 0.025,
    Theme: 0.0125,
  };
  const count = (kind: keyof typeof share) => Math.max(1, Math.round(nodeCount * share[kind]));
  const nodes: SyntheticNode[] = [];
  const make = (id: string, label: NodeLabel, fields: Partial<SyntheticNode>): SyntheticNode => {
    const node: SyntheticNode = {
      __typename: 'GraphNode',
      id,
      label,
      title: title(3, 14),
      code: null,
      term: null,
      text: null,
      kind: null,
      status: null,
      corporate: false,
      discretionary: false,
      planId: null,
      properties: { id },
      ...fields,
    };
    nodes.push(node);
    return node;
  };
  const series = (amount: number, build: (i: number) => SyntheticNode) => Array.from({ length: amount }, (_, i) => build(i));

  const authorities = series(count('Authority'), (i) =>
    make(`authority/${i}`, 'Authority', { title: `${title(2, 5)} Act ${1990 + (i % 35)}`, kind: i % 3 ? 'ACT' : 'STATUTORY_GUIDANCE' }),
  );
  const councilPriorities = series(count('CouncilPriority'), (i) =>
    make(`council/${i}`, 'Priority', { corporate: true, term: 'Council priority', planId: 'council' }),
  );
  const plans = series(count('Plan'), (i) => make(`plan/${i}`, 'Plan', { title: `${title(1, 3)} Strategy`, kind: 'STRATEGY', status: 'ADOPTED' }));
  const priorities = series(count('Priority'), (i) =>
    make(`priority/${i}`, 'Priority', { code: `Priority ${i + 1}`, term: 'Priority', planId: plans[i % plans.length]!.id }),
  );
  const objectives = series(count('Objective'), (i) => make(`objective/${i}`, 'Objective', { code: String(i + 1), term: 'Objective' }));
  const actionCount = Math.max(1, nodeCount - nodes.length - count('Measure') - count('Evidence') - count('Role') - count('Theme'));
  const actions = series(actionCount, (i) => make(`action/${i}`, 'Action', { code: String(i + 1), term: 'Deliverable', title: title(6, 24) }));
  const measures = series(count('Measure'), (i) => make(`measure/${i}`, 'Measure', { title: `Percentage of ${title(3, 9).toLowerCase()}` }));
  const evidence = series(count('Evidence'), (i) => make(`evidence/${i}`, 'Evidence', { kind: i % 2 ? 'FINDING' : 'RECOMMENDATION' }));
  const roles = series(count('Role'), (i) => make(`role/${i}`, 'Role', { title: `Director of ${title(1, 3)}` }));
  const themes = series(count('Theme'), (i) => make(`theme/${i}`, 'Theme', { title: title(1, 2) }));

  const edges = new Map<string, SyntheticEdge>();
  const link = (from: SyntheticNode, type: RelationshipType, to: SyntheticNode, basis: Basis = 'STATED') => {
    const id = `${from.id}|${type}|${to.id}`;
    if (!edges.has(id))
      edges.set(id, { __typename: 'GraphEdge', id, type, from: from.id, to: to.id, basis, rationale: basis === 'STATED' ? null : title(8, 20) });
  };
  priorities.forEach((priority, i) => link(plans[i % plans.length]!, hierarchy.Priority.type, priority));
  objectives.forEach((objective) => link(pick(priorities), hierarchy.Objective.type, objective));
  actions.forEach((action) => link(pick(objectives), hierarchy.Action.type, action));
  measures.forEach((measure) => link(pick(actions), 'MEASURED_BY', measure));
  evidence.forEach((finding) => link(pick(actions), 'RESPONDS_TO', finding, 'CURATED'));
  priorities.forEach((priority) => link(priority, 'CONTRIBUTES_TO', pick(councilPriorities), 'CURATED'));
  themes.forEach((theme) => link(pick(actions), 'CONCERNS', theme));
  const bases: Basis[] = ['STATED', 'CURATED', 'CURATED', 'SUGGESTED'];
  while (edges.size < edgeCount) {
    const roll = next();
    if (roll < 0.6) link(pick(actions), 'GIVES_EFFECT_TO', pick(authorities), pick(bases));
    else if (roll < 0.8) link(pick(actions), 'OWNED_BY', pick(roles));
    else link(pick(objectives), 'GIVES_EFFECT_TO', pick(authorities), pick(bases));
  }

  const root = actions[0]!;
  const paths = [...edges.values()]
    .filter(({ type }) => type === 'GIVES_EFFECT_TO')
    .slice(0, 40)
    .map((edge) => ({ nodes: [edge.from, edge.to], edges: [edge.id], reaches: 'AUTHORITY' as const, basis: edge.basis, inherited: false, via: null }));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const ends = [...new Set(paths.map((path) => path.nodes.at(-1)!))].map((id) => ({
    __typename: 'TraceEnd' as const,
    node: byId.get(id)!,
    reaches: 'AUTHORITY' as const,
    own: true as const,
    inheritedFrom: [],
  }));
  return { root, subgraph: { nodes, edges: [...edges.values()] }, paths, ends, authorities, corporatePriorities: councilPriorities };
}
