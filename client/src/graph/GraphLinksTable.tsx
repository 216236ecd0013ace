import { useState } from 'react';
import { LinksTable } from '../components/LinksTable.tsx';
import type { EdgeData } from './toElements.ts';

export interface GraphLinksTableProps {
  edges: readonly EdgeData[];
  /** How to name each node: its description and title. */
  names: ReadonlyMap<string, { description: string; title: string }>;
  headingId: string;
  headingLevel: 2 | 3;
}

/** Tables longer than this start folded, so the page stays short; the summary says how many. */
const openUpTo = 40;

/** Every link of the graph as a table row: from, link type, to, basis and rationale. */
export function GraphLinksTable({ edges, names, headingId, headingLevel }: GraphLinksTableProps) {
  const Heading = `h${headingLevel}` as const;
  const name = (id: string) => {
    const node = names.get(id);
    return node ? `${node.description}: ${node.title}` : id;
  };
  // Rows of a folded table are made only when it is first opened: thousands of rows cost time.
  const [opened, setOpened] = useState(edges.length <= openUpTo);
  return (
    <section className="graph-links" aria-labelledby={headingId}>
      <Heading id={headingId} className="graph-heading">
        Links in this graph ({edges.length})
      </Heading>
      <details open={edges.length <= openUpTo} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
        <summary>Table of {edges.length === 1 ? 'the link' : `all ${edges.length} links`}</summary>
        <LinksTable
          caption="Links in this graph, with how each is known"
          captionHidden
          className="links-table"
          rows={(opened ? edges : []).map((edge) => ({
            id: edge.id,
            from: name(edge.source),
            phrase: edge.phrase,
            to: name(edge.target),
            basis: edge.basis,
            notes: edge.rationale ? [edge.rationale] : [],
          }))}
        />
      </details>
    </section>
  );
}
