import type { ColumnKind } from '../data/columns';
import { roundsAsDouble } from '../data/exactDecimal';
import { isMissing } from './missing';
import { NumberSet } from './numberSet';
import { isUnsafeInteger, NUM_INT, NUM_NONE, pandasNumberKind } from './parseNumber';

export { pandasNumberKind };

/** Distinct values tracked per column before giving up (distinct is then reported as null). */
export const DISTINCT_CAP = 65536;

/**
 * Distinct integers that the columns of one table may hold, in total, past
 * {@link DISTINCT_CAP} (see {@link DistinctBudget}). In a {@link NumberSet}
 * (≤ 16 bytes a value) that is at most 64 MiB of tables, plus up to half that
 * again while one grows; past it the importer counts in SQLite.
 */
export const NUMERIC_DISTINCT_BUDGET = 4_000_000;

/**
 * Shared by the profilers of one table: how many more distinct integers they
 * may hold past {@link DISTINCT_CAP}. Only columns whose exact distinct count
 * can change their kind (integers named like a key, see {@link mayNeedExactIntegerDistinct})
 * draw on it; memory stays bounded however wide or long the table is.
 */
export class DistinctBudget {
  constructor(public remaining: number = NUMERIC_DISTINCT_BUDGET) {}
}

export interface ProfilerOptions {
  /** The column's name: decides whether it may count distinct integers past {@link DISTINCT_CAP}. */
  name?: string;
  /** Without one, the profiler never goes past {@link DISTINCT_CAP}. */
  budget?: DistinctBudget;
}

/** What inference needs to know about a column, gathered in one pass. */
export interface ColumnStats {
  /** Non-missing cells. */
  count: number;
  missing: number;
  /** Non-missing cells pandas' C parser reads as numbers (ints, decimals, exponents, inf). */
  numeric: number;
  /**
   * Of `numeric`, those written as integers (no decimal point or exponent) within int64/uint64 range,
   * and the integers beyond ±(2^53 − 1) written with a fraction of zeros (`…789.0`).
   */
  integer: number;
  /** Of `integer`, those beyond ±(2^53 − 1), which a double cannot hold exactly (see {@link isUnsafeInteger}). */
  unsafeInteger: number;
  /** Non-missing cells that are pandas booleans (True/False/TRUE/FALSE/true/false). */
  boolean: number;
  /** Distinct non-missing raw values, or null past {@link DISTINCT_CAP}. */
  distinct: number | null;
  /** Total length (UTF-16 code units) of the non-missing values. */
  totalLength: number;
  /** Some non-missing value contains whitespace. */
  hasWhitespace: boolean;
}

function isPandasBoolean(s: string): boolean {
  switch (s) {
    case 'True':
    case 'False':
    case 'TRUE':
    case 'FALSE':
    case 'true':
    case 'false':
      return true;
    default:
      return false;
  }
}

/** ASCII whitespace, NBSP and the Unicode space separators. */
function hasWhitespaceChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) return true;
    if (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000)) {
      return true;
    }
  }
  return false;
}

/** Shapes of {@link simpleNumber}. */
const SIMPLE_NONE = 0;
/** `String(Number(text)) === text`: optional `-`, no leading zero (except `0`), at most 15 digits. */
const SIMPLE_INT = 1;
/** A canonical non-negative-zero integer followed by `.0` (`7108.0`), the way pandas writes floats. */
const SIMPLE_DOT_ZERO = 2;

let simpleShape = SIMPLE_NONE;

/**
 * The value of the commonest number shapes, read in one pass, with their shape
 * in `simpleShape`; NaN (shape SIMPLE_NONE) for anything else. Both shapes map
 * one-to-one to their values, and both are what pandas (and
 * `parseNumberLikePandas`) read as that value.
 */
