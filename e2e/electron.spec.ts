import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, _electron as electron } from '@playwright/test';

// Electron's binary comes from outside the npm registry; where it could not be
// fetched this test is skipped and the web-host tests cover the same UI. The
// window's security settings are unit-tested under test/electron either way.
function electronBinary(): string | null {
  const dir = join('node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(bin) ? bin : null;
}

const binary = electronBinary();

/** The few page globals the checks touch (this config has no DOM typings). */
interface PageWindow {
  open(url: string): unknown;
  location: { href: string };
  navigator: { geolocation: { getCurrentPosition(ok: () => void, fail: (e: { code: number }) => void, options: { timeout: number }): void } };
  Worker: new (url: string) => unknown;
  Blob: new (parts: string[]) => unknown;
  URL: { createObjectURL(blob: unknown): string };
  setTimeout(fn: () => void, ms: number): unknown;
  document: {
    body: { appendChild(node: unknown): void };
    createElement(tag: 'iframe'): { src: string; remove(): void };
    addEventListener(type: 'securitypolicyviolation', listener: (e: { effectiveDirective: string }) => void): void;
  };
}

const title = binary
  ? 'the desktop app opens the sample project in a locked-down window'
  : 'the desktop app opens the sample project in a locked-down window (skipped: no Electron binary here; it downloads from outside the npm registry)';

// One test, so a machine without Electron reports one skipped line.
test(title, async () => {
  test.skip(!binary, 'no Electron binary');
  const app = await electron.launch({ executablePath: binary!, args: ['.'], env: { ...process.env, ASSAY_HOME: join('tmp', 'electron-home') } });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
    const home = page.url();
    expect(home).toMatch(/^file:\/\/.*\/renderer\/index\.html/);

    await test.step('the page has no Node, only the bridge', async () => {
      const globals = await page.evaluate(() => {
        const w = globalThis as unknown as Record<string, unknown>;
        return { require: typeof w.require, process: typeof w.process, module: typeof w.module, Buffer: typeof w.Buffer, assay: typeof w.assay };
      });
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', assay: 'object' });
    });

    await test.step('eval is refused by the Content Security Policy', async () => {
      const outcome = await page.evaluate(() => {
        try {
          return String((0, eval)('1 + 1'));
        } catch (e) {
          return (e as Error).name;
        }
      });
      expect(outcome).toBe('EvalError');
    });

    await test.step('window.open opens nothing', async () => {
      const opened = await page.evaluate(() => {
        const w = globalThis as unknown as PageWindow;
        return w.open('https://example.com/') === null && w.open('about:blank') === null;
      });
      expect(opened).toBe(true);
      await page.waitForTimeout(500);
      expect(app.windows()).toHaveLength(1);
    });

    await test.step('navigation away is refused', async () => {
      for (const target of ['https://example.com/', 'file:///etc/hosts']) {
        await page.evaluate((url) => {
          (globalThis as unknown as PageWindow).location.href = url;
        }, target);
        await page.waitForTimeout(500);
        expect(page.url()).toBe(home);
      }
      // and the page still answers
      await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
    });

    await test.step('workers and frames are refused by the Content Security Policy', async () => {
      // The <meta> policy alone must refuse them: a file:// page may get no header policy.
      const outcome = await page.evaluate(
        () =>
          new Promise<{ worker: string; violations: string[] }>((resolve) => {
            const w = globalThis as unknown as PageWindow;
            const violations: string[] = [];
            w.document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
            let worker = 'created';
            try {
              new w.Worker(w.URL.createObjectURL(new w.Blob([''])));
            } catch (e) {
              worker = (e as Error).name;
            }
            // The app page itself, which the navigation guards allow: only frame-src can refuse it.
            const frame = w.document.createElement('iframe');
            frame.src = w.location.href;
            w.document.body.appendChild(frame);
            // Pacing only: violation reports arrive as events.
            w.setTimeout(() => {
              frame.remove();
              resolve({ worker, violations });
            }, 1000);
          }),
      );
      expect(outcome.worker === 'SecurityError' || outcome.violations.includes('worker-src'), JSON.stringify(outcome)).toBe(true);
      expect(outcome.violations, JSON.stringify(outcome)).toContain('frame-src');
    });

    await test.step('permission requests are denied', async () => {
      const code = await page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            (globalThis as unknown as PageWindow).navigator.geolocation.getCurrentPosition(
              () => resolve(0),
              (e) => resolve(e.code),
              { timeout: 5000 },
            ),
          ),
      );
      expect(code).toBe(1); // GeolocationPositionError.PERMISSION_DENIED
    });
  } finally {
    await app.close();
  }
});
