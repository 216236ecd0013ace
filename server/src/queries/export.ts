/**
 * The export family: the whole graph, or one plan with everything it links to, as JSON (the
 * loader's own batch of nodes and links with every property, so re-importing it loses nothing),
 * as CSV (the import template, for spreadsheets) or as GraphML (for graph tools).
 */
import { z } from 'zod';
import { cypher, type Gateway, type Row } from '../db/gateway.ts';
import { ExpectedError } from '../errors.ts';
import type { ExportFile, ExportFormat } from '../generated/graphql.ts';
import { writeCsv } from '../../../schema/csv.ts';
import { csvTemplateColumns as csvColumns } from '../../../schema/csv-template.ts';
import type { GraphBatch } from '../graph-batch.ts';
import { isHierarchyType, isNodeLabel, isRelationshipType, PLAN_HIERARCHY } from '../../../schema/graph-model.ts';
import { withoutVersionKeys } from './shapes.ts';

/** Marks a JSON file as a graph export, so the importer knows it from a seed file. */
export const EXPORT_FORMAT = 'council-alignment-graph/graph-v1';

export const statements = {
  allNodes: cypher('export.allNodes', `MATCH (n:Entity) RETURN [label IN labels(n) WHERE label <> 'Entity'][0] AS label, properties(n) AS props ORDER BY n.id`),
  allLinks: cypher(
    'export.allLinks',
    `MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to`,
  ),
  // A plan, everything under it, their measures and data, what they link to, and their sources.
  planIds: cypher(
    'export.planIds',
    `MATCH (plan:Plan {id: $planId})
     OPTIONAL MATCH (plan)-[:${PLAN_HIERARCHY}*1..6]->(item)
     WITH plan, collect(DISTINCT item) AS items
     WITH [plan] + items AS core
     UNWIND core AS c
     OPTIONAL MATCH (c)-[]-(neighbour:Entity)
     WITH core, collect(DISTINCT neighbour) AS neighbours
     UNWIND core + neighbours AS n
     OPTIONAL MATCH (n:Measure)-[:HAS_OBSERVATION]->(o:Observation)
     RETURN collect(DISTINCT n.id) + collect(DISTINCT o.id) AS ids`,
  ),
  nodesByIds: cypher(
    'export.nodesByIds',
    `MATCH (n:Entity) WHERE n.id IN $ids RETURN [label IN labels(n) WHERE label <> 'Entity'][0] AS label, properties(n) AS props ORDER BY n.id`,
  ),
  linksAmong: cypher(
    'export.linksAmong',
    `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids
     RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to`,
  ),
};

const NodeRow = z.object({ label: z.string(), props: z.record(z.string(), z.unknown()) });
const LinkRow = z.object({ from: z.string(), type: z.string(), to: z.string(), props: z.record(z.string(), z.unknown()) });

/** The graph, or one plan's part of it, as a batch of nodes and links. */
export async function exportBatch(gateway: Gateway, planId: string | null): Promise<GraphBatch> {
  return gateway.readTransaction(async (tx) => {
    let nodeRows: Row[];
    let linkRows: Row[];
    if (planId) {
      // The statement ends in an aggregation, so an unknown plan still gives one row: with no ids.
      const ids = ((await tx.run(statements.planIds, { planId }))[0]?.ids ?? []) as string[];
      if (ids.length === 0) throw new ExpectedError('NOT_FOUND', `planId: no plan has the id ${planId}.`, { field: 'planId' });
      nodeRows = await tx.run(statements.nodesByIds, { ids });
      linkRows = await tx.run(statements.linksAmong, { ids });
    } else {
      nodeRows = await tx.run(statements.allNodes);
      linkRows = await tx.run(statements.allLinks);
    }
    return {
      nodes: nodeRows
        .map((raw) => NodeRow.parse(raw))
        .filter(({ label }) => isNodeLabel(label))
        .map(({ label, props }) => ({ label: label as GraphBatch['nodes'][number]['label'], id: String(props.id), props: withoutVersionKeys(props) })),
      links: linkRows
        .map((raw) => LinkRow.parse(raw))
        .flatMap(({ from, type, to, props }) => (isRelationshipType(type) ? [{ from, type, to, props: withoutVersionKeys(props) }] : [])),
    };
  });
}

