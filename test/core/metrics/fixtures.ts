/**
 * Loads the scikit-learn 1.2 results recorded by scripts/fixtures/metrics_fixtures.py
 * (test/fixtures/metrics/*.json); Python is not needed to run the tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ProbabilityMatrix } from '../../../src-main/core/ml/types';

/** JSON numbers, with NaN and infinities written as strings. */
export type Num = number | 'NaN' | 'Infinity' | '-Infinity';

export interface Curve {
  fpr: Num[];
  tpr: Num[];
  thresholds: Num[];
}

export interface CurvesForPositive {
  scores: Num[];
  roc: Curve;
  rocAll: Curve;
  rocAuc: Num | null;
  pr: { precision: Num[]; recall: Num[]; thresholds: Num[] };
  averagePrecision: Num;
  brier: Num;
}

export interface PrfCase {
  fn: 'precision' | 'recall' | 'f1';
  average: 'binary' | 'macro' | 'weighted' | 'micro';
  posLabel: number;
  zeroDivision: 'warn' | 0 | 1;
  value?: Num;
  warnings?: string[];
  error?: string;
}

export interface Scores {
  precision: Num;
  recall: Num;
  f1: Num;
  support: number;
}

export interface ReportCase {
  zeroDivision: 'warn' | 0 | 1;
  labels?: number[];
  perClass?: (Scores & { label: number })[];
  accuracy?: Num;
  macro?: Scores;
  weighted?: Scores;
  warnings: string[];
  text: Record<string, string>;
}

export interface ReportDictRow {
  precision: number;
  recall: number;
  'f1-score': number;
  support: number;
}

/** The "multiclass" section of a k > 2 fixture (scripts/fixtures/multiclass_metrics_fixtures.py). */
export interface MulticlassSection {
  rocAuc: {
    ovr: Record<'macro' | 'weighted' | 'micro', { value?: Num; error?: string }>;
    ovo: Record<'macro' | 'weighted', { value?: Num; error?: string }>;
  };
  perClass: {
    label: number;
    support: number;
    roc: Curve;
    pr: { precision: Num[]; recall: Num[]; thresholds: Num[] };
    auc: Num | null;
    averagePrecision: Num | null;
  }[];
  macroRoc: { fpr: Num[]; tpr: Num[]; auc: Num } | null;
  macroAuc: Num | null;
  macroAveragePrecision: Num | null;
  reportDict: Record<'warn' | '0' | '1', Record<string, ReportDictRow | number>>;
  reportDictAllLabels: Record<string, ReportDictRow | number>;
}

export interface MetricsFixture {
  name: string;
  sklearn: string;
  nClasses: number;
  classNames: string[];
  yTrue: number[];
  proba: Num[];
  yPred: number[];
  confusion: number[][];
  confusionNormalized: Num[];
  labelMetrics: {
    prf: PrfCase[];
    accuracy: Num;
    balancedAccuracy: { value: Num; warnings: string[] };
    mcc: Num;
  };
  reports: ReportCase[];
  logLoss: { auto: Num; 'eps1e-15': Num; binaryAuto?: Num };
  scorers: Record<string, { value?: Num; error?: string }>;
  curves?: Record<'0' | '1', CurvesForPositive>;
  multiclass?: MulticlassSection;
  thresholds?: {
    at: { threshold: number; tp: number; fp: number; tn: number; fn: number; precision: Num; recall: Num; f1: Num; accuracy: Num }[];
    strictest: { target: number; threshold: Num | null; precision?: Num; recall?: Num }[];
  };
}

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'metrics');

export const FIXTURES: MetricsFixture[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as MetricsFixture);

export function num(v: Num): number {
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return v;
}

export function nums(a: readonly Num[]): number[] {
  return a.map(num);
}

export const TOL = 1e-12;

/** |actual − expected| ≤ 1e-12 (NaN matches NaN). */
export function expectClose(actual: number, expected: Num, what = ''): void {
  const e = num(expected);
  if (Number.isNaN(e)) {
    expect(actual, what).toBeNaN();
    return;
  }
  expect(Math.abs(actual - e), `${what}: ${actual} vs ${e}`).toBeLessThanOrEqual(TOL);
}

/** Bit-identical doubles (NaN matches NaN; +0 and −0 count as equal). */
export function expectSame(actual: number, expected: Num, what = ''): void {
  const e = num(expected);
  if (Number.isNaN(e)) expect(actual, what).toBeNaN();
  else expect(actual === e, `${what}: ${actual} vs ${e}`).toBe(true);
}

export function expectAllSame(actual: ArrayLike<number>, expected: readonly Num[], what = ''): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectSame(actual[i], expected[i], `${what}[${i}]`);
}

export function expectAllClose(actual: ArrayLike<number>, expected: readonly Num[], what = ''): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i], expected[i], `${what}[${i}]`);
}

export function labels(a: readonly number[]): Int32Array {
  return Int32Array.from(a);
}

export function probaOf(fx: MetricsFixture): ProbabilityMatrix {
  return { rows: fx.yTrue.length, classes: fx.nClasses, data: Float64Array.from(nums(fx.proba)) };
}
