// A link retired after a change in the law is history: it leaves a node's neighbours and its
// stored suggestions, and an export keeps it flagged with when, by whom and why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testGateway } from '../../test/api.ts';
import { applyGraphSchema } from '../db/graph-schema.ts';
import type { GraphBatch } from '../graph-batch.ts';
import { retireLink } from '../services/law-review.ts';
import type { User } from '../user.ts';
import { exportBatch, exportGraph } from './export.ts';
import { loadBatch } from './load.ts';
import { nodeDetail } from './nodes.ts';
import { storedSuggestions } from './suggestions.ts';

const gateway = testGateway();
const prefix = `test-retired-${Math.random().toString(36).slice(2, 8)}`;
const plan = `${prefix}/plan`;
const action = `${prefix}/plan/a1`;
const kept = `${prefix}/care-act`;
const repealed = `${prefix}/old-act`;
const suggested = `${prefix}/other-act`;
const stillSuggested = `${prefix}/new-act`;
const editor: User = { name: 'Test Editor', role: 'editor' };

beforeAll(async () => {
  await applyGraphSchema(gateway);
  const at = { by: 'test', at: '2026-12-07' };
  const act = (id: string, title: string) => ({ label: 'Authority' as const, id, props: { title, kind: 'ACT' } });
  const batch: GraphBatch = {
    nodes: [
      { label: 'Plan', id: plan, props: { title: 'Retired links plan', kind: 'STRATEGY', status: 'ADOPTED' } },
      { label: 'Action', id: action, props: { title: 'Assess every carer', planId: plan } },
      act(kept, 'Care Act 2014'),
      act(repealed, 'Old Carers Act 1995'),
      act(suggested, 'Other Act 2000'),
      act(stillSuggested, 'New Act 2020'),
    ],
    links: [
      { type: 'HAS_ACTION', from: plan, to: action, props: { ...at, basis: 'STATED' } },
      { type: 'GIVES_EFFECT_TO', from: action, to: kept, props: { ...at, basis: 'STATED' } },
      { type: 'GIVES_EFFECT_TO', from: action, to: repealed, props: { ...at, basis: 'CURATED', rationale: 'The 1995 Act gave carers assessments.' } },
      { type: 'GIVES_EFFECT_TO', from: action, to: suggested, props: { ...at, basis: 'SUGGESTED', rationale: 'Cites "Other Act 2000".' } },
      { type: 'GIVES_EFFECT_TO', from: action, to: stillSuggested, props: { ...at, basis: 'SUGGESTED', rationale: 'Cites "New Act 2020".' } },
    ],
  };
  await loadBatch(gateway, batch);
  const detail = await nodeDetail(gateway, action, 50);
  const version = (to: string) => detail!.neighbours.find(({ edge }) => edge.to === to)!.edge.version;
  await retireLink(gateway, editor, { from: action, to: repealed, version: version(repealed), reason: 'Repealed by the Care Act 2014.' });
  await retireLink(gateway, editor, { from: action, to: suggested, version: version(suggested), reason: 'Not what the action does.' });
});

afterAll(async () => {
  await removeTestData(gateway, prefix);
  await gateway.close();
});

describe('retired links', () => {
  it('are not among a node’s neighbours, nor counted', async () => {
    const detail = (await nodeDetail(gateway, action, 50))!;
    expect(detail.neighbours.map(({ node }) => node.id).sort()).toEqual([plan, kept, stillSuggested].sort());
    expect(detail.neighbourCount).toBe(3);
    const authority = (await nodeDetail(gateway, repealed, 50))!;
    expect(authority.neighbours).toEqual([]);
    expect(authority.neighbourCount).toBe(0);
  });

  it('are not offered as stored suggestions', async () => {
    expect((await storedSuggestions(gateway, action)).map(({ target }) => target.id)).toEqual([stillSuggested]);
  });

  it('are kept in exports, flagged with when, by whom and why they were retired', async () => {
    const batch = await exportBatch(gateway, plan);
    const link = batch.links.find(({ type, to }) => type === 'GIVES_EFFECT_TO' && to === repealed);
    expect(link?.props).toMatchObject({ retiredAt: expect.any(String), retiredBy: 'Test Editor', retiredReason: 'Repealed by the Care Act 2014.' });
    expect(batch.links.find(({ to }) => to === kept)?.props.retiredAt).toBeUndefined();
    const graphMl = (await exportGraph(gateway, plan, 'GRAPHML')).content;
    const edge = graphMl.split('\n').find((line) => line.includes(`target="${repealed}"`))!;
    expect(edge).toContain('<data key="e_retiredReason">Repealed by the Care Act 2014.</data>');
    expect(edge).toContain('<data key="e_retiredBy">Test Editor</data>');
    expect(graphMl).toContain('<key id="e_retiredAt" for="edge" attr.name="retiredAt" attr.type="string"/>');
    expect(graphMl.split('\n').find((line) => line.includes(`target="${kept}"`))).not.toContain('e_retiredAt');
  });
});
