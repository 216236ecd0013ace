/**
 * The steps that turn parsed seed files into one batch of nodes and links, each a function of
 * what it is given: collect the definitions (and refuse duplicate ids), make each file's document
 * node and publisher link, each node entry (provenance, parent, owner, themes, observations),
 * each stated link, then look for cycles and record placement. The rules they apply are
 * server/src/rules; the steps add where each fault is (file, path, line) and what to write.
 */
import { linkRules, loaderLinkRules, type NodeLabel, type RelationshipType } from '../../../schema/graph-model.ts';
import {
  checkLabel,
  checkLink,
  checkNoSelfLink,
  checkParent,
  excerptFinder,
  type Fault,
  type FaultPath,
  findCycles,
  pathText,
  recordPlacement,
} from '../rules/index.ts';
import type { GraphBatch, GraphLink, GraphNode } from '../graph-batch.ts';
import type { LinkDefinition, Mention, NodeDefinition, Source } from './seed-format.ts';
import type { ExistingNode, ParsedFile, SeedFault } from './batch-types.ts';

/** What a step adds to the batch, and the faults it found, in the order it found them. */
export interface StepResult {
  nodes: GraphNode[];
  links: GraphLink[];
  faults: SeedFault[];
}

const empty = (): StepResult => ({ nodes: [], links: [], faults: [] });

/** A fault of `file` at `path` inside it, with the path's line. */
export const faultIn = (file: ParsedFile, path: FaultPath, message: string): SeedFault => ({
  file: file.file,
  path: pathText(path),
  line: file.lineOf([...path]),
  message,
});

/** The rules' faults, found inside `prefix` of `file`. */
const faultsIn = (file: ParsedFile, prefix: FaultPath, faults: readonly Fault[]): SeedFault[] =>
  faults.map(({ at, message }) => faultIn(file, [...prefix, ...at], message));

/** Where a node is defined: its entry, the file and its place in the file's `nodes`. */
export interface Definition {
  node: NodeDefinition;
  file: ParsedFile;
  index: number;
}

/**
 * The first step: every node the files define, by id. A document id used by two files, and an id
 * defined twice (in one file or two), are faults; the first definition is the one kept.
 */
export function collectDefinitions(files: readonly ParsedFile[]): { definitions: Map<string, Definition>; faults: SeedFault[] } {
  const definitions = new Map<string, Definition>();
  const documentIds = new Set<string>();
  const faults: SeedFault[] = [];
  for (const file of files) {
    const documentId = file.seed.document.id;
    if (documentIds.has(documentId)) faults.push(faultIn(file, ['document', 'id'], `document id ${documentId} is used by another seed file`));
    documentIds.add(documentId);
    file.nodes.forEach((node, index) => {
      if ('mention' in node) return;
      const earlier = definitions.get(node.id);
      if (earlier) {
        faults.push(
          faultIn(
            file,
            ['nodes', index, 'id'],
            `${node.id} is already defined in ${earlier.file.file} (nodes[${earlier.index}]); use a mention to name it again`,
          ),
        );
      } else definitions.set(node.id, { node, file, index });
    });
  }
  return { definitions, faults };
}

/** The label of the node an id names, defined in the files or already in the graph; undefined if none. */
export type LabelOf = (id: string) => NodeLabel | undefined;

/** Labels from the files' definitions first, then from the graph (`existing`). */
export const labelsOf =
  (definitions: ReadonlyMap<string, Definition>, existing: ReadonlyMap<string, ExistingNode>): LabelOf =>
  (id) =>
    definitions.get(id)?.node.label ?? (existing.get(id)?.label as NodeLabel | undefined);

const ref = (id: string, labelOf: LabelOf) => ({ id, label: labelOf(id) });

/** The provenance every link a file makes carries: who curated it, when, from which document. */
export const provenanceOf = (file: ParsedFile) => ({ by: file.seed.curation.by, at: file.seed.curation.at, documentId: file.seed.document.id });

/**
 * The links a batch states so far, by start, type and end, with where each was stated (a second
 * of the same is a fault), and how many children each parent has been given (the next child's
 * position). The builder passes one to every step that states links.
 */
