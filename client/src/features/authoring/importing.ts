/**
 * The pure side of importing: reading the chosen file as UTF-8 (refused in the browser when it is
 * not) or, for a PDF or Word document, as base64 bytes; grouping a preview by kind, naming where a fault is, and the CSV template.
 */
import { writeCsv } from '../../../../schema/csv.ts';
import { csvTemplateColumns } from '../../../../schema/csv-template.ts';

/** The file types the importer reads, by extension. */
export const importExtensions = ['.yaml', '.yml', '.json', '.csv', '.txt', '.md', '.html', '.pdf', '.docx'] as const;

/** Formats sent as bytes (base64): the server extracts their text. */
const binaryExtensions = ['.pdf', '.docx'];

/** The API's limit on an imported file. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export type DecodedFile =
  | { ok: true; fileName: string; content: string | null; contentBase64: string | null }
  | { ok: false; fileName: string; message: string };

/** Bytes as base64, in chunks so a 2 MB file does not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

const extensionOf = (fileName: string) => /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? '';

/**
 * Reads a chosen file's bytes as UTF-8 text. Bytes that are not UTF-8 are refused rather than
 * replaced, so a file saved in another encoding is never imported with mangled words.
 */
export function decodeFile(fileName: string, bytes: ArrayBuffer | Uint8Array): DecodedFile {
  const extension = extensionOf(fileName);
  if (!(importExtensions as readonly string[]).includes(extension)) {
    return { ok: false, fileName, message: `${fileName} cannot be imported: choose a .yaml, .yml, .json, .csv, .txt, .md, .html, .pdf or .docx file` };
  }
  const size = bytes.byteLength;
  if (size > MAX_IMPORT_BYTES) {
    return { ok: false, fileName, message: `${fileName} is ${(size / 1024 / 1024).toFixed(1)} MB: a file must be 2 MB or smaller` };
  }
  if (binaryExtensions.includes(extension)) {
    if (size === 0) return { ok: false, fileName, message: `${fileName} is empty: choose a file with the document’s text in it` };
    return { ok: true, fileName, content: null, contentBase64: toBase64(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)) };
  }
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      fileName,
      message: `${fileName} is not UTF-8 text: save it as UTF-8 (in most editors, “Save as” then choose the UTF-8 encoding) and choose it again`,
    };
  }
  content = content.replace(/^\uFEFF/, '');
  if (!content.trim()) return { ok: false, fileName, message: `${fileName} is empty: choose a file with the document’s text in it` };
  return { ok: true, fileName, content, contentBase64: null };
}

/** Kinds in the order a preview lists them, with their plural names. */
const kinds: [label: string, plural: string, singular: string][] = [
  ['Document', 'Source documents', 'source document'],
  ['Plan', 'Plans', 'plan'],
  ['Priority', 'Priorities', 'priority'],
  ['Objective', 'Objectives', 'objective'],
  ['Action', 'Actions', 'action'],
  ['Measure', 'Measures', 'measure'],
  ['Observation', 'Observations', 'observation'],
  ['Evidence', 'Evidence', 'piece of evidence'],
  ['Authority', 'Authorities', 'authority'],
  ['Provision', 'Provisions', 'provision'],
  ['Organisation', 'Organisations', 'organisation'],
  ['Role', 'Owners', 'owner'],
  ['Theme', 'Themes', 'theme'],
];

export interface KindGroup<T> {
  label: string;
  /** "Priorities". */
  heading: string;
  /** "2 priorities". */
  count: string;
  nodes: T[];
}

const plural: Record<string, string> = { 'piece of evidence': 'pieces of evidence', authority: 'authorities', priority: 'priorities' };
const counted = (count: number, singular: string) => `${count} ${count === 1 ? singular : (plural[singular] ?? `${singular}s`)}`;

/** Nodes grouped by kind in a fixed order (plan first, then what sits under it), each keeping its order. */
export function groupByKind<T extends { label: string }>(nodes: readonly T[]): KindGroup<T>[] {
  const known = kinds.map(([label]) => label);
  const order = [...known, ...[...new Set(nodes.map(({ label }) => label))].filter((label) => !known.includes(label))];
  return order.flatMap((label) => {
    const members = nodes.filter((node) => node.label === label);
    if (members.length === 0) return [];
    const [, heading, singular] = kinds.find(([known]) => known === label) ?? [label, label, label.toLowerCase()];
    return [{ label, heading, count: counted(members.length, singular), nodes: members }];
  });
}

/** "1 plan, 2 priorities and 3 actions". */
export function listCounts(groups: readonly { count: string }[]): string {
  const parts = groups.map(({ count }) => count);
  if (parts.length <= 1) return parts[0] ?? 'nothing';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Where a fault or an unread line is: "Line 12", "nodes[3].title" or "Line 12, nodes[3].title". */
export function noteLocation(note: { line?: number | null; path?: string | null }): string | null {
  const parts = [note.line ? `Line ${note.line}` : null, note.path || null].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

/** Links apart from the provenance links that tie each item to the source document. */
export function splitLinks<T extends { type: string }>(links: readonly T[]): { links: T[]; provenance: T[] } {
  return { links: links.filter(({ type }) => type !== 'SOURCED_FROM'), provenance: links.filter(({ type }) => type === 'SOURCED_FROM') };
}

/** The plan an import made or changed, to link to. */
export function importedPlanId(result: {
  created: readonly { id: string; label: string }[];
  updated: readonly { id: string; label: string }[];
}): string | null {
  return [...result.created, ...result.updated].find(({ label }) => label === 'Plan')?.id ?? null;
}

/** Why a publisher id cannot be right, or null. The API checks that the organisation exists. */
export function publisherProblem(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9.-]*)*$/.test(trimmed)
    ? null
    : 'Publisher must be an organisation’s id, in lower case with no spaces, such as org/redbridge-council';
}