function simpleNumber(s: string): number {
  simpleShape = SIMPLE_NONE;
  const n = s.length;
  const negative = s.charCodeAt(0) === 45;
  let i = negative ? 1 : 0;
  const start = i;
  let c = s.charCodeAt(i);
  if (c === 48) {
    // "0" and "0.0" only; "-0", "-0.0" and leading zeros are not simple.
    if (negative) return NaN;
    i++;
  } else {
    let v = 0;
    for (; i < n; i++) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
    }
    const digits = i - start;
    if (digits === 0 || digits > 15) return NaN;
    if (i === n) {
      simpleShape = SIMPLE_INT;
      return negative ? -v : v;
    }
    if (i === n - 2 && c === 46 && s.charCodeAt(n - 1) === 48) {
      simpleShape = SIMPLE_DOT_ZERO;
      return negative ? -v : v;
    }
    return NaN;
  }
  // Zero.
  if (i === n) {
    simpleShape = SIMPLE_INT;
    return 0;
  }
  if (i === n - 2 && s.charCodeAt(i) === 46 && s.charCodeAt(n - 1) === 48) {
    simpleShape = SIMPLE_DOT_ZERO;
    return 0;
  }
  return NaN;
}

/** A number token this short has at most 15 significant digits, which a double always keeps. */
const DOUBLE_SAFE_LENGTH = 16;

/** Distinct strings checked by a linear scan before the hash set: labels repeat a lot. */
const FEW = 8;

/** Accumulates, in bounded memory, what {@link inferKind} needs about one column. */
export class ColumnProfiler {
  private count = 0;
  private missing = 0;
  private numeric = 0;
  private integer = 0;
  private unsafeInteger = 0;
  private boolean = 0;
  private totalLength = 0;
  private hasWhitespace = false;
  /** Distinct canonical integers (`7`), as numbers: cheaper to hash than fresh strings. Null once distinct values are no longer tracked. */
  private ints: NumberSet | null = new NumberSet(64);
  /** Distinct `N.0` values, as numbers. */
  private dotZeros: NumberSet = new NumberSet(16);
  /** Distinct other raw values. The three sets are disjoint by construction. */
  private values: Set<string> = new Set();
  /** `ints.size + dotZeros.size + values.size`. */
  private tracked = 0;
  /** The first {@link FEW} distinct strings (also in `values`). */
  private few: string[] | null = [];
  /** Every non-missing cell so far is a number greater than the previous one. */
  private increasing = true;
  private last = -Infinity;
  /** Set by {@link observePresent}: its value's text is exactly `String(value)`. */
  lastCanonical = false;
  /** Set by {@link observePresent}: its value is an integer beyond ±(2^53 − 1). */
  lastUnsafe = false;
  /** Set by {@link observePresent}: its value is a number with more significant digits than a double keeps, which a double rounds (see {@link roundsAsDouble}). */
  lastInexact = false;
  private readonly budget: DistinctBudget | null;
  /** Past {@link DISTINCT_CAP}, still counting integers on {@link budget}: only plain integers may follow. */
  private extended = false;

  constructor(options: ProfilerOptions = {}) {
    this.budget = options.budget && options.name !== undefined && mayNeedExactIntegerDistinct(options.name) ? options.budget : null;
  }

  /** Call once per cell, missing ones included. */
  observe(raw: string): void {
    if (isMissing(raw)) this.observeMissing();
    else this.observePresent(raw);
  }

  /** A missing cell, when the caller has already checked {@link isMissing}. */
  observeMissing(): void {
    this.missing++;
    // A column with missing cells is never a key: its exact count is not needed.
    if (this.extended) this.dropDistinct();
  }

