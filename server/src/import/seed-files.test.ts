import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSeedDirectory, SeedValidationError } from './seed-files.ts';

const documentText = `Our Plan 2024-2029

Priority 1: Keep children safe
  • Support care leavers into work.
  • Help unpaid carers.
`;

const header = `document:
  id: document/test-plan
  title: Our Plan
  file: plan.txt
  publisher: org/test-council
  kind: STRATEGY
curation:
  by: Test curators
  at: "2026-11-22"
`;

const validNodes = `nodes:
  - id: org/test-council
    label: Organisation
    title: Test Council
    kind: COUNCIL
    source: { section: Title, excerpt: "Our Plan" }
  - id: test-plan
    label: Plan
    title: Our Plan 2024-2029
    kind: STRATEGY
    status: ADOPTED
    periodStart: 2024
    periodEnd: 2029
    source: { section: Title, excerpt: "Our Plan 2024-2029" }
  - id: test-plan/p1
    label: Priority
    parent: test-plan
    title: Keep children safe
    code: "Priority 1"
    source: { section: Priorities, excerpt: "Priority 1: Keep children safe" }
  - id: test-plan/p1/a1
    label: Action
    parent: test-plan/p1
    title: Support care leavers into work.
    source: { section: Priorities, excerpt: "Support care leavers into work." }
  - id: theme/care-leavers
    label: Theme
    title: Care leavers
    source: { section: Priorities, excerpt: "care leavers" }
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'seed-'));
  mkdirSync(join(dir, 'documents'));
  writeFileSync(join(dir, 'documents', 'plan.txt'), documentText);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function faultsOf(files: Record<string, string>): string[] {
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  try {
    readSeedDirectory(dir);
  } catch (error) {
    if (error instanceof SeedValidationError) return error.faults.map(({ file, path, line, message }) => `${file}:${line ?? '-'} ${path}: ${message}`);
    throw error;
  }
  return [];
}

describe('reading seed files', () => {
  it('turns a sound file into nodes with provenance and hierarchy links', () => {
    writeFileSync(join(dir, 'plan.yaml'), `${header}${validNodes}links:\n  - { from: test-plan/p1/a1, type: CONCERNS, to: theme/care-leavers }\n`);
    const batch = readSeedDirectory(dir);
    expect(batch.nodes.map(({ id }) => id)).toEqual([
      'document/test-plan',
      'org/test-council',
      'test-plan',
      'test-plan/p1',
      'test-plan/p1/a1',
      'theme/care-leavers',
    ]);
    const types = batch.links.map(({ type, from, to }) => `${from} ${type} ${to}`);
    expect(types).toContain('org/test-council PUBLISHES document/test-plan');
    expect(types).toContain('test-plan HAS_PRIORITY test-plan/p1');
    expect(types).toContain('test-plan/p1 HAS_ACTION test-plan/p1/a1');
    expect(types).toContain('test-plan/p1/a1 SOURCED_FROM document/test-plan');
    const concerns = batch.links.find(({ type }) => type === 'CONCERNS');
    expect(concerns?.props).toMatchObject({ basis: 'STATED', by: 'Test curators', at: '2026-11-22', documentId: 'document/test-plan' });
  });

  it('records on every priority and action its plan and its top-level priority', () => {
    writeFileSync(join(dir, 'plan.yaml'), `${header}${validNodes}`);
    const props = new Map(readSeedDirectory(dir).nodes.map(({ id, props }) => [id, props]));
    expect(props.get('test-plan/p1')).toMatchObject({ planId: 'test-plan', topPriorityId: 'test-plan/p1' });
    expect(props.get('test-plan/p1/a1')).toMatchObject({ planId: 'test-plan', topPriorityId: 'test-plan/p1' });
    expect(props.get('theme/care-leavers')).not.toHaveProperty('planId');
  });

  it('names the file, path and line of a misspelt field', () => {
    const faults = faultsOf({ 'plan.yaml': `${header}${validNodes.replace('    code: "Priority 1"', '    cdoe: "Priority 1"')}` });
    expect(faults).toEqual([expect.stringMatching(/^seed\/plan\.yaml:2\d nodes\[2\]: Unrecognized key: "cdoe"/)]);
  });

  it('rejects an excerpt that is not word for word in the document', () => {
    const faults = faultsOf({
      'plan.yaml': `${header}${validNodes.replace('excerpt: "Priority 1: Keep children safe"', 'excerpt: "Priority 1: Keep all children safe"')}`,
    });
    expect(faults).toEqual([expect.stringMatching(/nodes\[2\]\.source\.excerpt: excerpt not found word for word in plan\.txt/)]);
  });

  it('matches excerpts across line breaks and repeated spaces', () => {
    const faults = faultsOf({
      'plan.yaml': `${header}${validNodes.replace('excerpt: "Priority 1: Keep children safe"', 'excerpt: "Keep children safe • Support care leavers"')}`,
    });
    expect(faults).toEqual([]);
  });

  it('rejects a link to an unknown id', () => {
    const faults = faultsOf({
      'plan.yaml': `${header}${validNodes}links:
  - { from: test-plan/p1/a1, type: GIVES_EFFECT_TO, to: authority/no-such-act, basis: CURATED, rationale: Because. }
