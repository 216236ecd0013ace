import { describe, expect, it } from 'vitest';
import trace from './fixtures/trace-care-leavers-covenant.json';
import { kinds } from './kinds.ts';
import { makeFragmentData, readFragment } from '../generated/fragment-masking.ts';
import { GraphEdgeFragment, GraphNodeFragment, mergeGraphs, textWidth, toElements, wrapText, type GraphInput } from './toElements.ts';

const careLeavers = trace as GraphInput & { rootId: string };

describe('wrapText', () => {
  it('breaks at spaces within the line length', () => {
    expect(wrapText('Improve the outcomes for care leavers', 16)).toEqual(['Improve the', 'outcomes for', 'care leavers']);
  });

  it('cuts what does not fit in the lines allowed with an ellipsis', () => {
    expect(wrapText('Deliverable 13: Work to increase the number of homes built in the borough', 20, 2)).toEqual(['Deliverable 13: Work', 'to increase the…']);
  });

  it('splits a word longer than a line', () => {
    expect(wrapText('https://www.legislation.gov.uk/ukpga/2017/16', 20)).toEqual(['https://www.legislat', 'ion.gov.uk/ukpga/201', '7/16']);
  });
});

describe('toElements', () => {
  const elements = toElements(careLeavers, { rootId: careLeavers.rootId });
  const node = (id: string) => elements.nodes.find(({ data }) => data.id === id)!.data;

  it('turns every node and link of a trace into an element', () => {
    expect(elements.nodes).toHaveLength(careLeavers.nodes.length);
    expect(elements.edges).toHaveLength(careLeavers.edges.length);
  });

  it('gives each node its kind, title, a wrapped label with its code or term, and its layer', () => {
    expect(node('redbridge-people-strategy-2024/sp2')).toMatchObject({
      label: 'Priority',
      visual: 'Priority',
      title: 'Achieve Your Full Potential',
      description: 'Strategic Priority 2',
      display: 'Strategic Priority 2:\nAchieve Your Full Potential',
      layer: kinds.Priority.layer,
      root: false,
    });
    expect(node('redbridge-people-strategy-2024/sp2/w3')).toMatchObject({
      display: 'We will: Improve the\noutcomes for care leavers by\nimplementing the Care\nLeavers Covenant',
      root: true,
    });
  });

  it('draws council priorities apart from a plan’s own, and law at the top', () => {
    const councilPriority = node('redbridge-corporate-plan/fairness-and-aspiration');
    expect(councilPriority).toMatchObject({ visual: 'CouncilPriority', description: 'Council priority' });
    expect(node('authority/children-and-social-work-act-2017')).toMatchObject({
      visual: 'Authority',
      display: 'Act: Children and Social\nWork Act 2017',
      layer: 0,
    });
    expect(councilPriority.layer).toBeLessThan(node('redbridge-people-strategy-2024').layer);
  });

  it('sizes each box to hold its label', () => {
    for (const { data } of elements.nodes) {
      const lines = data.display.split('\n');
      const area = kinds[data.visual].textArea;
      expect(data.width * area.x).toBeGreaterThanOrEqual(Math.max(...lines.map((line) => textWidth(line, 13, data.root))));
      expect(data.height * area.y).toBeGreaterThanOrEqual(lines.length * 13 * 1.3);
    }
  });

  it('keeps each link’s type, basis and rationale, structural links counting as stated', () => {
    const curated = elements.edges.find(
      ({ data }) => data.id === 'redbridge-people-strategy-2024/sp2/w3|GIVES_EFFECT_TO|authority/children-and-social-work-act-2017',
    )!.data;
    expect(curated).toMatchObject({
      source: 'redbridge-people-strategy-2024/sp2/w3',
      target: 'authority/children-and-social-work-act-2017',
      type: 'GIVES_EFFECT_TO',
      basis: 'CURATED',
      phrase: 'gives effect to',
    });
    expect(curated.rationale).toMatch(/^Improving outcomes for care leavers/);
    const structural = toElements({
      nodes: careLeavers.nodes,
      edges: [
        makeFragmentData(
          {
            id: 'a',
            type: 'HAS_ACTION',
            from: 'redbridge-people-strategy-2024/sp2',
            to: 'redbridge-people-strategy-2024/sp2/w3',
            basis: null,
            rationale: null,
          },
          GraphEdgeFragment,
        ),
      ],
    });
    expect(structural.edges[0]!.data).toMatchObject({ basis: 'STATED', rationale: null });
  });

  it('leaves out links to nodes not in the graph and duplicates', () => {
    const graph: GraphInput = {
      nodes: [careLeavers.nodes[0]!, careLeavers.nodes[0]!],
      edges: [
        makeFragmentData(
          {
            id: 'dangling',
            type: 'CONCERNS',
            from: readFragment(GraphNodeFragment, careLeavers.nodes[0]!).id,
            to: 'theme/absent',
            basis: null,
            rationale: null,
          },
          GraphEdgeFragment,
        ),
      ],
    };
    const { nodes, edges } = toElements(graph);
    expect(nodes).toHaveLength(1);
    expect(edges).toEqual([]);
  });
});

describe('mergeGraphs', () => {
  it('adds what is new by id and keeps what was there first', () => {
    const first = { nodes: [{ id: 'a', title: 'A' }], edges: [{ id: 'a-b' }] };
    const second = {
      nodes: [
        { id: 'a', title: 'changed' },
        { id: 'b', title: 'B' },
      ],
      edges: [{ id: 'a-b' }, { id: 'b-c' }],
    };
    expect(mergeGraphs(first, second)).toEqual({
      nodes: [
        { id: 'a', title: 'A' },
        { id: 'b', title: 'B' },
      ],
      edges: [{ id: 'a-b' }, { id: 'b-c' }],
    });
  });
});
