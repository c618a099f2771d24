import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, parseWindowState, placeWindow, readWindowState, writeWindowState } from '../../src-main/electron/windowState';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: -200, width: 2560, height: 1415 };

describe('the saved window state', () => {
  it('is read back as it was written', () => {
    const s = { x: 10, y: -20, width: 1200, height: 800, maximized: true };
    expect(parseWindowState(JSON.stringify(s))).toEqual(s);
  });

  it('is ignored when damaged, incomplete or absurd', () => {
    for (const text of ['', '{', 'null', '[]', '"x"', '{"x":0,"y":0,"width":1200,"height":800}', '{"x":0,"y":0,"width":1200,"height":800,"maximized":"no"}', '{"x":0.5,"y":0,"width":1200,"height":800,"maximized":false}', '{"x":0,"y":0,"width":0,"height":800,"maximized":false}', '{"x":0,"y":0,"width":1e9,"height":800,"maximized":false}', '{"x":"0","y":0,"width":1200,"height":800,"maximized":false}']) {
      expect(parseWindowState(text), text).toBeNull();
    }
  });
});

describe('placing the window', () => {
  it('opens at the default size, fitted to the screen, when nothing was saved', () => {
    expect(placeWindow(null, [laptop])).toEqual({ bounds: { width: DEFAULT_WINDOW_SIZE.width, height: 875 }, maximized: false });
    expect(placeWindow(null, [])).toEqual({ bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false });
  });

  it('goes back where it was when that is on a display', () => {
    const saved = { x: 1600, y: 0, width: 1800, height: 1000, maximized: false };
    expect(placeWindow(saved, [laptop, monitorRight])).toEqual({ bounds: { x: 1600, y: 0, width: 1800, height: 1000 }, maximized: false });
    expect(placeWindow({ ...saved, maximized: true }, [laptop, monitorRight]).maximized).toBe(true);
  });

  it('comes back onto the primary display when its monitor is gone', () => {
    const saved = { x: 1600, y: 0, width: 1800, height: 1000, maximized: false };
    expect(placeWindow(saved, [laptop])).toEqual({ bounds: { x: 0, y: 0, width: 1440, height: 875 }, maximized: false });
  });

  it('is moved inside the display it overlaps most, whole', () => {
    const saved = { x: 3800, y: 1000, width: 1000, height: 700, maximized: false };
    expect(placeWindow(saved, [laptop, monitorRight])).toEqual({ bounds: { x: 3000, y: 515, width: 1000, height: 700 }, maximized: false });
    expect(placeWindow({ ...saved, x: -500, y: -50 }, [laptop, monitorRight]).bounds).toMatchObject({ x: 0, y: 0 });
  });

  it('is never smaller than the smallest usable window', () => {
    const placed = placeWindow({ x: 10, y: 10, width: 100, height: 100, maximized: false }, [monitorRight, laptop]);
    expect(placed.bounds).toMatchObject({ width: MIN_WINDOW_SIZE.width, height: MIN_WINDOW_SIZE.height });
  });
});

describe('the window state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'assay-window-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through the disk, creating its folder', () => {
    const file = join(dir, 'nested', 'window-state.json');
    expect(readWindowState(file)).toBeNull();
    const s = { x: 1, y: 2, width: 1000, height: 700, maximized: false };
    expect(writeWindowState(file, s)).toBe(true);
    expect(readWindowState(file)).toEqual(s);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(s);
  });

  it('reads a damaged file as no state, and reports a failed write instead of throwing', () => {
    const file = join(dir, 'damaged.json');
    writeFileSync(file, '{"x":1,');
    expect(readWindowState(file)).toBeNull();
    expect(writeWindowState(join(file, 'under-a-file.json'), { x: 0, y: 0, width: 900, height: 600, maximized: false })).toBe(false);
  });
});
