import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testGateway } from '../../test/api.ts';
import { cypher } from '../db/gateway.ts';
import { loadBatch } from '../queries/load.ts';
import { normaliseWhitespace } from '../text.ts';
import { SeedValidationError } from './seed-files.ts';
import { seedDir, seedGraph } from './seed.ts';

const gateway = testGateway();
afterAll(() => gateway.close());
const quiet = () => {};

// Test data made by other tests has ids starting "test-"; the seed's never do.
const seedNodes = cypher(
  'test.seedNodes',
  `MATCH (n:Entity) WHERE NOT n.id STARTS WITH 'test-' RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id`,
);
const seedLinks = cypher(
  'test.seedLinks',
  `MATCH (a:Entity)-[r]->(b:Entity) WHERE NOT a.id STARTS WITH 'test-' AND NOT b.id STARTS WITH 'test-'
   RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to`,
);
/** Everything the seed wrote: every node and link with all their properties. */
const fingerprintOf = async () => JSON.stringify([await gateway.read(seedNodes), await gateway.read(seedLinks)]);

const children = cypher(
  'test.children',
  `MATCH (parent:Entity {id: $id})-[r:HAS_PRIORITY|HAS_OBJECTIVE|HAS_ACTION|HAS_FINDING]->(child)
   WHERE $label IN labels(child)
   RETURN child.id AS id, child.code AS code, child.title AS title, child.text AS text, child.term AS term
   ORDER BY child.position`,
);
const childrenOf = (id: string, label: string) =>
  gateway.read(children, { id, label }) as Promise<{ id: string; code: string | null; title: string; text: string | null; term: string | null }[]>;

const documentText = (file: string) => readFileSync(join(seedDir, 'documents', file), 'utf8');

