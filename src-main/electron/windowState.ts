/**
 * The window's last size and position, kept in a small JSON file in the
 * user-data folder and put back on the next launch. The file is checked on
 * read (a hand-edited or half-written file means "no saved state", never a
 * failed start), and the saved rectangle is fitted onto a display that still
 * exists, so a window last seen on an unplugged monitor opens where it can
 * be seen.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
}

export interface WindowPlacement {
  /** No x/y: let the OS place a window that has no saved position. */
  bounds: { width: number; height: number; x?: number; y?: number };
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1400, height: 900 } as const;
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;
export const WINDOW_STATE_FILE = 'window-state.json';
/** Far beyond any screen: a bigger number is a damaged file. */
const MAX_COORDINATE = 100_000;

export function parseWindowState(text: string): WindowState | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const int = (n: unknown, min: number) => Number.isInteger(n) && (n as number) >= min && (n as number) <= MAX_COORDINATE;
  if (!int(o.x, -MAX_COORDINATE) || !int(o.y, -MAX_COORDINATE) || !int(o.width, 1) || !int(o.height, 1) || typeof o.maximized !== 'boolean') return null;
  return { x: o.x as number, y: o.y as number, width: o.width as number, height: o.height as number, maximized: o.maximized };
}

/**
 * Where to open the window, given the saved state and the work areas of the
 * displays now attached (the primary display first). The saved rectangle
 * goes to the display it overlaps most, or the primary one if it overlaps
 * none; it is shrunk to fit that work area and moved inside it whole.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowPlacement {
  const primary = workAreas[0];
  if (!saved) {
    if (!primary) return { bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false };
    return { bounds: { width: Math.min(DEFAULT_WINDOW_SIZE.width, primary.width), height: Math.min(DEFAULT_WINDOW_SIZE.height, primary.height) }, maximized: false };
  }
  const width = Math.max(saved.width, MIN_WINDOW_SIZE.width);
  const height = Math.max(saved.height, MIN_WINDOW_SIZE.height);
  if (!primary) return { bounds: { x: saved.x, y: saved.y, width, height }, maximized: saved.maximized };
  const area = workAreas.reduce((best, a) => (overlap({ ...saved, width, height }, a) > overlap({ ...saved, width, height }, best) ? a : best), primary);
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  const x = clamp(saved.x, area.x, area.x + area.width - w);
  const y = clamp(saved.y, area.y, area.y + area.height - h);
  return { bounds: { x, y, width: w, height: h }, maximized: saved.maximized };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

/** The saved state, or null when there is none or it cannot be read. */
export function readWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Saves the state through a temporary file and a rename, so a crash while
 * writing leaves the previous state, not half a file. Failing to save a
 * window position is not worth an error dialog: the next launch just opens
 * at the default size.
 */
export function writeWindowState(file: string, state: WindowState): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, file);
    return true;
  } catch {
    return false;
  }
}
