/**
 * numpy's legacy `np.random.RandomState`, bit for bit: the MT19937 generator
 * and the legacy algorithms scikit-learn draws rows with (`random_sample`,
 * `randint`, `shuffle`, `permutation`, `choice(..., replace=False)`).
 *
 * - An integer seed goes through `init_genrand` (numpy's `mt19937_seed`); only
 *   array seeds use `init_by_array`.
 * - `random_sample` = ((a >>> 5) * 2^26 + (b >>> 6)) / 2^53 from two 32-bit words.
 * - `randint` (int64, legacy) = masked rejection: draw, AND with the smallest
 *   all-ones mask >= range, reject values above the range. Ranges below 2^32 use
 *   one 32-bit word per try; wider ranges one 64-bit word (first word high).
 * - `shuffle` = Fisher–Yates from the end, `j = random_interval(i)` (the same
 *   masked rejection on [0, i]).
 */

import { ApiError } from '../api/errors';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const TWO_32 = 4294967296;
const MAX_SEED = 0xffffffff;

/** The smallest 2^k - 1 that is >= v, for 0 <= v < 2^32. */
function mask32(v: number): number {
  let m = v >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

/** The smallest 2^k - 1 that is >= v, for 0 <= v <= 2^53 - 1 (exact in a double). */
function maskWide(v: number): number {
  let m = 1;
  while (m < v) m = m * 2 + 1;
  return m;
}

function checkSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`Seed must be an integer between 0 and 2**32 - 1, got ${seed}.`);
  }
  return seed;
}

/** A seed for callers that, like scikit-learn with `random_state=None`, do not fix one. */
export function freshSeed(): number {
  return Math.floor(Math.random() * TWO_32);
}

/**
 * scikit-learn's `check_random_state` for the values a recipe can hold: an
 * integer seed gives a fresh generator; `undefined` (sklearn's `None`) an
 * unpredictable one.
 */
export function checkRandomState(seed: number | undefined): RandomState {
  if (seed === undefined) return new RandomState(freshSeed());
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new ApiError('bad-input', `random_state must be an integer between 0 and 4294967295, got ${seed}.`);
  }
  return new RandomState(seed);
}

export class RandomState {
  private readonly mt = new Uint32Array(N);
  private pos = N;

  constructor(seed: number) {
    this.seed(seed);
  }

  /** `init_genrand(seed)`: numpy's seeding for an integer seed. */
  seed(seed: number): void {
    let s = checkSeed(seed) >>> 0;
    const mt = this.mt;
    for (let i = 0; i < N; i++) {
      mt[i] = s;
      const x = s ^ (s >>> 30);
      // 1812433253 * x + i + 1 (mod 2^32), split to stay exact.
      s = (Math.imul(1812433253, x) + i + 1) >>> 0;
    }
    this.pos = N;
  }

  private generate(): void {
    const mt = this.mt;
    let kk = 0;
    let y: number;
    for (; kk < N - M; kk++) {
      y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.pos = 0;
  }

  /** One tempered 32-bit word, as an unsigned number. */
  nextUint32(): number {
    if (this.pos === N) this.generate();
    let y = this.mt[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double in [0, 1) with 53 random bits (numpy's `legacy_double`). */
  randomSample(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** `random_sample(size)`. */
  randomSamples(size: number): Float64Array {
    const out = new Float64Array(checkSize(size));
    for (let i = 0; i < out.length; i++) out[i] = this.randomSample();
    return out;
  }

  /**
   * A value in [0, max] by masked rejection (`random_bounded_uint64` in legacy
   * mode, and `random_interval`); `max` must be a safe non-negative integer.
   */
  private boundedMasked(max: number): number {
    if (max === 0) return 0;
    if (max <= 0xffffffff) {
      if (max === 0xffffffff) return this.nextUint32();
      const mask = mask32(max);
      let v: number;
      do v = (this.nextUint32() & mask) >>> 0;
      while (v > max);
      return v;
    }
    // 64-bit words, high word first; the mask's low 32 bits are all ones.
    const maskHi = Math.floor(maskWide(max) / TWO_32);
    let v: number;
    do {
      const hi = (this.nextUint32() & maskHi) >>> 0;
      const lo = this.nextUint32();
      v = hi * TWO_32 + lo;
    } while (v > max);
    return v;
  }

  /** `random_interval(max)`: a value in [0, max]. */
  interval(max: number): number {
    return this.boundedMasked(max);
  }

  /**
   * `randint(low, high, size)` with numpy's default int64 dtype: values in
   * [low, high). With `high` omitted, values in [0, low).
   */
  randint(low: number, high?: number, size = 1): Float64Array {
    if (high === undefined) {
      high = low;
      low = 0;
    }
    if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high)) {
      throw new RangeError(`randint bounds must be safe integers, got low=${low}, high=${high}.`);
    }
    if (low > high - 1) throw new RangeError(`low >= high (low=${low}, high=${high})`);
    const range = high - 1 - low;
    const out = new Float64Array(checkSize(size));
    for (let i = 0; i < out.length; i++) out[i] = low + this.boundedMasked(range);
    return out;
  }

  /** Shuffles in place, exactly as `RandomState.shuffle` does a 1-d array. */
  shuffle<T extends { length: number; [i: number]: number }>(array: T): T {
    for (let i = array.length - 1; i >= 1; i--) {
      const j = this.boundedMasked(i);
      const t = array[j];
      array[j] = array[i];
      array[i] = t;
    }
    return array;
  }

  /** `permutation(n)`: a shuffled `arange(n)`. */
  permutation(n: number): Int32Array {
    const out = new Int32Array(checkSize(n));
    for (let i = 0; i < out.length; i++) out[i] = i;
    return this.shuffle(out);
  }

  /** `permutation(values)`: a shuffled copy. */
  permuted(values: ArrayLike<number>): Int32Array {
    return this.shuffle(Int32Array.from(values));
  }

  /**
   * `choice(populationSize, size, replace=False)` without weights: numpy takes
   * the first `size` entries of `permutation(populationSize)`, so it always
   * consumes a whole permutation's worth of draws.
   */
  choiceWithoutReplacement(populationSize: number, size: number): Int32Array {
    if (size > populationSize) {
      throw new RangeError("Cannot take a larger sample than population when 'replace=False'");
    }
    return this.permutation(populationSize).slice(0, size);
  }
}

function checkSize(size: number): number {
  if (!Number.isInteger(size) || size < 0 || size > 0x7fffffff) {
    throw new RangeError(`size must be a non-negative integer, got ${size}.`);
  }
  return size;
}
