import { describe, expect, it } from 'vitest';
import {
  csvTemplate,
  csvTemplateColumns,
  decodeFile,
  groupByKind,
  importedPlanId,
  listCounts,
  MAX_IMPORT_BYTES,
  noteLocation,
  publisherProblem,
  splitLinks,
} from './importing.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeFile', () => {
  it('reads UTF-8 text and drops a byte-order mark', () => {
    expect(decodeFile('plan.md', bytes('\uFEFF# Plan – 2025\n'))).toEqual({ ok: true, fileName: 'plan.md', content: '# Plan – 2025\n', contentBase64: null });
  });

  it('sends a PDF or Word document as its bytes in base64, for the server to read', () => {
    const pdf = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0xff, 0x00, 0x80]);
    expect(decodeFile('plan.pdf', pdf)).toEqual({ ok: true, fileName: 'plan.pdf', content: null, contentBase64: Buffer.from(pdf).toString('base64') });
    const large = new Uint8Array(100_000).map((_, index) => index % 256);
    expect(decodeFile('plan.docx', large)).toMatchObject({ contentBase64: Buffer.from(large).toString('base64') });
  });

  it('refuses bytes that are not UTF-8, naming the file, rather than replacing them', () => {
    const latin1 = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x70, 0x6c, 0x61, 0x6e]);
    const decoded = decodeFile('café.txt', latin1);
    expect(decoded).toMatchObject({ ok: false });
    expect(!decoded.ok && decoded.message).toMatch(/^café\.txt is not UTF-8 text: save it as UTF-8/);
  });

  it('refuses other file types, empty files and files over 2 MB', () => {
    expect(decodeFile('plan.doc', bytes('x'))).toMatchObject({
      ok: false,
      message: 'plan.doc cannot be imported: choose a .yaml, .yml, .json, .csv, .txt, .md, .html, .pdf or .docx file',
    });
    expect(decodeFile('plan.pdf', new Uint8Array(0))).toMatchObject({ ok: false });
    expect(decodeFile('plan.TXT', bytes('  \n'))).toMatchObject({ ok: false, message: 'plan.TXT is empty: choose a file with the document’s text in it' });
    expect(decodeFile('big.csv', new Uint8Array(MAX_IMPORT_BYTES + 1))).toMatchObject({
      ok: false,
      message: 'big.csv is 2.0 MB: a file must be 2 MB or smaller',
    });
  });
});

describe('previews', () => {
  const nodes = [
    { id: 'a1', label: 'Action' },
    { id: 'p', label: 'Plan' },
    { id: 'p1', label: 'Priority' },
    { id: 'a2', label: 'Action' },
    { id: 'd', label: 'Document' },
    { id: 'x', label: 'Mystery' },
  ];

  it('groups what would be created by kind, plan first, keeping the file’s order within a kind', () => {
    const groups = groupByKind(nodes);
    expect(groups.map(({ label, heading, count, nodes: members }) => [label, heading, count, members.map(({ id }) => id)])).toEqual([
      ['Document', 'Source documents', '1 source document', ['d']],
      ['Plan', 'Plans', '1 plan', ['p']],
      ['Priority', 'Priorities', '1 priority', ['p1']],
      ['Action', 'Actions', '2 actions', ['a1', 'a2']],
      ['Mystery', 'Mystery', '1 mystery', ['x']],
    ]);
    expect(listCounts(groups.slice(0, 4))).toBe('1 source document, 1 plan, 1 priority and 2 actions');
    expect(listCounts([])).toBe('nothing');
    expect(groupByKind([{ label: 'Priority' }, { label: 'Priority' }, { label: 'Evidence' }]).map(({ count }) => count)).toEqual([
      '2 priorities',
      '1 piece of evidence',
    ]);
  });

  it('names where a fault is', () => {
    expect(noteLocation({ line: 12, path: 'nodes[3].title' })).toBe('Line 12, nodes[3].title');
    expect(noteLocation({ line: 4, path: null })).toBe('Line 4');
    expect(noteLocation({ line: null, path: 'links[0]' })).toBe('links[0]');
    expect(noteLocation({})).toBeNull();
  });

  it('sets provenance links apart and finds the plan to link to', () => {
    const links = [{ type: 'SOURCED_FROM' }, { type: 'HAS_PRIORITY' }, { type: 'SOURCED_FROM' }];
    expect(splitLinks(links)).toEqual({ links: [{ type: 'HAS_PRIORITY' }], provenance: [{ type: 'SOURCED_FROM' }, { type: 'SOURCED_FROM' }] });
    expect(importedPlanId({ created: nodes, updated: [] })).toBe('p');
    expect(importedPlanId({ created: [], updated: [{ id: 'q', label: 'Plan' }] })).toBe('q');
    expect(importedPlanId({ created: [{ id: 'e', label: 'Evidence' }], updated: [] })).toBeNull();
  });

  it('checks a publisher id’s shape', () => {
    expect(publisherProblem('')).toBeNull();
    expect(publisherProblem('org/redbridge-council')).toBeNull();
    expect(publisherProblem('Redbridge Council')).toMatch(/^Publisher must be an organisation’s id/);
  });
});

describe('csvTemplate', () => {
  it('has the importer’s columns, in order, and a plan with a priority and two actions under it', () => {
    const [header, ...rows] = csvTemplate().trimEnd().split('\r\n');
    expect(header).toBe(
      'id,parent,label,title,code,term,text,kind,status,corporate,discretionary,owner,themes,period_start,period_end,legislation_id,unit,polarity',
    );
    expect(header!.split(',')).toEqual([...csvTemplateColumns]);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.replace(/"[^"]*"/g, 'quoted').split(',')).toHaveLength(csvTemplateColumns.length);
    expect(rows[1]).toBe('example-plan-2025/p1,example-plan-2025,Priority,"Healthy, independent lives",1,Priority,,,,yes,,,,,,,,');
    expect(rows.slice(1).map((row) => row.split(',')[1])).toEqual(['example-plan-2025', 'example-plan-2025/p1', 'example-plan-2025/p1']);
  });
});
