import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiForThisFile, testTokens, removeTestEffects } from '../../test/api.ts';
import { graphql } from '../../test/generated/gql.ts';
import { cypher } from '../db/gateway.ts';
import { loadBatch } from '../queries/load.ts';
import { folderSource } from './source.ts';
import { changesFeed, type FixtureEffect } from './test-fixtures.ts';
import { updateEffects } from './update.ts';

const Gaps = graphql(`
  query NewLawTest_Gaps($scope: ScopeInput, $codes: [String!]) {
    gaps(scope: $scope, codes: $codes) {
      rules { code checked passing findings { node { id label title } detail subjects } }
    }
  }
`);
const CreateLink = graphql(`
  mutation NewLawTest_Link($input: LinkInput!) {
    createLink(input: $input) { id }
  }
`);

const RULE = 'NEW_LAW_NOT_GIVEN_EFFECT';
const prefix = `test-new-law-${Math.random().toString(36).slice(2, 8)}`;
const harness = apiForThisFile(prefix);
// An Act number no real Act has, so the seed data's Authorities never answer for it.
const actId = `ukpga/2097/${9000 + Math.floor(Math.random() * 999)}`;
const authorityId = `${prefix}/act`;
const planId = `${prefix}/plan`;
const actionId = `${planId}/p1/a1`;
const newSection = `${authorityId}/s17za`;
let folder: string;

const effect = (n: number, overrides: Partial<FixtureEffect>): FixtureEffect => ({
  effectId: `key-${prefix}-${n}`,
  type: 'inserted',
  affected: actId,
  affectedTitle: 'Test Carers Act 2097',
  affectedProvisions: [],
  affecting: 'ukpga/2099/1',
  affectingTitle: 'Test Amending Act 2099',
  affectingProvisions: [{ path: 'section/4', text: 's. 4' }],
  applied: true,
  inForce: [{ date: '2025-04-01', qualification: 'wholly in force' }],
  ...overrides,
});

const scope = { planId };
const findings = async () => {
  const { data, errors } = await harness.api.execute(Gaps, { scope, codes: [RULE] });
  expect(errors).toBeUndefined();
  return data!.gaps.rules.find(({ code }) => code === RULE)!;
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'legislation-new-law-'));
  const path = `changes/affected/${actId}/data.feed`;
  await mkdir(dirname(join(folder, path)), { recursive: true });
  await writeFile(
    join(folder, path),
    changesFeed({
      path,
      effects: [
        // A new section: new law.
        effect(1, { affectedProvisions: [{ path: 'section/17ZA', text: 's. 17ZA' }] }),
        // New words in a section the graph holds: an amendment of it, not new law.
        effect(2, { affectedProvisions: [{ path: 'section/5/2A', text: 's. 5(2A)' }] }),
      ],
    }),
  );
  const at = { basis: 'STATED', by: 'test', at: '2026-12-07' };
  const place = { planId, topPriorityId: `${planId}/p1` };
  await loadBatch(harness.gateway, {
    nodes: [
      { label: 'Authority', id: authorityId, props: { title: 'Test Carers Act 2097', kind: 'ACT', legislationId: actId } },
      { label: 'Provision', id: `${authorityId}/s5`, props: { title: 'Assessments', code: 's.5' } },
      { label: 'Plan', id: planId, props: { title: 'Test Carers Strategy', kind: 'STRATEGY', status: 'ADOPTED' } },
      { label: 'Priority', id: `${planId}/p1`, props: { title: 'Carers are supported', ...place, position: 0 } },
      { label: 'Action', id: actionId, props: { title: 'Assess every carer who asks', ...place, position: 0 } },
    ],
    links: [
      { type: 'HAS_PROVISION', from: authorityId, to: `${authorityId}/s5`, props: at },
      { type: 'HAS_PRIORITY', from: planId, to: `${planId}/p1`, props: at },
      { type: 'HAS_ACTION', from: `${planId}/p1`, to: actionId, props: at },
      { type: 'CITES', from: planId, to: authorityId, props: at },
      { type: 'GIVES_EFFECT_TO', from: actionId, to: `${authorityId}/s5`, props: { ...at, basis: 'CURATED', rationale: 'The s.5 assessment.' } },
    ],
  });
});

afterAll(async () => {
  await removeTestEffects(harness.gateway, actId, prefix);
  await rm(folder, { recursive: true, force: true });
});

describe('a new section of an Act a plan cites', () => {
  it('appears as law, sourced from the effect, with nothing giving effect to it until an item does', async () => {
    expect((await findings()).findings).toEqual([]);

    const result = await updateEffects({ gateway: harness.gateway, source: folderSource(folder), acts: [actId] });
    expect(result).toEqual({ acts: 1, read: 2, written: 2 });
    const [provision] = await harness.gateway.read(
      cypher(
        'test.newProvision',
        `MATCH (:Authority {id: $authorityId})-[:HAS_PROVISION]->(p:Provision {id: $id})-[s:SOURCED_FROM]->(d:Document)
         RETURN p.code AS code, p.legislationId AS legislationId, s.excerpt AS excerpt, s.section AS section,
                [(p)<-[:AFFECTS]-(e:Effect) | e.type] AS effects`,
      ),
      { authorityId, id: newSection },
    );
    expect(provision).toMatchObject({
      code: 's.17ZA',
      legislationId: `${actId}/section/17ZA`,
      excerpt: 's. 17ZA inserted',
      section: `https://www.legislation.gov.uk/${actId}/section/17ZA`,
      effects: ['inserted'],
    });
    // New words in a held section make no provision of their own.
    const [{ count }] = (await harness.gateway.read(
      cypher('test.provisionCount', 'MATCH (:Authority {id: $authorityId})-[:HAS_PROVISION]->(p) RETURN count(p) AS count'),
      { authorityId },
    )) as [{ count: number }];
    expect(count).toBe(2);

    const rule = await findings();
    expect(rule.findings.map(({ node }) => node.id)).toEqual([newSection]);
    expect(rule.findings[0]?.detail).toBe(
      'New in the Test Carers Act 2097: s.17ZA (in force 2025-04-01), and nothing in Test Carers Strategy gives effect to it.',
    );
    expect(rule.findings[0]?.subjects).toEqual([planId, authorityId]);

    const linked = await harness.api.execute(
      CreateLink,
      { input: { from: actionId, type: 'GIVES_EFFECT_TO', to: newSection, basis: 'CURATED', rationale: 'The new duty to assess.' } },
      { token: testTokens.editor },
    );
    expect(linked.errors).toBeUndefined();
    expect(await findings()).toMatchObject({ checked: 1, passing: 1, findings: [] });

    // A second run finds the provision in the graph and adds nothing.
    expect(await updateEffects({ gateway: harness.gateway, source: folderSource(folder), acts: [actId] })).toEqual({ acts: 1, read: 2, written: 0 });
  });
});
