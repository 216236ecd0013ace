import { describe, expect, it } from 'vitest';
import { excerptFinder } from '../rules/index.ts';
import { buildBatch } from './batch-steps.ts';
import { parseSeedText, type SeedFault } from './seed-files.ts';
import type { Source } from './seed-format.ts';
import { parseStrategyDocument } from './text/parse-document.ts';
import { Quoter, toSourceLines } from './text/source-text.ts';

// A PDF's text as its reader writes it: a mark where each page starts.
const paged = [
  '<!-- page 1 -->',
  '',
  '# Example Council Plan 2025-2029',
  '',
  'Our priorities are:',
  '',
  '- Healthy lives',
  '- Safe streets',
  '',
  '<!-- page 2 -->',
  '',
  '## Healthy lives',
  '',
  '### Key actions',
  '',
  '- Open a carers hub in every town by 2026',
  '',
  '<!-- page 3 -->',
  '',
  '## Safe streets',
  '',
  '### Key actions',
  '',
  '- Light every underpass in the borough with new lamps',
  '',
].join('\n');

const seedWith = (source: string, content = 'Our Plan. Keep children safe.') =>
  [
    `document: { id: document/plan, title: Our Plan, file: plan.txt, kind: STRATEGY, content: "${content}" }`,
    'curation: { by: Curators, at: "2026-01-01" }',
    'nodes:',
    `  - { id: plan, label: Plan, title: Our Plan, kind: STRATEGY, status: ADOPTED, source: ${source} }`,
  ].join('\n');

describe('the page of a source', () => {
  it('is the page of the line each item of a PDF’s text is quoted from, and no page where the text has none', () => {
    const nodesOf = (text: string, fileName: string) =>
      parseStrategyDocument(text, { fileName, at: '2026-12-01' }).seed.nodes as { title?: string; source: Source }[];
    const nodes = nodesOf(paged, 'plan.pdf');
    const sourceOf = (title: string) => nodes.find((node) => node.title === title)?.source;
    expect(sourceOf('Open a carers hub in every town by 2026')).toMatchObject({ excerpt: 'Open a carers hub in every town by 2026', page: 2 });
    expect(sourceOf('Light every underpass in the borough with new lamps')).toMatchObject({ page: 3 });
    expect(sourceOf('Safe streets')?.page).toBe(3);
    for (const node of nodes) expect(node.source.excerpt).not.toContain('<!--');

    const unpaged = nodesOf(paged.replace(/<!-- page \d -->/g, ''), 'plan.md');
    expect(unpaged.length).toBe(nodes.length);
    for (const node of unpaged) expect(node.source).not.toHaveProperty('page');
  });

  it('is the page a citation starts on, and a citation running on across a page break is quoted without the mark', () => {
    const text = [
      '<!-- page 1 -->',
      '',
      '# Example Council Plan 2025-2029',
      '',
      'We will meet our duties under section 42 of the Care',
      '',
      '<!-- page 2 -->',
      '',
      'Act 2014 and the Children Act 1989.',
      '',
    ].join('\n');
    const nodes = parseStrategyDocument(text, { fileName: 'plan.pdf', at: '2026-12-01' }).seed.nodes as { id: string; source: Source }[];
    const sourceOf = (id: string) => nodes.find((node) => node.id === id)?.source;
    expect(sourceOf('authority/care-act-2014')).toMatchObject({ excerpt: 'section 42 of the Care Act 2014', page: 1 });
    expect(sourceOf('authority/care-act-2014/s42')).toMatchObject({ excerpt: 'section 42 of the Care Act 2014', page: 1 });
    expect(sourceOf('authority/children-act-1989')).toMatchObject({ excerpt: 'Children Act 1989', page: 2 });
  });

  it('is kept on the SOURCED_FROM link, and must be a whole number from 1, named by its line and path', () => {
    const faults: SeedFault[] = [];
    const file = parseSeedText(seedWith('{ section: Title, excerpt: Our Plan, page: 4 }'), 'plan.yaml', null, faults);
    expect(faults).toEqual([]);
    const { batch, faults: batchFaults } = buildBatch([file!], new Map());
    expect(batchFaults).toEqual([]);
    expect(batch.links.find((link) => link.type === 'SOURCED_FROM')?.props).toMatchObject({ section: 'Title', excerpt: 'Our Plan', page: 4 });
    const unpaged = buildBatch([parseSeedText(seedWith('{ section: Title, excerpt: Our Plan }'), 'plan.yaml', null, faults)!], new Map());
    expect(unpaged.batch.links.find((link) => link.type === 'SOURCED_FROM')?.props).not.toHaveProperty('page');
    expect(faults).toEqual([]);

    for (const page of ['0', '2.5', '"3"']) {
      const bad: SeedFault[] = [];
      expect(parseSeedText(seedWith(`{ section: Title, excerpt: Our Plan, page: ${page} }`), 'plan.yaml', null, bad)).toBeUndefined();
      expect(bad).toEqual([expect.objectContaining({ path: 'nodes[0].source.page', line: 4 })]);
    }
  });
});

describe('page marks in a document’s text', () => {
  const text = 'Aim to ensure that every child\n\n<!-- page 2 -->\n\nhas the best start in life.\n';

  it('are no words of the document: an excerpt holding one is refused, and one running on across the page break is found', () => {
    const found = excerptFinder(text);
    expect(found('Aim to ensure that every child has the best start in life.')).toBe(true);
    expect(found('<!-- page 2 -->')).toBe(false);
    expect(found('every child <!-- page 2 --> has the best start')).toBe(false);
    expect(found('page 2')).toBe(false);
  });

  it('are never quoted: words running on across a page break are quoted whole, without the mark', () => {
    const lines = toSourceLines(text).filter((line) => line.text);
    expect(lines.map((line) => line.page)).toEqual([undefined, 2]);
    const quoter = new Quoter(text);
    expect(quoter.quote('Aim to ensure that every child has the best start in life.', lines)).toBe(
      'Aim to ensure that every child has the best start in life.',
    );
    // Words not found as wanted fall back to the lines' own text, still without the mark.
    expect(quoter.quote('Something else entirely', lines)).not.toContain('<!--');
  });
});
