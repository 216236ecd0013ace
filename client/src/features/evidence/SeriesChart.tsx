import { useId } from 'react';
import { formatValue, seriesToPoints, type Series } from './series.ts';

const width = 320;
const height = 170;
const margin = { top: 24, right: 20, bottom: 40, left: 64 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

const statusNames: Record<string, string> = { ACTUAL: 'Actual', ESTIMATE: 'Estimate', PROJECTION: 'Projection' };
const isProjection = (status: string | null) => status === 'PROJECTION';

/** One sentence for the whole series: where it starts and where it ends. */
function describeSeries(name: string, series: Series): string {
  const first = series.observations[0];
  const last = series.observations[series.observations.length - 1];
  if (!first || !last) return `${name}: no figures.`;
  const ending = isProjection(last.status) ? ' (projected)' : '';
  if (first === last) return `${name}: ${formatValue(first.value, series.unit)} in ${first.period}${ending}.`;
  return `${name}: from ${formatValue(first.value, series.unit)} in ${first.period} to ${formatValue(last.value, series.unit)} in ${last.period}${ending}.`;
}

/**
 * A small line chart of one series, with a title that sums it up, labelled axes, and the same
 * figures in a table for screen readers. Projections are drawn hollow and dashed, and named in
 * the table, so the difference never rests on the drawing alone.
 */
export function SeriesChart({ name, series }: { name: string; series: Series }) {
  const titleId = useId();
  const { points, min, max } = seriesToPoints(series.observations, plotWidth, plotHeight);
  const caption = series.label ? `${name}, ${series.label}` : name;
  const [first] = points;
  const last = points[points.length - 1];
  return (
    <figure className="series-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{describeSeries(caption, series)}</title>
        <text x={margin.left} y={14} className="chart-unit">
          {series.unit ?? 'Value'}
        </text>
        <g transform={`translate(${margin.left} ${margin.top})`}>
          <line x1={0} y1={0} x2={0} y2={plotHeight} className="chart-axis" />
          <line x1={0} y1={plotHeight} x2={plotWidth} y2={plotHeight} className="chart-axis" />
          <text x={-8} y={4} textAnchor="end" className="chart-label">
            {formatValue(max, null)}
          </text>
          <text x={-8} y={plotHeight + 4} textAnchor="end" className="chart-label">
            {formatValue(min, null)}
          </text>
          {first && (
            <text
              x={points.length > 1 ? first.x : plotWidth / 2}
              y={plotHeight + 18}
              textAnchor={points.length > 1 ? 'start' : 'middle'}
              className="chart-label"
            >
              {first.observation.period}
            </text>
          )}
          {last && last !== first && (
            <text x={last.x} y={plotHeight + 18} textAnchor="end" className="chart-label">
              {last.observation.period}
            </text>
          )}
          <text x={plotWidth / 2} y={plotHeight + 34} textAnchor="middle" className="chart-label chart-axis-title">
            Period
          </text>
          {points.slice(1).map((point, index) => {
            const previous = points[index]!;
            return (
              <line
                key={`segment-${index}`}
                x1={previous.x}
                y1={previous.y}
                x2={point.x}
                y2={point.y}
                className={isProjection(point.observation.status) ? 'chart-line chart-projection' : 'chart-line'}
              />
            );
          })}
          {points.map((point, index) => (
            <circle
              key={index}
              cx={point.x}
              cy={point.y}
              r={4}
              className={isProjection(point.observation.status) ? 'chart-point chart-projection' : 'chart-point'}
            />
          ))}
        </g>
      </svg>
      <figcaption>
        {caption}
        {series.observations.some(({ status }) => isProjection(status)) && '. Hollow points on a dashed line are projections.'}
      </figcaption>
      <table className="visually-hidden">
        <caption>Figures of {caption}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Value</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {series.observations.map((observation, index) => (
            <tr key={index}>
              <th scope="row">{observation.period}</th>
              <td>{formatValue(observation.value, series.unit)}</td>
              <td>{observation.status ? (statusNames[observation.status] ?? observation.status) : 'Not stated'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
