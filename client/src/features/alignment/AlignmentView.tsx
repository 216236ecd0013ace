import { useQuery } from 'urql';
import { AsAtControl, useAsAt } from '../../components/AsAt.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { describeNode } from '../../components/labels.ts';
import { type FragmentType, readFragment } from '../../generated/fragment-masking.ts';
import { graphql } from '../../generated/gql.ts';
import type { AlignmentView_MatrixQuery } from '../../generated/graphql.ts';
import { GraphNodeFragment } from '../../graph/toElements.ts';
import { useRoute, useSelection, useUpdateParams } from '../../routing/route.ts';
import { saveFile } from '../../components/download.ts';
import {
  axisInput,
  axisKindNames,
  axisKinds,
  axisOf,
  axisParam,
  cellFigures,
  cellParam,
  connectionNames,
  connectionSummary,
  csvFileName,
  kindNouns,
  matrixCaption,
  matrixToCsv,
  needsPlan,
  notCovered,
  notCoveredToCsv,
  parseAxis,
  parseCell,
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

// The page reads the ids, labels and titles of the nodes itself (the other side's titles, the CSV
// exports); AxisHeading reads how each is named through GraphElement_Node, CellDetails a cell's links.
const MatrixQuery = graphql(`
  query AlignmentView_Matrix($rows: AlignmentSetInput, $columns: AlignmentSetInput, $asAt: String) {
    alignment(rows: $rows, columns: $columns, asAt: $asAt) {
      rowSet { kind planId }
      columnSet { kind planId }
      chosenBecause
      rows { id label title ...GraphElement_Node }
      columns { id label title ...GraphElement_Node }
      cells {
        row
        column
        connection
        links { from to type basis }
        sharedAuthorities { title }
        sharedThemes { title }
        ...CellDetails_Cell
      }
      rowConnections {
        node { id label title ...GraphElement_Node }
        connection
        sharesAuthorityWith
        sharesThemeWith
      }
      columnConnections {
        node { id label title ...GraphElement_Node }
        connection
        sharesAuthorityWith
        sharesThemeWith
      }
      linkedItems { id label title }
    }
  }
`);

type Matrix = AlignmentView_MatrixQuery['alignment'];
type MatrixNode = Matrix['rows'][number];
type AxisEntry = Matrix['rowConnections'][number];
type Plan = { id: string; title: string };

interface AxisChooserProps {
  name: 'rows' | 'columns';
  legend: string;
  axis: Axis;
  plans: Plan[];
  /** The plan a plan kind starts with when the axis had none: the other axis's plan, else the first. */
  fallbackPlan: string | null;
  onChange: (axis: Axis) => void;
}

/** What one axis holds: a kind and, for priorities or actions, the plan. */
function AxisChooser({ name, legend, axis, plans, fallbackPlan, onChange }: AxisChooserProps) {
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
function AxisHeading({ node: ref }: { node: FragmentType<typeof GraphNodeFragment> }) {
  const node = readFragment(GraphNodeFragment, ref);
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

// Where each side's list reads its entries and the other side's nodes, and what it is called.
const sides = {
  row: { id: 'uncovered-rows', entries: 'rowConnections', others: 'columns', axis: 'rows', file: 'not-covered-rows' },
  column: { id: 'uncovered-columns', entries: 'columnConnections', others: 'rows', axis: 'columns', file: 'not-covered-columns' },
} as const;

interface NotCoveredProps {
  /** The axis listed: the rows against the columns, or the columns against the rows. */
  side: keyof typeof sides;
  matrix: Matrix;
  axes: { rows: Axis; columns: Axis };
  planTitle: (id: string) => string;
}

/**
 * What one axis holds that no link joins to the other: those connected by nothing first, then
 * those sharing only a theme, then those sharing an authority, with what they share in columns of
 * their own, so a shared theme is never read as cover.
 */
function NotCovered({ side, matrix, axes, planTitle }: NotCoveredProps) {
  const { id, axis, file } = sides[side];
  const entries: AxisEntry[] = matrix[sides[side].entries];
  const others: MatrixNode[] = matrix[sides[side].others];
  const heading = uncoveredHeadings(axes.rows, axes.columns, planTitle)[axis];
  const noun = kindNouns[axes[axis].kind];
  const onExport = () => saveFile(notCoveredToCsv(entries, matrix, side), csvFileName(axes.rows, axes.columns, file), 'text/csv');
  const listed = notCovered(entries);
  const titles = (ids: readonly string[]) => ids.map((other) => others.find((node) => node.id === other)?.title ?? other).join('; ');
  return (
    <section aria-labelledby={`${id}-heading`} className="uncovered">
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p>{connectionSummary(entries, noun)}</p>
      {listed.length === 0 ? (
        <p>Nothing: every {noun.singular} is linked to at least one on the other side.</p>
      ) : (
        <>
          <button type="button" className="secondary-button" onClick={onExport}>
            Export this list as CSV
          </button>
          <div className="matrix-scroll" role="region" aria-labelledby={`${id}-heading`} tabIndex={0}>
            <table className="uncovered-table">
              <thead>
                <tr>
                  <th scope="col">Not covered</th>
                  <th scope="col">Closest connection</th>
                  <th scope="col">Shares an authority with</th>
                  <th scope="col">Shares a theme with</th>
                </tr>
              </thead>
              <tbody>
                {listed.map((entry) => (
                  <tr key={entry.node.id} className={`connection-${entry.connection.toLowerCase()}`}>
                    <th scope="row">
                      <AxisHeading node={entry.node} />
                    </th>
                    <td>{connectionNames[entry.connection]}</td>
                    <td>{titles(entry.sharesAuthorityWith) || '—'}</td>
                    <td>{titles(entry.sharesThemeWith) || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

interface HeatMapProps {
  matrix: Matrix;
  caption: string;
  open: { row: string; column: string } | null;
  onOpen: (row: string, column: string) => void;
}

/**
 * The matrix as a table. Each connected cell is a button that counts its links, shared
 * authorities and shared themes apart; its shade says only the closest of the three, so a cell
 * that shares a theme never looks like one that is linked.
 */
function HeatMap({ matrix, caption, open, onOpen }: HeatMapProps) {
  const cells = new Map(matrix.cells.map((cell) => [cellParam(cell.row, cell.column), cell]));
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
                      <span className="visually-hidden">Nothing connects them</span>
                    </td>
                  );
                }
                const pressed = open?.row === row.id && open.column === column.id;
                return (
                  <td key={column.id}>
                    <button
                      type="button"
                      className={`heat-cell connection-${cell.connection.toLowerCase()}`}
                      aria-pressed={pressed}
                      aria-controls="cell-details"
                      onClick={() => onOpen(row.id, column.id)}
                    >
                      {cellFigures(cell).map((figure) => (
                        <span key={figure} className="heat-figure">
                          {figure}
                        </span>
                      ))}
                      <span className="visually-hidden">
                        {' '}
                        between {row.title} and {column.title}
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

/** The key to the cells: what each kind of connection means, and that only a link covers. */
function Legend() {
  return (
    <div className="heat-legend">
      <p>
        Each cell counts apart what joins the row to the column. Only a <strong>link</strong> (one contributes to, responds to, is informed by or gives effect
        to the other, or something under each) covers a row. A <strong>shared authority</strong> or a <strong>shared theme</strong> says both are about the same
        thing, not that one delivers the other. An empty cell means nothing connects them.
      </p>
      <ul className="heat-scale" aria-label="Shades of the cells">
        <li className="heat-swatch connection-linked">Linked</li>
        <li className="heat-swatch connection-shared_authority">Shared authority, no link</li>
        <li className="heat-swatch connection-shared_theme">Shared theme only</li>
      </ul>
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
  const asked = { rows: parseAxis(params.get('rows')), columns: parseAxis(params.get('columns')) };
  const chosenByGraph = !asked.rows || !asked.columns;
  const open = parseCell(params.get('cell'));
  const asAt = useAsAt();

  const [plansResult] = useQuery({ query: PlansQuery });
  const askedReady = !chosenByGraph && (!needsPlan(asked.rows!.kind) || asked.rows!.planId) && (!needsPlan(asked.columns!.kind) || asked.columns!.planId);
  // With no axes in the address, the API chooses them from the data and says which and why.
  const variables = chosenByGraph ? { asAt } : { rows: axisInput(asked.rows!), columns: axisInput(asked.columns!), asAt };
  const [{ data, fetching, error }] = useQuery({ query: MatrixQuery, variables, pause: !chosenByGraph && !askedReady });
  const ready = chosenByGraph || askedReady;
  // A paused query keeps its last answer, which belongs to the axes before the plan was cleared.
  const matrix = ready ? data?.alignment : undefined;
  const rows = asked.rows ?? (matrix ? axisOf(matrix.rowSet) : null);
  const columns = asked.columns ?? (matrix ? axisOf(matrix.columnSet) : null);

  // Plans the sources only mention hold no priorities or actions to line up.
  const plans = (plansResult.data?.plans.plans ?? []).filter(({ itemCount }) => itemCount > 0).map(({ plan }) => plan);
  const planTitle = (id: string) => plans.find((plan) => plan.id === id)?.title ?? id;
  const openCell = open && matrix?.cells.find((cell) => cell.row === open.row && cell.column === open.column);
  const findAxisNode = (id: string): MatrixNode | undefined => matrix && [...matrix.rows, ...matrix.columns].find((node) => node.id === id);
  const findNode = (id: string) => findAxisNode(id) ?? matrix?.linkedItems.find((node) => node.id === id);
  // Changing one axis writes both, so the other stays as shown even if the data would now choose differently.
  const setAxes = (next: { rows: Axis; columns: Axis }) => update({ rows: axisParam(next.rows), columns: axisParam(next.columns), cell: null });

  return (
    <>
      {/* The date beside the heading, so the first item not covered stays in view on arrival. */}
      <div className="heading-row">
        <PageHeading title="Alignment">Alignment</PageHeading>
        <AsAtControl what="the alignment" compact />
      </div>
      <p>
        How two sets line up: one plan's priorities or actions against another's, plans against the law, themes against plans. Choose what makes the rows and
        the columns.
      </p>
      {rows && columns && (
        <form className="axis-choosers" aria-label="Choose the rows and columns" onSubmit={(event) => event.preventDefault()}>
          <AxisChooser
            name="rows"
            legend="Rows"
            axis={rows}
            plans={plans}
            fallbackPlan={columns.planId ?? plans[0]?.id ?? null}
            onChange={(axis) => setAxes({ rows: axis, columns })}
          />
          <AxisChooser
            name="columns"
            legend="Columns"
            axis={columns}
            plans={plans}
            fallbackPlan={rows.planId ?? plans[0]?.id ?? null}
            onChange={(axis) => setAxes({ rows, columns: axis })}
          />
          <button type="button" className="secondary-button" onClick={() => setAxes({ rows: columns, columns: rows })}>
            Swap rows and columns
          </button>
        </form>
      )}
      <QueryState fetching={false} error={plansResult.error} what="the plans to choose from">
        {null}
      </QueryState>
      {!ready && rows && <p className="message">Choose a plan for the {needsPlan(rows.kind) && !rows.planId ? 'rows' : 'columns'} to see the matrix.</p>}
      <QueryState fetching={fetching} error={error} what="the alignment matrix">
        {matrix && rows && columns && (
          <>
            {matrix.chosenBecause && (
              <p className="message chosen-because">
                <strong>Chosen from the data:</strong> {matrix.chosenBecause}
              </p>
            )}
            <NotCovered side="row" matrix={matrix} axes={{ rows, columns }} planTitle={planTitle} />
            <h2 className="matrix-heading">The matrix</h2>
            <Legend />
            <button type="button" className="secondary-button" onClick={() => saveFile(matrixToCsv(matrix), csvFileName(rows, columns, 'matrix'), 'text/csv')}>
              Export the matrix as CSV
            </button>
            <div className="alignment-layout">
              <HeatMap
                matrix={matrix}
                caption={matrixCaption(rows, columns, planTitle)}
                open={open}
                onOpen={(row, column) =>
                  update({
                    rows: axisParam(rows),
                    columns: axisParam(columns),
                    cell: open?.row === row && open.column === column ? null : cellParam(row, column),
                  })
                }
              />
              <CellDetails
                cell={openCell ?? null}
                row={open ? findAxisNode(open.row) : undefined}
                column={open ? findAxisNode(open.column) : undefined}
                findNode={findNode}
              />
            </div>
            <NotCovered side="column" matrix={matrix} axes={{ rows, columns }} planTitle={planTitle} />
          </>
        )}
      </QueryState>
    </>
  );
}
