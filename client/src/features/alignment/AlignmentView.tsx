import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { describeNode } from '../../components/labels.ts';
import { graphql } from '../../generated/gql.ts';
import type { AlignmentView_MatrixQuery } from '../../generated/graphql.ts';
import { useRoute, useSelection, useUpdateParams } from '../../routing/route.ts';
import {
  axisInput,
  axisKindNames,
  axisKinds,
  axisParam,
  cellParam,
  defaultColumns,
  defaultRows,
  matrixCaption,
  needsPlan,
  parseAxis,
  parseCell,
  shadeLevel,
  shadeLevels,
  uncoveredHeadings,
  withKind,
  type Axis,
  type AxisKind,
} from './alignment.ts';
import { CellDetails } from './CellDetails.tsx';
import './alignment.css';

const PlansQuery = graphql(`
  query AlignmentView_Plans {
    plans(first: 100) {
      plans {
        plan { id title }
        itemCount
      }
    }
  }
`);

const MatrixQuery = graphql(`
  query AlignmentView_Matrix($rows: AlignmentSetInput!, $columns: AlignmentSetInput!) {
    alignment(rows: $rows, columns: $columns) {
      rows { id label title code term corporate kind }
      columns { id label title code term corporate kind }
      cells {
        row
        column
        connection
        links { id type from to basis rationale }
        sharedAuthorities { id label title kind }
        sharedThemes { id label title }
      }
      uncoveredRows { id label title code term corporate kind }
      uncoveredColumns { id label title code term corporate kind }
    }
  }
`);

type Matrix = AlignmentView_MatrixQuery['alignment'];
export type MatrixNode = Matrix['rows'][number];
export type MatrixCell = Matrix['cells'][number];
type Plan = { id: string; title: string };

interface AxisChooserProps {
  name: 'rows' | 'columns';
  legend: string;
  axis: Axis;
  plans: Plan[];
  onChange: (axis: Axis) => void;
}

