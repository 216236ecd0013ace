import { describe, expect, it } from 'vitest';
import type { SeedItemState } from '../queries/load.ts';
import { describePersonChange, planSeedLoad } from './seed.ts';
import type { GraphBatch } from './seed-files.ts';

const provenance = { documentId: 'document/a', by: 'Curators', at: '2026-11-22' };
const batch = (title = 'Be safe'): GraphBatch => ({
  nodes: [
    { label: 'Document', id: 'document/a', props: { id: 'document/a', title: 'Plan A', content: 'Plan A. Be safe.' } },
    { label: 'Plan', id: 'plan-a', props: { id: 'plan-a', title: 'Plan A', documentId: 'document/a' } },
    { label: 'Priority', id: 'plan-a/p1', props: { id: 'plan-a/p1', title, documentId: 'document/a' } },
    { label: 'Observation', id: 'plan-a/m1/2024', props: { id: 'plan-a/m1/2024', title: 'A figure', value: 3 } },
  ],
  links: [
    { type: 'HAS_PRIORITY', from: 'plan-a', to: 'plan-a/p1', props: { ...provenance, basis: 'STATED' } },
    { type: 'SOURCED_FROM', from: 'plan-a/m1/2024', to: 'document/a', props: { ...provenance, basis: 'STATED' } },
  ],
});
const none = { nodes: new Map<string, SeedItemState>(), links: new Map<string, SeedItemState>() };
const seeded = (seedHash: string | null, changes: Partial<SeedItemState> = {}): SeedItemState => ({
  present: true,
  version: 1,
  seededVersion: 1,
  seedHash,
  changedBy: 'Seed data',
  changedAt: '2026-12-01T10:00:00Z',
  lastChange: null,
  ...changes,
});

/** The state of a graph holding exactly what `plan` wrote. */
function stateAfter(first: ReturnType<typeof planSeedLoad>) {
  return {
    nodes: new Map(first.write.nodes.map(({ id }) => [id, seeded(first.hashes.get(id)!)])),
    links: new Map(
      first.write.links.map((link) => [`${link.from} ${link.type} ${link.to}`, seeded(first.hashes.get(`${link.from} ${link.type} ${link.to}`)!)]),
    ),
  };
}

describe('planning a seed load', () => {
  it('loads a new document whole, observations included', () => {
    const plan = planSeedLoad(batch(), new Map(), none);
    expect(plan.documents).toEqual([{ id: 'document/a', changed: true }]);
    expect(plan.write.nodes.map(({ id }) => id)).toEqual(['document/a', 'plan-a', 'plan-a/p1', 'plan-a/m1/2024']);
    expect(plan.write.links).toHaveLength(2);
    expect(plan.created).toBe(6);
    expect(plan.documentHashes.get('document/a')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('writes nothing for a document whose content hash is the one last loaded', () => {
    const first = planSeedLoad(batch(), new Map(), none);
    const again = planSeedLoad(batch(), first.documentHashes, stateAfter(first));
    expect(again.documents).toEqual([{ id: 'document/a', changed: false }]);
    expect(again.write).toEqual({ nodes: [], links: [] });
  });

  it('updates only what the seed changed, when nobody has touched it', () => {
    const first = planSeedLoad(batch(), new Map(), none);
    const next = planSeedLoad(batch('Be safe and well'), first.documentHashes, stateAfter(first));
    expect(next.write.nodes.map(({ id }) => id)).toEqual(['plan-a/p1']);
    expect(next.updated).toBe(1);
    expect(next.personChanges).toEqual([]);
  });

  it("keeps a person's edit where the seed changed the same node, and names it", () => {
    const first = planSeedLoad(batch(), new Map(), none);
    const state = stateAfter(first);
    state.nodes.set('plan-a/p1', seeded(first.hashes.get('plan-a/p1')!, { version: 2, changedBy: 'Jane Smith', changedAt: '2026-12-05T09:30:00Z' }));
    const next = planSeedLoad(batch('Be safe and well'), first.documentHashes, state);
    expect(next.write.nodes).toEqual([]);
    expect(next.personChanges).toEqual([{ item: 'plan-a/p1', kind: 'edited', by: 'Jane Smith', at: '2026-12-05T09:30:00Z' }]);
    expect(describePersonChange(next.personChanges[0]!, false)).toBe(
      "  kept as changed: plan-a/p1, changed by Jane Smith (2026-12-05T09:30:00Z); the seed data's newer version was not applied",
    );
  });

  it('leaves a node a person deleted deleted, with its links, and names it', () => {
    const first = planSeedLoad(batch(), new Map(), none);
    const state = stateAfter(first);
    state.nodes.set('plan-a/p1', {
      ...seeded(null),
      present: false,
      version: null,
      lastChange: { operation: 'DELETE_NODE', by: 'Jane Smith', at: '2026-12-05T09:30:00Z' },
    });
    state.links.delete('plan-a HAS_PRIORITY plan-a/p1');
    const next = planSeedLoad(batch('Be safe and well'), first.documentHashes, state);
    expect(next.write.nodes.map(({ id }) => id)).toEqual([]);
    expect(next.write.links).toEqual([]);
    expect(next.personChanges).toEqual([{ item: 'plan-a/p1', kind: 'deleted', by: 'Jane Smith', at: '2026-12-05T09:30:00Z' }]);
  });

  it('tells a graph loaded before versions were kept from one a person edited, by its history', () => {
    const legacy = (changes: Partial<SeedItemState> = {}) => seeded(null, { version: null, seededVersion: null, ...changes });
    const state = {
      nodes: new Map([
        ['plan-a', legacy()],
        ['plan-a/p1', legacy({ lastChange: { operation: 'UPDATE_NODE', by: 'Jane Smith', at: '2026-01-01' } })],
      ]),
      links: new Map(),
    };
    const next = planSeedLoad(batch(), new Map(), state);
    expect(next.write.nodes.map(({ id }) => id)).toContain('plan-a');
    expect(next.write.nodes.map(({ id }) => id)).not.toContain('plan-a/p1');
    expect(next.personChanges.map(({ item }) => item)).toEqual(['plan-a/p1']);
  });

  it('replaces edits and restores deletions in a reset, listing each', () => {
    const first = planSeedLoad(batch(), new Map(), none);
    const state = stateAfter(first);
    state.nodes.set('plan-a', seeded(first.hashes.get('plan-a')!, { version: 3, changedBy: 'Jane Smith' }));
    state.nodes.set('plan-a/p1', { ...seeded(null), present: false, lastChange: { operation: 'DELETE_NODE', by: 'Raj Patel', at: null } });
    const reset = planSeedLoad(batch(), first.documentHashes, state, true);
    expect(reset.write.nodes.map(({ id }) => id)).toEqual(expect.arrayContaining(['plan-a', 'plan-a/p1']));
    expect(reset.personChanges.map((change) => describePersonChange(change, true))).toEqual([
      '  replaces plan-a, changed by Jane Smith (2026-12-01T10:00:00Z)',
      '  restores plan-a/p1, deleted by Raj Patel',
    ]);
  });
});
