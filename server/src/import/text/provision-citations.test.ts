import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProvisionCitations } from '../../legislation/citations.ts';
import { provisionNodeId } from '../../legislation/identifiers.ts';
import { checkSeed, type SeedFault, validateSeeds } from '../seed-files.ts';
import { entryOfStatute, statuteTitleCandidates } from '../../legislation/stored-catalogue.ts';
import { parseStrategyDocument } from './parse-document.ts';

const plan = `# Northshire Family Support Plan 2025-2028

## Priority 1: Children in need

We will:

- Assess every child in need under ss. 17 and 20 of the Children Act 1989 within 45 days.
- Publish how partners meet the s.11 Children Act 2004 duty to safeguard children.
- Meet Part 1 of the Care Act for young carers moving to adult services.
- Apply reg. 4 of the Care and Support (Eligibility Criteria) Regulations 2015 to carers' assessments.
- Licence every late-night venue under the Northshire Licensing Act 2031.
- Run a holiday activities programme.
`;

/** Parses the plan and checks it as the loader will, returning its nodes and links. */
function parse(text: string, statutes = [] as Parameters<typeof parseStrategyDocument>[1]['statutes']) {
  const { seed } = parseStrategyDocument(text, { fileName: 'plan.md', at: '2026-01-01', statutes });
  const faults: SeedFault[] = [];
  const parsed = checkSeed({ ...seed, document: { ...seed.document, content: text } }, 'plan.md', null, faults);
  expect(faults).toEqual([]);
  const batch = validateSeeds([parsed!], faults);
  return { seed, batch };
}

describe('section-level citations in an imported document', () => {
  it('become Provision nodes under their Act, sourced from the citation, with suggested links from the items that cite them', () => {
    const { seed, batch } = parse(plan);
    type Provision = { id: string; code: string; parent: string; source: { excerpt: string } };
    const provisions = seed.nodes.filter((node) => 'label' in node && node.label === 'Provision') as unknown as Provision[];
    expect(provisions.map((node) => `${node.id} ${node.code} ${node.parent} «${node.source.excerpt}»`)).toEqual([
      'authority/children-act-1989/s17 s.17 authority/children-act-1989 «ss. 17 and 20 of the Children Act 1989»',
      'authority/children-act-1989/s20 s.20 authority/children-act-1989 «ss. 17 and 20 of the Children Act 1989»',
      'authority/children-act-2004/s11 s.11 authority/children-act-2004 «s.11 Children Act 2004»',
      'authority/care-act-2014/part1 Part 1 authority/care-act-2014 «Part 1 of the Care Act»',
      'authority/care-and-support-eligibility-criteria-regulations-2015/reg4 regulation 4 authority/care-and-support-eligibility-criteria-regulations-2015 «reg. 4 of the Care and Support (Eligibility Criteria) Regulations 2015»',
    ]);
    // Each sits under its Act, and the section it was cited in is its provenance.
    const placed = batch.links.filter(({ type }) => type === 'HAS_PROVISION').map(({ from, to }) => `${from} → ${to}`);
    expect(placed).toContain('authority/children-act-1989 → authority/children-act-1989/s17');
    expect(placed).toHaveLength(5);
    const sourced = batch.links.find(({ type, from }) => type === 'SOURCED_FROM' && from === 'authority/children-act-2004/s11');
    expect(sourced?.props).toMatchObject({ basis: 'STATED', section: 'Northshire Family Support Plan 2025-2028', excerpt: 's.11 Children Act 2004' });

    const basis = seed.links.filter(({ type }) => type === 'GIVES_EFFECT_TO').map(({ from, to, basis }) => `${from.replace(/^.*\//, '')} → ${to} ${basis}`);
    expect(basis).toEqual([
      'w1 → authority/children-act-1989/s17 SUGGESTED',
      'w1 → authority/children-act-1989/s20 SUGGESTED',
      'w2 → authority/children-act-2004/s11 SUGGESTED',
      'w3 → authority/care-act-2014/part1 SUGGESTED',
      'w4 → authority/care-and-support-eligibility-criteria-regulations-2015/reg4 SUGGESTED',
    ]);
    // Not in the built-in catalogue, and no stored one given: not resolved.
    expect(seed.nodes.some((node) => JSON.stringify(node).includes('licensing'))).toBe(false);
  });

  it('resolves an Act only the stored catalogue knows when its entries are passed in', () => {
    const titles = statuteTitleCandidates(plan);
    expect(titles).toContain('Northshire Licensing Act 2031');
    const stored = entryOfStatute({ legislationId: 'ukpga/2031/7', title: 'Northshire Licensing Act 2031', type: 'ukpga' })!;
    const { seed } = parse(plan, [stored]);
    expect(seed.nodes.find(({ id }) => id === 'authority/northshire-licensing-act-2031')).toMatchObject({
      label: 'Authority',
      kind: 'ACT',
      title: 'Northshire Licensing Act 2031',
      legislationId: 'ukpga/2031/7',
      year: 2031,
    });
    expect(seed.links.filter(({ to }) => to === 'authority/northshire-licensing-act-2031').map(({ type, basis }) => `${type} ${basis}`)).toEqual([
      'CITES STATED',
      'GIVES_EFFECT_TO SUGGESTED',
    ]);
  });
});

describe('statuteTitleCandidates and entryOfStatute', () => {
  it('offers each name ending in a kind and year from each capitalised word, never past the end of a sentence', () => {
    expect(statuteTitleCandidates('Licensing is hard. Under the Licensing Act 2003, we will act.')).toEqual([
      'Licensing Act 2003',
      'Under the Licensing Act 2003',
    ]);
    expect(statuteTitleCandidates('the Anti-social Behaviour, Crime and Policing Act 2014')).toContain('Anti-social Behaviour, Crime and Policing Act 2014');
    expect(statuteTitleCandidates('the Smoke-free (Private Vehicles) Regulations 2015 apply')).toContain('Smoke-free (Private Vehicles) Regulations 2015');
    expect(statuteTitleCandidates('We act in 2015 and plan for 2030.')).toEqual([]);
  });

  it('makes an Act or regulation of a row, and nothing of an identifier an Authority cannot hold', () => {
    expect(entryOfStatute({ legislationId: 'uksi/2015/1', title: 'The Test Regulations 2015', type: 'uksi' })).toMatchObject({
      id: 'authority/test-regulations-2015',
      kind: 'REGULATION',
      year: 2015,
    });
    expect(entryOfStatute({ legislationId: 'ukpga/Eliz2/3-4/19', title: 'Old Act 1955', type: 'ukpga' })).toBeNull();
  });
});

describe('the seed documents', () => {
  const documentsDir = join(import.meta.dirname, '../../../../seed/documents');
  const names = readdirSync(documentsDir).filter((name) => name.endsWith('.txt'));

  it.each(names)('%s: every section-level citation it makes is a Provision node of its import', (name) => {
    const text = readFileSync(join(documentsDir, name), 'utf8');
    const cited = findProvisionCitations(text).flatMap(({ authority, provisions }) =>
      provisions.map(({ provision }) => provisionNodeId(authority.id, provision)),
    );
    const { seed } = parseStrategyDocument(text, { fileName: name, at: '2026-01-01' });
    const made = seed.nodes.flatMap((node) => ('label' in node && node.label === 'Provision' ? [node.id] : []));
    expect(made.sort()).toEqual([...new Set(cited)].sort());
  });
});
