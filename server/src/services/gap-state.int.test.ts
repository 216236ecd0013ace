import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testGateway } from '../../test/api.ts';
import type { Commit, Gateway } from '../db/gateway.ts';
import { readNode } from '../queries/edit.ts';
import type { GapState, RuleOutcome } from '../gap-report.ts';
import { runRules } from '../queries/gaps.ts';
import type { User } from '../user.ts';
import { createLink, createNode, deleteLink, deleteNode, updateNode } from './editing.ts';
import { keepGapState } from './gap-state.ts';

const prefix = 'gap-state-test';
const admin: User = { name: 'Gap State Test', role: 'admin' };
const PEOPLE_STRATEGY = 'redbridge-people-strategy-2024';
const CORPORATE_PRIORITY = 'redbridge-corporate-plan/quality-of-life-and-civic-pride';
const THURROCK = 'thurrock-corporate-plan-2024';
const DIRECTOR = 'role/redbridge-director-of-childrens-services';
const REPORT = 'ofsted-redbridge-2018';

let gateway: Gateway;
let state: GapState;
const commits: Commit[] = [];

beforeAll(async () => {
  gateway = testGateway();
  state = keepGapState(gateway);
  gateway.onCommit((commit) => commits.push(commit));
});
afterAll(async () => {
  state.stop();
  await removeTestData(gateway, prefix);
  await gateway.close();
});

/** An outcome in a form that compares whatever order the failing items came in. */
const comparable = ({ checked, passing, failing }: RuleOutcome) => ({ checked, passing, failing: [...failing].sort(([a], [b]) => a.localeCompare(b)) });

/**
 * The kept outcomes and a fresh check of the whole graph, read at one graph version (other test
 * files may write meanwhile: then both are read again).
 */
async function keptAndChecked() {
  for (;;) {
    const before = await gateway.graphVersion();
    const kept = await state.outcomes();
    const checked = await runRules(gateway, null, null, { findings: true, bySubject: false });
    if ((await gateway.graphVersion()) !== before) continue;
    return {
      kept: Object.fromEntries([...kept].map(([code, outcome]) => [code, comparable(outcome)])),
      checked: Object.fromEntries(checked.map(({ rule, outcome }) => [rule.code, comparable(outcome)])),
    };
  }
}

async function expectKeptAsChecked(): Promise<void> {
  const { kept, checked } = await keptAndChecked();
  expect(kept).toEqual(checked);
}

/** Runs a write and expects it to have said what it changed, so only the plans it touches are checked again. */
async function saidWhatChanged<T>(write: () => Promise<T>): Promise<T> {
  const heard = commits.length;
  const result = await write();
  const mine = commits.slice(heard);
  expect(mine.length).toBeGreaterThan(0);
  for (const commit of mine) expect(commit.change).not.toBe('anything');
  return result;
}

const version = async (id: string) => (await readNode(gateway, id))!.version;

