import { ApiError } from '../core/api/errors';

/**
 * Numbers on the command line are read as decimal numbers only: `0.3`,
 * `.5`, `1e-3`, `-2`. JavaScript's Number() would also take `0x1`, `0b1`,
 * `0o7`, `Infinity`, an empty string (as 0) or surrounding spaces, so a typo
 * could pass as a value nobody meant.
 */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** `text` as a number, or a refusal naming the option, what it must be and what was given. */
export function parseDecimalOption(text: string, option: string, mustBe: string): number {
  const n = DECIMAL.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(n)) throw new ApiError('bad-input', `${option} must be ${mustBe}, written as a decimal number; not "${text}".`);
  return n;
}

/** A whole-number option (`--workers 2`). */
export function parseWholeOption(text: string, option: string, min: number): number {
  const n = /^\+?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new ApiError('bad-input', `${option} must be a whole number ≥ ${min}; not "${text}".`);
  return n;
}
