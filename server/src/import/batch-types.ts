/**
 * What the seed reader and the batch steps pass between them: a parsed file, a fault in one, and
 * a node already in the graph that a file refers to. Types only, so the reader (seed-files.ts)
 * and the steps (batch-steps.ts) both import them without importing each other.
 */
import type { Mention, NodeDefinition, SeedFile } from './seed-format.ts';

/** A fault of a seed file (or an import read as one), where it is and what is wrong. */
export interface SeedFault {
  file: string;
  /** Path inside the file, e.g. nodes[12].source.excerpt; empty for the whole file. */
  path: string;
  line?: number;
  message: string;
}

/** A seed file of sound shape: the format's reading of it, its document's text, and the line of each path. */
export interface ParsedFile {
  file: string;
  seed: SeedFile;
  nodes: (NodeDefinition | Mention)[];
  documentText: string;
  lineOf(path: (string | number)[]): number | undefined;
}

/** A node already in the graph that a file refers to: its label, and its properties when known. */
export interface ExistingNode {
  label: string;
  props?: Record<string, unknown>;
}