/** What one axis holds: a kind and, for priorities or actions, the plan. */
function AxisChooser({ name, legend, axis, plans, onChange }: AxisChooserProps) {
  const fallbackPlan = (name === 'rows' ? defaultRows : defaultColumns).planId;
  return (
    <fieldset className="axis-chooser">
      <legend>{legend}</legend>
      <div className="field">
        <label htmlFor={`${name}-kind`}>Show</label>
        <select id={`${name}-kind`} value={axis.kind} onChange={(event) => onChange(withKind(axis, event.target.value as AxisKind, fallbackPlan))}>
          {axisKinds.map((kind) => (
            <option key={kind} value={kind}>
              {axisKindNames[kind]}
            </option>
          ))}
        </select>
      </div>
      {needsPlan(axis.kind) && (
        <div className="field">
          <label htmlFor={`${name}-plan`}>Plan</label>
          <select id={`${name}-plan`} value={axis.planId ?? ''} onChange={(event) => onChange({ ...axis, planId: event.target.value || null })}>
            <option value="">Choose a plan</option>
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.title}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}

/** A row or column heading: what it is, and its title, which opens the detail panel. */
function AxisHeading({ node }: { node: MatrixNode }) {
  const [, select] = useSelection();
  return (
    <>
      <span className="axis-code">{describeNode(node)}</span>
      <button type="button" className="link-button" onClick={() => select(node.id)}>
        {node.title}
      </button>
    </>
  );
}

function NodeList({ nodes, empty }: { nodes: MatrixNode[]; empty: string }) {
  const [, select] = useSelection();
  if (nodes.length === 0) return <p>{empty}</p>;
  return (
    <ul className="uncovered-list">
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

interface HeatMapProps {
  matrix: Matrix;
  caption: string;
  open: { row: string; column: string } | null;
  onOpen: (row: string, column: string) => void;
}

/**
 * The matrix as a table. Each connected cell is a button showing its strength as a number, so the
 * shade only repeats what the number says; text colour switches with the shade to keep AA contrast.
 */
function HeatMap({ matrix, caption, open, onOpen }: HeatMapProps) {
  const cells = new Map(matrix.cells.map((cell) => [cellParam(cell.row, cell.column), cell]));
  const strongest = Math.max(0, ...matrix.cells.map((cell) => cell.links.length + cell.sharedAuthorities.length + cell.sharedThemes.length));
  return (
    <div className="matrix-scroll" role="region" aria-labelledby="matrix-caption" tabIndex={0}>
      <table className="heat-map">
        <caption id="matrix-caption">{caption}</caption>
        <thead>
          <tr>
            <td className="heat-corner" />
            {matrix.columns.map((column) => (
              <th key={column.id} scope="col">
                <AxisHeading node={column} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <AxisHeading node={row} />
              </th>
              {matrix.columns.map((column) => {
                const cell = cells.get(cellParam(row.id, column.id));
                if (!cell) {
                  return (
                    <td key={column.id} className="heat-empty">
                      <span className="visually-hidden">No connection</span>
                    </td>
                  );
                }
                const pressed = open?.row === row.id && open.column === column.id;
                return (
                  <td key={column.id}>
                    <button
                      type="button"
                      className={`heat-cell heat-${shadeLevel((cell.links.length + cell.sharedAuthorities.length + cell.sharedThemes.length), strongest)}`}
                      aria-pressed={pressed}
                      aria-controls="cell-details"
                      onClick={() => onOpen(row.id, column.id)}
                    >
                      {(cell.links.length + cell.sharedAuthorities.length + cell.sharedThemes.length)}
                      <span className="visually-hidden">
                        {' '}
                        {(cell.links.length + cell.sharedAuthorities.length + cell.sharedThemes.length) === 1 ? 'connection' : 'connections'} between {row.title} and {column.title}
                      </span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The key to the shades, which only repeat the numbers in the cells. */
function Legend() {
  return (
    <div className="heat-legend">
      <p>
        Each number counts what joins the row to the column: links between them (or anything under them), plus the authorities and themes they share.
        Darker shades mean more, relative to the strongest cell. An empty cell means nothing connects them.
      </p>
      <ol className="heat-scale" aria-label="Shades from fewest to most connections">
        {Array.from({ length: shadeLevels }, (_, index) => (
          <li key={index} className={`heat-swatch heat-${index + 1}`}>
            {index === 0 ? 'Fewest' : index === shadeLevels - 1 ? 'Most' : <span className="visually-hidden">Shade {index + 1}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * The alignment matrix between two sets (two plans' priorities, plans × authorities, …) as a heat
 * map; a cell opens the links, shared authorities and shared themes behind it. Below, what
 * each side holds that the other does not touch.
 */
export function AlignmentView() {
  const { params } = useRoute();
  const update = useUpdateParams();
  const rows = parseAxis(params.get('rows'), defaultRows);
  const columns = parseAxis(params.get('columns'), defaultColumns);
  const open = parseCell(params.get('cell'));
  const ready = (!needsPlan(rows.kind) || rows.planId) && (!needsPlan(columns.kind) || columns.planId);

  const [plansResult] = useQuery({ query: PlansQuery });
  const [{ data, fetching, error }] = useQuery({ query: MatrixQuery, variables: { rows: axisInput(rows), columns: axisInput(columns) }, pause: !ready });

  // Plans the sources only mention hold no priorities or actions to line up.
  const plans = (plansResult.data?.plans.plans ?? []).filter(({ itemCount }) => itemCount > 0).map(({ plan }) => plan);
  const planTitle = (id: string) => plans.find((plan) => plan.id === id)?.title ?? id;
  const headings = uncoveredHeadings(rows, columns, planTitle);
  // A paused query keeps its last answer, which belongs to the axes before the plan was cleared.
  const matrix = ready ? data?.alignment : undefined;
  const openCell = open && matrix?.cells.find((cell) => cell.row === open.row && cell.column === open.column);
  const findNode = (id: string) => matrix && [...matrix.rows, ...matrix.columns].find((node) => node.id === id);

  return (
    <>
      <PageHeading title="Alignment">Alignment</PageHeading>
      <p>How two sets line up: one plan's priorities against another's, plans against the law, themes against plans. Choose what makes the rows and the columns.</p>
      <form className="axis-choosers" aria-label="Choose the rows and columns" onSubmit={(event) => event.preventDefault()}>
        <AxisChooser name="rows" legend="Rows" axis={rows} plans={plans} onChange={(axis) => update({ rows: axisParam(axis), cell: null })} />
        <AxisChooser name="columns" legend="Columns" axis={columns} plans={plans} onChange={(axis) => update({ columns: axisParam(axis), cell: null })} />
        <button type="button" className="secondary-button" onClick={() => update({ rows: axisParam(columns), columns: axisParam(rows), cell: null })}>
          Swap rows and columns
        </button>
      </form>
      <QueryState fetching={false} error={plansResult.error} what="the plans to choose from">
        {null}
      </QueryState>
      {!ready && <p className="message">Choose a plan for the {needsPlan(rows.kind) && !rows.planId ? 'rows' : 'columns'} to see the matrix.</p>}
      <QueryState fetching={fetching} error={error} what="the alignment matrix">
        {matrix && (
          <>
            <Legend />
            <div className="alignment-layout">
              <HeatMap
                matrix={matrix}
                caption={matrixCaption(rows, columns, planTitle)}
                open={open}
                onOpen={(row, column) => update({ cell: open?.row === row && open.column === column ? null : cellParam(row, column) })}
              />
              <CellDetails cell={openCell ?? null} row={open ? findNode(open.row) : undefined} column={open ? findNode(open.column) : undefined} />
            </div>
            <section aria-labelledby="uncovered-rows-heading" className="uncovered">
              <h2 id="uncovered-rows-heading">{headings.rows}</h2>
              <NodeList nodes={matrix.uncoveredRows} empty="Nothing: every row connects to at least one column." />
            </section>
            <section aria-labelledby="uncovered-columns-heading" className="uncovered">
              <h2 id="uncovered-columns-heading">{headings.columns}</h2>
              <NodeList nodes={matrix.uncoveredColumns} empty="Nothing: every column connects to at least one row." />
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}
