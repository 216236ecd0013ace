import { describe, expect, it } from 'vitest';
import { makeFragmentData, readFragment } from '../../generated/fragment-masking.ts';
import type { Basis, GraphElement_EdgeFragment, GraphElement_NodeFragment } from '../../generated/graphql.ts';
import { GraphEdgeFragment, GraphNodeFragment, type GraphInput } from '../../graph/toElements.ts';
import { closeWith, groupedGraph, groupKeyOf, openWith, planGroupKey, type ImpactInput } from './grouping.ts';

const node = (id: string, label: GraphElement_NodeFragment['label'], title: string) =>
  makeFragmentData({ id, label, title, code: null, term: null, kind: null, corporate: false }, GraphNodeFragment);
const edge = (from: string, type: GraphElement_EdgeFragment['type'], to: string, basis: Basis | null = null) =>
  makeFragmentData({ id: `${from}|${type}|${to}`, type, from, to, basis, rationale: null }, GraphEdgeFragment);
/** What groupedGraph draws, read as the graph reads it. */
const read = (graph: GraphInput) => ({ nodes: readFragment(GraphNodeFragment, graph.nodes), edges: readFragment(GraphEdgeFragment, graph.edges) });

const root = node('act', 'Authority', 'An Act');
/** A plan with `actions` actions giving effect to the Act and one measure of the first; a provision in no plan. */
function impactOf(actions: number): ImpactInput {
  const ids = Array.from({ length: actions }, (_, i) => `p/a${i}`);
  return {
    root,
    subgraph: {
      nodes: [root, ...ids.map((id) => node(id, 'Action', id)), node('m', 'Measure', 'A measure'), node('s1', 'Provision', 'Section 1')],
      edges: [
        ...ids.map((id) => edge(id, 'GIVES_EFFECT_TO', 'act', id === 'p/a1' ? 'CURATED' : null)),
        edge('p/a0', 'MEASURED_BY', 'm'),
        edge('act', 'HAS_PROVISION', 's1'),
      ],
    },
    byPlan: [
      { plan: { id: 'p', title: 'The plan' }, count: actions + 1, nodeIds: [...ids, 'm'] },
      { plan: null, count: 1, nodeIds: ['s1'] },
    ],
  };
}

describe('groupedGraph', () => {
  it('draws a small answer as it is', () => {
    const impact = impactOf(5);
    expect(groupedGraph(impact, new Set())).toEqual({ nodes: impact.subgraph.nodes, edges: impact.subgraph.edges });
  });

  it('draws a large answer as one node per plan, with one link per type standing for many, as certain as the least', () => {
    const { nodes, edges } = read(groupedGraph(impactOf(40), new Set()));
    expect(nodes.map(({ id }) => id)).toEqual(['act', 'group:plan:p', 'group:plan:']);
    expect(nodes[1]).toMatchObject({ label: 'Plan', term: 'Group of 41', title: 'The plan' });
    expect(edges).toEqual([
      {
        id: 'group:group:plan:p|GIVES_EFFECT_TO|act',
        type: 'GIVES_EFFECT_TO',
        from: 'group:plan:p',
        to: 'act',
        basis: 'CURATED',
        rationale: 'Stands for 40 links of the items grouped.',
      },
      {
        id: 'group:act|HAS_PROVISION|group:plan:',
        type: 'HAS_PROVISION',
        from: 'act',
        to: 'group:plan:',
        basis: 'STATED',
        rationale: 'Stands for 1 link of the items grouped.',
      },
    ]);
  });

  it('opens a plan into its levels, grouping a level of many, and a level group into its items', () => {
    const opened = read(groupedGraph(impactOf(40), new Set([planGroupKey({ id: 'p' })])));
    expect(opened.nodes.map(({ id }) => id)).toEqual(['act', 'group:plan:p|6', 'm', 'group:plan:']);
    expect(opened.nodes[1]).toMatchObject({ term: 'Group of 40', title: 'Actions of The plan' });
    expect(opened.edges.map(({ from, type, to }) => `${from} ${type} ${to}`)).toContain('group:plan:p|6 MEASURED_BY m');

    const key = groupKeyOf('group:plan:p|6')!;
    const all = read(groupedGraph(impactOf(40), openWith(new Set(), key)));
    expect(all.nodes).toHaveLength(1 + 40 + 1 + 1);
    expect(all.edges.find(({ id }) => id === 'p/a0|MEASURED_BY|m')).toBeDefined();
    expect(closeWith(openWith(new Set(), key), 'plan:p')).toEqual(new Set());
  });
});
