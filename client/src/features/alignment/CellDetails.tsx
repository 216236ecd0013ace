import { useQuery } from 'urql';
import { basisNames, describeNode, linkPhrase } from '../../components/labels.ts';
import { graphql } from '../../generated/gql.ts';
import { useSelection } from '../../routing/route.ts';
import type { MatrixCell, MatrixNode } from './AlignmentView.tsx';

const NodeTitleQuery = graphql(`
  query CellDetails_NodeTitle($id: ID!) {
    node(id: $id, first: 1) {
      node { id title }
    }
  }
`);

/**
 * One end of a link, by title. A link may join items under the row and column (an action under a
 * priority), which the matrix names only by id, so their titles are looked up one by one.
 */
function LinkEnd({ id, known }: { id: string; known: MatrixNode | undefined }) {
  const [, select] = useSelection();
  const [{ data }] = useQuery({ query: NodeTitleQuery, variables: { id }, pause: Boolean(known) });
  const title = known?.title ?? data?.node?.node.title ?? id;
  return (
    <button type="button" className="link-button" onClick={() => select(id)}>
      {title}
    </button>
  );
}

function NodeButtons({ nodes }: { nodes: { id: string; label: string; title: string; kind?: string | null }[] }) {
  const [, select] = useSelection();
  return (
    <ul>
      {nodes.map((node) => (
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

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface CellDetailsProps {
  cell: MatrixCell | null;
  row: MatrixNode | undefined;
  column: MatrixNode | undefined;
}

/**
 * What joins one row to one column. The region is always present and polite-live, so choosing a
 * cell is announced without moving focus away from the matrix.
 */
export function CellDetails({ cell, row, column }: CellDetailsProps) {
  const known = (id: string) => [row, column].find((node) => node?.id === id);
  return (
    <section id="cell-details" className="cell-details" aria-live="polite" aria-labelledby="cell-details-heading">
      {cell && row && column ? (
        <>
          <h2 id="cell-details-heading">
            What connects “{row.title}” and “{column.title}”
          </h2>
          <p>
            Strength {(cell.links.length + cell.sharedAuthorities.length + cell.sharedThemes.length)}: {count(cell.links.length, 'link', 'links')}, {count(cell.sharedAuthorities.length, 'shared authority', 'shared authorities')} and{' '}
            {count(cell.sharedThemes.length, 'shared theme', 'shared themes')}.
          </p>
          <h3>Links between them</h3>
          {cell.links.length === 0 ? (
            <p>None: no link joins them directly; they meet only through the authorities and themes below.</p>
          ) : (
            <ul className="cell-links">
              {cell.links.map((link) => (
                <li key={link.id}>
                  <LinkEnd id={link.from} known={known(link.from)} /> {linkPhrase(link.type)} <LinkEnd id={link.to} known={known(link.to)} />
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
          <p>Choose a number in the matrix to see the links, authorities and themes behind it.</p>
        </>
      )}
    </section>
  );
}
