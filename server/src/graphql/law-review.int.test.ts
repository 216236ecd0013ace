import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../test/generated/gql.ts';
import { removeTestData, startTestApi, testGateway, testTokens, type TestApi, removeTestEffects } from '../../test/api.ts';
import { cypher, type Gateway } from '../db/gateway.ts';
import { applyGraphSchema } from '../db/graph-schema.ts';
import { folderSource } from '../legislation/source.ts';
import { changesFeed, type FixtureEffect } from '../legislation/test-fixtures.ts';
import { updateEffects } from '../legislation/update.ts';
import { loadBatch } from '../queries/load.ts';

const SuspectLinks = graphql(`
  query LawReviewTest_Suspect($planId: ID) {
    suspectLinks(planId: $planId) {
      link { id version }
      from { id }
      to { id }
      act { id }
      effects { id type date affectingTitle affectingProvisions affectedProvisions }
    }
  }
`);
const Gaps = graphql(`
  query LawReviewTest_Gaps($scope: ScopeInput, $codes: [String!]) {
    gaps(scope: $scope, codes: $codes) {
      rules { code severity checked passing findings { node { id } detail subjects } }
    }
  }
`);
const Confirm = graphql(`
  mutation LawReviewTest_Confirm($from: ID!, $to: ID!, $version: Int!, $effectIds: [ID!]!) {
    confirmLink(from: $from, to: $to, version: $version, effectIds: $effectIds) { id version by }
  }
`);
const Move = graphql(`
  mutation LawReviewTest_Move($from: ID!, $to: ID!, $version: Int!, $newTo: ID!, $rationale: String!) {
    moveLink(from: $from, to: $to, version: $version, newTo: $newTo, rationale: $rationale) { id basis rationale version }
  }
`);
const Retire = graphql(`
  mutation LawReviewTest_Retire($from: ID!, $to: ID!, $version: Int!, $reason: String!) {
    retireLink(from: $from, to: $to, version: $version, reason: $reason) { id version }
  }
`);
const History = graphql(`
  query LawReviewTest_History($id: ID!) {
    history(id: $id) { operation by why summary }
  }
`);
const Impact = graphql(`
  query LawReviewTest_Impact($id: ID!) {
    impact(id: $id, maxDepth: 2) { subgraph { nodes { id } } suspectLinkIds }
  }
`);
const Trace = graphql(`
  query LawReviewTest_Trace($id: ID!) {
    trace(id: $id) { paths { nodes } }
  }
`);

const RULE = 'LINK_SUSPECT_AFTER_LAW_CHANGE';
const run = Math.random().toString(36).slice(2, 8);
const prefix = `test-law-review-${run}`;
// An Act number no real Act has, so the seed's Authorities never answer for it.
const actId = `ukpga/2099/${7000 + Math.floor(Math.random() * 999)}`;
const authority = `${prefix}/act`;
const s17 = `${authority}/s17`;
const s18 = `${authority}/s18`;
const plan = `${prefix}/plan`;
const [kept, ended] = [`${prefix}/plan/a1`, `${prefix}/plan/a2`];
const editor = { token: testTokens.editor };
const feedPath = `changes/affected/${actId}/data.feed`;
const effectId = (n: number) => `effect/key-${prefix}-${n}`;
// Later than any review this test makes, however long it runs.
const nextYear = `${new Date().getUTCFullYear() + 1}-04-01`;

let api: TestApi;
let gateway: Gateway;
let folder: string;

const effect = (n: number, overrides: Partial<FixtureEffect>): FixtureEffect => ({
  effectId: `key-${prefix}-${n}`,
  type: 'repealed',
  affected: actId,
  affectedTitle: 'Test Care Act 2099',
  affectedProvisions: [{ path: 'section/17', text: 's. 17' }],
  affecting: 'ukpga/2021/99',
  affectingTitle: 'Test Reform Act 2021',
  affectingProvisions: [{ path: 'section/5/2', text: 's. 5(2)' }],
  applied: true,
  inForce: [{ date: '2021-06-01', qualification: 'wholly in force' }],
  ...overrides,
});

/** Writes the changes feed in legislation.gov.uk's format and loads it, as `npm run legislation -- effects --from` does. */
async function loadEffects(effects: FixtureEffect[]) {
  await mkdir(dirname(join(folder, feedPath)), { recursive: true });
  await writeFile(join(folder, feedPath), changesFeed({ path: feedPath, effects }));
  return updateEffects({ gateway, source: folderSource(folder), acts: [actId] });
}

