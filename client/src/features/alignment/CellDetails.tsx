import { basisNames, describeNode, linkPhrase } from '../../components/labels.ts';
import { type FragmentType, readFragment } from '../../generated/fragment-masking.ts';
import { graphql } from '../../generated/gql.ts';
import { GraphEdgeFragment, GraphNodeFragment, type GraphNodeRef } from '../../graph/toElements.ts';
import { useSelection } from '../../routing/route.ts';
import { cellFigures, connectionNames } from './alignment.ts';

export const CellDetailsFragment = graphql(`
  fragment CellDetails_Cell on AlignmentCell {
    connection
    links { ...GraphElement_Edge }
    sharedAuthorities { ...GraphElement_Node }
    sharedThemes { ...GraphElement_Node }
  }
`);

/** One end of a link, by title: a row, a column or one of the items under them the matrix names. */
function LinkEnd({ id, node }: { id: string; node: { title: string } | undefined }) {
  const [, select] = useSelection();
  return (
    <button type="button" className="link-button" onClick={() => select(id)}>
      {node?.title ?? id}
    </button>
  );
}

function NodeButtons({ nodes }: { nodes: readonly GraphNodeRef[] }) {
  const [, select] = useSelection();
  return (
    <ul>
      {readFragment(GraphNodeFragment, nodes).map((node) => (
        <li key={node.id}>
          <span className="badge">{describeNode(node)}</span>{' '}
          <button type="button" className="link-button" onClick={() => select(node.id)}>
            {node.title}
          </button>
        </li>
      ))}
    </ul>
  );
}

interface CellDetailsProps {
  cell: FragmentType<typeof CellDetailsFragment> | null;
  row: GraphNodeRef | undefined;
  column: GraphNodeRef | undefined;
  /** A row, column or linked item of the matrix by id. */
  findNode: (id: string) => { title: string } | undefined;
}

/**
 * What joins one row to one column: links, shared authorities and shared themes, each under its
 * own heading. The region is always present and polite-live, so choosing a cell is announced
 * without moving focus away from the matrix.
 */
export function CellDetails({ cell: cellRef, row: rowRef, column: columnRef, findNode }: CellDetailsProps) {
  const cell = readFragment(CellDetailsFragment, cellRef);
  const row = readFragment(GraphNodeFragment, rowRef);
  const column = readFragment(GraphNodeFragment, columnRef);
  return (
    <section id="cell-details" className="cell-details" aria-live="polite" aria-labelledby="cell-details-heading">
      {cell && row && column ? (
        <>
          <h2 id="cell-details-heading">
            What connects “{row.title}” and “{column.title}”
          </h2>
          <p>
            {connectionNames[cell.connection]}: {cellFigures(cell).join(', ')}.{' '}
            {cell.connection === 'LINKED' ? 'The link covers the row.' : 'Without a link, the row is not covered by this column.'}
          </p>
          <h3>Links between them</h3>
          {cell.links.length === 0 ? (
            <p>None: no link joins them, or anything under them.</p>
          ) : (
            <ul className="cell-links">
              {readFragment(GraphEdgeFragment, cell.links).map((link) => (
                <li key={link.id}>
                  <LinkEnd id={link.from} node={findNode(link.from)} /> {linkPhrase(link.type)} <LinkEnd id={link.to} node={findNode(link.to)} />
                  <br />
                  <span className={`basis basis-${(link.basis ?? 'STATED').toLowerCase()}`}>{basisNames[link.basis ?? 'STATED']}</span>
                  {link.rationale && <p className="rationale">{link.rationale}</p>}
                </li>
              ))}
            </ul>
          )}
          <h3>Authorities both give effect to</h3>
          {cell.sharedAuthorities.length === 0 ? <p>None.</p> : <NodeButtons nodes={cell.sharedAuthorities} />}
          <h3>Themes both concern</h3>
          {cell.sharedThemes.length === 0 ? <p>None.</p> : <NodeButtons nodes={cell.sharedThemes} />}
        </>
      ) : (
        <>
          <h2 id="cell-details-heading">What connects a row and a column</h2>
          <p>Choose a cell of the matrix to see the links, shared authorities and shared themes behind it.</p>
        </>
      )}
    </section>
  );
}
