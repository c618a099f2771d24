/**
 * The shell's notices as plain data, so the rules can be tested without a
 * clock or a DOM. Errors collect in one stack and stay until dismissed: an
 * analyst who switches views still finds what went wrong. Information
 * ("Exported chart.png") is a status that goes by itself after a few
 * seconds, so it never sits over a view it does not belong to.
 */
export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
  /** "file, line L, column C" when the host said where. */
  where?: string;
  /** When it was last raised (ms, the clock's). */
  at: number;
  /** How many times in a row the same error was raised. */
  repeats: number;
}

/** Information disappears after this long. */
export const INFO_MS = 6000;
/** Errors kept at most; the oldest go first. */
export const MAX_ERRORS = 5;

export type NewNotice = Pick<Notice, 'kind' | 'message' | 'where'>;

/**
 * Adds a notice. Information replaces any earlier information (only the
 * latest status matters); an error equal to one already shown moves to the
 * top with its repeat count raised instead of being listed twice.
 */
export function pushNotice(list: readonly Notice[], n: NewNotice, now: number, id: number): Notice[] {
  if (n.kind === 'info') return [...list.filter((x) => x.kind !== 'info'), { ...n, id, at: now, repeats: 1 }];
  const same = list.find((x) => x.kind === 'error' && x.message === n.message && x.where === n.where);
  const errors = list.filter((x) => x.kind === 'error' && x !== same);
  const added: Notice = { ...n, id: same?.id ?? id, at: now, repeats: (same?.repeats ?? 0) + 1 };
  const kept = [...errors, added].slice(-MAX_ERRORS);
  return [...kept, ...list.filter((x) => x.kind === 'info')];
}

/** The notices still due at `now`: information older than INFO_MS is gone. */
export function expireNotices(list: readonly Notice[], now: number): Notice[] {
  return list.filter((x) => x.kind === 'error' || now - x.at < INFO_MS);
}

/** Milliseconds until the next notice expires, or null when none will. */
export function nextExpiry(list: readonly Notice[], now: number): number | null {
  const due = list.filter((x) => x.kind === 'info').map((x) => Math.max(0, x.at + INFO_MS - now));
  return due.length ? Math.min(...due) : null;
}

/** Without an id, every notice goes. */
export function dismissNotice(list: readonly Notice[], id?: number): Notice[] {
  return id === undefined ? [] : list.filter((x) => x.id !== id);
}
