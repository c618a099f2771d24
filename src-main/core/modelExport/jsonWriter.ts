/**
 * JSON text in which integers and floating-point numbers are told apart by
 * their spelling, as XGBoost's reader tells them apart: a `Float32` is
 * written with a decimal point or an exponent (0 as "0.0"), a plain number
 * must be an integer and is written as one.
 */
import { float32Text } from './float32';

export class Float32 {
  constructor(readonly value: number) {}
}

export type JsonValue = string | number | boolean | null | Float32 | JsonValue[] | { [key: string]: JsonValue };

export function jsonText(value: JsonValue): string {
  if (value instanceof Float32) return float32Text(value.value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`jsonText: ${value} is not an integer; wrap floats in Float32`);
    return String(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`)
    .join(',')}}`;
}