export class StatedLinks {
  private readonly where = new Map<string, string>();
  private readonly children = new Map<string, number>();

  /** Records a link stated at `where`; returns where it was stated before, if it was. */
  take(link: { type: string; from: string; to: string }, where: string): string | undefined {
    const key = `${link.from} ${link.type} ${link.to}`;
    const seen = this.where.get(key);
    if (!seen) this.where.set(key, where);
    return seen;
  }

  /** The place of the next child under `parent`, from 0, in the order the children are placed. */
  nextPosition(parent: string): number {
    const position = this.children.get(parent) ?? 0;
    this.children.set(parent, position + 1);
    return position;
  }
}

/**
 * Adds a stated link at `path` of `file` to `result` unless `stated` already holds it, which is
 * a fault naming where it was first stated.
 */
function stateLink(
  result: StepResult,
  file: ParsedFile,
  stated: StatedLinks,
  path: FaultPath,
  link: { type: RelationshipType; from: string; to: string; props: Record<string, unknown> },
): void {
  const seen = stated.take(link, `${file.file} ${pathText(path)}`);
  if (seen) result.faults.push(faultIn(file, path, `duplicate ${link.type} link from ${link.from} to ${link.to} (also at ${seen})`));
  else result.links.push({ ...link, props: { ...provenanceOf(file), ...link.props } });
}

/** The file's source document as a node, with its text. */
export function documentNode(file: ParsedFile): GraphNode {
  const { document } = file.seed;
  return {
    label: 'Document',
    id: document.id,
    props: {
      id: document.id,
      title: document.title,
      file: document.file,
      published: document.published ?? null,
      kind: document.kind,
      url: document.url ?? null,
      content: file.documentText,
    },
  };
}

/** The link from the document's publisher, if it names one, which must be an organisation. */
export function publisherLink(file: ParsedFile, labelOf: LabelOf): StepResult {
  const { publisher, id } = file.seed.document;
  const result = empty();
  if (!publisher) return result;
  const faults = checkLabel(ref(publisher, labelOf), loaderLinkRules.PUBLISHES.from, 'publisher');
  if (faults.length) result.faults.push(...faultsIn(file, ['document', 'publisher'], faults));
  else result.links.push({ type: 'PUBLISHES', from: publisher, to: id, props: { ...provenanceOf(file), basis: 'STATED' } });
  return result;
}

/** What a node entry's step reads besides the entry: its file, the labels, the links stated so far. */
export interface EntryContext {
  file: ParsedFile;
  labelOf: LabelOf;
  /** Whether the entry's id is defined by this entry's file (a second definition elsewhere is not). */
  definedHere: (id: string) => boolean;
  stated: StatedLinks;
  /** Whether an excerpt is in the file's document (one finder per file: see excerptFinder). */
  findExcerpt: (excerpt: string) => boolean;
}

/** The fault of an excerpt not found in the file's document, if it is not. */
export function checkExcerpt(context: Pick<EntryContext, 'file' | 'findExcerpt'>, path: FaultPath, excerpt: string): SeedFault[] {
  if (context.findExcerpt(excerpt)) return [];
  const shown = `${excerpt.slice(0, 80)}${excerpt.length > 80 ? '…' : ''}`;
  return [faultIn(context.file, path, `excerpt not found word for word in ${context.file.seed.document.file}: "${shown}"`)];
}

/** The properties a definition stores on its node as they are: all but those that become links or nodes. */
function nodeProperties(node: NodeDefinition): Record<string, unknown> {
  const { label: _label, source: _source, parent: _parent, owner: _owner, themes: _themes, ...rest } = node;
  const props: Record<string, unknown> = { ...rest };
  delete props.observations;
  return props;
}

/** The properties of a SOURCED_FROM link for a node's source; the page only when the document has pages. */
const sourcedProps = ({ section, excerpt, page }: Source) => ({ basis: 'STATED', section, excerpt, ...(page ? { page } : {}) });

/**
 * One entry of a file's `nodes` (at `index`): its excerpt must be in the document; a mention
 * links a node defined elsewhere to the document; a definition becomes its node, placed under its
 * parent, sourced from the document, linked to its owner and themes, with a measure's
 * observations. A second definition of an id defined in another file adds nothing more (the
 * duplicate is collectDefinitions' fault).
 */
