/**
 * Float32 arithmetic for exported split thresholds and numbers.
 *
 * Assay sends a value left when x ≤ t, with x and t in float64. XGBoost and
 * onnxruntime read the features as float32, so they compare f32(x). Writing
 * r = the largest float32 ≤ t (compared with ≤), or c = the smallest float32
 * > t (compared with XGBoost's strict <), routes every value that float32
 * represents exactly as Assay does: for such x, x ≤ t ⟺ x ≤ r ⟺ x < c.
 * (Rounding t to the nearest float32 instead can land on a training value
 * itself when two training values are adjacent float32s, and send it the
 * wrong way.) A float64 value that float32 cannot represent can still cross
 * a threshold within half a float32 ulp of it: the exported model sees a
 * different number than Assay did.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

export const FLOAT32_MAX = 3.4028234663852886e38;

/** The float32 after `x` towards +∞ (−0 and +0 both step to the smallest positive subnormal). */
export function nextUp32(x: number): number {
  f32[0] = x;
  const v = f32[0];
  if (Number.isNaN(v) || v === Infinity) return v;
  if (v === 0) {
    u32[0] = 1;
    return f32[0];
  }
  if (v > 0) u32[0] += 1;
  else u32[0] -= 1;
  return f32[0];
}

/** The float32 before `x` towards −∞. */
export function nextDown32(x: number): number {
  return -nextUp32(-x);
}

/** The largest float32 ≤ t (−∞ when t is below every finite float32). */
export function floor32(t: number): number {
  const r = Math.fround(t);
  return r > t ? nextDown32(r) : r;
}

/** The smallest float32 > t (+∞ when t ≥ the largest finite float32). */
export function above32(t: number): number {
  return nextUp32(floor32(t));
}

/**
 * The shortest decimal text that reads back as the float32 nearest `x`,
 * always with a decimal point or an exponent so that JSON readers which
 * type numbers by their spelling (XGBoost's) see a floating-point number.
 */
export function float32Text(x: number): string {
  const v = Math.fround(x);
  if (!Number.isFinite(v)) throw new RangeError(`${x} has no JSON number`);
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  let digits = 1;
  while (digits < 9 && Math.fround(Number(v.toPrecision(digits))) !== v) digits++;
  // Through Number: "1e+2" → "100", while 1e-7 and 3.4e38 keep their exponents.
  const text = String(Number(v.toPrecision(digits)));
  const [mantissa, exponent] = text.split('e');
  const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return exponent === undefined ? m : `${m}e${exponent}`;
}
