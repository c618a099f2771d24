/** Loads test/fixtures/linear/*.json (written by scripts/fixtures/logistic_fixtures.py). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureMatrix } from '../../../src-main/core/ml/types';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'linear');

export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(DIR, name), 'utf8')) as T;
}

export function matrix(columns: number[][], names: string[]): FeatureMatrix {
  return { rows: columns[0]?.length ?? 0, columns: columns.map((c) => Float64Array.from(c)), names };
}

export interface SklearnFit {
  coef: number[];
  intercept: number;
  nIter: number;
  warnings: string[];
  maxGradient: number;
}

export interface StatsmodelsFit {
  terms: string[];
  params: number[];
  bse: number[];
  z: number[];
  pvalues: number[];
  ci95: [number, number][];
  converged: boolean;
}

export interface Course5Fixture {
  names: string[];
  rows: number;
  X: number[][];
  y: number[];
  test: { X: number[][]; probaConverged: number[] };
  sklearnConverged: SklearnFit;
  sklearnLbfgs: SklearnFit;
  sklearnSeedDefault: SklearnFit;
  statsmodels: StatsmodelsFit | { error: string };
}

export interface StatsmodelsFixture {
  names: string[];
  X: number[][];
  y: number[];
  statsmodels: StatsmodelsFit;
  sklearnNone: SklearnFit;
}

export interface PenaltiesFixture {
  names: string[];
  X: number[][];
  y: number[];
  testRows: number;
  cases: (SklearnFit & { label: string; C: number; fitIntercept: boolean; testProba: number[]; lbfgs: SklearnFit })[];
}

export interface NormalFixture {
  erfc: [number, number][];
  twoSidedP: [number, number][];
}

export interface MultinomialSklearnFit {
  /** k × p, scikit-learn's coef_. */
  coef: number[][];
  intercept: number[];
  /** Row-major testRows × k. */
  testProba: number[];
  nIter: number;
  warnings: string[];
  maxGradient: number;
  distanceFromReference?: number;
}

export interface MnlogitFit {
  terms: string[];
  reference: number;
  equations: { class: number; params: number[]; bse: number[]; z: number[]; pvalues: number[]; ci95: [number, number][] }[];
  converged: boolean;
}

export interface MultinomialFixture {
  classes: string[];
  classCounts: number[];
  names: string[];
  rows: number;
  testRows: number;
  /** Raw columns; standardise with `mean` and `std`. */
  X: number[][];
  y: number[];
  testX: number[][];
  mean: number[];
  std: number[];
  sklearn: { label: string; penalty: 'l2' | 'none'; C: number; fitIntercept: boolean; newtonCg: MultinomialSklearnFit; lbfgs: MultinomialSklearnFit }[];
  mnlogit: MnlogitFit;
  rawFeatures: string[];
  mnlogitRaw: MnlogitFit;
}