  /**
   * A non-missing cell, when the caller has already checked {@link isMissing}.
   * Same effect as {@link observe}, without the second lookup. Returns the
   * cell's number when it has one of the common plain shapes (`42`, `-7`,
   * `7108.0`), else NaN: the value `parseNumberLikePandas` would give, so the
   * caller need not parse it again ({@link lastCanonical} tells whether the
   * text is the number's canonical form).
   */
  observePresent(raw: string): number {
    this.count++;
    this.totalLength += raw.length;
    const v = simpleNumber(raw);
    const shape = simpleShape;
    this.lastCanonical = shape === SIMPLE_INT;
    this.lastUnsafe = false;
    this.lastInexact = false;
    if (shape !== SIMPLE_NONE) {
      // Plain numbers: no whitespace, no boolean, in int64 range.
      this.numeric++;
      if (shape === SIMPLE_INT) this.integer++;
      if (this.increasing) {
        if (v > this.last) this.last = v;
        else this.increasing = false;
      }
      const ints = this.ints;
      if (ints !== null) {
        if (shape === SIMPLE_INT) {
          if (ints.add(v) && ++this.tracked > DISTINCT_CAP) this.pastCap();
        } else if (this.extended) {
          this.dropDistinct();
        } else if (this.dotZeros.add(v) && ++this.tracked > DISTINCT_CAP) {
          this.dropDistinct();
        }
      }
      return v;
    }
    const kind = pandasNumberKind(raw);
    if (kind !== NUM_NONE) {
      this.numeric++;
      if (isUnsafeInteger(raw)) {
        // `…789` and `…789.0` alike: an integer a double would round.
        this.integer++;
        this.unsafeInteger++;
        this.lastUnsafe = true;
      } else if (kind === NUM_INT) {
        this.integer++;
      } else if (raw.length > DOUBLE_SAFE_LENGTH && roundsAsDouble(raw)) {
        this.lastInexact = true;
      }
    } else if (isPandasBoolean(raw)) {
      this.boolean++;
    }
    if (!this.hasWhitespace && hasWhitespaceChar(raw)) this.hasWhitespace = true;
    if (this.increasing) {
      const x = kind === NUM_NONE ? NaN : Number(raw);
      if (x > this.last) this.last = x;
      else this.increasing = false;
    }
    if (this.extended) {
      // Only plain integers keep the count going past the cap; SQLite counts the rare rest.
      this.dropDistinct();
    } else if (this.ints !== null) {
      const values = this.values;
      const before = values.size;
      const few = this.few;
      if (few === null) values.add(raw);
      else if (!few.includes(raw)) {
        values.add(raw);
        if (few.length < FEW) few.push(raw);
        // Too many labels for a linear scan to pay off: hash from now on.
        else this.few = null;
      }
      if (values.size !== before && ++this.tracked > DISTINCT_CAP) this.dropDistinct();
    }
    return NaN;
  }

  /** A new plain integer took the count past {@link DISTINCT_CAP}: go on counting on the budget if it may matter, else stop. */
  private pastCap(): void {
    const budget = this.budget;
    if (budget !== null && budget.remaining > 0) {
      if (this.extended) {
        budget.remaining--;
        return;
      }
      // Only an integer column without missing cells may need the exact count (see decide).
      if (this.missing === 0 && this.integer === this.count && this.dotZeros.size === 0) {
        this.extended = true;
        budget.remaining -= this.tracked - DISTINCT_CAP;
        return;
      }
    }
    // The value just counted holds no share of the budget.
    if (this.extended) this.tracked--;
    this.dropDistinct();
  }

  private dropDistinct(): void {
    if (this.extended) this.budget!.remaining += this.tracked - DISTINCT_CAP;
    this.extended = false;
    this.ints = null;
    this.dotZeros = new NumberSet(16);
    this.values = new Set();
    this.tracked = 0;
    this.few = null;
  }

  /**
   * True when every non-missing value is known to be distinct without having
   * tracked them: the column's numbers strictly increase (a row counter, a
   * sorted key). Lets the importer skip an exact distinct count.
   */
  allDistinct(): boolean {
    return this.increasing;
  }

  summary(): ColumnStats {
    return {
      count: this.count,
      missing: this.missing,
      numeric: this.numeric,
      integer: this.integer,
      unsafeInteger: this.unsafeInteger,
      boolean: this.boolean,
      distinct: this.ints === null ? null : this.tracked,
      totalLength: this.totalLength,
      hasWhitespace: this.hasWhitespace,
    };
  }
}

/**
 * Names people give to row keys: `#`, `id`, `index`, `key` (any case), a
 * `_id`/`-id`/` id` suffix, or camel-case `Id`/`ID` (`userId`, `userID`).
 */
