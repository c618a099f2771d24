/**
 * numpy's float64 `sum`: pairwise summation (blocks of 128 with eight
 * accumulators) inside buffers of 8192 values that are added one after the
 * other, as `np.add.reduce` does for a 1-D array. pandas' `mean` and `std`
 * sum with it, so copying it keeps the last bits equal. Missing values (NaN)
 * count as 0, as pandas fills them before summing.
 */
export function numpySum(values: ArrayLike<number>, start = 0, end = values.length): number {
  let total = 0;
  for (let s = start; s < end; s += BUFFER) total += pairwise(values, s, Math.min(BUFFER, end - s));
  return total;
}

const BUFFER = 8192;
const BLOCK = 128;

function at(a: ArrayLike<number>, i: number): number {
  const v = a[i];
  return v === v ? v : 0;
}

function pairwise(a: ArrayLike<number>, lo: number, n: number): number {
  if (n < 8) {
    let r = 0;
    for (let i = 0; i < n; i++) r += at(a, lo + i);
    return r;
  }
  if (n <= BLOCK) {
    let r0 = at(a, lo), r1 = at(a, lo + 1), r2 = at(a, lo + 2), r3 = at(a, lo + 3);
    let r4 = at(a, lo + 4), r5 = at(a, lo + 5), r6 = at(a, lo + 6), r7 = at(a, lo + 7);
    const stop = n - (n % 8);
    let i = 8;
    for (; i < stop; i += 8) {
      const p = lo + i;
      r0 += at(a, p);
      r1 += at(a, p + 1);
      r2 += at(a, p + 2);
      r3 += at(a, p + 3);
      r4 += at(a, p + 4);
      r5 += at(a, p + 5);
      r6 += at(a, p + 6);
      r7 += at(a, p + 7);
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += at(a, lo + i);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(a, lo, n2) + pairwise(a, lo + n2, n - n2);
}
