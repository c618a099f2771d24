import { ApiError, describeLocation } from '../../../../src-main/core/api/errors';
import { dismissNotice, expireNotices, nextExpiry, pushNotice, type NewNotice, type Notice } from './noticeStack';

export type { Notice } from './noticeStack';

/** The clock the store reads and the timer it sets, replaceable where time must be controlled. */
export interface NoticeClock {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

const systemClock: NoticeClock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** The shell's notices: one stack of errors that stay, and information that goes by itself (see noticeStack). */
class Notices {
  items = $state<Notice[]>([]);
  /** Set once the host connection is gone; stays until reload. */
  connectionLost = $state<string | null>(null);
  #nextId = 1;
  #timer: unknown = null;
  readonly clock: NoticeClock;

  constructor(clock: NoticeClock = systemClock) {
    this.clock = clock;
  }

  error(err: unknown, context?: string): void {
    if (err instanceof ApiError && err.code === 'cancelled') {
      this.info(err.message);
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    const location = err instanceof ApiError ? err.location : undefined;
    const where = location && !message.includes(location.file) ? describeLocation(location) : undefined;
    this.#push({ kind: 'error', message: context ? `${context}: ${message}` : message, where });
  }

  info(message: string): void {
    this.#push({ kind: 'info', message });
  }

  /** One notice by id; without an id, all of them (a fresh start: a project opened, a save that worked). */
  dismiss(id?: number): void {
    this.items = dismissNotice(this.items, id);
    this.#schedule();
  }

  #push(n: NewNotice): void {
    this.items = pushNotice(expireNotices(this.items, this.clock.now()), n, this.clock.now(), this.#nextId++);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#timer !== null) this.clock.clearTimer(this.#timer);
    this.#timer = null;
    const ms = nextExpiry(this.items, this.clock.now());
    if (ms === null) return;
    this.#timer = this.clock.setTimer(() => {
      this.#timer = null;
      this.items = expireNotices(this.items, this.clock.now());
      this.#schedule();
    }, ms);
  }
}

export const notices = new Notices();
