/**
 * What the text importer builds for one document while it reads: the nodes and links of the seed
 * file, each line's verdict (used, page furniture, or why it was not understood) and the section
 * each line sits in. Shared by the plan and inspection readers.
 */
import type { LinkDefinition, NodeDefinition } from '../seed-format.ts';
import type { ClassifiedLine } from './classify.ts';
import type { Quoter, SourceLine } from './source-text.ts';

/** A node definition of the seed format, as built up field by field. */
export type Node = NodeDefinition & Record<string, unknown>;

/** Line verdicts other than a reason for not understanding the line. */
export const USED = 'used';
export const FURNITURE = 'furniture';
/** A line a person said is context: understood, and deliberately not imported. */
export const CONTEXT = 'context';

/** The title block of a document, and the names derived from it. */
export interface Heading {
  /** The document's title as it titles itself, subtitle joined with a colon. */
  documentTitle: string;
  /** The title's first part, for the document's id ("People Strategy Consultation"). */
  documentName: string;
  /** The plan's name: the title without dated or consultation tails ("People Strategy"). */
  planName: string;
  /** The title without its subtitle, for the plan's id. */
  mainTitle: string;
  lineIndexes: number[];
  excerpt: string;
}

/** Puts the publisher's name before a slug, unless the slug already names it. */
export const withPrefix = (prefix: string, slug: string) => (prefix && !`-${slug}-`.includes(`-${prefix}-`) ? `${prefix}-${slug}` : slug);

/** Node fields in the order the hand-made seed files use, so generated files read alike. */
const keyOrder = [
  'id',
  'label',
  'kind',
  'title',
  'parent',
  'owner',
  'code',
  'term',
  'status',
  'grade',
  'date',
  'periodStart',
  'periodEnd',
  'legislationId',
  'year',
  'citedAs',
  'corporate',
  'text',
  'source',
];
const keyRank = (key: string) => {
  const rank = keyOrder.indexOf(key);
  return rank === -1 ? keyOrder.length : rank;
};
export const inKeyOrder = (node: Node) => Object.fromEntries(Object.entries(node).sort(([a], [b]) => keyRank(a) - keyRank(b)));

/** An item's full words when its title shortened them; nothing when they only differ in capitals. */
export const fullText = (words: string, title: string) => {
  const plain = (value: string) => value.toLowerCase().replace(/[\s.:;,]+$/, '');
  return words && plain(words) !== plain(title) ? words : undefined;
};

/** The labels of the items a document's outline becomes (not the organisations, roles and law it names). */
const outlineLabels = new Set(['Priority', 'Objective', 'Action', 'Evidence']);

/** Collects the nodes, links and per-line verdicts of one document. */
export class Output {
  readonly nodes: Node[] = [];
  readonly links: LinkDefinition[] = [];
  readonly byId = new Map<string, Node>();
  /** The item's own words, for finding the legislation it cites. */
  readonly words = new Map<string, string>();
  readonly children = new Map<string, string[]>();
  readonly status: (string | undefined)[];
  /** The section (heading) each line sits in, for the `section` of sources. */
  readonly sections: string[];
  /** The lines each node was quoted from, for telling what each part of the outline became. */
  readonly linesOf = new Map<string, number[]>();
  private readonly linkKeys = new Set<string>();
  /** The lines last quoted: a node's excerpt is quoted just before the node is added. */
  private lastQuoted?: number[];
  /** The excerpt last quoted, and the page its first line is on, for the source of the node it is quoted for. */
  private lastExcerpt?: { excerpt: string; page?: number };
  private readonly suffixes = new Map<string, number>();

  constructor(
    readonly lines: SourceLine[],
    readonly classified: ClassifiedLine[],
    readonly quoter: Quoter,
  ) {
    this.status = new Array<string | undefined>(lines.length).fill(undefined);
    this.sections = new Array<string>(lines.length).fill('');
  }

  /** `base`, or `base-2`, `base-3` … when a node already has it. */
  uniqueId(base: string): string {
    if (!this.byId.has(base)) return base;
    for (let n = this.suffixes.get(base) ?? 2; ; n += 1) {
      if (!this.byId.has(`${base}-${n}`)) {
        this.suffixes.set(base, n + 1);
        return `${base}-${n}`;
      }
    }
  }

