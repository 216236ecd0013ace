/**
 * Pure helpers for a measure's data: reading observations out of the API's property maps,
 * splitting them into series, and placing a series on a chart.
 */

export interface Observation {
  period: string;
  value: number;
  unit: string | null;
  breakdown: string | null;
  area: string | null;
  /** ACTUAL, ESTIMATE or PROJECTION; null when the source does not say. */
  status: string | null;
}

export interface Series {
  /** What sets this series apart from the others of the measure ("Male", "England and Wales"); empty when it is the only one. */
  label: string;
  unit: string | null;
  observations: Observation[];
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** An observation from a node's property map, or null when it has no numeric value or no period. */
export function readObservation(properties: unknown): Observation | null {
  if (typeof properties !== 'object' || properties === null) return null;
  const props = properties as Record<string, unknown>;
  const period = text(props.period) ?? (typeof props.period === 'number' ? String(props.period) : null);
  if (typeof props.value !== 'number' || !Number.isFinite(props.value) || !period) return null;
  return { period, value: props.value, unit: text(props.unit), breakdown: text(props.breakdown), area: text(props.area), status: text(props.status) };
}

/**
 * Splits a measure's observations into series by breakdown, area and unit, keeping the source's
 * order within each. Figures of different breakdowns, places or units never share a line.
 */
export function splitSeries(observations: Observation[], measureArea: string | null = null): Series[] {
  const groups = new Map<string, Observation[]>();
  for (const observation of observations) {
    const key = JSON.stringify([observation.breakdown, observation.area, observation.unit]);
    groups.set(key, [...(groups.get(key) ?? []), observation]);
  }
  const mixedUnits = new Set(observations.map(({ unit }) => unit)).size > 1;
  return [...groups.values()].map((group) => {
    const [first] = group as [Observation];
    // The measure's own area goes without saying; another area, a breakdown or a second unit does not.
    const parts = [first.breakdown, first.area !== measureArea ? first.area : null, mixedUnits && first.unit ? `in ${first.unit}` : null];
    return { label: parts.filter(Boolean).join(', '), unit: first.unit, observations: group };
  });
}

export interface ChartPoint {
  x: number;
  y: number;
  observation: Observation;
}

export interface PlacedSeries {
  points: ChartPoint[];
  /** The value at the bottom of the plot: zero, or the lowest value when some are negative. */
  min: number;
  /** The value at the top of the plot. */
  max: number;
}

/**
 * Places a series in a plot `width` by `height` (y grows downwards, as in SVG). Periods are
 * evenly spaced in source order, since they range from years to spans like "2005-2015". The
 * value axis starts at zero so a small change never looks like a big one.
 */
export function seriesToPoints(observations: Observation[], width: number, height: number): PlacedSeries {
  const values = observations.map(({ value }) => value);
  const min = Math.min(0, ...values);
  const highest = Math.max(0, ...values);
  const max = highest === min ? min + 1 : highest;
  const step = observations.length > 1 ? width / (observations.length - 1) : 0;
  const points = observations.map((observation, index) => ({
    x: observations.length > 1 ? index * step : width / 2,
    y: height - ((observation.value - min) / (max - min)) * height,
    observation,
  }));
  return { points, min, max };
}

/** A figure as written in the UK, with its unit as the source gives it: "1,234 children", "8.5 per cent". */
export function formatValue(value: number, unit: string | null): string {
  const number = value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  return unit ? `${number} ${unit}` : number;
}