/** Nodes in the CSV import template, with parent, owner and themes from their links. */
function toCsv(batch: GraphBatch): string {
  const parentOf = new Map<string, string>();
  const ownersOf = new Map<string, string>();
  const themesOf = new Map<string, string[]>();
  for (const { type, from, to } of batch.links) {
    if (isHierarchyType(type)) parentOf.set(to, from);
    if (type === 'OWNED_BY') ownersOf.set(from, to);
    if (type === 'CONCERNS') themesOf.set(from, [...(themesOf.get(from) ?? []), to]);
  }
  const value = (node: GraphBatch['nodes'][number], column: (typeof csvColumns)[number]) => {
    switch (column) {
      case 'label':
        return node.label;
      case 'parent':
        return parentOf.get(node.id);
      case 'owner':
        return ownersOf.get(node.id);
      case 'themes':
        return themesOf.get(node.id)?.join(';');
      case 'period_start':
        return node.props.periodStart;
      case 'period_end':
        return node.props.periodEnd;
      case 'legislation_id':
        return node.props.legislationId;
      default:
        return node.props[column];
    }
  };
  const rows = batch.nodes
    .filter(({ label }) => label !== 'Document' && label !== 'Observation')
    .map((node) => csvColumns.map((column) => value(node, column)));
  return writeCsv(csvColumns, rows);
}

const xml = (value: unknown) =>
  String(value)
    .replace(/[<>&"']/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char]!)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

/** GraphML with the main properties as typed keys and all of them as JSON. */
function toGraphMl(batch: GraphBatch): string {
  const nodeKeys = ['label', 'title', 'code', 'term', 'text', 'kind', 'status', 'planId'];
  // A retired link is kept, flagged with when, by whom and why it was retired.
  const edgeKeys = ['type', 'basis', 'rationale', 'by', 'at', 'retiredAt', 'retiredBy', 'retiredReason'];
  const keys = [
    ...nodeKeys.map((key) => `  <key id="n_${key}" for="node" attr.name="${key}" attr.type="string"/>`),
    '  <key id="n_properties" for="node" attr.name="properties" attr.type="string"/>',
    ...edgeKeys.map((key) => `  <key id="e_${key}" for="edge" attr.name="${key}" attr.type="string"/>`),
  ];
  const data = (prefix: string, key: string, value: unknown) =>
    value === null || value === undefined ? '' : `<data key="${prefix}_${key}">${xml(value)}</data>`;
  const nodes = batch.nodes.map(({ id, label, props }) => {
    const { content: _content, ...shown } = props;
    return `    <node id="${xml(id)}">${data('n', 'label', label)}${nodeKeys
      .slice(1)
      .map((key) => data('n', key, props[key]))
      .join('')}${data('n', 'properties', JSON.stringify(shown))}</node>`;
  });
  const edges = batch.links.map(
    ({ from, type, to, props }, index) =>
      `    <edge id="e${index}" source="${xml(from)}" target="${xml(to)}">${data('e', 'type', type)}${edgeKeys
        .slice(1)
        .map((key) => data('e', key, props[key]))
        .join('')}</edge>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys,
    '  <graph id="alignment" edgedefault="directed">',
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

/** The graph, or one plan, as a file in the format asked for. */
export async function exportGraph(gateway: Gateway, planId: string | null, format: ExportFormat): Promise<ExportFile> {
  const batch = await exportBatch(gateway, planId);
  const name = planId ? planId.replaceAll('/', '-') : 'graph';
  if (format === 'JSON')
    return { fileName: `${name}.json`, mediaType: 'application/json', content: JSON.stringify({ format: EXPORT_FORMAT, ...batch }, null, 1) };
  if (format === 'CSV') return { fileName: `${name}.csv`, mediaType: 'text/csv', content: toCsv(batch) };
  return { fileName: `${name}.graphml`, mediaType: 'application/graphml+xml', content: toGraphMl(batch) };
}
