import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTestData, testGateway, removeTestEffects } from '../../test/api.ts';
import { cypher } from '../db/gateway.ts';
import { applyGraphSchema } from '../db/graph-schema.ts';
import { loadBatch } from '../queries/load.ts';
import { legislationDocumentId, legislationUpdater, statutesByTitle } from '../queries/legislation.ts';
import { folderSource } from './source.ts';
import { changesFeed, clmlItem, type FixtureEffect, listingFeed } from './test-fixtures.ts';
import { updateCatalogue, updateEffects, updateSections } from './update.ts';
import { LegislationDataError } from './xml.ts';

const gateway = testGateway();
const run = Math.random().toString(36).slice(2, 8);
const prefix = `test-legislation-${run}`;
// An Act number no real Act has, so the seed data's Authorities never answer for it.
const chapter = 9000 + Math.floor(Math.random() * 999);
const actId = `ukpga/2099/${chapter}`;
const otherIds = [`ukpga/2099/${chapter + 1000}`, `ukpga/2098/${chapter}`];
const authorityId = `${prefix}/children-act`;
const seededProvision = `${authorityId}/s17`;
const actionId = `${prefix}/assess`;
const effectKey = (n: number) => `key-${prefix}-${n}`;
let folder: string;

const save = async (path: string, text: string) => {
  await mkdir(dirname(join(folder, path)), { recursive: true });
  await writeFile(join(folder, path), text);
};

const effect = (n: number, overrides: Partial<FixtureEffect>): FixtureEffect => ({
  effectId: effectKey(n),
  type: 'words inserted',
  affected: actId,
  affectedTitle: 'Test Children Act 2099',
  affectedProvisions: [],
  affecting: 'ukpga/2099/1',
  affectingTitle: 'Test Amending Act 2099',
  affectingProvisions: [{ path: 'section/4/2', text: 's. 4(2)' }],
  applied: true,
  inForce: [{ date: '2099-04-01', qualification: 'wholly in force' }],
  ...overrides,
});

const effects = [
  effect(1, { affectedProvisions: [{ path: 'section/17/6', text: 's. 17(6)' }] }),
  effect(2, { type: 'substituted', affectedProvisions: [{ path: 'section/20/1', text: 's. 20(1)' }], applied: false, inForce: [{ prospective: true }] }),
  effect(3, { type: 'repealed', affectedProvisions: [{ path: 'schedule/2/paragraph/3', text: 'Sch. 2 para. 3' }], inContent: true }),
];

beforeAll(async () => {
  await applyGraphSchema(gateway);
  folder = await mkdtemp(join(tmpdir(), 'legislation-update-'));
  await save(
    'ukpga/data.feed',
    listingFeed({
      path: 'ukpga/data.feed',
      morePages: 1,
      totalResults: 3,
      entries: [
        { id: actId, title: 'Test Children Act 2099' },
        { id: otherIds[0]!, title: 'Test Care Act 2099 (repealed)' },
      ],
    }),
  );
  await save(
    'ukpga/data-2.feed',
    listingFeed({ path: 'ukpga/data.feed', page: 2, totalResults: 3, entries: [{ id: otherIds[1]!, title: 'Test Housing Act 2098' }] }),
  );
  await save(
    `${actId}/data.xml`,
    clmlItem({
      id: actId,
      title: 'Test Children Act 2099',
      parts: [
        {
          number: '3',
          title: 'Local authority support for children and families',
          sections: [
            { number: '17', title: 'Provision of services for children in need, their families and others.' },
            { number: '20', title: 'Provision of accommodation for children: general.' },
          ],
        },
      ],
      schedules: [{ number: '2', title: 'Local authority support for children and families', paragraphs: 4 }],
    }),
  );
  await save(`changes/affected/${actId}/data.feed`, changesFeed({ path: `changes/affected/${actId}/data.feed`, effects }));
  // What a seed file or a person wrote: the Act, one section of it, and an action that gives effect to that section.
  await loadBatch(gateway, {
    nodes: [
      { label: 'Authority', id: authorityId, props: { title: 'Test Children Act 2099', kind: 'ACT', legislationId: actId, year: 2099 } },
      { label: 'Provision', id: seededProvision, props: { title: 'Services for children in need', code: 's.17' } },
      { label: 'Action', id: actionId, props: { title: 'Assess every child in need within 45 days' } },
    ],
    links: [
      { type: 'HAS_PROVISION', from: authorityId, to: seededProvision, props: { basis: 'STATED', by: 'test', at: '2026-12-07' } },
      {
        type: 'GIVES_EFFECT_TO',
        from: actionId,
        to: seededProvision,
        props: { basis: 'CURATED', rationale: 'The action is the s.17 assessment.', by: 'test', at: '2026-12-07' },
      },
    ],
  });
});