describe('the seed data, as the documents give it', () => {
  it('has the People Strategy as a consultation draft with its 5 strategic priorities and their "we will" statements', async () => {
    const [plan] = await gateway.read(cypher('test.plan', 'MATCH (p:Plan {id: $id}) RETURN p.status AS status, p.periodStart AS start, p.periodEnd AS end'), {
      id: 'redbridge-people-strategy-2024',
    });
    expect(plan).toEqual({ status: 'CONSULTATION', start: 2024, end: 2029 });
    const priorities = await childrenOf('redbridge-people-strategy-2024', 'Priority');
    expect(priorities.map(({ code }) => code)).toEqual([1, 2, 3, 4, 5].map((n) => `Strategic Priority ${n}`));

    // Every bullet under each "Strategic Priority N" heading of the document, in order.
    const sections = documentText('000_5b15adc1cc3989ba.txt')
      .split(/Strategic Priority \d:/)
      .slice(1);
    const bullets = sections.map((section) =>
      section
        .split('How can I engage?')[0]!
        .split('\n')
        .filter((line) => line.trim().startsWith('•'))
        .map((line) => normaliseWhitespace(line.replace('•', ''))),
    );
    expect(bullets.map((list) => list.length)).toEqual([10, 7, 8, 6, 7]);
    for (const [index, priority] of priorities.entries()) {
      const statements = await childrenOf(priority.id, 'Action');
      expect(statements.map(({ text, title }) => normaliseWhitespace(text ?? title))).toEqual(bullets[index]);
    }
  });

  it("has Thurrock's policy outcome, 4 strategic objectives, priorities A–E and deliverables 1–23 under the right priority", async () => {
    const [outcome, ...letters] = await childrenOf('thurrock-corporate-plan-2024', 'Priority');
    expect(outcome?.id).toBe('thurrock-corporate-plan-2024/outcome');
    expect(letters.map(({ code }) => code)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect((await childrenOf('thurrock-corporate-plan-2024/outcome', 'Priority')).map(({ code }) => code)).toEqual(['1', '2', '3', '4']);

    const text = documentText('002_88537f17d4321af1.txt');
    const expected = ['A', 'B', 'C', 'D', 'E'].map((letter, index, all) => {
      const section = text.split(`\n${letter}. `)[1]!.split(index < 4 ? `\n${all[index + 1]}. ` : 'Corporate Plan pages')[0]!;
      return [...section.matchAll(/^(\d+)\. (.+)$/gm)].map(([, number, deliverable]) => [number, normaliseWhitespace(deliverable!)]);
    });
    expect(expected.flat()).toHaveLength(23);
    for (const [index, priority] of letters.entries()) {
      const deliverables = (await childrenOf(priority.id, 'Action')).filter(({ term }) => term === 'Deliverable');
      expect(deliverables.map(({ code, text: full, title }) => [code, normaliseWhitespace(full ?? title)])).toEqual(expected[index]);
    }
  });

  it("has Caring for Redbridge's 5 strategic objectives, 5 commissioning objectives and every key action", async () => {
    const objectives = await childrenOf('caring-for-redbridge-2018', 'Priority');
    expect(objectives.map(({ id }) => id)).toEqual([1, 2, 3, 4, 5].map((n) => `caring-for-redbridge-2018/so${n}`));
    const commissioning = (await childrenOf('caring-for-redbridge-2018', 'Objective')).filter(({ id }) => /\/co\d$/.test(id));
    expect(commissioning).toHaveLength(5);
    const keyActions = await Promise.all(objectives.map(({ id }) => childrenOf(id, 'Action')));
    expect(keyActions.map((actions) => actions.length)).toEqual([8, 9, 14, 6, 4]);
  });

  it("has Redbridge's four council priorities, Redditch's vision and Priority One–Four as council priorities", async () => {
    const corporate = await gateway.read(
      cypher('test.corporate', 'MATCH (p:Plan)-[:HAS_PRIORITY*1..2]->(c:Priority {corporate: true}) RETURN p.id AS plan, count(c) AS count ORDER BY plan'),
    );
    expect(corporate).toEqual(
      expect.arrayContaining([
        { plan: 'redbridge-corporate-plan', count: 4 },
        { plan: 'redditch-scs', count: 5 },
        { plan: 'thurrock-corporate-plan-2024', count: 5 },
      ]),
    );
  });

  it('has the Ofsted judgements with their grades and the one recommendation', async () => {
    const judgements = await gateway.read(
      cypher(
        'test.judgements',
        `MATCH (:Evidence {id: 'ofsted-redbridge-2018'})-[:HAS_FINDING]->(j:Evidence) RETURN j.kind AS kind, j.grade AS grade ORDER BY j.position`,
      ),
    );
    expect(judgements.filter(({ kind }) => kind === 'JUDGEMENT').map(({ grade }) => grade)).toEqual(['OUTSTANDING', 'OUTSTANDING', 'GOOD', 'OUTSTANDING']);
    expect(judgements.filter(({ kind }) => kind === 'RECOMMENDATION')).toHaveLength(1);
  });

  it('has every item of Table 1 of the framework, Acts and regulations with legislation.gov.uk ids', async () => {
    const acts = await gateway.read(
      cypher('test.acts', `MATCH (a:Authority) WHERE a.kind IN ['ACT', 'REGULATION'] RETURN a.id AS id, a.legislationId AS legislationId ORDER BY id`),
    );
    expect(acts).toEqual(
      expect.arrayContaining([
        { id: 'authority/care-act-2014', legislationId: 'ukpga/2014/23' },
        { id: 'authority/children-and-families-act-2014', legislationId: 'ukpga/2014/6' },
        { id: 'authority/children-and-social-work-act-2017', legislationId: 'ukpga/2017/16' },
        { id: 'authority/equality-act-2010', legislationId: 'ukpga/2010/15' },
        { id: 'authority/breaks-for-carers-of-disabled-children-regulations-2011', legislationId: 'uksi/2011/707' },
      ]),
    );
    expect(acts.every(({ legislationId }) => typeof legislationId === 'string')).toBe(true);
    const cited = await gateway.read(cypher('test.cited', `MATCH (:Plan {id: 'caring-for-redbridge-2018'})-[:CITES]->(a:Authority) RETURN count(a) AS count`));
    expect(cited[0]?.count).toBeGreaterThanOrEqual(16);
  });

  it('gives every measure observations with a unit and a period', async () => {
    const [row] = await gateway.read(
      cypher(
        'test.observations',
        `MATCH (m:Measure) OPTIONAL MATCH (m)-[:HAS_OBSERVATION]->(o:Observation)
         RETURN count(DISTINCT m) AS measures, count(o) AS observations,
                count(CASE WHEN o.unit IS NULL OR o.period IS NULL THEN 1 END) AS incomplete,
                count(DISTINCT CASE WHEN o IS NULL THEN m END) AS empty`,
      ),
    );
    expect(row).toMatchObject({ incomplete: 0, empty: 0 });
    expect(row?.measures).toBeGreaterThan(40);
    const [lac] = await gateway.read(
      cypher('test.lac', `MATCH (m:Measure)-[:HAS_OBSERVATION]->(o) WHERE m.title =~ '(?i)looked after children.*' RETURN collect(o.value) AS values`),
    );
    expect(lac?.values).toEqual(expect.arrayContaining([215, 228, 231]));
  });

  it('points every node to a source excerpt found word for word in its document', async () => {
    const rows = (await gateway.read(
      cypher(
        'test.provenance',
        `MATCH (n:Entity) WHERE NOT n:Document AND NOT n.id STARTS WITH 'test-'
         OPTIONAL MATCH (n)-[s:SOURCED_FROM]->(d:Document)
         RETURN n.id AS id, collect({excerpt: s.excerpt, section: s.section, file: d.file}) AS sources`,
      ),
    )) as { id: string; sources: { excerpt: string | null; section: string | null; file: string | null }[] }[];
    expect(rows.length).toBeGreaterThan(400);
    // The documents as published (../shared/seeds/ when present), not only the project's copies.
    const published = join(seedDir, '..', '..', 'shared', 'seeds');
    const read = (file: string) =>
      normaliseWhitespace(readFileSync(existsSync(join(published, file)) ? join(published, file) : join(seedDir, 'documents', file), 'utf8'));
    const texts = new Map<string, string>();
    const unsourced = rows.filter(({ sources }) => !sources.some(({ excerpt, section, file }) => excerpt && section && file));
    expect(unsourced.map(({ id }) => id)).toEqual([]);
    const notFound = rows.flatMap(({ id, sources }) =>
      sources
        .filter(({ excerpt, file }) => {
          if (!texts.has(file!)) texts.set(file!, read(file!));
          return !texts.get(file!)!.includes(normaliseWhitespace(excerpt!));
        })
        .map(({ excerpt }) => `${id}: ${excerpt}`),
    );
    expect(notFound).toEqual([]);
  });

  it('keeps the project copies of the documents identical to the published ones', () => {
    const published = join(seedDir, '..', '..', 'shared', 'seeds');
    if (!existsSync(published)) return;
    for (const file of [
      '000_5b15adc1cc3989ba.txt',
      '001_250f95085b3a9135.txt',
      '002_88537f17d4321af1.txt',
      '003_f20e3529060d3fa0.txt',
      '004_ff7442e9b29031ab.txt',
    ]) {
      expect(documentText(file)).toBe(readFileSync(join(published, file), 'utf8'));
    }
  });

  it('says how every alignment link is known, with a rationale on every curated one', async () => {
    const [row] = await gateway.read(
      cypher(
        'test.bases',
        `MATCH ()-[r:GIVES_EFFECT_TO|CONTRIBUTES_TO|UNDERMINES|RESPONDS_TO|CONCERNS]->() WHERE r.documentId IS NOT NULL
         RETURN count(r) AS links,
                count(CASE WHEN NOT r.basis IN ['STATED', 'CURATED', 'SUGGESTED'] OR r.basis IS NULL THEN 1 END) AS unknown,
                count(CASE WHEN r.basis = 'CURATED' AND (r.rationale IS NULL OR r.by IS NULL OR r.at IS NULL) THEN 1 END) AS unexplained`,
      ),
    );
    expect(row).toMatchObject({ unknown: 0, unexplained: 0 });
    expect(row?.links).toBeGreaterThan(100);
  });
});

describe('loading the seed data', () => {
  it('changes nothing when run a second time', async () => {
    const before = await fingerprintOf();
    await seedGraph(gateway, quiet);
    expect(await fingerprintOf()).toEqual(before);
  });

  it('writes nothing and names the file, path and fault when a file links to an unknown id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-broken-'));
    try {
      cpSync(seedDir, dir, { recursive: true });
      const file = join(dir, 'thurrock-corporate-plan-2024.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/authority\/care-act-2014/, 'authority/care-act-2041'));
      const before = await fingerprintOf();
      const failure = await seedGraph(gateway, quiet, dir).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SeedValidationError);
      expect((failure as Error).message).toMatch(/seed\/thurrock-corporate-plan-2024\.yaml:\d+ links\[\d+\]\.to: unknown id authority\/care-act-2041/);
      expect(await fingerprintOf()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes nothing when a malformed file is among sound ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-malformed-'));
    try {
      cpSync(seedDir, dir, { recursive: true });
      writeFileSync(join(dir, 'zz-broken.yaml'), 'document: [unclosed\n');
      const before = await fingerprintOf();
      await expect(seedGraph(gateway, quiet, dir)).rejects.toThrow(/seed\/zz-broken\.yaml:\d+/);
      expect(await fingerprintOf()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const refused = { nested: 'maps are not property values' };
  const loadedTestNodes = cypher('test.rolledBack', `MATCH (n:Entity) WHERE n.id STARTS WITH 'test-load/' RETURN count(n) AS count`);

  it('rolls back everything if the database refuses part of a batch', async () => {
    const batch = {
      nodes: [
        { label: 'Theme' as const, id: 'test-load/fine', props: { title: 'Fine' } },
        { label: 'Theme' as const, id: 'test-load/refused', props: { title: refused } },
      ],
      links: [],
    };
    await expect(loadBatch(gateway, batch)).rejects.toThrow(/Property values can only be of primitive types/);
    const [row] = await gateway.read(loadedTestNodes);
    expect(row?.count).toBe(0);
  });

  it("rolls back the nodes already sent when a later statement of the batch is refused, and reports that statement's fault", async () => {
    // Nodes of several labels, then links: statements are sent ahead of each other's answers.
    const batch = {
      nodes: [
        { label: 'Theme' as const, id: 'test-load/theme', props: { title: 'Theme' } },
        { label: 'Role' as const, id: 'test-load/role', props: { title: 'Role' } },
        { label: 'Action' as const, id: 'test-load/action', props: { title: 'Action' } },
      ],
      links: [
        { from: 'test-load/action', type: 'CONCERNS' as const, to: 'test-load/theme', props: {} },
        { from: 'test-load/action', type: 'OWNED_BY' as const, to: 'test-load/role', props: { rationale: refused } },
      ],
    };
    await expect(loadBatch(gateway, batch)).rejects.toThrow(/Property values can only be of primitive types/);
    const [row] = await gateway.read(loadedTestNodes);
    expect(row?.count).toBe(0);
  });
});
