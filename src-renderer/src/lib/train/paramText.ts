import type { ParamDef, ParamValue } from '../../../../src-main/core/ml/params';

/**
 * The text of one tuning field: empty (the default), one value, a list
 * ("5, 7, None") or an inclusive range ("75..200 step 25"). Values are
 * written as in Python: None, True/False, bare words for strings.
 */
export interface ParsedParam {
  /** Empty when the field is blank (the default applies). */
  values: ParamValue[];
  error: string | null;
}

const MAX_RANGE = 1000;

function parseAtom(raw: string): ParamValue {
  const t = raw.trim();
  if (t === 'None' || t === 'null') return null;
  if (t === 'True' || t === 'true') return true;
  if (t === 'False' || t === 'false') return false;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  return t.replace(/^['"]|['"]$/g, '');
}

/** Steps in decimal, so 0.1..0.3 step 0.1 gives 0.1, 0.2, 0.3 and not 0.30000000000000004. */
function decimals(x: number): number {
  const s = String(x);
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

function parseRange(text: string): ParsedParam | null {
  const m = /^\s*([-+]?[\d.]+(?:e[-+]?\d+)?)\s*\.\.\s*([-+]?[\d.]+(?:e[-+]?\d+)?)\s*(?:step\s+([-+]?[\d.]+(?:e[-+]?\d+)?))?\s*$/i.exec(text);
  if (!m) return null;
  const [start, end] = [Number(m[1]), Number(m[2])];
  const step = m[3] !== undefined ? Number(m[3]) : 1;
  if (![start, end, step].every(Number.isFinite)) return { values: [], error: 'a range is start..end, or start..end step s, with numbers' };
  if (step <= 0) return { values: [], error: 'the step of a range must be above 0' };
  if (end < start) return { values: [], error: `the range ends (${end}) before it starts (${start})` };
  const count = Math.floor((end - start) / step + 1e-9) + 1;
  if (count > MAX_RANGE) return { values: [], error: `the range has ${count} values; at most ${MAX_RANGE}` };
  const places = Math.max(decimals(start), decimals(step));
  return { values: Array.from({ length: count }, (_, i) => Number((start + i * step).toFixed(places))), error: null };
}

/** Parses and checks a field against its parameter's rule; the error names the value at fault. */
export function parseParamText(text: string, def: ParamDef): ParsedParam {
  if (text.trim() === '') return { values: [], error: null };
  const parsed = parseRange(text) ?? { values: text.split(',').map(parseAtom), error: null };
  if (parsed.error) return parsed;
  if (parsed.values.some((v) => v === '')) return { values: [], error: 'an empty value between commas' };
  for (const v of parsed.values) {
    const why = def.check(v);
    if (why) return { values: [], error: `${formatValue(v)}: ${why}` };
  }
  const seen = new Set(parsed.values.map((v) => JSON.stringify(v)));
  if (seen.size !== parsed.values.length) return { values: [], error: 'a value is listed twice' };
  return parsed;
}

export function formatValue(v: ParamValue): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  return String(v);
}

export function formatValues(values: readonly ParamValue[]): string {
  return values.map(formatValue).join(', ');
}