afterAll(async () => {
  await removeTestEffects(gateway, actId, prefix);
  await gateway.write(cypher('test.removeStatutes', 'MATCH (s:StatuteEntry) WHERE s.legislationId IN $ids DELETE s'), { ids: [actId, ...otherIds] });
  await removeTestData(gateway, prefix);
  await gateway.write(cypher('test.removeUnusedDocument', 'MATCH (d:Document {id: $id}) WHERE NOT EXISTS { (d)--() } DELETE d'), { id: legislationDocumentId });
  await gateway.close();
  await rm(folder, { recursive: true, force: true });
});

const messages: string[] = [];
const options = () => ({ gateway, source: folderSource(folder), progress: (message: string) => messages.push(message), acts: [actId] });

describe('keeping the law up to date from a folder of legislation.gov.uk files', () => {
  it('loads the statute catalogue, every page of it, and a second run writes nothing', async () => {
    expect(await updateCatalogue({ ...options(), types: ['ukpga'] })).toEqual({ read: 3, written: 3 });
    const [entry] = await gateway.read(cypher('test.statute', 'MATCH (s:StatuteEntry {legislationId: $id}) RETURN properties(s) AS props'), {
      id: otherIds[0],
    });
    expect(entry?.props).toMatchObject({
      title: 'Test Care Act 2099',
      titleKey: 'test care act 2099',
      type: 'ukpga',
      documentType: 'UnitedKingdomPublicGeneralAct',
      year: 2099,
      number: chapter + 1000,
      repealed: true,
      version: 1,
      changedBy: legislationUpdater.name,
    });
    expect((await statutesByTitle(gateway, ['The Test Housing Act 2098'])).map(({ legislationId }) => legislationId)).toEqual([otherIds[1]]);
    expect(await updateCatalogue({ ...options(), types: ['ukpga'] })).toEqual({ read: 3, written: 0 });
    expect(messages.some((message) => message.startsWith('catalogue: ukpga page 2'))).toBe(true);
  });

  it("loads the sections of the Act a seeded action gives effect to under it, keeping the seed's own section", async () => {
    const result = await updateSections(options());
    expect(result).toEqual({ acts: 1, read: 4, written: 3, kept: [seededProvision] });
    const rows = await gateway.read(
      cypher(
        'test.provisions',
        `MATCH (:Authority {id: $authorityId})-[:HAS_PROVISION]->(p:Provision)
         OPTIONAL MATCH (p)-[s:SOURCED_FROM]->(d:Document)
         RETURN p.id AS id, properties(p) AS props, d.id AS document, s.section AS section, s.excerpt AS excerpt ORDER BY p.position, p.id`,
      ),
      { authorityId },
    );
    const byId = new Map(rows.map((row) => [row.id as string, row]));
    expect([...byId.keys()].sort()).toEqual([`${authorityId}/part3`, seededProvision, `${authorityId}/s20`, `${authorityId}/sch2`].sort());
    expect(byId.get(`${authorityId}/s20`)).toMatchObject({
      props: {
        title: 'Provision of accommodation for children: general.',
        code: 's.20',
        legislationId: `${actId}/section/20`,
        version: 1,
        changedBy: legislationUpdater.name,
      },
      document: legislationDocumentId,
      section: `https://www.legislation.gov.uk/${actId}/section/20`,
      excerpt: '20 Provision of accommodation for children: general.',
    });
    expect(byId.get(`${authorityId}/sch2`)?.props).toMatchObject({ code: 'Schedule 2', legislationId: `${actId}/schedule/2` });
    // The seed's section is as the seed wrote it.
    expect(byId.get(seededProvision)?.props).toMatchObject({ title: 'Services for children in need', code: 's.17' });
    expect(byId.get(seededProvision)?.props).not.toHaveProperty('legislationId');
    const [history] = await gateway.read(
      cypher('test.history', 'MATCH (c:Change {subjectId: $id}) RETURN c.operation AS operation, c.by AS by, c.summary AS summary'),
      {
        id: `${authorityId}/s20`,
      },
    );
    expect(history).toMatchObject({ operation: 'LEGISLATION_UPDATE', by: legislationUpdater.name });
    expect(history?.summary).toContain('s.20 “Provision of accommodation for children: general.” of the Test Children Act 2099');

    expect(await updateSections(options())).toEqual({ acts: 1, read: 4, written: 0, kept: [seededProvision] });
  });

  it('loads the effects onto the Act and the provisions they touch, the seeded one included, and a second run writes nothing', async () => {
    expect(await updateEffects(options())).toEqual({ acts: 1, read: 3, written: 3 });
    const rows = await gateway.read(
      cypher(
        'test.effects',
        'MATCH (e:Effect) WHERE e.affectedLegislationId = $actId OPTIONAL MATCH (e)-[:AFFECTS]->(t) RETURN e.id AS id, properties(e) AS props, collect(t.id) AS targets ORDER BY id',
      ),
      { actId },
    );
    expect(rows.map(({ id, targets }) => [id, (targets as string[]).sort()])).toEqual([
      [`effect/${effectKey(1)}`, [authorityId, seededProvision].sort()],
      [`effect/${effectKey(2)}`, [authorityId, `${authorityId}/s20`].sort()],
      [`effect/${effectKey(3)}`, [authorityId, `${authorityId}/sch2`].sort()],
    ]);
    expect(rows[0]?.props).toMatchObject({
      type: 'words inserted',
      affectedProvisions: 's. 17(6)',
      affectedProvisionIds: [`${actId}/section/17/6`],
      affectingLegislationId: 'ukpga/2099/1',
      affectingTitle: 'Test Amending Act 2099',
      affectingProvisions: 's. 4(2)',
      inForceDates: ['2099-04-01'],
      applied: true,
      version: 1,
      changedBy: legislationUpdater.name,
    });
    expect(rows[1]?.props).toMatchObject({ type: 'substituted', applied: false, prospective: true, inForceDates: [] });
    // What the trace of the action will reach: the effect on the section it gives effect to.
    const [reached] = await gateway.read(
      cypher('test.reached', 'MATCH (:Action {id: $actionId})-[:GIVES_EFFECT_TO]->(p:Provision)<-[:AFFECTS]-(e:Effect) RETURN collect(e.type) AS types'),
      { actionId },
    );
    expect(reached?.types).toEqual(['words inserted']);

    expect(await updateEffects(options())).toEqual({ acts: 1, read: 3, written: 0 });
  });

  it('refuses a bad file with its name and element, and writes nothing', async () => {
    const path = `changes/affected/${actId}/data.feed`;
    const changed = [{ ...effects[0]!, type: 'repealed' }, effects[1]!, effects[2]!];
    await save(path, changesFeed({ path, effects: changed }).replace(`EffectId="${effectKey(2)}"`, ''));
    const error = await updateEffects(options()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LegislationDataError);
    expect((error as Error).message).toBe(`${join(folder, path)}: entry 2: <ukm:Effect> has no EffectId attribute`);
    const [first] = await gateway.read(cypher('test.effect', 'MATCH (e:Effect {id: $id}) RETURN e.type AS type, e.version AS version'), {
      id: `effect/${effectKey(1)}`,
    });
    expect(first).toEqual({ type: 'words inserted', version: 1 });
    // Fixed, the change is written, and only it.
    await save(path, changesFeed({ path, effects: changed }));
    expect(await updateEffects(options())).toEqual({ acts: 1, read: 3, written: 1 });

    await expect(updateSections({ ...options(), acts: ['ukpga/2099/1'] })).rejects.toThrow(
      '--acts: no Authority the graph links to has the legislationId ukpga/2099/1',
    );
    await expect(updateSections({ ...options(), acts: ['Children Act'] })).rejects.toThrow(
      '--acts: Children Act is not an identifier of an item of legislation',
    );
  });
});
