import { readFileSync } from 'node:fs';

export interface HistogramCase {
  name: string;
  bins: number | 'auto';
  edges: number[];
  counts: number[];
  values?: number[];
  column?: string;
}

export interface BoxCase {
  name: string;
  q1: number;
  median: number;
  q3: number;
  whiskerLow: number;
  whiskerHigh: number;
  outliers: number[];
  values?: number[];
  column?: string;
}

/** test/fixtures/charts/charts.json, written by scripts/fixtures/chart_fixtures.py with numpy, matplotlib and pandas. */
export const chartFixtures = JSON.parse(readFileSync('test/fixtures/charts/charts.json', 'utf8')) as {
  histograms: HistogramCase[];
  boxes: BoxCase[];
  corr: { labels: string[]; matrix: number[][] };
  groupMeans: { groups: string[]; means: number[] };
};

/** The series of an option, loosely typed for inspection. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function seriesOf(option: { series?: unknown }): any[] {
  const s = option.series;
  return Array.isArray(s) ? s : s ? [s] : [];
}

/** An option, loosely typed for inspection. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loose(option: unknown): any {
  return option;
}
