/**
 * The present (non-NaN) values of a numeric column in ascending order, with
 * the row each came from: an LSD radix sort on the float's bits (16 bits a
 * pass, passes whose digit never varies skipped), so a million values sort
 * in a few tens of milliseconds. Ties keep row order (the sort is stable);
 * -0 sorts just before +0, which compare equal everywhere they are used.
 * One sort per column serves the quartiles, min/max and Spearman ranks.
 */
export interface SortedColumn {
  sorted: Float64Array;
  /** `order[k]` is the row of `sorted[k]`. */
  order: Int32Array;
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE ? 0 : 1;
const HI = LITTLE ? 1 : 0;

export function sortPresent(values: Float64Array): SortedColumn {
  let m = 0;
  let ascending = true;
  let prev = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) {
      m++;
      if (v < prev || (v === 0 && prev === 0 && Object.is(v, -0))) ascending = false;
      prev = v;
    }
  }
  if (ascending) {
    // Already in order (row numbers, ids, time stamps): no sort needed.
    const order = new Int32Array(m);
    const sorted = new Float64Array(m);
    let k = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === v) {
        order[k] = i;
        sorted[k++] = v;
      }
    }
    return { sorted, order };
  }
  let lo = new Uint32Array(m);
  let hi = new Uint32Array(m);
  let idx = new Int32Array(m);
  const hist = new Uint32Array(4 * 65536);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    F64[0] = v;
    let h = U32[HI];
    let l = U32[LO];
    // Order-preserving map of IEEE bits to unsigned: flip all bits of negatives, the sign bit of the rest.
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    lo[k] = l;
    hi[k] = h;
    idx[k] = i;
    hist[l & 0xffff]++;
    hist[65536 + (l >>> 16)]++;
    hist[131072 + (h & 0xffff)]++;
    hist[196608 + (h >>> 16)]++;
    k++;
  }
  if (m > 1) {
    let lo2 = new Uint32Array(m);
    let hi2 = new Uint32Array(m);
    let idx2 = new Int32Array(m);
    for (let pass = 0; pass < 4; pass++) {
      const base = pass * 65536;
      const word = pass < 2 ? lo : hi;
      const shift = pass % 2 === 0 ? 0 : 16;
      if (hist[base + ((word[0] >>> shift) & 0xffff)] === m) continue;
      let sum = 0;
      for (let d = 0; d < 65536; d++) {
        const c = hist[base + d];
        hist[base + d] = sum;
        sum += c;
      }
      for (let j = 0; j < m; j++) {
        const to = hist[base + ((word[j] >>> shift) & 0xffff)]++;
        lo2[to] = lo[j];
        hi2[to] = hi[j];
        idx2[to] = idx[j];
      }
      [lo, lo2] = [lo2, lo];
      [hi, hi2] = [hi2, hi];
      [idx, idx2] = [idx2, idx];
    }
  }
  const sorted = new Float64Array(m);
  for (let j = 0; j < m; j++) sorted[j] = values[idx[j]];
  return { sorted, order: idx };
}

/**
 * Average ranks (1-based; ties share the mean of their positions, as
 * `rank(method='average')`) of the values a `SortedColumn` came from, NaN on
 * rows without a value. `rows` is the length of the original column.
 */
export function averageRanks(s: SortedColumn, rows: number): Float64Array {
  const ranks = new Float64Array(rows).fill(NaN);
  const { sorted, order } = s;
  const m = sorted.length;
  let i = 0;
  while (i < m) {
    let j = i + 1;
    while (j < m && sorted[j] === sorted[i]) j++;
    const r = (i + j + 1) / 2;
    for (let t = i; t < j; t++) ranks[order[t]] = r;
    i = j;
  }
  return ranks;
}

/**
 * The present values of a column, rearranged only as far as `describe()`
 * needs: the smallest and largest at the ends and, at each position the
 * linear quartiles read (⌊h⌋ and ⌊h⌋ + 1, h = (n − 1)·q), the value a full
 * sort would put there. A multi-quickselect with three-way partitions (ties,
 * like the many zero counts of engagement columns, settle at once) is a
 * fraction of a sort's cost when no ranks are wanted. Returns null when the
 * column holds −0, whose place before +0 only the full sort keeps.
 */
export function quartileOrder(values: Float64Array): Float64Array | null {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) {
      if (v === 0 && 1 / v < 0) return null;
      m++;
    }
  }
  const a = new Float64Array(m);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) a[k++] = v;
  }
  if (m < 2) return a;
  const wanted = new Set<number>([0, m - 1]);
  for (const q of [0.25, 0.5, 0.75]) {
    const lo = Math.floor((m - 1) * q);
    wanted.add(lo);
    if (lo + 1 < m) wanted.add(lo + 1);
  }
  const ranks = [...wanted].sort((x, y) => x - y);
  selectRanks(a, 0, m - 1, ranks, 0, ranks.length, { seed: 0x2545f491 });
  return a;
}

/** Puts a[r] in its sorted place for every r in ranks[rlo, rhi), all within [lo, hi]. */
function selectRanks(a: Float64Array, lo: number, hi: number, ranks: readonly number[], rlo: number, rhi: number, rng: { seed: number }): void {
  while (rlo < rhi) {
    if (hi - lo < 16) {
      for (let i = lo + 1; i <= hi; i++) {
        const v = a[i];
        let j = i - 1;
        while (j >= lo && a[j] > v) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    // Median of three random picks: no input order makes the selection quadratic.
    const p = median3(a[lo + nextIndex(rng, hi - lo + 1)], a[lo + nextIndex(rng, hi - lo + 1)], a[lo + nextIndex(rng, hi - lo + 1)]);
    // Three-way partition: [lo, lt) < p, [lt, gt] = p, (gt, hi] > p.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i];
      if (v < p) {
        a[i++] = a[lt];
        a[lt++] = v;
      } else if (v > p) {
        a[i] = a[gt];
        a[gt--] = v;
      } else i++;
    }
    let split = rlo;
    while (split < rhi && ranks[split] < lt) split++;
    let after = split;
    while (after < rhi && ranks[after] <= gt) after++;
    // Recurse into the side with fewer wanted ranks, loop on the other.
    if (split - rlo < rhi - after) {
      selectRanks(a, lo, lt - 1, ranks, rlo, split, rng);
      lo = gt + 1;
      rlo = after;
    } else {
      selectRanks(a, gt + 1, hi, ranks, after, rhi, rng);
      hi = lt - 1;
      rhi = split;
    }
  }
}

function median3(x: number, y: number, z: number): number {
  return x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
}

/** xorshift32: a fixed seed keeps runs reproducible. */
function nextIndex(rng: { seed: number }, n: number): number {
  let s = rng.seed;
  s ^= s << 13;
  s ^= s >>> 17;
  s ^= s << 5;
  rng.seed = s;
  return (s >>> 0) % n;
}