export { csvTemplateColumns };

/** What each column of the template holds, for the help text. */
export const csvColumnHelp: Record<(typeof csvTemplateColumns)[number], string> = {
  id: 'a stable id in lower case, such as my-plan-2025/p1; left blank, one is made from the plan and the code or title',
  parent: 'the id of the row (or of an item already in the graph) it sits under',
  label: 'Plan, Priority, Objective, Action, Measure, Evidence, Authority, Provision, Organisation, Role or Theme (required)',
  title: 'its title as the source words it (required)',
  code: 'the source’s own number or name for it, such as 1 or Strategic Priority 1',
  term: 'what the source calls this level, such as We will or Deliverable',
  text: 'the full wording, where longer than the title',
  kind: 'a plan’s kind (STRATEGY, CORPORATE_PLAN, …) or an authority’s or evidence’s kind',
  status: 'a plan’s status: DRAFT, CONSULTATION, ADOPTED, EXPIRED, SUPERSEDED or UNKNOWN',
  corporate: 'yes for a council-wide priority',
  discretionary: 'yes for an action that needs no statutory basis',
  owner: 'the id of the role or organisation that owns it',
  themes: 'theme ids, separated by semicolons',
  period_start: 'a plan’s first year',
  period_end: 'a plan’s last year',
  legislation_id: 'an authority’s legislation.gov.uk id, such as ukpga/2014/23',
  unit: 'a measure’s unit',
  polarity: 'a measure’s HIGHER_IS_BETTER, LOWER_IS_BETTER or NEUTRAL',
};

/** The CSV template: the header and a small example plan with a priority and two actions. */
export function csvTemplate(): string {
  const row = (values: Partial<Record<(typeof csvTemplateColumns)[number], string>>) => csvTemplateColumns.map((column) => values[column]);
  return writeCsv(csvTemplateColumns, [
    row({
      id: 'example-plan-2025',
      label: 'Plan',
      title: 'Example Council Plan 2025-2030',
      kind: 'STRATEGY',
      status: 'ADOPTED',
      period_start: '2025',
      period_end: '2030',
    }),
    row({
      id: 'example-plan-2025/p1',
      parent: 'example-plan-2025',
      label: 'Priority',
      title: 'Healthy, independent lives',
      code: '1',
      term: 'Priority',
      corporate: 'yes',
    }),
    row({
      id: 'example-plan-2025/p1/a1',
      parent: 'example-plan-2025/p1',
      label: 'Action',
      title: 'Offer every unpaid carer an assessment of their needs',
      code: '1.1',
      term: 'We will',
    }),
    row({
      id: 'example-plan-2025/p1/a2',
      parent: 'example-plan-2025/p1',
      label: 'Action',
      title: 'Open a carers’ hub in each town, with partners',
      code: '1.2',
      term: 'We will',
    }),
  ]);
}

/** What a person can say a part of a document's outline is (the server's choice kinds). */
export const partKindOptions = [
  { value: 'priorities', label: 'Priorities' },
  { value: 'objectives', label: 'Objectives' },
  { value: 'actions', label: 'Actions' },
  { value: 'actions of the plan', label: 'Actions of the whole plan, under no priority' },
  { value: 'measures', label: 'Measures (kept as context)' },
  { value: 'recommendations', label: 'Recommendations' },
  { value: 'context', label: 'Context, skip it' },
] as const;

/** The choices of a preview (`section "X" = context`) by their target. */
export function choicesByTarget(texts: readonly string[]): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const text of texts) {
    const split = / = ([a-z]+(?: [a-z]+)*)$/.exec(text);
    if (split) chosen.set(text.slice(0, split.index), split[1]!);
  }
  return chosen;
}

/** The choices to send, in the server's words, from the kinds chosen per target. */
export const choiceTexts = (chosen: ReadonlyMap<string, string>): string[] =>
  [...chosen].filter(([, kind]) => kind).map(([target, kind]) => `${target} = ${kind}`);

/** A part of the outline with the parts inside it, for drawing the outline as a nested list. */
export interface OutlineNode<T> {
  part: T;
  children: OutlineNode<T>[];
}

/** Nests the outline's flat parts by their depth. */
export function outlineTree<T extends { depth: number }>(parts: readonly T[]): OutlineNode<T>[] {
  const roots: OutlineNode<T>[] = [];
  const open: OutlineNode<T>[] = [];
  for (const part of parts) {
    const node = { part, children: [] };
    while (open.length > part.depth || (open.length && open[open.length - 1]!.part.depth >= part.depth)) open.pop();
    (open.length ? open[open.length - 1]!.children : roots).push(node);
    open.push(node);
  }
  return roots;
}