  /** Adds a node (without its empty fields); `words` are its own words, for citations. */
  add(node: Node, words?: string): Node {
    const clean = Object.fromEntries(Object.entries(node).filter(([, value]) => value !== undefined && value !== '')) as Node;
    this.nodes.push(clean);
    this.byId.set(clean.id, clean);
    if (words) this.words.set(clean.id, words);
    if (this.lastQuoted?.length && outlineLabels.has(clean.label)) this.linesOf.set(clean.id, this.lastQuoted);
    // Only a source quoted from lines just now gets their page: a title block or a citation quoted otherwise has none.
    const page = this.lastExcerpt?.page;
    if (page && clean.source?.excerpt === this.lastExcerpt?.excerpt) clean.source = { ...clean.source, page };
    this.lastQuoted = undefined;
    this.lastExcerpt = undefined;
    if (clean.parent) {
      const siblings = this.children.get(clean.parent);
      if (siblings) siblings.push(clean.id);
      else this.children.set(clean.parent, [clean.id]);
    }
    return clean;
  }

  remove(id: string): void {
    const index = this.nodes.findIndex((node) => node.id === id);
    if (index >= 0) this.nodes.splice(index, 1);
    const parent = this.byId.get(id)?.parent;
    if (parent)
      this.children.set(
        parent,
        (this.children.get(parent) ?? []).filter((child) => child !== id),
      );
    this.byId.delete(id);
    this.words.delete(id);
    this.linesOf.delete(id);
  }

  /** Moves a node under another parent (or none). */
  reparent(node: Node, parent: string | undefined): void {
    const before = node.parent;
    if (before === parent) return;
    if (before)
      this.children.set(
        before,
        (this.children.get(before) ?? []).filter((child) => child !== node.id),
      );
    if (parent) this.children.set(parent, [...(this.children.get(parent) ?? []), node.id]);
    if (parent) (node as Record<string, unknown>).parent = parent;
    else delete (node as Record<string, unknown>).parent;
  }

  /** Adds a link once (basis STATED unless given); a link from a node to itself is dropped. */
  link(link: Omit<LinkDefinition, 'basis'> & { basis?: LinkDefinition['basis'] }): void {
    const key = `${link.from} ${link.type} ${link.to}`;
    if (this.linkKeys.has(key) || link.from === link.to) return;
    this.linkKeys.add(key);
    this.links.push(Object.fromEntries(Object.entries({ basis: 'STATED', ...link }).filter(([, value]) => value !== undefined)) as LinkDefinition);
  }

  /** A verbatim excerpt for `wanted` from the given lines (see Quoter). */
  quote(wanted: string, lineIndexes: number[]): string {
    this.lastQuoted = lineIndexes;
    const lines = lineIndexes.map((index) => this.lines[index]!);
    const excerpt = this.quoter.quote(wanted, lines);
    this.lastExcerpt = { excerpt, page: lines[0]?.page };
    return excerpt;
  }

  /** The index of the next line after `index` that has words (and is not furniture, if asked). */
  nextContent(index: number, skipFurniture = false): number {
    for (let at = index + 1; at < this.classified.length; at += 1) {
      const kind = this.classified[at]!.kind;
      if (kind === 'blank' || (skipFurniture && (kind === 'furniture' || this.status[at] === FURNITURE))) continue;
      return at;
    }
    return -1;
  }

  /** Every node below `id` in the hierarchy built so far. */
  descendants(id: string): Node[] {
    const found: Node[] = [];
    const visit = (parent: string) => {
      for (const child of this.children.get(parent) ?? []) {
        const node = this.byId.get(child);
        if (!node) continue;
        found.push(node);
        visit(child);
      }
    };
    visit(id);
    return found;
  }

  /** Makes `roleId` an owner of the node: the `owner` field first, further owners as links. */
  own(node: Node, roleId: string): void {
    if (!node.owner) (node as Record<string, unknown>).owner = roleId;
    else if (node.owner !== roleId) this.link({ from: node.id, type: 'OWNED_BY', to: roleId });
  }
}
