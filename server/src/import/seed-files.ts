/**
 * Reads seed files and turns them into one validated batch of nodes and links. Faults are
 * collected across all files and reported with the file, the path inside it and its line: first
 * the shape of each file, then, once every file has a sound shape, the references between them.
 * Nothing is returned for writing unless all files are sound.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  acyclicChains,
  hierarchyRuleOf,
  linkRuleOf,
  linkRules,
  loaderLinkRules,
  planItemLabels,
  type NodeLabel,
  type RelationshipType,
} from '../../../schema/graph-model.ts';
import type { GraphBatch, GraphLink, GraphNode } from '../graph-batch.ts';
import { normaliseWhitespace } from '../text.ts';
import { Mention, NodeDefinition, SeedFile } from './seed-format.ts';

export interface SeedFault {
  file: string;
  /** Path inside the file, e.g. nodes[12].source.excerpt; empty for the whole file. */
  path: string;
  line?: number;
  message: string;
}

export class SeedValidationError extends Error {
  constructor(readonly faults: SeedFault[]) {
    super(`The seed data has ${faults.length} fault${faults.length === 1 ? '' : 's'}; nothing was written:\n${faults.map(formatFault).join('\n')}`);
  }
}

export function formatFault({ file, path, line, message }: SeedFault): string {
  return `  ${file}${line ? `:${line}` : ''}${path ? ` ${path}` : ''}: ${message}`;
}

export type { GraphBatch, GraphLink, GraphNode };

export interface ParsedFile {
  file: string;
  seed: SeedFile;
  nodes: (NodeDefinition | Mention)[];
  documentText: string;
  lineOf(path: (string | number)[]): number | undefined;
}