function looksLikeIdName(name: string): boolean {
  const n = name.trim();
  return /^(#|id|index|key)$/i.test(n) || /[_\- .]id$/i.test(n) || /[a-z0-9](Id|ID)$/.test(n);
}

/**
 * True when an integer column of this name is an identifier exactly when its
 * values are all distinct (and none is missing), so {@link inferKind} needs
 * its exact distinct count.
 */
export function mayNeedExactIntegerDistinct(name: string): boolean {
  return looksLikeIdName(name);
}

/** String columns need more rows than this before "all values distinct" says identifier. */
const IDENTIFIER_MIN_ROWS = 20;
/** Mean length above which strings read as prose rather than labels. */
const TEXT_MEAN_LENGTH = 25;
/** Share of distinct values above which multi-word strings read as prose rather than labels. */
const TEXT_DISTINCT_SHARE = 0.5;

/**
 * Runs the decision; `distinct` is asked for only when a rule needs it, which
 * lets {@link needsExactDistinct} reuse the same logic.
 */
function decide(stats: ColumnStats, name: string, rows: number, distinct: () => number): ColumnKind {
  const { count } = stats;
  // Nothing to go on: text is the kind that promises least.
  if (count === 0) return 'text';

  // Integers a double would round (19-digit ids, 64-bit keys) keep their exact text:
  // a key when every value is one, else whatever the text rules say.
  if (stats.unsafeInteger > 0) {
    if (stats.integer === count) return 'identifier';
  } else if (stats.numeric === count) {
    // pandas makes a column float as soon as one value has a decimal point or exponent (`1.0`).
    const kind: ColumnKind = stats.integer === count ? 'integer' : 'float';
    // A unique integer column is a key only if named like one: unique measurements are common.
    if (kind === 'integer' && stats.missing === 0 && looksLikeIdName(name) && distinct() === count) return 'identifier';
    return kind;
  }
  if (stats.boolean === count) return 'boolean';

  // Single-token strings that never repeat (codes, hashes, e-mails) are keys; with few
  // rows uniqueness is likely by chance, so a small table keeps them categorical.
  if (stats.missing === 0 && !stats.hasWhitespace && rows > IDENTIFIER_MIN_ROWS && distinct() === count) {
    return 'identifier';
  }
  // Long values, or multi-word values that rarely repeat, are prose: grouping by them is useless.
  if (stats.totalLength / count > TEXT_MEAN_LENGTH) return 'text';
  if (stats.hasWhitespace && distinct() / count > TEXT_DISTINCT_SHARE) return 'text';
  // Short, repeating labels.
  return 'categorical';
}

/**
 * The stats of a column whose values are strings by the file's own type (an
 * Arrow string column, a decimal kept as text): nothing in it is a number or
 * a boolean, however it reads, so only the text kinds are open to it.
 */
export function asTextStats(stats: ColumnStats): ColumnStats {
  return { ...stats, numeric: 0, integer: 0, unsafeInteger: 0, boolean: 0 };
}

/**
 * The kind of a column. `rows` is the table's row count; `exactDistinct` is
 * the exact distinct count when the profiler went past its cap (see
 * {@link needsExactDistinct}); without it the cap is used as a lower bound.
 */
export function inferKind(stats: ColumnStats, name: string, rows: number, exactDistinct?: number): ColumnKind {
  return decide(stats, name, rows, () => exactDistinct ?? stats.distinct ?? DISTINCT_CAP + 1);
}

/**
 * True when the profiler lost track of distinct values (past {@link DISTINCT_CAP})
 * and {@link inferKind} would consult them. Without `name`/`rows` it assumes
 * the most permissive ones, so it may ask for a count that turns out unneeded.
 */
export function needsExactDistinct(stats: ColumnStats, name = 'id', rows = Number.MAX_SAFE_INTEGER): boolean {
  if (stats.distinct !== null) return false;
  let asked = false;
  decide(stats, name, rows, () => {
    asked = true;
    return 0;
  });
  return asked;
}
