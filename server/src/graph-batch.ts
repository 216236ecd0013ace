/**
 * A batch of nodes and links ready to write, as every import route (seed files, the CSV template,
 * text documents, a JSON export) produces it and the loader writes it. Types only, beside the
 * graph model, so the query modules that write and export batches need nothing from the importer.
 */
import type { NodeLabel, RelationshipType } from '../../schema/graph-model.ts';

/** A node ready to write: properties are scalars or lists of scalars only. */
export interface GraphNode {
  label: NodeLabel;
  id: string;
  props: Record<string, unknown>;
}

/** A link ready to write: properties are scalars or lists of scalars only. */
export interface GraphLink {
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** The nodes and links one import writes, in one transaction. */
export interface GraphBatch {
  nodes: GraphNode[];
  links: GraphLink[];
}