const suspect = async () => {
  const { data, errors } = await api.execute(SuspectLinks, { planId: plan });
  expect(errors).toBeUndefined();
  return data!.suspectLinks;
};
const rule = async () => {
  const { data, errors } = await api.execute(Gaps, { scope: { planId: plan }, codes: [RULE] });
  expect(errors).toBeUndefined();
  return data!.gaps.rules[0]!;
};
const linkVersion = async (from: string, to: string) => (await suspect()).find((row) => row.from.id === from && row.to.id === to)?.link.version;

beforeAll(async () => {
  api = await startTestApi();
  gateway = testGateway();
  await applyGraphSchema(gateway);
  folder = await mkdtemp(join(tmpdir(), 'law-review-'));
  const at = '2020-01-01T00:00:00.000Z';
  const item = { planId: plan, topPriorityId: `${plan}/p1` };
  await loadBatch(gateway, {
    nodes: [
      { label: 'Plan', id: plan, props: { title: 'Test care plan', kind: 'STRATEGY' } },
      { label: 'Priority', id: `${plan}/p1`, props: { title: 'Support carers', ...item } },
      { label: 'Action', id: kept, props: { title: 'Assess carers’ needs', ...item } },
      { label: 'Action', id: ended, props: { title: 'Fund respite breaks', ...item } },
      { label: 'Authority', id: authority, props: { title: 'Test Care Act 2099', kind: 'ACT', legislationId: actId } },
      { label: 'Provision', id: s17, props: { title: 'Assessment of carers', code: 's.17', legislationId: `${actId}/section/17` } },
      { label: 'Provision', id: s18, props: { title: 'Assessment of carers (new)', code: 's.18', legislationId: `${actId}/section/18` } },
    ],
    links: [
      { type: 'HAS_PRIORITY', from: plan, to: `${plan}/p1`, props: { basis: 'STATED', by: 'test', at } },
      { type: 'HAS_ACTION', from: `${plan}/p1`, to: kept, props: { basis: 'STATED', by: 'test', at } },
      { type: 'HAS_ACTION', from: `${plan}/p1`, to: ended, props: { basis: 'STATED', by: 'test', at } },
      { type: 'HAS_PROVISION', from: authority, to: s17, props: { basis: 'STATED', by: 'test', at } },
      { type: 'HAS_PROVISION', from: authority, to: s18, props: { basis: 'STATED', by: 'test', at } },
      { type: 'GIVES_EFFECT_TO', from: kept, to: s17, props: { basis: 'CURATED', rationale: 'The s.17 assessment.', by: 'test', at } },
      { type: 'GIVES_EFFECT_TO', from: ended, to: s17, props: { basis: 'CURATED', rationale: 'Respite after assessment.', by: 'test', at } },
    ],
  });
  expect(await loadEffects([effect(1, {})])).toMatchObject({ acts: 1, read: 1, written: 1 });
});