describe('the gap state', () => {
  it('starts as a check of the whole graph would find', async () => {
    await expectKeptAsChecked();
    expect(state.lastRefresh()).toEqual({ checked: 'everything' });
  });

  it('stays right as items, links, plans and law are written and deleted, checking only the plans a write touches', async () => {
    const action = `${prefix}/action`;
    const measure = `${prefix}/measure`;
    const recommendation = `${prefix}/recommendation`;
    await saidWhatChanged(() =>
      createNode(gateway, admin, { label: 'Action', id: action, title: 'Gap state test action', parentId: `${PEOPLE_STRATEGY}/sp2` }, 'Test'),
    );
    await expectKeptAsChecked();
    expect(state.lastRefresh()).toEqual({ checked: 'plans', plans: expect.arrayContaining([PEOPLE_STRATEGY]), items: expect.any(Array) });

    await saidWhatChanged(() =>
      createNode(
        gateway,
        admin,
        { label: 'Measure', id: measure, title: 'Gap state test measure', properties: { unit: 'people', polarity: 'HIGHER_IS_BETTER' } },
        'Test',
      ),
    );
    await saidWhatChanged(() => createLink(gateway, admin, { from: action, type: 'MEASURED_BY', to: measure, basis: 'CURATED', rationale: 'Test' }));
    await expectKeptAsChecked();
    expect(state.lastRefresh()).toEqual({ checked: 'plans', plans: [PEOPLE_STRATEGY], items: [measure] });
    await saidWhatChanged(() => createLink(gateway, admin, { from: measure, type: 'OWNED_BY', to: DIRECTOR, basis: 'CURATED', rationale: 'Test' }));
    await expectKeptAsChecked();

    // Inspection evidence the action responds to, then no longer.
    await saidWhatChanged(() =>
      createNode(
        gateway,
        admin,
        { label: 'Evidence', id: recommendation, title: 'Gap state test recommendation', parentId: REPORT, properties: { kind: 'RECOMMENDATION' } },
        'Test',
      ),
    );
    await expectKeptAsChecked();
    await saidWhatChanged(() => createLink(gateway, admin, { from: action, type: 'RESPONDS_TO', to: recommendation, basis: 'CURATED', rationale: 'Test' }));
    await expectKeptAsChecked();
    await saidWhatChanged(() => deleteLink(gateway, admin, { from: action, type: 'RESPONDS_TO', to: recommendation }, null, 'Test'));
    await expectKeptAsChecked();

    // Law: the action gives effect to an Act; then the Act's kind changes for every plan that links to it.
    const act = 'authority/care-act-2014';
    await saidWhatChanged(() => createLink(gateway, admin, { from: action, type: 'GIVES_EFFECT_TO', to: act, basis: 'CURATED', rationale: 'Test' }));
    await expectKeptAsChecked();
    const kind = ((await readNode(gateway, act))!.properties as { kind: string }).kind;
    await saidWhatChanged(async () => updateNode(gateway, admin, act, await version(act), { kind: 'NATIONAL_POLICY' }, 'Test'));
    await expectKeptAsChecked();
    await saidWhatChanged(async () => updateNode(gateway, admin, act, await version(act), { kind }, 'Test'));
    await expectKeptAsChecked();

    // Another plan's priority now serves a council priority: contributions cross plans.
    await saidWhatChanged(() =>
      createLink(gateway, admin, { from: `${PEOPLE_STRATEGY}/sp2`, type: 'CONTRIBUTES_TO', to: CORPORATE_PRIORITY, basis: 'CURATED', rationale: 'Test' }),
    );
    await expectKeptAsChecked();
    await saidWhatChanged(() => deleteLink(gateway, admin, { from: `${PEOPLE_STRATEGY}/sp2`, type: 'CONTRIBUTES_TO', to: CORPORATE_PRIORITY }, null, 'Test'));
    await expectKeptAsChecked();

    // A plan that expires makes what links to it from other plans stale.
    await saidWhatChanged(() => createLink(gateway, admin, { from: action, type: 'CONTRIBUTES_TO', to: `${THURROCK}/a`, basis: 'CURATED', rationale: 'Test' }));
    await expectKeptAsChecked();
    await saidWhatChanged(async () => updateNode(gateway, admin, THURROCK, await version(THURROCK), { status: 'EXPIRED' }, 'Test'));
    await expectKeptAsChecked();
    await saidWhatChanged(async () => updateNode(gateway, admin, THURROCK, await version(THURROCK), { status: 'ADOPTED' }, 'Test'));
    await expectKeptAsChecked();

    await saidWhatChanged(async () => deleteNode(gateway, admin, measure, await version(measure), true, 'Test'));
    await expectKeptAsChecked();
    await saidWhatChanged(async () => deleteNode(gateway, admin, recommendation, await version(recommendation), true, 'Test'));
    await expectKeptAsChecked();
    await saidWhatChanged(async () => deleteNode(gateway, admin, action, await version(action), true, 'Test'));
    await expectKeptAsChecked();
    expect(state.lastRefresh()).toEqual({ checked: 'plans', plans: expect.arrayContaining([PEOPLE_STRATEGY]), items: expect.any(Array) });
  });

  it('checks everything again after a write it was not told about, as another process makes', async () => {
    const other = testGateway();
    const priority = `${PEOPLE_STRATEGY}/sp2`;
    const title = (await readNode(gateway, priority))!.title;
    try {
      await other.write({ name: 'test.otherProcess', text: `MATCH (p:Priority {id: $id}) SET p.title = p.title + ' (renamed)'` }, { id: priority });
      await expectKeptAsChecked();
      expect(state.lastRefresh()).toEqual({ checked: 'everything' });
    } finally {
      await other.write({ name: 'test.otherProcessUndone', text: `MATCH (p:Priority {id: $id}) SET p.title = $title` }, { id: priority, title });
      await other.close();
    }
    await expectKeptAsChecked();
  });
});
