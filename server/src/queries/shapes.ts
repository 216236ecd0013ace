/**
 * The two shapes every query family returns: nodes and links as the API describes them
 * (GraphNode, GraphEdge). Statements project nodes with NODE and links with EDGE, and rows are
 * validated and converted here, in one place.
 */
import { z } from 'zod';
import { isNodeLabel, planItemLabels, relationshipTypes } from '../../../schema/graph-model.ts';
import type { Basis, GraphEdge, GraphNode } from '../generated/graphql.ts';

/** Cypher projection of node `n` for toNode(): use as `${NODE('n')} AS node`. */
export const NODE = (variable: string) => `{labels: labels(${variable}), props: properties(${variable})}`;

/** Cypher: whether node `variable` is a priority, objective or action in no plan. */
export const UNPLACED_ITEM = (variable: string) => `${variable}.planId IS NULL AND (${planItemLabels.map((label) => `${variable}:${label}`).join(' OR ')})`;

/** Cypher projection of relationship `r` for toEdge(). */
export const EDGE = (variable: string) =>
  `{type: type(${variable}), from: startNode(${variable}).id, to: endNode(${variable}).id, props: properties(${variable})}`;

const NodeRow = z.object({ labels: z.array(z.string()), props: z.record(z.string(), z.unknown()) });
const EdgeRow = z.object({ type: z.enum(relationshipTypes), from: z.string(), to: z.string(), props: z.record(z.string(), z.unknown()) });

/**
 * Properties the graph keeps about a node's or link's versions (versions.ts), never set by a
 * person. The seed loader adds `seededVersion` (the version it last wrote) and `seedHash` (what
 * it wrote), so a later load can tell a person's change from its own, and `seedDocumentHash` to
 * a Document (the content it last loaded); the legislation update adds `sourceHash` (what it last
 * read from legislation.gov.uk) to the provisions it writes.
 */
export const versionKeys = ['version', 'changedBy', 'changedAt', 'seededVersion', 'seedHash', 'seedDocumentHash', 'sourceHash'] as const;

/**
 * Properties the graph keeps itself: where an item sits, its source document and its version.
 * No edit or import may set them.
 */
export const managedByGraph = ['id', 'label', 'planId', 'topPriorityId', 'documentId', 'position', ...versionKeys] as const;

const isVersionKey = new Set<string>(versionKeys);

/** What a node or link says, without the graph's bookkeeping of its versions. */
export const withoutVersionKeys = (props: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(props).filter(([key]) => !isVersionKey.has(key)));

/** The version a node or link carries; items written before versions existed count as version 0. */
export const versionOf = (properties: Record<string, unknown> | null | undefined): number => (typeof properties?.version === 'number' ? properties.version : 0);

// Properties too large to send with every node (a Document's text is read on its own), and the
// version bookkeeping, which has fields of its own.
const withheld = new Set<string>(['content', ...versionKeys]);

const optionalString = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null);

export function toNode(row: unknown): GraphNode {
  const { labels, props } = NodeRow.parse(row);
  const label = labels.find(isNodeLabel);
  if (!label) throw new Error(`Node ${String(props.id)} carries no label of the graph model (${labels.join(', ')})`);
  const properties = Object.fromEntries(Object.entries(props).filter(([key]) => !withheld.has(key)));
  return {
    id: String(props.id),
    label,
    title: optionalString(props.title) ?? String(props.id),
    code: optionalString(props.code),
    term: optionalString(props.term),
    text: optionalString(props.text),
    kind: optionalString(props.kind),
    status: optionalString(props.status) ?? optionalString(props.grade),
    corporate: props.corporate === true,
    discretionary: props.discretionary === true,
    planId: optionalString(props.planId),
    properties,
    version: versionOf(props),
    changedBy: optionalString(props.changedBy),
    changedAt: optionalString(props.changedAt),
  };
}

export const edgeId = (from: string, type: string, to: string) => `${from}|${type}|${to}`;

export function toEdge(row: unknown): GraphEdge {
  const { type, from, to, props } = EdgeRow.parse(row);
  return {
    id: edgeId(from, type, to),
    type,
    from,
    to,
    basis: (optionalString(props.basis) as Basis | null) ?? null,
    rationale: optionalString(props.rationale),
    by: optionalString(props.by),
    at: optionalString(props.at),
    section: optionalString(props.section),
    excerpt: optionalString(props.excerpt),
    version: versionOf(props),
  };
}

/** Distinct nodes by id, in first-seen order. */
export function distinctNodes(nodes: GraphNode[]): GraphNode[] {
  return [...new Map(nodes.map((node) => [node.id, node])).values()];
}

export function distinctEdges(edges: GraphEdge[]): GraphEdge[] {
  return [...new Map(edges.map((edge) => [edge.id, edge])).values()];
}

const basisRank: Record<Basis, number> = { SUGGESTED: 0, CURATED: 1, STATED: 2 };

/** The weakest basis among links: a chain is only as certain as its least certain link. */
export function weakestBasis(edges: GraphEdge[]): Basis {
  return edges.reduce<Basis>((weakest, edge) => {
    const basis = edge.basis ?? 'STATED';
    return basisRank[basis] < basisRank[weakest] ? basis : weakest;
  }, 'STATED');
}