const pathText = (path: readonly PropertyKey[]) =>
  path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`)).join('');

/**
 * Parses one seed file's text (YAML, or JSON, which is YAML too). The document it describes is
 * `document.content` when given, otherwise `document.file` under `documentsDir`.
 */
export function parseSeedText(text: string, file: string, documentsDir: string | null, faults: SeedFault[]): ParsedFile | undefined {
  const lineCounter = new LineCounter();
  const yaml = parseDocument(text, { lineCounter, prettyErrors: false });
  if (yaml.errors.length) {
    for (const error of yaml.errors) {
      faults.push({ file, path: '', line: lineCounter.linePos(error.pos[0]).line, message: error.message.split('\n')[0]! });
    }
    return undefined;
  }
  const lineOf = (at: (string | number)[]) => {
    for (let depth = at.length; depth >= 0; depth -= 1) {
      const node = yaml.getIn(at.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return checkSeed(yaml.toJS(), file, documentsDir, faults, lineOf);
}

/** Checks a seed object (parsed from a file, or made by an importer) against the format. */
export function checkSeed(
  value: unknown,
  file: string,
  documentsDir: string | null,
  faults: SeedFault[],
  lineOf: (path: (string | number)[]) => number | undefined = () => undefined,
): ParsedFile | undefined {
  const report = (issues: z.core.$ZodIssue[], prefix: (string | number)[] = []) => {
    for (const issue of issues) {
      const at = [...prefix, ...(issue.path as (string | number)[])];
      faults.push({ file, path: pathText(at), line: lineOf(at), message: issue.message });
    }
  };

  const parsed = SeedFile.safeParse(value);
  if (!parsed.success) {
    report(parsed.error.issues);
    return undefined;
  }
  const nodes: (NodeDefinition | Mention)[] = [];
  parsed.data.nodes.forEach((entry, index) => {
    const schema = 'mention' in entry ? Mention : NodeDefinition;
    const node = schema.safeParse(entry);
    if (node.success) nodes.push(node.data);
    else report(node.error.issues, ['nodes', index]);
  });
  let documentText = parsed.data.document.content;
  if (documentText === undefined) {
    const documentPath = documentsDir ? join(documentsDir, parsed.data.document.file) : null;
    if (!documentPath || !existsSync(documentPath)) {
      faults.push({
        file,
        path: 'document.file',
        line: lineOf(['document', 'file']),
        message: documentsDir ? 'no such document in the documents folder' : 'give the document text as document.content',
      });
      return undefined;
    }
    documentText = readFileSync(documentPath, 'utf8');
  }
  if (nodes.length !== parsed.data.nodes.length) return undefined;
  return { file, seed: parsed.data, nodes, documentText, lineOf };
}

const slugPart = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-|-$/g, '');

/** Properties of a node definition that are stored on the node as they are. */
function nodeProperties(node: NodeDefinition): Record<string, unknown> {
  const { label: _label, source: _source, parent: _parent, owner: _owner, themes: _themes, ...rest } = node;
  const props: Record<string, unknown> = { ...rest };
  delete props.observations;
  return props;
}

/**
 * Validates parsed seed files together (ids unique across files, every reference resolved,
 * hierarchy and link label pairs allowed, no cycle, every excerpt found word for word in its
 * document) and returns the batch to write, or throws SeedValidationError listing every fault.
 */
/** A node already in the graph that a file refers to: its label, and its properties when known. */
export interface ExistingNode {
  label: string;
  props?: Record<string, unknown>;
}

function buildBatch(files: ParsedFile[], faults: SeedFault[], existing: ReadonlyMap<string, ExistingNode>): GraphBatch {
  const definitions = new Map<string, { node: NodeDefinition; file: ParsedFile; index: number }>();
  const documentIds = new Set<string>();
  for (const file of files) {
    if (documentIds.has(file.seed.document.id)) {
      faults.push({
        file: file.file,
        path: 'document.id',
        line: file.lineOf(['document', 'id']),
        message: `document id ${file.seed.document.id} is used by another seed file`,
      });
    }
    documentIds.add(file.seed.document.id);
    file.nodes.forEach((node, index) => {
      if ('mention' in node) return;
      const earlier = definitions.get(node.id);
      if (earlier) {
        faults.push({
          file: file.file,
          path: `nodes[${index}].id`,
          line: file.lineOf(['nodes', index, 'id']),
          message: `${node.id} is already defined in ${earlier.file.file} (nodes[${earlier.index}]); use a mention to name it again`,
        });
      } else {
        definitions.set(node.id, { node, file, index });
      }
    });
  }
  const labelOf = (id: string) => definitions.get(id)?.node.label ?? (existing.get(id)?.label as NodeLabel | undefined);

  const nodes: GraphNode[] = [];
  const links: GraphLink[] = [];
  const linkKeys = new Map<string, string>();
  const siblingCount = new Map<string, number>();

  for (const file of files) {
    const { document, curation } = file.seed;
    const fault = (path: (string | number)[], message: string) => faults.push({ file: file.file, path: pathText(path), line: file.lineOf(path), message });
    const provenance = { by: curation.by, at: curation.at, documentId: document.id };
    const addLink = (path: (string | number)[], type: RelationshipType, from: string, to: string, props: Record<string, unknown>) => {
      const key = `${from} ${type} ${to}`;
      const seen = linkKeys.get(key);
      if (seen) return fault(path, `duplicate ${type} link from ${from} to ${to} (also at ${seen})`);
      linkKeys.set(key, `${file.file} ${pathText(path)}`);
      links.push({ type, from, to, props: { ...provenance, ...props } });
    };
    const findExcerpt = excerptFinder(file.documentText);
    const checkExcerpt = (path: (string | number)[], excerpt: string) => {
      if (!findExcerpt(excerpt)) {
        fault(path, `excerpt not found word for word in ${document.file}: "${excerpt.slice(0, 80)}${excerpt.length > 80 ? '…' : ''}"`);
      }
    };
    const requireLabel = (path: (string | number)[], id: string, allowed: readonly NodeLabel[], what: string) => {
      const label = labelOf(id);
      if (!label) fault(path, `unknown id ${id}`);
      else if (!allowed.includes(label)) fault(path, `${what} must be ${allowed.join(' or ')}, but ${id} is ${label}`);
      return label !== undefined && allowed.includes(label);
    };

    nodes.push({
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
    });
    if (document.publisher && requireLabel(['document', 'publisher'], document.publisher, loaderLinkRules.PUBLISHES.from, 'publisher')) {
      links.push({ type: 'PUBLISHES', from: document.publisher, to: document.id, props: { ...provenance, basis: 'STATED' } });
    }

    file.nodes.forEach((entry, index) => {
      const at = (...path: (string | number)[]) => ['nodes', index, ...path];
      checkExcerpt(at('source', 'excerpt'), entry.source.excerpt);
      const sourced = { basis: 'STATED', section: entry.source.section, excerpt: entry.source.excerpt };
      if ('mention' in entry) {
        if (!labelOf(entry.mention)) fault(at('mention'), `unknown id ${entry.mention}`);
        else links.push({ type: 'SOURCED_FROM', from: entry.mention, to: document.id, props: { ...provenance, ...sourced } });
        return;
      }
      if (definitions.get(entry.id)?.file !== file) return;
      const props: Record<string, unknown> = { ...nodeProperties(entry), documentId: document.id };
      if (entry.parent) {
        const rule = hierarchyRuleOf(entry.label);
        if (!rule) fault(at('parent'), `a ${entry.label} cannot have a parent`);
        else if (requireLabel(at('parent'), entry.parent, rule.parents, `the parent of a ${entry.label}`)) {
          const position = siblingCount.get(entry.parent) ?? 0;
          siblingCount.set(entry.parent, position + 1);
          props.position = position;
          addLink(at('parent'), rule.type, entry.parent, entry.id, { basis: 'STATED' });
        }
      }
      nodes.push({ label: entry.label, id: entry.id, props });
      links.push({ type: 'SOURCED_FROM', from: entry.id, to: document.id, props: { ...provenance, ...sourced } });
      if (entry.owner && requireLabel(at('owner'), entry.owner, linkRules.OWNED_BY.to, 'owner')) {
        addLink(at('owner'), 'OWNED_BY', entry.id, entry.owner, { basis: 'STATED' });
      }
      entry.themes?.forEach((theme, themeIndex) => {
        if (requireLabel(at('themes', themeIndex), theme, linkRules.CONCERNS.to, 'a theme')) {
          addLink(at('themes', themeIndex), 'CONCERNS', entry.id, theme, { basis: 'STATED' });
        }
      });
      if (entry.label === 'Measure') {
        const seen = new Set<string>();
        entry.observations.forEach((observation, observationIndex) => {
          // A figure given in another unit beside the main one (a count beside a percentage)
          // is a separate observation of the same period.
          const otherUnit = observation.unit && observation.unit !== entry.unit ? observation.unit : undefined;
          const otherArea = observation.area && observation.area !== entry.area ? observation.area : undefined;
          const id = [entry.id, slugPart(observation.period), observation.breakdown, otherArea, otherUnit]
            .filter((part): part is string => Boolean(part))
            .map((part, partIndex) => (partIndex === 0 ? part : slugPart(part)))
            .join('/');
          if (seen.has(id)) return fault(at('observations', observationIndex), `repeats period ${observation.period} with the same breakdown, area and unit`);
          seen.add(id);
          nodes.push({
            label: 'Observation',
            id,
            props: {
              id,
              title: `${entry.title}: ${observation.period}${observation.breakdown ? `, ${observation.breakdown}` : ''}${observation.area ? `, ${observation.area}` : ''}`,
              period: observation.period,
              year: yearOf(observation.period),
              value: observation.value,
              unit: observation.unit ?? entry.unit,
              breakdown: observation.breakdown ?? null,
              area: observation.area ?? entry.area ?? null,
              status: observation.status ?? null,
              position: observationIndex,
            },
          });
          links.push({ type: 'HAS_OBSERVATION', from: entry.id, to: id, props: { ...provenance, basis: 'STATED' } });
          links.push({ type: 'SOURCED_FROM', from: id, to: document.id, props: { ...provenance, ...sourced } });
        });
      }
    });

    file.seed.links.forEach((link, index) => {
      const at = (...path: (string | number)[]) => ['links', index, ...path];
      const rule = linkRuleOf(link.type);
      if (!rule) return fault(at('type'), `${link.type} links are made by the loader (use parent, owner or themes)`);
      const fromOk = requireLabel(at('from'), link.from, rule.from, `the start of a ${link.type} link`);
      const toOk = requireLabel(at('to'), link.to, rule.to, `the end of a ${link.type} link`);
      if (link.excerpt) checkExcerpt(at('excerpt'), link.excerpt);
      if (link.from === link.to) return fault(at('to'), 'a link cannot join a node to itself');
      if (fromOk && toOk) {
        const { from, to, type, ...props } = link;
        addLink(at(), type, from, to, Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined)));
      }
    });
  }

  findCycles(links, faults);
  if (faults.length === 0)
    recordPlacement(
      nodes,
      (id) => definitions.get(id)?.node.parent,
      (id) => existing.get(id),
    );
  return { nodes, links };
}

/**
 * Records on every priority, objective and action where it sits: the plan at the top of its
 * hierarchy (`planId`) and the top-level priority of that plan it falls under (`topPriorityId`;
 * a top-level priority's own id), so questions about one plan and coverage by priority are
 * answered from indexed properties rather than traversals. An item placed under a node already
 * in the graph (`outside`) sits where that node does.
 */
export function recordPlacement(
  nodes: GraphNode[],
  parentOf: (id: string) => string | undefined,
  outside: (id: string) => ExistingNode | undefined = () => undefined,
): void {
  const labels = new Map(nodes.map((node) => [node.id, node.label]));
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  for (const node of nodes) {
    if (!(planItemLabels as readonly string[]).includes(node.label)) continue;
    const chain = [node.id];
    for (let parent = parentOf(node.id); parent && chain.length <= 20; parent = parentOf(parent)) chain.push(parent);
    const root = chain.at(-1)!;
    const rootInGraph = labels.has(root) ? undefined : outside(root);
    const rootLabel = labels.get(root) ?? rootInGraph?.label;
    const underPlan = chain.at(-2);
    const placement =
      rootLabel === 'Plan'
        ? { planId: root, topPriorityId: underPlan && labels.get(underPlan) === 'Priority' ? underPlan : undefined }
        : { planId: text(rootInGraph?.props?.planId), topPriorityId: text(rootInGraph?.props?.topPriorityId) };
    if (placement.planId) node.props.planId = placement.planId;
    if (placement.topPriorityId) node.props.topPriorityId = placement.topPriorityId;
  }
}

/** The latest year a period names ("2015/16" → 2015, "2012/13-2015/16" → 2015), for recency checks. */
export function yearOf(period: string): number | null {
  const years = [...period.matchAll(/\b(1[89]\d\d|2[01]\d\d)\b/g)].map(([year]) => Number(year));
  return years.length ? Math.max(...years) : null;
}

/**
 * Whether an excerpt appears in the document, whitespace aside. The document is normalised once,
 * not once per excerpt; excerpts mostly follow the document's order, so each is looked for first
 * from where the one before was found, and only then from the start: a document whose items
 * quote it in order is read about once in all.
 */
function excerptFinder(documentText: string): (excerpt: string) => boolean {
  const normalised = normaliseWhitespace(documentText);
  let from = 0;
  return (excerpt) => {
    const wanted = normaliseWhitespace(excerpt);
    const at = normalised.indexOf(wanted, from);
    if (at >= 0) {
      from = at;
      return true;
    }
    return from > 0 && normalised.slice(0, from + wanted.length).includes(wanted);
  };
}

/** Reports any cycle in the hierarchy or in SUPERSEDES/PART_OF chains, which no plan can have. */
export function findCycles(links: GraphLink[], faults: SeedFault[]): void {
  const acyclic = new Set<RelationshipType>(Object.values(acyclicChains).flat());
  const next = new Map<string, string[]>();
  for (const link of links) {
    if (!acyclic.has(link.type)) continue;
    const targets = next.get(link.from);
    if (targets) targets.push(link.to);
    else next.set(link.from, [link.to]);
  }
  const done = new Set<string>();
  // Depth first with a stack of its own rather than recursion, so a chain thousands deep neither
  // overflows the call stack nor copies its trail at every step. `onTrail` maps each node of the
  // current path to its place on it.
  const trail: string[] = [];
  const nextChild: number[] = [];
  const onTrail = new Map<string, number>();
  const enter = (id: string) => {
    onTrail.set(id, trail.length);
    trail.push(id);
    nextChild.push(0);
  };
  for (const root of next.keys()) {
    if (done.has(root)) continue;
    enter(root);
    while (trail.length) {
      const id = trail[trail.length - 1]!;
      const children = next.get(id) ?? [];
      const index = nextChild[nextChild.length - 1]!;
      if (index === children.length) {
        done.add(id);
        onTrail.delete(id);
        trail.pop();
        nextChild.pop();
        continue;
      }
      nextChild[nextChild.length - 1] = index + 1;
      const to = children[index]!;
      const at = onTrail.get(to);
      if (at !== undefined) faults.push({ file: 'seed/', path: '', message: `cycle: ${[...trail.slice(at), to].join(' → ')}` });
      else if (!done.has(to)) enter(to);
    }
  }
}

/**
 * Reads every *.yaml file of `seedDir` (documents under `seedDir/documents/`) and returns the
 * validated batch. Throws SeedValidationError naming every fault if any file is unsound.
 */
export function readSeedDirectory(seedDir: string): GraphBatch {
  const paths = readdirSync(seedDir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => join(seedDir, name));
  const faults: SeedFault[] = [];
  if (paths.length === 0) faults.push({ file: seedDir, path: '', message: 'no seed files found' });
  const files = paths
    .map((path) => parseSeedText(readFileSync(path, 'utf8'), `seed/${basename(path)}`, join(seedDir, 'documents'), faults))
    .filter((file): file is ParsedFile => Boolean(file));
  return validateSeeds(files, faults);
}

/**
 * Validates parsed files together, and against the nodes already in the graph (`existing`, by
 * id), and returns the batch to write. Throws SeedValidationError listing every fault,
 * including any already collected in `faults`.
 */
export function validateSeeds(files: ParsedFile[], faults: SeedFault[] = [], existing: ReadonlyMap<string, ExistingNode> = new Map()): GraphBatch {
  const batch = faults.length ? { nodes: [], links: [] } : buildBatch(files, faults, existing);
  if (faults.length) throw new SeedValidationError(faults);
  return batch;
}

/** Ids the files refer to (parents, owners, themes, mentions, links, publishers) without defining them. */
export function referencedIds(files: ParsedFile[]): string[] {
  const defined = new Set(files.flatMap(({ nodes }) => nodes.flatMap((node) => ('mention' in node ? [] : [node.id]))));
  const referenced = files.flatMap(({ seed, nodes }) => [
    ...(seed.document.publisher ? [seed.document.publisher] : []),
    ...nodes.flatMap((node) =>
      'mention' in node ? [node.mention] : [node.parent, node.owner, ...(node.themes ?? [])].filter((id): id is string => Boolean(id)),
    ),
    ...seed.links.flatMap(({ from, to }) => [from, to]),
  ]);
  return [...new Set(referenced)].filter((id) => !defined.has(id));
}