afterAll(async () => {
  if (gateway) await removeTestEffects(gateway, actId, prefix);
  if (gateway) await removeTestData(gateway, prefix);
  await api?.close();
  await gateway?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('links to the law after the law changes', () => {
  it('makes every link to a repealed section suspect, with the effect and its date, and the gap rule lists them', async () => {
    const rows = await suspect();
    expect(rows.map((row) => [row.from.id, row.to.id, row.act?.id]).sort()).toEqual([
      [kept, s17, authority],
      [ended, s17, authority],
    ]);
    expect(rows[0]!.effects).toEqual([
      {
        id: effectId(1),
        type: 'repealed',
        date: '2021-06-01',
        affectingTitle: 'Test Reform Act 2021',
        affectingProvisions: 's. 5(2)',
        affectedProvisions: 's. 17',
      },
    ]);
    const found = await rule();
    expect(found).toMatchObject({ code: RULE, severity: 'HIGH', checked: 2, passing: 0 });
    expect(found.findings.map(({ node }) => node.id).sort()).toEqual([kept, ended]);
    expect(found.findings[0]!.detail).toBe('Gives effect to s.17 of the Test Care Act 2099, since repealed by Test Reform Act 2021 s. 5(2), 2021-06-01.');
    expect(found.findings[0]!.subjects).toEqual([plan, `${plan}/p1`, authority]);

    const { data } = await api.execute(Impact, { id: s17 });
    expect(data?.impact.suspectLinkIds.sort()).toEqual([`${kept}|GIVES_EFFECT_TO|${s17}`, `${ended}|GIVES_EFFECT_TO|${s17}`]);
  });

  it('confirming a link clears it and records the review; a stale version is refused with CONFLICT', async () => {
    const version = (await linkVersion(kept, s17))!;
    const stale = await api.execute(Confirm, { from: kept, to: s17, version: version - 1, effectIds: [effectId(1)] }, editor);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const anonymous = await api.execute(Confirm, { from: kept, to: s17, version, effectIds: [effectId(1)] });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const confirmed = await api.execute(Confirm, { from: kept, to: s17, version, effectIds: [effectId(1)] }, editor);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmLink).toMatchObject({ version: version + 1, by: 'Test Editor' });
    expect((await suspect()).map((row) => row.from.id)).toEqual([ended]);
    expect(await rule()).toMatchObject({ checked: 2, passing: 1 });
    // Who changed what is shown to signed-in readers only.
    const { data } = await api.execute(History, { id: kept }, editor);
    expect(data?.history[0]).toMatchObject({ operation: 'CONFIRM_LINK', by: 'Test Editor' });
    expect(data?.history[0]?.summary).toContain('repealed by the Test Reform Act 2021 s. 5(2) (2021-06-01)');
  });

  it('a later effect on the section makes the confirmed link suspect again, for that effect only', async () => {
    const later = effect(2, { type: 'substituted', affectedProvisions: [{ path: 'section/17/2', text: 's. 17(2)' }], inForce: [{ date: nextYear }] });
    expect(await loadEffects([effect(1, {}), later])).toMatchObject({ read: 2, written: 1 });
    const row = (await suspect()).find((candidate) => candidate.from.id === kept);
    expect(row?.effects.map(({ id, type, date }) => [id, type, date])).toEqual([[effectId(2), 'substituted', nextYear]]);
  });

  it('moving a link makes a curated link to the new section and retires the old one', async () => {
    const version = (await linkVersion(kept, s17))!;
    const elsewhere = await api.execute(Move, { from: kept, to: s17, version, newTo: ended, rationale: 'Wrong.' }, editor);
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newTo' });
    const moved = await api.execute(Move, { from: kept, to: s17, version, newTo: s18, rationale: 'The duty now sits in s.18.' }, editor);
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.moveLink).toMatchObject({ id: `${kept}|GIVES_EFFECT_TO|${s18}`, basis: 'CURATED', rationale: 'The duty now sits in s.18.' });
    const [old] = await gateway.read(
      cypher('test.oldLink', 'MATCH (:Entity {id: $from})-[g:GIVES_EFFECT_TO]->(:Entity {id: $to}) RETURN g.retiredAt AS retiredAt, g.movedTo AS movedTo'),
      { from: kept, to: s17 },
    );
    expect(old).toMatchObject({ movedTo: s18, retiredAt: expect.any(String) });
    expect((await suspect()).map((row) => row.from.id)).toEqual([ended]);
    const { data } = await api.execute(History, { id: kept });
    expect(data?.history[0]).toMatchObject({ operation: 'MOVE_LINK', why: 'The duty now sits in s.18.' });
  });

  it('retiring a link takes it out of the rule, the trace and the impact, and keeps it for the history', async () => {
    const version = (await linkVersion(ended, s17))!;
    const noReason = await api.execute(Retire, { from: ended, to: s17, version, reason: ' ' }, editor);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const retired = await api.execute(Retire, { from: ended, to: s17, version, reason: 'Respite is no longer funded under s.17.' }, editor);
    expect(retired.errors).toBeUndefined();
    const again = await api.execute(Retire, { from: ended, to: s17, version, reason: 'Twice.' }, editor);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    expect(await suspect()).toEqual([]);
    // The moved link to s.18 is the one left to check, and nothing has changed s.18.
    expect(await rule()).toMatchObject({ checked: 1, passing: 1, findings: [] });
    const trace = await api.execute(Trace, { id: ended });
    expect(trace.data?.trace.paths.some(({ nodes }) => nodes.includes(s17))).toBe(false);
    const impact = await api.execute(Impact, { id: s17 });
    expect(impact.data?.impact.subgraph.nodes.map(({ id }) => id)).not.toContain(ended);
    const { data } = await api.execute(History, { id: ended });
    expect(data?.history[0]).toMatchObject({ operation: 'RETIRE_LINK', why: 'Respite is no longer funded under s.17.' });
  });
});