`,
    });
    expect(faults).toEqual([expect.stringMatching(/^seed\/plan\.yaml:\d+ links\[0\]\.to: unknown id authority\/no-such-act/)]);
  });

  it('rejects a CURATED link without a rationale', () => {
    const faults = faultsOf({
      'plan.yaml': `${header}${validNodes}links:\n  - { from: test-plan/p1/a1, type: CONCERNS, to: theme/care-leavers, basis: CURATED }\n`,
    });
    expect(faults).toEqual([expect.stringMatching(/links\[0\]\.rationale: a CURATED link needs a rationale/)]);
  });

  it('rejects a link between labels its type cannot join', () => {
    const faults = faultsOf({ 'plan.yaml': `${header}${validNodes}links:\n  - { from: theme/care-leavers, type: RESPONDS_TO, to: test-plan/p1 }\n` });
    expect(faults).toEqual([
      expect.stringMatching(/links\[0\]\.from: the start of a RESPONDS_TO link must be Priority or Objective or Action, but theme\/care-leavers is Theme/),
      expect.stringMatching(/links\[0\]\.to: the end of a RESPONDS_TO link must be Evidence, but test-plan\/p1 is Priority/),
    ]);
  });

  it('rejects a cycle in the hierarchy', () => {
    const cyclic = validNodes.replace('    parent: test-plan\n    title: Keep children safe', '    parent: test-plan/p1/a2\n    title: Keep children safe');
    const faults = faultsOf({
      'plan.yaml': `${header}${cyclic}  - id: test-plan/p1/a2
    label: Priority
    parent: test-plan/p1
    title: Help unpaid carers.
    source: { section: Priorities, excerpt: "Help unpaid carers." }
`,
    });
    expect(faults).toEqual([
      expect.stringMatching(/cycle: test-plan\/p1 → test-plan\/p1\/a2 → test-plan\/p1|cycle: test-plan\/p1\/a2 → test-plan\/p1 → test-plan\/p1\/a2/),
    ]);
  });

  it('rejects an id defined in two files, naming both', () => {
    const other = `${header.replace('document/test-plan', 'document/other')}nodes:
  - id: theme/care-leavers
    label: Theme
    title: Care leavers again
    source: { section: Priorities, excerpt: "care leavers" }
`;
    const faults = faultsOf({ 'a.yaml': `${header}${validNodes}`, 'b.yaml': other });
    expect(faults).toEqual([expect.stringMatching(/seed\/b\.yaml:\d+ nodes\[0\]\.id: theme\/care-leavers is already defined in seed\/a\.yaml \(nodes\[4\]\)/)]);
  });

  it('reports broken YAML with its line', () => {
    const faults = faultsOf({ 'plan.yaml': `${header}nodes:\n  - id: x\n   label: [unclosed\n` });
    expect(faults[0]).toMatch(/^seed\/plan\.yaml:\d+ : /);
  });

  it('makes one observation node per period, breakdown and area, with unit and period on each', () => {
    writeFileSync(
      join(dir, 'plan.yaml'),
      `${header}${validNodes}  - id: measure/test/care-leavers-in-work
    label: Measure
    parent: test-plan/p1
    title: Care leavers in work
    unit: per cent
    polarity: HIGHER_IS_BETTER
    area: Test
    source: { section: Priorities, excerpt: "care leavers into work" }
    observations:
      - { period: "2023", value: 41 }
      - { period: "2024", value: 45 }
      - { period: "2024", value: 48, area: England }
`,
    );
    const faults = faultsOf({});
    expect(faults).toEqual([expect.stringMatching(/nodes\[5\]\.parent: the parent of a Measure|a Measure cannot have a parent/)]);
    writeFileSync(
      join(dir, 'plan.yaml'),
      `${header}${validNodes}  - id: measure/test/care-leavers-in-work
    label: Measure
    title: Care leavers in work
    unit: per cent
    polarity: HIGHER_IS_BETTER
    area: Test
    source: { section: Priorities, excerpt: "care leavers into work" }
    observations:
      - { period: "2023", value: 41 }
      - { period: "2024", value: 45 }
      - { period: "2024", value: 48, area: England }
`,
    );
    const observations = readSeedDirectory(dir).nodes.filter(({ label }) => label === 'Observation');
    expect(observations.map(({ id, props }) => [id, props.unit, props.period, props.area])).toEqual([
      ['measure/test/care-leavers-in-work/2023', 'per cent', '2023', 'Test'],
      ['measure/test/care-leavers-in-work/2024', 'per cent', '2024', 'Test'],
      ['measure/test/care-leavers-in-work/2024/england', 'per cent', '2024', 'England'],
    ]);
  });
});
