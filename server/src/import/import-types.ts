/**
 * The types an import is prepared with, shared by the importer (import-document.ts) and the
 * worker threads that run it (import-worker.ts).
 */
import type { ImportResult } from '../generated/graphql.ts';
import type { ChangeRecord } from '../queries/edit.ts';
import type { GraphBatch } from '../graph-batch.ts';
import type { CatalogueEntry } from '../legislation/catalogue.ts';

export interface ImportRequest {
  fileName: string;
  /** The file as bytes (checked to be UTF-8, unless a PDF or Word document) or as text. */
  content: string | Uint8Array;
  publisherId?: string | null;
  /** Folder of the file, for seed files whose document is in a documents/ folder beside them. */
  directory?: string;
  /**
   * A person's corrections of a strategy or report's recognised outline (text/choices.ts). Left
   * out, the choices kept with an earlier import of the same document are used again; an empty
   * list clears them.
   */
  choices?: readonly string[] | null;
}

/** Nodes already in the graph, by id, with their label and properties. */
export type ExistingNodes = Map<string, { label: string; props: Record<string, unknown> }>;

/** What an import asks of the graph: which of the nodes and links it names are there already. */
export interface ImportGraph {
  nodes(ids: string[]): Promise<ExistingNodes>;
  /** The links among `links` that are in the graph, as "from type to" keys. */
  links(links: { from: string; type: string; to: string }[]): Promise<Set<string>>;
  /** The stored statute catalogue's entries for these names of legislation; without it, the built-in catalogue answers alone. */
  statutes?(titles: string[]): Promise<CatalogueEntry[]>;
}

/**
 * What the pure work of an import makes of a document: the result of a dry run and, when the
 * import is to be written and changes anything, the batch to write.
 */
export interface PreparedImport {
  result: ImportResult;
  batch?: GraphBatch;
  /** The version of each node the batch changes, as read: the write refuses if any has moved on. */
  versions?: Map<string, number>;
  /** One history record per node the batch creates or changes, with what it replaces. */
  history?: ChangeRecord[];
}
