import { describe, expect, it } from 'vitest';
import { formatValue, readObservation, seriesToPoints, splitSeries, type Observation } from './series.ts';

const observation = (period: string, value: number, extra: Partial<Observation> = {}): Observation => ({
  period,
  value,
  unit: 'children',
  breakdown: null,
  area: 'Redbridge',
  status: 'ACTUAL',
  ...extra,
});

describe('readObservation', () => {
  it('reads the properties the API sends for an observation', () => {
    expect(
      readObservation({ period: '2014', year: 2014, value: 215, unit: 'children', area: 'Redbridge', status: 'ACTUAL', breakdown: null, position: 0 }),
    ).toEqual(observation('2014', 215));
  });

  it('skips anything without a numeric value or a period', () => {
    expect(readObservation({ period: '2014', value: 'many' })).toBeNull();
    expect(readObservation({ value: 3 })).toBeNull();
    expect(readObservation(null)).toBeNull();
    expect(readObservation('2014')).toBeNull();
  });
});

describe('splitSeries', () => {
  it('keeps one series whole, unlabelled, in source order', () => {
    const series = splitSeries([observation('2016', 3), observation('2014', 1)], 'Redbridge');
    expect(series).toEqual([{ label: '', unit: 'children', observations: [observation('2016', 3), observation('2014', 1)] }]);
  });

  it('splits by breakdown and by another area, naming each', () => {
    const series = splitSeries(
      [
        observation('2016', 11931, { breakdown: 'Male' }),
        observation('2016', 11155, { breakdown: 'Female' }),
        observation('2026', 12291, { breakdown: 'Male', status: 'PROJECTION' }),
        observation('2015', 8, { area: 'England and Wales' }),
      ],
      'Redbridge',
    );
    expect(series.map(({ label, observations }) => [label, observations.map(({ value }) => value)])).toEqual([
      ['Male', [11931, 12291]],
      ['Female', [11155]],
      ['England and Wales', [8]],
    ]);
  });

  it('never joins figures in different units', () => {
    const series = splitSeries([observation('2017', 40, { unit: 'per cent' }), observation('2017', 120, { unit: 'people' })], 'Redbridge');
    expect(series.map(({ label }) => label)).toEqual(['in per cent', 'in people']);
  });
});

describe('seriesToPoints', () => {
  it('spaces periods evenly and scales values from zero, y growing downwards', () => {
    const { points, min, max } = seriesToPoints([observation('2014', 100), observation('2015', 50), observation('2016', 200)], 200, 100);
    expect([min, max]).toEqual([0, 200]);
    expect(points.map(({ x, y }) => [x, y])).toEqual([
      [0, 50],
      [100, 75],
      [200, 0],
    ]);
  });

  it('puts a lone observation in the middle', () => {
    const { points } = seriesToPoints([observation('2017', 10)], 200, 100);
    expect(points.map(({ x, y }) => [x, y])).toEqual([[100, 0]]);
  });

  it('extends the axis below zero for negative values', () => {
    const { points, min, max } = seriesToPoints([observation('2016', -5), observation('2017', 15)], 100, 100);
    expect([min, max]).toEqual([-5, 15]);
    expect(points.map(({ y }) => y)).toEqual([100, 0]);
  });

  it('draws an all-zero series on the baseline instead of dividing by zero', () => {
    const { points, max } = seriesToPoints([observation('2016', 0), observation('2017', 0)], 100, 100);
    expect(max).toBe(1);
    expect(points.map(({ y }) => y)).toEqual([100, 100]);
  });

  it('returns no points for no observations', () => {
    expect(seriesToPoints([], 100, 100).points).toEqual([]);
  });
});

describe('formatValue', () => {
  it('writes figures the UK way with the unit as the source gives it', () => {
    expect(formatValue(11931, 'people')).toBe('11,931 people');
    expect(formatValue(8.456, 'per cent')).toBe('8.46 per cent');
    expect(formatValue(3, null)).toBe('3');
  });
});