export function nodeEntry(entry: NodeDefinition | Mention, index: number, context: EntryContext): StepResult {
  const { file, labelOf } = context;
  const at = (...path: (string | number)[]) => ['nodes', index, ...path];
  const result = empty();
  result.faults.push(...checkExcerpt(context, at('source', 'excerpt'), entry.source.excerpt));
  const documentId = file.seed.document.id;
  const sourced = { ...provenanceOf(file), ...sourcedProps(entry.source) };
  if ('mention' in entry) {
    if (!labelOf(entry.mention)) result.faults.push(faultIn(file, at('mention'), `unknown id ${entry.mention}`));
    else result.links.push({ type: 'SOURCED_FROM', from: entry.mention, to: documentId, props: sourced });
    return result;
  }
  if (!context.definedHere(entry.id)) return result;

  const props: Record<string, unknown> = { ...nodeProperties(entry), documentId };
  if (entry.parent) {
    const { rule, faults } = checkParent(entry.label, ref(entry.parent, labelOf));
    if (faults.length || !rule) result.faults.push(...faultsIn(file, at('parent'), faults));
    else {
      props.position = context.stated.nextPosition(entry.parent);
      stateLink(result, file, context.stated, at('parent'), { type: rule.type, from: entry.parent, to: entry.id, props: { basis: 'STATED' } });
    }
  }
  result.nodes.push({ label: entry.label, id: entry.id, props });
  result.links.push({ type: 'SOURCED_FROM', from: entry.id, to: documentId, props: sourced });
  if (entry.owner) {
    const faults = checkLabel(ref(entry.owner, labelOf), linkRules.OWNED_BY.to, 'owner', at('owner'));
    if (faults.length) result.faults.push(...faultsIn(file, [], faults));
    else stateLink(result, file, context.stated, at('owner'), { type: 'OWNED_BY', from: entry.id, to: entry.owner, props: { basis: 'STATED' } });
  }
  entry.themes?.forEach((theme, themeIndex) => {
    const faults = checkLabel(ref(theme, labelOf), linkRules.CONCERNS.to, 'a theme', at('themes', themeIndex));
    if (faults.length) result.faults.push(...faultsIn(file, [], faults));
    else stateLink(result, file, context.stated, at('themes', themeIndex), { type: 'CONCERNS', from: entry.id, to: theme, props: { basis: 'STATED' } });
  });
  if (entry.label === 'Measure') {
    const observed = observationsOf(entry, file, at());
    result.nodes.push(...observed.nodes);
    result.links.push(...observed.links);
    result.faults.push(...observed.faults);
  }
  return result;
}

const slugPart = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-|-$/g, '');

/** The latest year a period names ("2015/16" → 2015, "2012/13-2015/16" → 2015), for recency checks. */
export function yearOf(period: string): number | null {
  const years = [...period.matchAll(/\b(1[89]\d\d|2[01]\d\d)\b/g)].map(([year]) => Number(year));
  return years.length ? Math.max(...years) : null;
}

type MeasureDefinition = Extract<NodeDefinition, { label: 'Measure' }>;

/**
 * A measure's observations (the measure's entry at `path` of `file`) as nodes of their own, each
 * with an id made of the measure's, the period and what tells it apart, linked from the measure
 * and sourced as the measure is. Two of the same period, breakdown, area and unit are a fault.
 */
