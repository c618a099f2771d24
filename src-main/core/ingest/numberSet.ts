/**
 * A set of finite numbers (float64, never NaN): open addressing with linear
 * probing in one Float64Array, NaN marking an empty slot. Compact (8 bytes a
 * slot, at most 2 slots a value: ≤ 16 bytes a value, against ~40 or more for a
 * `Set<number>` of non-Smi numbers) and fast to probe, since nothing is boxed.
 *
 * Memory is bounded by the caller: {@link size} tells how many values are
 * held; the table is twice the next power of two above it, and while it grows
 * the old table (half the size) is alive too.
 */
export class NumberSet {
  private slots: Float64Array;
  private mask: number;
  private count = 0;
  /** Grow once the table is this full (load factor ½). */
  private limit: number;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.slots = new Float64Array(cap).fill(NaN);
    this.mask = cap - 1;
    this.limit = cap >>> 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.slots.byteLength;
  }

  /** Adds a finite, non-NaN number; returns true when it was not in the set yet. `0` and `-0` are one value. */
  add(v: number): boolean {
    const slots = this.slots;
    const mask = this.mask;
    let i = hash(v) & mask;
    for (;;) {
      const s = slots[i];
      if (s === v) return false;
      if (s !== s) break;
      i = (i + 1) & mask;
    }
    slots[i] = v;
    if (++this.count > this.limit) this.grow();
    return true;
  }

  has(v: number): boolean {
    const slots = this.slots;
    const mask = this.mask;
    let i = hash(v) & mask;
    for (;;) {
      const s = slots[i];
      if (s === v) return true;
      if (s !== s) return false;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const cap = old.length * 2;
    const slots = new Float64Array(cap).fill(NaN);
    const mask = cap - 1;
    for (let k = 0; k < old.length; k++) {
      const v = old[k];
      if (v !== v) continue;
      let i = hash(v) & mask;
      while (slots[i] === slots[i]) i = (i + 1) & mask;
      slots[i] = v;
    }
    this.slots = slots;
    this.mask = mask;
    this.limit = cap >>> 1;
  }
}

const scratch = new Float64Array(1);
const halves = new Int32Array(scratch.buffer);

/** Mixes both halves of the number's bits (murmur3's finalizer), so sequential ids and `N.0` values spread out. */
function hash(v: number): number {
  // Small integers (the common case) skip the float view.
  let h: number;
  if ((v | 0) === v) {
    h = v;
  } else {
    scratch[0] = v + 0; // -0 → 0
    h = halves[0] ^ Math.imul(halves[1], 0x9e3779b1);
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
