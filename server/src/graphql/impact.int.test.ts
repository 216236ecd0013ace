import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { startTestApi, type TestApi } from '../../test/api.ts';

const ImpactByPlan = graphql(`
  query ImpactTest_ByPlan($id: ID!) {
    impact(id: $id, maxDepth: 4) {
      subgraph { nodes { id label planId } edges { from to } }
      byPlan { plan { id label } count countsByLabel { label count } nodeIds }
    }
  }
`);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('impact by plan', () => {
  it('puts every dependent of the Care Act 2014 in exactly one plan group, measures with the plan of their action', async () => {
    const { data, errors } = await api.execute(ImpactByPlan, { id: 'authority/care-act-2014' });
    expect(errors).toBeUndefined();
    const { subgraph, byPlan } = data!.impact;
    const dependents = subgraph.nodes.slice(1);
    expect(byPlan.length).toBeGreaterThanOrEqual(3);
    expect(byPlan.every(({ plan }) => plan === null || plan.label === 'Plan')).toBe(true);
    expect(byPlan.reduce((sum, { count }) => sum + count, 0)).toBe(dependents.length);
    expect(byPlan.flatMap(({ nodeIds }) => nodeIds).sort()).toEqual(dependents.map(({ id }) => id).sort());
    for (const group of byPlan) {
      expect(group.nodeIds).toHaveLength(group.count);
      expect(group.countsByLabel.reduce((sum, { count }) => sum + count, 0)).toBe(group.count);
    }
    const groupOf = new Map(byPlan.flatMap(({ plan, nodeIds }) => nodeIds.map((id) => [id, plan?.id ?? null])));
    for (const node of dependents) {
      if (node.planId) expect(groupOf.get(node.id), node.id).toBe(node.planId);
    }
    // A measure has no planId of its own: it goes with the action it measures.
    const measure = dependents.find(({ label }) => label === 'Measure');
    expect(measure).toBeDefined();
    const measuredAction = subgraph.edges.find(({ to }) => to === measure!.id)!.from;
    expect(groupOf.get(measure!.id)).toBe(groupOf.get(measuredAction));
    expect(groupOf.get(measure!.id)).not.toBeNull();
  });
});
