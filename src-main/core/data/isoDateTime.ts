/**
 * Arrow dates and timestamps as ISO 8601 text, exactly: the epoch count is
 * split into whole days and the time of day with BigInt arithmetic, so a
 * nanosecond timestamp keeps its nine digits (a JavaScript Date keeps only
 * milliseconds). Years 0–9999 print as four digits, so within one column the
 * text sorts in time order; other years use ISO's expanded `±YYYYYY` form.
 */

/** Ticks of a timestamp unit per second, by Arrow's TimeUnit (SECOND, MILLISECOND, MICROSECOND, NANOSECOND). */
const TICKS_PER_SECOND = [1n, 1000n, 1_000_000n, 1_000_000_000n] as const;
/** Fraction digits written per unit: seconds get milliseconds, as `Date.toISOString` writes them. */
const FRACTION_DIGITS = [3, 3, 6, 9] as const;

const SECONDS_PER_DAY = 86_400n;
const MS_PER_DAY = 86_400_000n;

export type TimestampUnit = 0 | 1 | 2 | 3;

/** Floor division by a positive divisor (BigInt's `/` truncates toward zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b < 0n ? q - 1n : q;
}

/** Year, month, day of a day count since 1970-01-01 (proleptic Gregorian; Howard Hinnant's `civil_from_days`). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function pad(n: number | bigint, width: number): string {
  return String(n).padStart(width, '0');
}

function yearText(y: number): string {
  if (y >= 0 && y <= 9999) return pad(y, 4);
  return (y < 0 ? '-' : '+') + pad(Math.abs(y), 6);
}

function dateText(days: bigint): string {
  // |days| < 2^53 for any int64 count of seconds or coarser, so the civil arithmetic is exact in doubles.
  const [y, m, d] = civilFromDays(Number(days));
  return `${yearText(y)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** An Arrow `date32` value (days since the epoch) as `YYYY-MM-DD`. */
export function isoDate(days: number | bigint): string {
  return dateText(BigInt(days));
}

/**
 * An Arrow `timestamp` value as `YYYY-MM-DDTHH:MM:SS.fff…`, with `Z` when the
 * column has a time zone (its values are then UTC instants); a timestamp
 * without one is a wall-clock time in an unknown zone and gets no suffix.
 */
export function isoTimestamp(value: bigint, unit: TimestampUnit, utc: boolean): string {
  const perSecond = TICKS_PER_SECOND[unit];
  const perDay = perSecond * SECONDS_PER_DAY;
  const days = floorDiv(value, perDay);
  const inDay = value - days * perDay;
  const seconds = inDay / perSecond;
  const ticks = inDay % perSecond;
  const digits = FRACTION_DIGITS[unit];
  const fraction = unit === 0 ? '000' : pad(ticks, digits);
  const hh = seconds / 3600n;
  const mm = (seconds % 3600n) / 60n;
  const ss = seconds % 60n;
  return `${dateText(days)}T${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}.${fraction}${utc ? 'Z' : ''}`;
}

/**
 * An Arrow `date64` value (milliseconds since the epoch). The format says it
 * is a whole number of days, and then it prints as a date; a value with a
 * time of day keeps it (as a wall-clock timestamp) rather than losing it.
 */
export function isoDateFromMilliseconds(ms: bigint): string {
  return ms % MS_PER_DAY === 0n ? dateText(ms / MS_PER_DAY) : isoTimestamp(ms, 1, false);
}