export function observationsOf(measure: MeasureDefinition, file: ParsedFile, path: FaultPath): StepResult {
  const result = empty();
  const provenance = provenanceOf(file);
  const sourced = { ...provenance, ...sourcedProps(measure.source) };
  const seen = new Set<string>();
  measure.observations.forEach((observation, index) => {
    // A figure given in another unit beside the main one (a count beside a percentage) is a
    // separate observation of the same period.
    const otherUnit = observation.unit && observation.unit !== measure.unit ? observation.unit : undefined;
    const otherArea = observation.area && observation.area !== measure.area ? observation.area : undefined;
    const id = [measure.id, slugPart(observation.period), observation.breakdown, otherArea, otherUnit]
      .filter((part): part is string => Boolean(part))
      .map((part, partIndex) => (partIndex === 0 ? part : slugPart(part)))
      .join('/');
    if (seen.has(id)) {
      result.faults.push(faultIn(file, [...path, 'observations', index], `repeats period ${observation.period} with the same breakdown, area and unit`));
      return;
    }
    seen.add(id);
    result.nodes.push({
      label: 'Observation',
      id,
      props: {
        id,
        title: `${measure.title}: ${observation.period}${observation.breakdown ? `, ${observation.breakdown}` : ''}${observation.area ? `, ${observation.area}` : ''}`,
        period: observation.period,
        year: yearOf(observation.period),
        value: observation.value,
        unit: observation.unit ?? measure.unit,
        breakdown: observation.breakdown ?? null,
        area: observation.area ?? measure.area ?? null,
        status: observation.status ?? null,
        position: index,
      },
    });
    result.links.push({ type: 'HAS_OBSERVATION', from: measure.id, to: id, props: { ...provenance, basis: 'STATED' } });
    result.links.push({ type: 'SOURCED_FROM', from: id, to: file.seed.document.id, props: sourced });
  });
  return result;
}

/**
 * One entry of a file's `links` (at `index`): a type a file may state, joining labels its rule
 * allows, its excerpt in the document, two different nodes, stated once.
 */
export function statedLink(link: LinkDefinition, index: number, context: EntryContext): StepResult {
  const { file, labelOf } = context;
  const at = ['links', index];
  const result = empty();
  const faults = checkLink(link.type, ref(link.from, labelOf), ref(link.to, labelOf));
  result.faults.push(...faultsIn(file, at, faults));
  if (faults.some((fault) => fault.at[0] === 'type')) return result;
  if (link.excerpt) result.faults.push(...checkExcerpt(context, [...at, 'excerpt'], link.excerpt));
  const selfLink = checkNoSelfLink(link.from, link.to);
  if (selfLink.length) {
    result.faults.push(...faultsIn(file, at, selfLink));
    return result;
  }
  if (faults.length === 0) {
    const { from, to, type, ...props } = link;
    stateLink(result, file, context.stated, at, {
      type,
      from,
      to,
      props: Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined)),
    });
  }
  return result;
}

const append = (into: StepResult, step: StepResult) => {
  into.nodes.push(...step.nodes);
  into.links.push(...step.links);
  into.faults.push(...step.faults);
};

/**
 * Builds the batch of sound files (ids unique across files, every reference resolved, hierarchy
 * and link label pairs allowed, no cycle, every excerpt found word for word in its document),
 * checked against the nodes already in the graph (`existing`, by id): the steps above in order,
 * file by file. Placement is recorded only when there is no fault.
 */
export function buildBatch(files: readonly ParsedFile[], existing: ReadonlyMap<string, ExistingNode>): { batch: GraphBatch; faults: SeedFault[] } {
  const { definitions, faults } = collectDefinitions(files);
  const labelOf = labelsOf(definitions, existing);
  const built: StepResult = { nodes: [], links: [], faults };
  const stated = new StatedLinks();
  for (const file of files) {
    const context: EntryContext = {
      file,
      labelOf,
      definedHere: (id) => definitions.get(id)?.file === file,
      stated,
      findExcerpt: excerptFinder(file.documentText),
    };
    built.nodes.push(documentNode(file));
    append(built, publisherLink(file, labelOf));
    file.nodes.forEach((entry, index) => append(built, nodeEntry(entry, index, context)));
    file.seed.links.forEach((link, index) => append(built, statedLink(link, index, context)));
  }
  // A cycle is a fault of the files together, not of one place in one of them.
  built.faults.push(...findCycles(built.links).map(({ message }) => ({ file: 'seed/', path: '', message })));
  if (built.faults.length === 0) {
    recordPlacement(
      built.nodes,
      (id) => definitions.get(id)?.node.parent,
      (id) => existing.get(id),
    );
  }
  return { batch: { nodes: built.nodes, links: built.links }, faults: built.faults };
}
